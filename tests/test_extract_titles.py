"""Headlines lose the site's name and what comes with it."""

from __future__ import annotations

from worker.extract.titles import strip_site_affixes


def test_site_name_between_headline_and_tagline_is_cut_with_the_tagline() -> None:
    title = "Harbour wind farm approved – Harbour Gazette – News that matters to you"
    assert strip_site_affixes(title, ["Harbour Gazette"]) == "Harbour wind farm approved"


def test_headline_with_no_site_part_is_kept_whole() -> None:
    title = "Harbour wind farm approved – the vote explained"
    assert strip_site_affixes(title, ["Harbour Gazette"]) == title
