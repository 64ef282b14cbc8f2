"""A name with its job title on one line under the headline, a shown day on that line or just under
it, signs the article ("Marta Quell Founder & Lead Reviewer" / "Updated Feb 27, 2026"); a date and a
comment count after a name are no title, and a titled name with no day beside it is an author card."""

from __future__ import annotations

from worker.extract.text_bylines import name_with_title_on_line
from worker.extract.text_page_words import PageWords

LEAD = (
    "The harbour council approved the new ferry link to the islands on Tuesday, after two years of "
    "hearings in which the fishermen and the island schools asked for an earlier morning crossing."
)
PROSE = [LEAD] * 3


def _name(lines: list[str]) -> str | None:
    lead = lines.index(LEAD)
    return name_with_title_on_line(lines, 0, lead, PageWords(lines, lead))


def test_a_name_with_its_job_title_over_a_day_signs_the_article() -> None:
    lines = ["Why Ferries Run Late", "Marta Quell Founder & Lead Reviewer", "Updated Feb 27, 2026", *PROSE]
    assert _name(lines) == "Marta Quell"


def test_the_title_may_go_on_after_a_bar_and_the_day_stand_two_lines_below() -> None:
    lines = [
        "Why Ferries Run Late",
        "Marta Quell Contributing Writer | Ferries, harbours and island life",
        "Fact checked by: Tom Berg",
        "Updated: March 12, 2026",
        *PROSE,
    ]
    assert _name(lines) == "Marta Quell"


def test_a_date_and_a_comment_count_after_a_name_are_no_title() -> None:
    lines = ["Why Ferries Run Late", "Marta Quell December 9, 2024 0 Comments", *PROSE]
    assert _name(lines) is None


def test_a_titled_name_with_no_day_beside_it_signs_nothing() -> None:
    lines = ["Why Ferries Run Late", "Marta Quell Senior Editor", "Share this article", *PROSE]
    assert _name(lines) is None


def test_a_titled_name_right_under_a_headline_of_a_sentences_length_signs_it_undated() -> None:
    lines = ["Why the island ferries run late every winter", "Marta Y. Quell Senior Contributor", *PROSE]
    assert _name(lines) == "Marta Y. Quell"


def test_an_initial_is_no_word_of_the_page() -> None:
    lines = [
        "Why Ferries Run Late",
        "Marta Y. Quell Senior Editor",
        "Updated Feb 27, 2026",
        *PROSE,
        "Y la isla",
    ]
    assert _name(lines) == "Marta Y. Quell"
