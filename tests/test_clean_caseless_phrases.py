"""CaselessPhrases: phrases found in a line exactly where a case-insensitive pattern of them finds them."""

from __future__ import annotations

import re
import string

from worker.clean.phrases import ASCII_FOLDS, CaselessPhrases

_PHRASES = CaselessPhrases("©", "(c)", "copyright", "with files from")


def test_finds_a_phrase_in_any_case() -> None:
    assert _PHRASES.found_in("COPYRIGHT 2024 The Harbour Gazette")
    assert _PHRASES.found_in("Made with files from the archive")


def test_finds_a_sign_without_case() -> None:
    assert _PHRASES.found_in("Photo © Jane Doe")


def test_misses_a_line_without_the_phrases() -> None:
    assert not _PHRASES.found_in("The harbour reopened on Tuesday, officials said.")


def test_reads_a_letter_the_pattern_folds_to_ascii_as_the_pattern_does() -> None:
    line = "Copyr\u0130ght 2024"  # a dotted capital I, which re.IGNORECASE takes for "i"
    assert _PHRASES.found_in(line) == (_PHRASES.pattern.search(line) is not None)
    assert _PHRASES.found_in(line)


def test_the_folded_letters_are_all_that_ignorecase_takes_for_ascii_letters() -> None:
    folded = set()
    for code in range(0x80, 0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or (char.lower() == char and char.upper() == char):
            continue  # surrogates, and characters without case: each matches only itself
        matched = any(re.fullmatch(letter, char, re.IGNORECASE) for letter in string.ascii_lowercase)
        if matched or any(letter in char.lower() for letter in string.ascii_lowercase):
            folded.add(char)
    assert folded == ASCII_FOLDS
