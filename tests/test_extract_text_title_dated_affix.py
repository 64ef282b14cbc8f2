"""A post's date printed beside its headline on the headline's line, after or before a separator
("Headline / Dec 2025", "March 3, 2025 | Headline"), is the post's date, not words of its headline: the
title is the headline alone. So is a full date glued before a capitalised headline with no separator
("Dec 18 2025 Headline", a blog's list of posts). A separator that sets no date apart, and a colon, stay.

The pages here are written for the purpose.
"""

from __future__ import annotations

import pytest

from worker.clean.text import clean_text
from worker.extract.text import extract_text_metadata
from worker.extract.text_not_headline import without_dated_affix

LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = "Residents had argued that the terminal would bring traffic to the old quarter and its lanes."


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Ferry Day 12: Mooring the New Pontoon / Dec 2025", "Ferry Day 12: Mooring the New Pontoon"),
        ("March 3, 2025 | Harbour Opens Its New Terminal", "Harbour Opens Its New Terminal"),
        ("Harbour opens its new terminal - 2025-03-01", "Harbour opens its new terminal"),
        ("Le port ouvre son terminal – 3 mars 2025", "Le port ouvre son terminal"),
    ],
)
def test_a_date_beside_the_headline_is_dropped(title: str, headline: str) -> None:
    assert without_dated_affix(title) == headline


@pytest.mark.parametrize(
    "title",
    [
        "Harbour Budget - The Year in Review",  # no date after the separator
        "Update: March 3, 2025",  # a colon opens the headline, it sets no date apart
        "Vote - November 2024",  # too little left once the date is cut
        "Ferry Notes | Jan 5",  # a day without a year dates nothing for sure
        "Harbour Opens Its New Terminal",
    ],
)
def test_other_titles_stay_as_they_are(title: str) -> None:
    assert without_dated_affix(title) == title


def test_a_text_page_gives_its_headline_without_the_date_beside_it() -> None:
    text = "\n\n".join(
        [
            "Harbour Notes",
            "Projects Notes Talks",
            "Ferry Day 12: Mooring the New Pontoon / Dec 2025",
            LEAD,
            SECOND,
        ]
    )
    assert extract_text_metadata(clean_text(text)).title == "Ferry Day 12: Mooring the New Pontoon"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Dec 18 2025 Mooring the New Pontoon", "Mooring the New Pontoon"),
        ("2025-12-18 Harbour opens its new terminal", "Harbour opens its new terminal"),
        ("Thursday, December 18, 2025 Harbour Opens Its Terminal", "Harbour Opens Its Terminal"),
    ],
)
def test_a_full_date_glued_before_the_headline_is_dropped(title: str, headline: str) -> None:
    assert without_dated_affix(title) == headline


@pytest.mark.parametrize(
    "title",
    [
        "December 2025 Jobs Report Shows Growth",  # a month and its year: the headline's own words
        "May 5 Things to Know Before Sailing",  # no year: a number of the headline
        "Dec 18 2025 the harbour opens",  # a lowercase word goes on the date's sentence
        "Dec 18 2025 Harbour Opens",  # too little left once the date is cut
    ],
)
def test_a_headline_opening_with_no_full_date_keeps_its_words(title: str) -> None:
    assert without_dated_affix(title) == title
