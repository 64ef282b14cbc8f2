"""Why a line of a page copied as text is page furniture: the marker tests `clean.text_lines` runs on
each line alone (a comment count, a menu's words, a section's heading, a time, a copyright, a picture's
credit or caption, a contributor's note), and the notices found over the whole page at once.
"""

from __future__ import annotations

import re

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
from worker.clean.text_line_model import Flag, Line, LineThresholds

_NONE = Flag.NONE

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


# A rights reservation, consent text or a picture agency: the first in a line says which (`line_notices`).
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


def line_notices(lines: list[Line], limits: LineThresholds) -> dict[int, str]:
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


def line_flag(line: Line, limits: LineThresholds, notice: str | None = None) -> Flag:
    """Why the line is page furniture, if a marker says so; `notice` is its first notice (`line_notices`).
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
