"""Headlines lose the site's name and what comes with it."""

from __future__ import annotations

from worker.extract.titles import choose_title, strip_site_affixes


def test_site_name_between_headline_and_tagline_is_cut_with_the_tagline() -> None:
    title = "Harbour wind farm approved – Harbour Gazette – News that matters to you"
    assert strip_site_affixes(title, ["Harbour Gazette"]) == "Harbour wind farm approved"


def test_headline_with_no_site_part_is_kept_whole() -> None:
    title = "Harbour wind farm approved – the vote explained"
    assert strip_site_affixes(title, ["Harbour Gazette"]) == title


def test_a_heading_that_writes_only_the_titles_affix_is_the_sites_name() -> None:
    meta = ["Harbour wind farm approved after a two-year review | Gazette Online"]
    assert choose_title(meta, ["Gazette Online"], []) == "Harbour wind farm approved after a two-year review"


def test_a_heading_that_writes_the_titles_first_part_is_the_headline() -> None:
    meta = ["Harbour wind farm approved | Gazette Online"]
    assert choose_title(meta, ["Harbour wind farm approved"], []) == "Harbour wind farm approved"


def test_a_title_part_ending_in_a_host_name_is_the_site() -> None:
    headline = "Harbour wind farm approved"
    assert strip_site_affixes(f"{headline} | HarbourGazette.com", []) == headline
    title = "Harbour Gazette | harbourgazette.co.uk - Harbour wind farm approved"
    assert strip_site_affixes(title, []) == "Harbour wind farm approved"
