"""What a line of a page copied as text is, once measured, and the verdicts it can get.

The data of `clean.text_lines` (which measures and judges lines) and `clean.text` (which weighs them
with their neighbours), kept apart so that each of those reads as one stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class LineClass(StrEnum):
    """jusText's four classes: GOOD is prose, NEAR_GOOD may be, SHORT cannot be told alone, BAD is not."""

    GOOD = "good"
    NEAR_GOOD = "near-good"
    SHORT = "short"
    BAD = "bad"


class Flag(StrEnum):
    """Why a line is BAD (or, for SECTION, what it starts): kept for revision and for debugging."""

    NONE = ""
    CHROME = "chrome"
    SECTION = "section"
    DISCUSSION = "discussion"
    LEGAL = "legal"
    FOOTER = "footer"
    MASTHEAD = "masthead"
    CREDIT = "credit"
    CAPTION = "caption"
    BIO = "bio"
    REPEAT = "repeat"
    ECHO = "echo"
    NUMERIC = "numeric"
    COMMENT = "comment"
    STAMP = "stamp"


@dataclass(frozen=True, slots=True)
class LineThresholds:
    """The context-free cut-offs, in characters and shares of words (jusText's defaults, re-fit to lines).
    `headline_caps` is raised on a page whose prose capitalises most words (`headline_caps` below:
    `headline_margin` over the median of its first `prose_caps_lines` sentences, given
    `min_prose_caps_lines` of them, at most `max_headline_caps`)."""

    short_chars: int = 40
    good_chars: int = 100
    long_chars: int = 200
    good_stop: float = 0.25
    near_stop: float = 0.12
    headline_caps: float = 0.7
    headline_margin: float = 0.2
    max_headline_caps: float = 0.95
    prose_caps_lines: int = 25
    min_prose_caps_lines: int = 3
    known_language_stop: float = 0.12
    max_repeat_chars: int = 400
    close_repeat_lines: int = 3
    repeat_prefix_chars: int = 60
    max_caption_words: int = 60
    max_bio_words: int = 60
    max_credit_words: int = 15
    max_legal_words: int = 40
    notice_head_chars: int = 60
    comment_name_caps: float = 0.25
    max_section_words: int = 8
    max_pointer_words: int = 30
    max_meta_words: int = 12


DEFAULT_LINE_THRESHOLDS = LineThresholds()


@dataclass(slots=True)
class Line:
    """One non-empty line and what it looks like on its own."""

    text: str
    chars: int
    words: int
    stop: float
    sentence: bool
    colon: bool
    gap_before: bool
    key: str
    low: str
    tokens: list[str]
    kind: LineClass = LineClass.SHORT
    flag: Flag = Flag.NONE
    _caps: float = -1.0

    @property
    def caps(self) -> float:
        """Share of the content words (not stopwords) that are capitalised: headline case is near 1.
        Measured on first use: long sentences, most of a page's text, rarely need it."""
        if self._caps < 0.0:
            n = len(self.tokens)
            content = n - round(self.stop * n)
            if not content or self.text == self.low:  # no content word, or none capitalised
                self._caps = 0.0
            else:
                if self.text.isascii():
                    # A word differs from its lowercase token when it holds a capital. One table pass
                    # drops a word's other characters and makes every non-word byte a space: what is
                    # left of each word holding a capital is a run of "A"s, counted by one split.
                    capitalised = len(self.text.encode().translate(_CAPITALS_KEPT, _ASCII_LOWER_WORD).split())
                else:
                    capitalised = _capitalised_words(self.text, self.low, self.tokens)
                self._caps = min(capitalised, content) / content
        return self._caps


def _capitalised_words(text: str, low: str, tokens: list[str]) -> int:
    """How many of a line's words (`WORD`) differ from their lowercase `tokens`: those holding a
    capital. A lowercase one character for one keeps every word where it stands (no word character
    lowercases to another kind): the count is then the pattern's matches, one a word from its first
    capital to its end, made by the engine without a string a word. A line whose lowercase is longer
    ("İ") or holding a character past the Basic Multilingual Plane (the capitals the pattern knows)
    is compared word by word."""
    if len(text) == len(low):
        found = _capital_words().findall(text)
        if "" not in found:  # "": a character past the plane, unread
            return len(found)
    return sum(map(str.__ne__, WORD.findall(text), tokens))


@cache
def _capital_words() -> re.Pattern[str]:
    """A word from its first capital on (a word character of the Basic Multilingual Plane that
    lowercases to another single character), or one character past that plane. Made on first use:
    the plane's 65,536 characters are read once a process (some 20 ms)."""
    word_char = re.compile(r"\w").match
    capitals = "".join(
        re.escape(char)
        for char in map(chr, range(0x10000))
        if (lowered := char.lower()) != char and len(lowered) == 1 and word_char(char)
    )
    return re.compile(f"([{capitals}][\\w'’-]*)|[\U00010000-\U0010ffff]")


def headline_caps(lines: list[Line], limits: LineThresholds = DEFAULT_LINE_THRESHOLDS) -> float:
    """The share of capitalised content words from which a line of this page reads as headline case:
    `headline_caps`, or, on a page whose prose capitalises most of its words (German nouns: the median
    sentence of 100 characters or more holds 0.7 of them, an English one 0.2), `headline_margin` above
    that median (at most `max_headline_caps`). There a lead or a paragraph that does not end like a
    sentence is no headline: the page's headlines capitalise every word or nearly."""
    caps: list[float] = []
    for line in lines:
        if line.sentence and line.chars >= limits.good_chars:
            caps.append(line.caps)
            if len(caps) >= limits.prose_caps_lines:
                break
    if len(caps) < limits.min_prose_caps_lines:
        return limits.headline_caps
    median = sorted(caps)[len(caps) // 2]
    return min(limits.max_headline_caps, max(limits.headline_caps, median + limits.headline_margin))


WORD = re.compile(r"\w[\w'’-]*")
# The same words in an ASCII line, where a class of letters is read faster than Unicode's \w.
ASCII_WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_'-]*")
# Every byte that is no `ASCII_WORD` character made a space: an ASCII word is a whole run of those
# characters, less the apostrophes and hyphens it opens with.
_ASCII_WORD_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'-")
_ASCII_SPACED = bytes(byte if byte in _ASCII_WORD_CHARS else 0x20 for byte in range(256))


def ascii_words(line: str) -> list[str]:
    """`ASCII_WORD.findall(line)` of an ASCII line, by C-level calls (a table lookup a byte, one split)
    instead of the pattern engine: the words of every line of a page are made, most of them ASCII."""
    spaced = line.encode().translate(_ASCII_SPACED).decode()
    words = spaced.split()
    if " '" in spaced or " -" in spaced or spaced.startswith(("'", "-")):  # a word opens with them (rare)
        words = [word for word in (word.lstrip("'-") for word in words) if word]
    return words


# In an ASCII line, the `ASCII_WORD` characters that are no capital (deleted), and every byte else
# made a space but the capitals: an `ASCII_WORD` word holding a capital leaves one run of "A"s
# (the count `[A-Z][A-Za-z0-9_'-]*` finds, a match a word), a word without one leaves nothing.
_ASCII_LOWER_WORD = bytes(sorted(_ASCII_WORD_CHARS - frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
_CAPITALS_KEPT = bytes(0x41 if 0x41 <= byte <= 0x5A else 0x20 for byte in range(256))
