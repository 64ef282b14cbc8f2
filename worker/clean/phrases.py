"""Phrase lists as one regular expression that shares their common prefixes (the marker lists of
`clean.text_lines`, the header's sign words)."""

from __future__ import annotations

import re
from collections.abc import Iterable

BOUNDARY = "\x00"  # in a phrase given to `phrase_tree`: a word boundary (\\b) must follow


def phrase_tree(phrases: Iterable[str]) -> str:
    """The phrases as one pattern sharing their common prefixes ("cookie (?:policy|settings)"): the same
    matches as a plain alternation, but the engine tries a few first letters at each place instead of
    every phrase, which matters when one search runs over a whole page."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [
            (r"\b" if char == BOUNDARY else re.escape(char)) + pattern(node[char])
            for char in sorted(node)
            if char
        ]
        if not branches:
            return ""
        joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return joined
        return f"(?:{joined})?" if len(branches) == 1 else joined + "?"

    return pattern(tree)


# The letters beyond ASCII that a case-insensitive pattern takes for ASCII ones ("İ" and "ı" for "i",
# "ſ" for "s", the Kelvin sign for "k"), and the only ones whose lowercase holds an ASCII letter.
ASCII_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


class CaselessPhrases:
    """Phrases (ASCII, or characters without case such as "©") found in a line as a case-insensitive
    alternation of them finds them, by substring tests of the line's lowercase: such a pattern gives
    the engine no letter to skip ahead to, so it tries every place of the line (tens of microseconds
    for a paragraph) where `in` scans at C speed. A line holding one of `ASCII_FOLDS` is asked of the
    pattern itself, so that every line gets the pattern's answer."""

    def __init__(self, *phrases: str) -> None:
        self.phrases = tuple(phrase.lower() for phrase in phrases)
        self.pattern = re.compile("|".join(re.escape(phrase) for phrase in phrases), re.IGNORECASE)

    def found_in(self, line: str) -> bool:
        # Four substring scans, not a set's walk over the line's characters one object at a time.
        if not line.isascii() and (
            "\u0130" in line or "\u0131" in line or "\u017f" in line or "\u212a" in line
        ):
            return self.pattern.search(line) is not None
        low = line.lower()
        for phrase in self.phrases:  # noqa: SIM110 (a loop, not a generator: most lines are short)
            if phrase in low:
                return True
        return False
