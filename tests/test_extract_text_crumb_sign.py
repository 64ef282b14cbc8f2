"""A breadcrumb's or a window title's separator is one that stands apart from the words ("Home >
Blog", "Headline | Site"); one glued between two words belongs to them: a date ("12/19/2025"), "and/or",
a tag in a headline about markup ("<br>"). Such a headline is no breadcrumb. Lines written for the purpose."""

from __future__ import annotations

import pytest

from worker.extract.text_header import read_header
from worker.extract.text_signs import CRUMB_SIGN


@pytest.mark.parametrize(
    "line",
    [
        "Home > Garden > Roses",
        "Pruning Roses | Garden Weekly",
        "Home » Garden",
        "Garden · Roses",
        "Home / Garden",
    ],
)
def test_a_separator_standing_apart_is_a_crumb_sign(line: str) -> None:
    assert CRUMB_SIGN.search(line)


@pytest.mark.parametrize(
    "line",
    ["Club Notes 03/14/2024", "Fifty Years of the <table> Tag", "Prune and/or Feed Your Roses in March"],
)
def test_a_separator_glued_between_words_is_no_crumb_sign(line: str) -> None:
    assert not CRUMB_SIGN.search(line)


def test_a_headline_with_a_date_written_with_slashes_stands_over_its_byline() -> None:
    lines = [
        "Garden Weekly",
        "Club Notes 03/14/2024",
        "By Ana Ruiz",
        "March 14, 2024",
        "The rose club met on Thursday evening to plan the spring show, and agreed to move it to the old "
        "market hall after the rains flooded the park last year.",
        "Members also voted on a new treasurer, who will take over the accounts in April.",
    ]
    assert read_header(lines, [4, 5]).title == "Club Notes 03/14/2024"


def test_a_sign_glued_after_a_word_counts_before_a_space_but_an_arrow_does_not() -> None:
    """A trail that lost its space on one side ("Home| Garden") still shows its sign; "Home> Garden" reads
    as a tag's end."""
    assert CRUMB_SIGN.search("Home| Garden")
    assert not CRUMB_SIGN.search("Home> Garden")
