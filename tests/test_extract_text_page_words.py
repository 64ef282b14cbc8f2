"""A page's reading around another lead (`text_page_words.PageWords(..., like=...)`) shares the answers that
do not depend on the lead, and gives the same ones a fresh reading gives. The page is written here."""

from __future__ import annotations

from worker.extract.text_page_words import PageWords

PAGE = [
    "Harbour Notes",
    "Ferry Timetables Change For The Winter",
    "Maren Holt",
    "The harbour's ferries will sail less often from next month, the operator said on Monday.",
    "Ferry Timetables is a phrase the operator uses in its notices, and so is harbour to most readers.",
]


def test_a_reading_at_another_lead_answers_as_a_fresh_one() -> None:
    first = PageWords(PAGE, 3)
    for line in PAGE:
        first.is_bare_name(line)
    moved, fresh = PageWords(PAGE, 1, like=first), PageWords(PAGE, 1)
    assert [moved.is_bare_name(line) for line in PAGE] == [fresh.is_bare_name(line) for line in PAGE]
    assert moved.is_bare_name("Maren Holt") and not moved.is_bare_name("Harbour Notes")


def test_a_reading_of_other_lines_shares_nothing() -> None:
    first = PageWords(PAGE, 3)
    first.is_bare_name("Maren Holt")
    other = PageWords(["Maren Holt", "maren holt wrote this line in lowercase for the test."], 0, like=first)
    assert not other.is_bare_name("Maren Holt")
