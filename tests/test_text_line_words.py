"""The words a line of a page copied as text is measured by (`Line.tokens`): runs of letters, digits,
underscores, apostrophes and hyphens, opening with no apostrophe or hyphen. Lines written for the purpose."""

from __future__ import annotations

import sys

import pytest

from worker.clean.text_line_model import ASCII_WORD, WORD, ascii_words
from worker.clean.text_lines import read_lines


def test_an_ascii_line_keeps_apostrophes_and_hyphens_inside_its_words() -> None:
    (line,) = read_lines("Don't re-plant the 'Queen' roses -- x--y_2!")
    assert line.tokens == ["don't", "re-plant", "the", "queen'", "roses", "x--y_2"]


@pytest.mark.parametrize(
    "text",
    ["", "--", "'-'", "-a 'b c'd e- -'f", "a\tb\x0bc\x1fd", "(555) 010-2030; ok?", "__init__ is 1_000"],
)
def test_ascii_words_are_the_word_patterns_words(text: str) -> None:
    assert ascii_words(text) == ASCII_WORD.findall(text)


def test_a_line_beyond_ascii_is_read_by_the_unicode_pattern() -> None:
    (line,) = read_lines("L’école d’été à Zürich")
    assert line.tokens == WORD.findall("l’école d’été à zürich")


def test_a_printable_character_lowercases_to_printable_ones() -> None:
    """`read_lines` re-spaces a printable line's key only for a double space: it relies on this."""
    assert all(chr(c).lower().isprintable() for c in range(sys.maxunicode + 1) if chr(c).isprintable())


def test_a_key_is_single_spaced_whatever_the_spaces_inside() -> None:
    (line,) = read_lines("Harbour\u2003Town  News", frozenset())
    assert line.key == "harbour town news"
