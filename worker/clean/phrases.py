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
