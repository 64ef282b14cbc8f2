"""Blank lines in a page copied as text: which lines the copy set apart, and what the labeller reads of it."""

from __future__ import annotations

from tests.test_text_labels import PROSE
from worker.clean.text import TextLayout, clean_text
from worker.extract.text import extract_text_metadata
from worker.extract.text_anchors import anchors
from worker.extract.text_labels import features, page_view, window

MENU = ["Home", "Timetables", "Fares and Passes", "Island Walks", "Harbour Events", "Contact Us"]
HEADLINE = "Harbour Authority Approves New Ferry Terminal"


def _copy(*blocks: list[str]) -> str:
    """A page as a browser copies it: each block's lines packed, a blank line between blocks."""
    return "\n\n".join("\n".join(block) for block in blocks)


def _signs(layout: TextLayout) -> dict[str, list[str]]:
    top, lead = anchors(layout.lines, layout.body)
    view = page_view(layout.lines, layout.body, top, lead, layout.stopwords, gaps=layout.gaps)
    lines = window(view)
    return dict(zip((layout.lines[i] for i in lines), features(view, lines), strict=True))


def test_layout_marks_the_lines_a_blank_line_stands_above() -> None:
    layout = clean_text(_copy(MENU, [HEADLINE], PROSE[:1]))
    assert layout.gaps == {0, len(MENU), len(MENU) + 1}


def test_a_copy_without_blank_lines_has_no_gaps() -> None:
    """A copy that kept no blank line says nothing of which lines stand apart."""
    assert clean_text("\n".join([*MENU, HEADLINE, *PROSE])).gaps is None


def test_a_line_set_apart_and_a_packed_menu_entry_read_differently() -> None:
    signs = _signs(clean_text(_copy(MENU, [HEADLINE], *([p] for p in PROSE))))
    assert "gap:11" in signs[HEADLINE]
    assert "gap:00" in signs["Island Walks"]
    assert "gap:10" in signs["Home"]  # the first of its block
    assert "gap:01" in signs["Contact Us"]  # the last


def test_no_gap_sign_when_the_copy_kept_no_blank_line() -> None:
    signs = _signs(clean_text("\n".join([*MENU, HEADLINE, *PROSE])))
    assert not any(sign.startswith("gap:") for sign in signs[HEADLINE])


def test_the_headline_set_apart_wins_over_a_packed_menu_of_title_case_entries() -> None:
    menu = [*MENU, "Harbour Master Answers Your Questions", "Island Ferry Photo Competition Winners"]
    text = _copy(menu, [HEADLINE], ["By Jane Doe"], *([p] for p in PROSE))
    assert extract_text_metadata(clean_text(text)).title == HEADLINE


def test_a_line_reads_whether_its_neighbours_are_set_apart() -> None:
    """A headline with its byline packed under it, the block set apart: each reads the other's gaps."""
    signs = _signs(clean_text(_copy(MENU, [HEADLINE, "By Jane Doe"], *([p] for p in PROSE))))
    assert "-1:gap:10" in signs["By Jane Doe"]  # the headline: a blank line above it, none below
    assert "1:gap:01" in signs[HEADLINE]  # the byline: none above it, a blank line below
