"""Context-free classification of the lines of a whole page copied as plain text.

jusText's first pass, with no tags to read: each line is judged alone by its length, its share of
function words (prose has many, labels and headline lists few), whether it ends like a sentence, how
many of its words are capitalised (headline case), whether the page repeats it (a caption and its alt
text, a menu shown twice), and a few small marker lists (`clean.markers`). The verdict is a `LineClass`
and, for furniture, a `Flag` saying why; `clean.text` then weighs and revises lines with their
neighbours. Stopwords make the length thresholds language-aware; where the lists do not cover the page
(a language outside them), length and sentence ends decide alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.clean.credits import ends_with_bracketed_credit, signed_picture
from worker.clean.markers import (
    BIO_ROLES,
    CAPTION_PLACES,
    CHROME_HEADS,
    CHROME_LINES,
    COMMENT_COUNTS,
    COMMENT_HEADS,
    COMMENT_VERBS,
    CREDIT_HEADS,
    CREDIT_NAMES,
    LEGAL_WORDS,
    POINTER_HEADS,
    RIGHTS_WORDS,
    SECTION_HEADS,
    SECTION_LEADS,
)
from worker.clean.phrases import BOUNDARY as _BOUNDARY
from worker.clean.phrases import phrase_tree
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
_DIGIT = re.compile(r"\d")
_NUMERIC = re.compile(r"^[\W\d_]*$|^\d{1,2}[:.]\d{2}\b|^\d+ (?:min|mins|minutes?|hours?|days?)\b", re.I)
# A time: "9:30", "10.45", "9h30", "9 am", "10p.m.". Found from its first digit (the engine skips ahead
# to digits), a word character before it looked back at: the same lines as "\b\d{1,2}...".
_CLOCK = re.compile(r"\d(?<!\w\d)(?:\d?[:.h]\d{2}\b|\d?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w))", re.I)
_COMMENT_COUNT = re.compile(
    r"^\d[\d.,]*\s+(?:" + "|".join(re.escape(w) for w in COMMENT_COUNTS) + r")\b", re.I
)
_COPYRIGHT_LEAD = 12
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}|\(c\))")
# "Example.com - Your World At War": a site's name and motto open a page; mid-page, a second page begins.
_MASTHEAD = re.compile(
    r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|news|co\.uk|de|fr|es|it|nl|pt|eu"
    r"|io|co|tv|us|uk|au|ca|in|ch|at|be)\s+[-–—|]\s+[^|]+$"
)


# A rights reservation, consent text or a picture agency: the first in a line says which (`_notices`).
_NOTICE = re.compile(
    f"\\b(?:(?P<rights>{phrase_tree(RIGHTS_WORDS)})|(?P<legal>{phrase_tree(LEGAL_WORDS)})"
    f"|(?P<credit>{phrase_tree(CREDIT_NAMES)})\\b)"
)
# Where any of them starts: one prefix tree over all three lists finds the places faster. Every phrase
# opens and ends with a letter, so the word boundary before one is a non-word character (the page gets a
# space in front): the engine scans for that class instead of trying the tree inside every word.
_ANY_NOTICE = re.compile(
    f"\\W(?:{phrase_tree(RIGHTS_WORDS | LEGAL_WORDS | {name + _BOUNDARY for name in CREDIT_NAMES})})"
)
_CREDIT = re.compile(r"^(?:" + "|".join(re.escape(w) for w in CREDIT_HEADS) + r")\s*(?::|/|©|\bby\b)", re.I)
# A caption's closing credit: "... on the pier at dawn. Photo: Jane Doe", "(Image credit: Agency)".
_CREDIT_END = re.compile(
    r"(?:^|[\s(\[|.])(?:" + "|".join(re.escape(w) for w in CREDIT_HEADS) + r")\s*:\s*[^.!?:\s][^.!?:]{0,60}$"
)
_CREDIT_END_WORDS = 6  # a credit names a person or an agency, not a clause
_BIO_VERBS = ("is", "was", "est", "ist", "war", "es", "fue", "è", "é", "era", "is een")
_BIO = re.compile(r"^[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+){0,3},? (?:" + "|".join(_BIO_VERBS) + ") ", re.U)
# The verb `_BIO` needs is a whole space-separated word among the second to fifth: a set test first.
_BIO_VERB_WORDS = frozenset(verb.split()[0] for verb in _BIO_VERBS)
# A tree: tried at every comma.
_CAPTION = re.compile(r"[,(]\s*(?:" + phrase_tree(CAPTION_PLACES) + r")\s*[,)]")


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


_SECTION_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in SECTION_HEADS)
_CHROME_HEAD_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in CHROME_HEADS)


def _is_section_head(key: str, words: list[str]) -> bool:
    """A related/comments/more-from heading: the phrase alone, before a colon, or (when it has more than
    one word, so it cannot be a sentence's first word) at the start."""
    if not words or words[0].rstrip(":") not in _SECTION_FIRST_WORDS:
        return False
    if key in SECTION_HEADS or key.split(":")[0].strip() in SECTION_HEADS:
        return True
    return any(" ".join(words[:n]) in SECTION_HEADS for n in range(2, min(len(words), 6) + 1))


def _is_pointer(key: str, sentence: bool) -> bool:
    """A link to another article set in the text: "Read more: <headline>", "See also: <headline>".
    A pointer word alone ("Lea:", "Mira:") names a speaker as often: it points only to a headline, a
    line that does not end as a sentence does."""
    head, colon, rest = key.partition(":")
    return bool(colon and rest.strip()) and (
        head in SECTION_HEADS or head in CHROME_LINES or (head in POINTER_HEADS and not sentence)
    )


_COMMENT_VERB_ENDS = frozenset(verb.split()[-1] for verb in COMMENT_VERBS)
# A key's last character when it may end with a verb of saying: the verbs' last letters, or the colon
# that re-spacing may bare ("says:\u2003"; `read_lines` leaves a key no other ending space or colon).
_COMMENT_HEAD_LAST = frozenset({*(verb[-1] for verb in _COMMENT_VERB_ENDS), ":"})


def _is_comment_head(key: str) -> bool:
    """A name, then a verb of saying: "Sharon says:". `key` is single-spaced."""
    before, space, last = key.rstrip(":").rstrip().rpartition(" ")
    if not space or last not in _COMMENT_VERB_ENDS:
        return False
    return last in COMMENT_VERBS or f"{before.rpartition(' ')[2]} {last}" in COMMENT_VERBS


def _notices(lines: list[Line], limits: LineThresholds) -> dict[int, str]:
    """The kind of each line's first notice ("rights", "legal" or "credit"), by line index. A line is
    read whole when it is short enough to be a notice, else only its head. One search over the page:
    a search per line costs more than the text it reads."""
    max_words = max(limits.max_credit_words, limits.max_legal_words)
    head = limits.notice_head_chars
    texts = [line.low if line.words <= max_words else line.low[:head] for line in lines]
    page = " " + "\n".join(texts)
    # No phrase holds a line break, so every match lies inside one line, as a search of that line finds it.
    found: dict[int, str] = {}
    index = counted = 0  # the line holding `counted`
    for match in _ANY_NOTICE.finditer(page):
        start = match.start() + 1  # past the character before the phrase
        index += page.count("\n", counted, start)
        counted = start
        if index not in found:
            notice = _NOTICE.match(page, start)  # the same phrases, grouped by kind in their order of trust
            found[index] = notice.lastgroup if notice and notice.lastgroup else ""
    return found


def _flag(line: Line, limits: LineThresholds, notice: str | None = None) -> Flag:
    """Why the line is page furniture, if a marker says so; `notice` is its first notice (`_notices`).
    Cheap tests guard the regular expressions and the word list is split only for the short lines that
    need it: this runs on every line of every page, and most lines are long prose."""
    key, low, count = line.key, line.low, line.words
    first = key.partition(" ")[0]  # `key` is single-spaced
    short = count <= limits.max_meta_words and not line.sentence
    # A count of comments opens its line ("109 Comments"); isdecimal() is what \d matches.
    opening = key[:1]
    if (opening.isdecimal() or opening in "[( ") and _COMMENT_COUNT.match(key.lstrip("[( ")):
        return Flag.DISCUSSION
    if short and key.rstrip(":") in COMMENT_HEADS:
        return Flag.DISCUSSION
    if key in CHROME_LINES:
        return Flag.CHROME
    if short and first in _CHROME_HEAD_FIRST_WORDS:
        words = key.split(" ", 3)[:3]
        if first in CHROME_HEADS or " ".join(words[:2]) in CHROME_HEADS or " ".join(words) in CHROME_HEADS:
            return Flag.CHROME
    if count <= limits.max_pointer_words and ":" in key and _is_pointer(key, line.sentence):
        return Flag.CHROME
    if (
        count <= limits.max_section_words
        and not line.sentence
        and first.rstrip(":") in _SECTION_FIRST_WORDS
        and _is_section_head(key, key.split())
    ):
        return Flag.SECTION
    if short and first in SECTION_LEADS and line.caps >= limits.headline_caps:
        return Flag.SECTION
    # A letter cannot open a number, a time or a run of signs: most lines skip the pattern.
    if not line.text[0].isalpha() and _NUMERIC.match(line.text) and (not key or _DIGIT.search(low)):
        return Flag.NUMERIC
    if (
        short
        and key[-1:] in _COMMENT_HEAD_LAST  # most short lines end otherwise: no call made for them
        and _is_comment_head(key)
        and line.caps >= limits.comment_name_caps
    ):
        return Flag.COMMENT
    if short and _CLOCK.search(low):  # found from its first digit: no digit, no search past the scan
        return Flag.STAMP
    if short and "." in first and _MASTHEAD.match(key):
        return Flag.MASTHEAD
    head = low if count <= limits.max_legal_words else low[: limits.notice_head_chars]
    # A copyright line starts with the sign or the word (tested here, not in a function: every line).
    start = head[:_COPYRIGHT_LEAD]
    if (
        notice == "rights"
        or (("©" in start or "(c)" in start) and not signed_picture(low, count))
        or ("copyright" in head and _COPYRIGHT.search(head) is not None)
    ):
        return Flag.FOOTER
    if notice == "legal":
        return Flag.LEGAL
    if "©" in head and count <= limits.max_caption_words:
        return Flag.CREDIT  # a picture's credit: the sign inside a line, not a footer's opening
    if first.rstrip(":/") in CREDIT_HEADS and _CREDIT.match(low):
        return Flag.CREDIT
    if notice == "credit" and count <= limits.max_credit_words:
        return Flag.CREDIT
    if count <= limits.max_caption_words:
        if ("," in low or "(" in low) and _CAPTION.search(low):
            return Flag.CAPTION
        if ends_with_bracketed_credit(low):
            return Flag.CAPTION
        if ":" in low[-80:] and (end := _CREDIT_END.search(low)) and _is_short_credit(end.group()):
            return Flag.CAPTION
    if (
        count <= limits.max_bio_words
        and ("A" <= (c := line.text[0]) <= "Z" or "À" <= c <= "Þ")  # a capital, as `_BIO` reads it
        and not _BIO_VERB_WORDS.isdisjoint(line.tokens)  # the line's words hold one: no list made
        and not _BIO_VERB_WORDS.isdisjoint(line.text.split(" ", 5)[1:5])
        and _BIO.match(line.text)
        and not BIO_ROLES.isdisjoint(key.split())
    ):
        return Flag.BIO
    return _NONE


def _is_short_credit(tail: str) -> bool:
    """Whether what follows a closing "Photo:" is a name or two, not a sentence's clause."""
    return len(tail.partition(":")[2].split()) <= _CREDIT_END_WORDS


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
    notices = _notices(lines, limits)
    prefix = limits.repeat_prefix_chars
    flags: dict[str, Flag] = {}  # by text: a repeated line is judged once
    for index, line in enumerate(lines):
        flag = flags.get(line.text)
        if flag is None:
            flag = flags[line.text] = _flag(line, limits, notices.get(index))
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
