"""A line's share of capitalised content words (`Line.caps`), which headline case is told by."""

from __future__ import annotations

from worker.clean.text_lines import read_lines


def _caps(text: str) -> float:
    (line,) = read_lines(text, frozenset({"of", "the", "a"}))
    return line.caps


def test_a_word_with_a_capital_inside_counts_once() -> None:
    """A capital past the first letter ("iPhone", "McKay's") marks its word; "mid-West" is one word."""
    assert _caps("iPhone sales McKay's mid-West plan") == 3 / 5


def test_stopwords_are_left_out_of_the_share() -> None:
    assert _caps("Mayor of the Harbour Town") == 1.0


def test_a_line_in_lowercase_has_no_capitals() -> None:
    assert _caps("a quiet morning by the river") == 0.0


def test_a_non_ascii_line_counts_its_words_the_same_way() -> None:
    assert _caps("Zürich sales rise in école ÉTÉ") == _caps("Zurich sales rise in ecole ETE")


def test_signs_other_than_apostrophes_and_hyphens_part_words() -> None:
    """ "Harbour/Town" is two capitalised words, "rates-Rise" one, and the "A" of "q&A" a word of its own."""
    assert _caps("Harbour/Town rates-Rise q&A quiet") == 4 / 5


def test_a_non_ascii_line_counts_as_its_words_compared_one_by_one() -> None:
    """Curly apostrophes join a word ("McKay’S" once), a circled letter is no word, a word's capitals
    past the first count once; a line with "İ" (two characters in lowercase) or a character past the
    Basic Multilingual Plane reads the same as those compared word by word."""
    from worker.clean.text_line_model import WORD

    for text in (
        "McKay’S Ⓐ plan for “Zürich” — ÉcolE rises",
        "İstanbul harbour İS open to Ölçek",
        "𐐀 Deseret name beside Harbour 😀 news",
        "’Tis the Season’s end, -Nord",
    ):
        (line,) = read_lines(text, frozenset({"of", "the", "a"}))
        content = len(line.tokens) - round(line.stop * len(line.tokens))
        by_word = sum(map(str.__ne__, WORD.findall(text), line.tokens))
        assert line.caps == min(by_word, content) / content
