"""A byline printed a few lines under the headline is the article's, even when the lead the body
classifier found stands far below it (a list of the products reviewed read as the first prose)."""

from __future__ import annotations

from worker.extract.text_bylines import byline_under_headline
from worker.extract.text_page_words import PageWords

LEAD = "The council approved the new ferry link to the islands on Tuesday, after two years of hearings."


def _byline(lines: list[str], headline: int) -> str | None:
    return byline_under_headline(lines, headline, PageWords(lines, len(lines) - 1))


def test_byline_right_under_the_headline_is_read() -> None:
    lines = ["Menu", "The Best Ferry Cabins", "by Ana Ruiz", "6 Comments", "Cabin One", LEAD]
    assert _byline(lines, 1) == "by Ana Ruiz"


def test_byline_is_read_up_to_its_first_separator() -> None:
    lines = [
        "The Best Ferry Cabins",
        "We slept in twelve cabins on four routes.",
        "Credit: Ana Ruiz",
        "By Ana Ruiz ⋅ Review Editor ⋅ Updated May 6, 2025",
        LEAD,
    ]
    assert _byline(lines, 0) == "By Ana Ruiz"


def test_a_reviewer_under_the_headline_is_no_byline() -> None:
    lines = ["The Best Ferry Cabins", "Reviewed by Ana Ruiz", "Cabin One", LEAD]
    assert _byline(lines, 0) is None


def test_a_byline_far_under_the_headline_is_not_the_headline_s() -> None:
    lines = [
        "The Best Ferry Cabins",
        "Cabin One",
        "Cabin Two",
        "Cabin Three",
        "Cabin Four",
        "By Ana Ruiz",
        LEAD,
    ]
    assert _byline(lines, 0) is None


def test_a_line_opening_with_a_byline_word_that_names_single_words_is_no_byline() -> None:
    lines = ["Das Festival der Stadt", "von Künstlern, Bands, DJs,", "und vielen mehr", LEAD]
    assert _byline(lines, 0) is None


def test_a_byline_going_on_with_its_date_and_time_is_read_up_to_the_date() -> None:
    lines = [
        "The Best Ferry Cabins",
        "By Ana Ruiz , Tomas Vellinga on Tuesday, May 7th, 2024 at 9:12 a.m.",
        "Cabin One",
        LEAD,
    ]
    assert _byline(lines, 0) == "By Ana Ruiz , Tomas Vellinga"


def test_a_long_line_opening_with_by_and_no_date_is_no_byline() -> None:
    lines = [
        "The Best Ferry Cabins",
        "By the time the last ferry of the winter season leaves the harbour, most cabins are empty again",
        LEAD,
    ]
    assert _byline(lines, 0) is None
