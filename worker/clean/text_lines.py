"""Context-free classification of the lines of a whole page copied as plain text.

jusText's first pass, with no tags to read: each line is judged alone by its length, its share of
function words (prose has many, labels and headline lists few), whether it ends like a sentence, how
many of its words are capitalised (headline case), whether the page repeats it (a caption and its alt
text, a menu shown twice), and a few small marker lists (`clean.text_flags`). The verdict is a
`LineClass` and, for furniture, a `Flag` saying why; `clean.text` then weighs and revises lines with
their neighbours. Stopwords make the length thresholds language-aware; where the lists do not cover the page
(a language outside them), length and sentence ends decide alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.clean.credits import signed_picture
from worker.clean.text_flags import line_flag, line_notices
from worker.clean.text_line_model import (
    DEFAULT_LINE_THRESHOLDS,
    WORD,
    Flag,
    Line,
    LineClass,
    LineThresholds,
    ascii_words,
    headline_caps,
)
from worker.clean.text_stopwords import page_stopwords

# A member read through its class costs a lookup each time (Python 3.11): the per-line code uses these.
_GOOD, _NEAR_GOOD, _SHORT, _BAD = LineClass.GOOD, LineClass.NEAR_GOOD, LineClass.SHORT, LineClass.BAD
_NONE, _REPEAT, _ECHO, _FOOTER = Flag.NONE, Flag.REPEAT, Flag.ECHO, Flag.FOOTER


_EDGE_PUNCT = " \t.,;:!?¡¿-–—|•·*#»«>\"'“”‘’()[]"
_SENTENCE_END = (
    ".",
    "!",
    "?",
    "…",
    "。",
    "！",
    "？",
    "」",
    "।",
    "؟",
    ".)",
    '."',
    ".”",
    ".’",
    "!”",
    "?”",
    '!"',
    '?"',
    ".»",
    "?)",
    "!)",
)
# Ideographs and kana carry a word's worth each: a CJK line counts them thrice, as Latin letters.
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WIDE_WEIGHT = 3
_SENTENCE_LAST = frozenset(end[-1] for end in _SENTENCE_END)  # tested first: most lines end otherwise
_CUT = ("..", "…")  # a teaser cut short, not a sentence
# Characters that print nothing: a line of only these (a zero-width space standing for an empty
# paragraph, a byte-order mark) is a blank line, not a line of the page. str.strip() keeps them.
_INVISIBLE = " \t\u00a0\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"

_PROSE_CHARS = 80  # a line this long is a sentence or more, rarely a label


def _width(text: str) -> int:
    return len(text) + (_WIDE_WEIGHT - 1) * len(_WIDE.findall(text))


def page_prose(text: str | list[str], min_chars: int = _PROSE_CHARS, max_chars: int = 1200) -> str:
    """The page's long lines, the prose its language is told from (menus and labels name sections).
    `text`: the page, or its lines already split."""
    prose: list[str] = []
    size = 0
    for raw in text.splitlines() if isinstance(text, str) else text:
        if len(raw) >= min_chars:
            prose.append(raw.strip())
            size += len(raw)
            if size >= max_chars:
                break
    return "\n".join(prose)


def read_lines(text: str | list[str], stopwords: frozenset[str] | None = None) -> list[Line]:
    """The page's non-empty lines (`text`: the page, or its lines split), stripped, each with its shape
    measured. A page repeats a fifth of its lines (menus, share bars): a repeated line copies its first
    copy's measures. `stopwords`: those of the page's language (told from its long lines if not given)."""
    text = text.splitlines() if isinstance(text, str) else text
    if stopwords is None:
        stopwords = page_stopwords(page_prose(text))
    lines: list[Line] = []
    seen: dict[str, Line] = {}
    gap = True
    # The set's methods bound once: half the lines hold no stop word, told by one C-level call.
    is_stop, holds_none = stopwords.__contains__, stopwords.isdisjoint
    for raw in text:
        stripped = raw.strip()
        if not (printable := stripped.isprintable()):  # rare: a tab or an invisible character
            stripped = stripped.strip(_INVISIBLE).strip()
        if not stripped:
            gap = True
            continue
        first = seen.get(stripped)
        if first is not None:
            line = Line(
                stripped,
                first.chars,
                first.words,
                first.stop,
                first.sentence,
                first.colon,
                gap,
                first.key,
                first.low,
                first.tokens,
            )
            lines.append(line)
            gap = False
            continue
        lowered = stripped.lower()
        ascii_ = stripped.isascii()
        tokens = ascii_words(lowered) if ascii_ else WORD.findall(lowered)
        n = len(tokens)
        # Counted with C-level maps, not a Python loop per word: this is the hot path of the stage.
        stops = 0 if holds_none(tokens) else sum(map(is_stop, tokens))
        # The key: the line without its edge punctuation, single-spaced, what the marker lists are
        # compared with. Every whitespace character but the space is unprintable: most lines need no
        # re-spacing. A printable line's lowercase is printable (so says every code point's mapping).
        key = lowered.strip(_EDGE_PUNCT)
        if "  " in key or not (printable or key.isprintable()):
            key = " ".join(key.split())
        line = Line(
            stripped,
            len(stripped) if ascii_ else _width(stripped),
            n,
            stops / n if n else 0.0,
            stripped[-1] in _SENTENCE_LAST
            and stripped.endswith(_SENTENCE_END)
            and not stripped.endswith(_CUT),
            stripped.endswith(":"),
            gap,
            key,
            lowered,
            tokens,
        )
        lines.append(line)
        seen[stripped] = line
        gap = False
    return lines


def knows_language(lines: list[Line], limits: LineThresholds = DEFAULT_LINE_THRESHOLDS) -> bool:
    """Whether the stopword lists cover the page: its long lines then carry many function words."""
    long_lines = [line for line in lines if line.chars >= limits.good_chars]
    if not long_lines:
        return True
    stops = sum(line.stop * line.words for line in long_lines)
    words = sum(line.words for line in long_lines)
    return words > 0 and stops / words >= limits.known_language_stop


def _repeats(lines: list[Line], limits: LineThresholds) -> tuple[set[str], set[str], dict[str, int]]:
    """Lines seen more than once: those whose copies sit close together (a caption and its alt text,
    a doubled credit), and the rest (menus shown twice, a table of contents echoing subheadings)."""
    seen: dict[str, int] = {}
    close: set[str] = set()
    far: set[str] = set()
    prefix = limits.repeat_prefix_chars  # a caption and its alt text often differ only at the end
    for index, line in enumerate(lines):
        if not line.key or line.chars > limits.max_repeat_chars:
            continue
        key = line.key[:prefix]
        previous = seen.get(key)
        if previous is not None:
            (close if index - previous <= limits.close_repeat_lines else far).add(key)
        seen[key] = index
    return close, far - close, seen


def _shape(line: Line, known: bool, limits: LineThresholds) -> LineClass:
    if line.chars < limits.short_chars:
        return _SHORT
    if not line.sentence and line.words >= 4 and line.caps >= limits.headline_caps:
        return _SHORT  # a headline
    if not known:
        if line.sentence and line.chars >= limits.good_chars:
            return _GOOD
        return _NEAR_GOOD if line.sentence else _SHORT
    if line.stop >= limits.good_stop and (line.sentence or line.chars >= limits.long_chars):
        return _GOOD if line.chars >= limits.good_chars else _NEAR_GOOD
    if line.stop >= limits.near_stop or line.sentence:
        return _NEAR_GOOD
    return _BAD


def classify_lines(lines: list[Line], limits: LineThresholds = DEFAULT_LINE_THRESHOLDS) -> None:
    """Give each line its context-free class (in place): markers and repeats first, then shape."""
    known = knows_language(lines, limits)
    if (titled := headline_caps(lines, limits)) != limits.headline_caps:
        limits = replace(limits, headline_caps=titled)
    close, far, last_copy = _repeats(lines, limits)
    notices = line_notices(lines, limits)
    prefix = limits.repeat_prefix_chars
    flags: dict[str, Flag] = {}  # by text: a repeated line is judged once
    for index, line in enumerate(lines):
        flag = flags.get(line.text)
        if flag is None:
            flag = flags[line.text] = line_flag(line, limits, notices.get(index))
        if flag is _NONE and close and line.key[:prefix] in close:
            flag = _REPEAT
        line.flag = flag
        if flag is not _NONE:
            line.kind = _BAD
            continue
        line.kind = _shape(line, known, limits)
        if far and line.key[:prefix] in far:
            # Echoed elsewhere on the page: it may be the article's own subheading, never its anchor.
            line.flag = _ECHO
            if line.kind is _GOOD:
                line.kind = _NEAR_GOOD
    # A lede also shown as the page's summary or an image's text appears twice in a row: its last copy
    # is the article's when prose follows it.
    for index in range(len(lines) - 1):
        line = lines[index]
        if (
            line.flag is _REPEAT
            and last_copy.get(line.key[:prefix]) == index
            and lines[index + 1].kind is _GOOD
            and _shape(line, known, limits) is _GOOD
        ):
            line.kind, line.flag = _NEAR_GOOD, _ECHO
        # A short copyright line without a year is a site's footer or a picture's owner ("© Jane Doe /
        # Agency"): with the article's paragraphs right above and right below it, the article runs on,
        # and it is the credit (a footer with a second story's prose under it still ends the first).
        elif (
            line.flag is _FOOTER
            and signed_picture(line.low)
            and any(below.kind is _GOOD for below in lines[index + 1 : index + 1 + limits.close_repeat_lines])
            and any(above.kind is _GOOD for above in lines[max(0, index - limits.close_repeat_lines) : index])
        ):
            line.flag = Flag.CREDIT
