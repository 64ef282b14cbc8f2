"""`lowercase_words`: how many of an ASCII line's spaced words open in lowercase, as `looks_like_prose`
counts them to tell running text from a Title Case menu line."""

from __future__ import annotations

from worker.extract.text_signs import looks_like_prose, lowercase_words


def test_a_word_counts_by_its_first_letter_only() -> None:
    """ "iPhone" counts, "McKay" and "(today)" do not: only a word's opening character is read."""
    assert lowercase_words("McKay buys an iPhone in Harbour Town (today)") == 4


def test_words_part_where_str_split_parts_them() -> None:
    """A tab, a run of spaces or an information separator ("\\x1c") starts a word, as `str.split` has it."""
    line = "harbour\tTown  mayor\x1cspeaks 'later' -now 9am"
    assert lowercase_words(line) == sum(word[0].islower() for word in line.split()) == 3


def test_prose_and_a_menu_line_are_told_apart_as_before() -> None:
    prose = "The harbour authority voted on Tuesday evening to approve the new ferry terminal."
    menu = "Home World Politics Business Technology Science Health Sports Culture Travel"
    assert looks_like_prose(prose)
    assert not looks_like_prose(menu)
