"""The block stage's readings that look only where the answer can be: a sentence's end near the
text's end, a marker among a short text's first words, a named box's length up to the limit."""

from __future__ import annotations

from worker.clean.html_blocks import ends_as_sentence, is_marker
from worker.clean.html_slim import to_soup
from worker.clean.html_walk import SOFT_MAX_CHARS, make_blocks
from worker.parse import parse_html

LONG = "The ferry to the island ran twice a day all summer and the harbour master kept a log of it " * 12


def test_a_long_paragraph_ends_as_a_sentence_before_its_trailing_space() -> None:
    assert ends_as_sentence(LONG + "and that was all.  \n ")


def test_an_emoticon_closing_a_long_paragraph_ends_it_as_a_sentence() -> None:
    assert ends_as_sentence(LONG + "see you there :-)")


def test_a_full_stop_inside_a_long_paragraph_is_not_its_end() -> None:
    assert not ends_as_sentence("It opened. " + LONG + "and closed again without a word")


def test_a_share_prompt_is_a_marker() -> None:
    assert is_marker("Share this")


def test_a_paragraph_that_opens_with_a_marker_word_is_no_marker() -> None:
    assert not is_marker("Share this " + LONG)


def _blocks(body: str) -> list:
    root = parse_html(f"<html><body>{body}</body></html>")
    return make_blocks(to_soup([root.find("body")]))


def test_a_short_byline_box_is_read_as_a_soft_named_box() -> None:
    blocks = _blocks("<div class='byline'><p>By Jane Doe, harbour reporter</p></div>")
    assert [b.soft_named for b in blocks] == [True]


def test_a_byline_named_box_longer_than_a_box_of_captions_is_not_soft_named() -> None:
    text = LONG * (SOFT_MAX_CHARS // len(LONG) + 1)
    blocks = _blocks(f"<div class='byline'><p>{text}</p></div>")
    assert [b.soft_named for b in blocks] == [False]
