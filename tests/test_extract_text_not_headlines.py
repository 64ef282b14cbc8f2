"""Lines a blog prints around the article that have a headline's shape and are never its headline:
links to its previous and next posts ("← Older title", "Newer title →"), another post's title; the
post's tags ("Boats, Harbour, Winter, Diary"). Pages written for the purpose."""

from __future__ import annotations

import pytest

from worker.extract.text_header import read_header
from worker.extract.text_not_headline import is_month_and_year, is_post_link, is_tag_list, never_headline
from worker.extract.text_page_words import PageWords

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


@pytest.mark.parametrize(
    "line",
    ["amiga, dogs, floppy, Hunde, Hundeleben", "Travel, Food, Photography, City Breaks"],
)
def test_four_short_parts_between_commas_are_a_tag_list(line: str) -> None:
    assert is_tag_list(line)


@pytest.mark.parametrize(
    "line",
    [
        "Özil, Salut und Kreuzketten",  # a headline's list is shorter
        "Rain, wind and snow: the storm that closed the ferry, the port and the quay",  # longer phrases
    ],
)
def test_headlines_with_commas_are_no_tag_list(line: str) -> None:
    assert not is_tag_list(line)


def test_the_tag_list_right_above_the_lead_is_not_the_headline() -> None:
    lines = [
        "Harbour Notes",
        "Back on the water after a long winter",
        "≈ Leave a comment",
        "Tags",
        "Boats, Harbour, Winter, Diary, Ferries, Sea",
        LEAD,
        SECOND,
    ]
    assert read_header(lines, [5, 6]).title == "Back on the water after a long winter"


def test_the_first_entry_of_a_numbered_list_going_on_below_the_lead_is_never_the_headline() -> None:
    lines = [
        "The Best Ferry Routes of the Year",
        "1. Harbour to Lighthouse Point",
        LEAD,
        "2. Old Quarter to the Islands",
        SECOND,
    ]
    common = PageWords(lines, 2)
    assert never_headline("1. Harbour to Lighthouse Point", common)
    assert not never_headline("The Best Ferry Routes of the Year", common)


@pytest.mark.parametrize("line", ["Januar 2022", "September 2024", "Sept. 2019", "mars 2021"])
def test_a_month_and_its_year_alone_is_never_the_headline(line: str) -> None:
    assert is_month_and_year(line)


@pytest.mark.parametrize("line", ["March 2022 Was the Wettest on Record", "Class of 2022", "May Day 2023"])
def test_a_headline_holding_a_month_or_a_year_is_not_a_bare_date(line: str) -> None:
    assert not is_month_and_year(line)
