"""`capitalised_words`: how many of an ASCII line's spaced words open with a capital, as the line
labeller's capital-share sign counts them."""

from __future__ import annotations

from worker.extract.text_signs import capitalised_words


def test_a_word_counts_by_its_first_letter_only() -> None:
    """ "McKay" counts once, "iPhone" not at all: only a word's opening letter is read."""
    assert capitalised_words("McKay buys an iPhone in Harbour Town") == 3


def test_words_part_where_str_split_parts_them() -> None:
    """A tab, a run of spaces or an information separator ("\\x1c") starts a word, as `str.split` has it."""
    line = "Harbour\tTown  Mayor\x1cSpeaks (Today) -Later"
    assert capitalised_words(line) == sum(word[0].isupper() for word in line.split()) == 4
