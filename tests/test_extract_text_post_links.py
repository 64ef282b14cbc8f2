"""A blog prints links to its previous and next posts around the article ("← Older title", "Newer
title →"): another post's title, headline-shaped, never this page's headline. Pages written for the
purpose."""

from __future__ import annotations

import pytest

from worker.extract.text_header import read_header
from worker.extract.text_headline import is_post_link

LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = (
    "Residents had argued that the terminal would bring traffic to the old quarter and its narrow streets."
)


@pytest.mark.parametrize(
    "line",
    [
        "← Lighthouse Keeper Retires After Forty Years",
        "Neue Beete für das nächste Jahr →",
        "« Tomaten im Winter ziehen",
        "Le prochain article ›",
        "Nächster Beitrag »",
    ],
)
def test_a_line_led_or_closed_by_an_arrow_links_another_post(line: str) -> None:
    assert is_post_link(line)


@pytest.mark.parametrize(
    "line",
    [
        "«Gute Löhne allein reichen nicht»",  # a quoted headline, Swiss style
        "« Le port ouvre un nouveau terminal »",  # French quotes, spaced
        "»Der Hafen wächst weiter«",  # German quotes, reversed
        "Home › Ferry terminal approved",  # one breadcrumb step
        "Ferry terminal approved after two years",
    ],
)
def test_quotes_crumbs_and_headlines_link_no_post(line: str) -> None:
    assert not is_post_link(line)


def test_the_link_to_the_older_post_above_the_byline_is_not_the_headline() -> None:
    lines = [
        "Harbour Notes",
        "Post navigation",
        "Ferry terminal approved",
        "← Lighthouse Keeper Retires After Forty Years",
        "By Ana Ruiz",
        LEAD,
        SECOND,
    ]
    assert read_header(lines, [5, 6]).title == "Ferry terminal approved"
