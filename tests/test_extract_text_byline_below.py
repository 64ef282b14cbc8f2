"""Bylines read from the lines below a text page's article (`text_byline_below.byline_below`) and a
piece's kind before its byline (`text_cluster.kind_byline`). The pages are written here."""

from __future__ import annotations

from worker.extract.text_byline_below import byline_below
from worker.extract.text_cluster import kind_byline
from worker.extract.text_page_words import PageWords

LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)


def _below(*lines: str) -> list[str]:
    """The byline read under an article's last paragraph, from these lines on."""
    return byline_below([LEAD, *lines], 1)


def test_a_line_opening_like_a_byline_in_a_phrase_does_not_end_the_search() -> None:
    assert _below("By subscribing you agree to our terms", "Written by Ana Ruiz") == ["Written by Ana Ruiz"]


def test_code_opening_with_by_does_not_end_the_search() -> None:
    assert _below("by simp only [h1, h2] at this", "Article by", "Ana Ruiz") == ["by Ana Ruiz"]


def test_a_login_signing_below_the_article_still_ends_the_search() -> None:
    # A login names nobody a reader keeps, but it is the signature: no later line stands in for it.
    assert _below("by lupa on March 4, 2025", "Written by Ana Ruiz") == ["by lupa on March 4, 2025"]


def _kind(line: str) -> str | None:
    lines = ["Ferry terminal approved after two years", line, "March 4, 2025", LEAD]
    return kind_byline(line, PageWords(lines, 3))


def test_a_kind_byline_ends_the_name_where_a_job_title_starts() -> None:
    assert _kind("Guide by Ana Ruiz Deputy Editor") == "Ana Ruiz"


def test_a_kind_byline_is_not_cut_at_a_menus_lowercase_word() -> None:
    assert _kind("Guidance by Sector Expand or Collapse") is None
