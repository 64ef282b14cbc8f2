"""The header of a plain-text article: which line above the prose is the headline, the byline, the date.

A page copied as text loses its markup, but its header keeps a shape that carries across sites:
a headline, then a cluster of short lines (a byline, perhaps a bare name with a role, a date, a
dateline) just above the first paragraph of prose; sometimes the cluster comes first and the headline
after it. The body classifier may start the body early (on a long menu line) or late, so the lead is
found again here as the first line that reads like prose, and every line near it is read by what it
looks like. The headline is then chosen by evidence, not position alone: a line the page repeats as the
last crumb of a breadcrumb ("Home > Blog > Headline"), one whose words the lead paragraphs use, one
that sits next to the byline cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from worker.article import Dateline
from worker.clean.text_lines import phrase_tree
from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import NAME_WORD, writes_in_lowercase
from worker.extract.dateline import parse_dateline
from worker.extract.dates import MONTHS, DateRole, dates_in_text, parse_date, role_before
from worker.extract.patterns import (
    BYLINE_PREFIXES,
    COPYRIGHT_LINE,
    HEADER_CHROME_WORDS,
    NOT_AUTHOR_LABELS,
    PUBLISHED_LABELS,
    READING_TIME,
    TOC_HEADINGS,
    UPDATED_LABELS,
)

HEADER_WINDOW = 40
_LEAD_MIN_WORDS = 8
_LEAD_SEARCH = 4
_STANDFIRST_REACH = 3  # lines below a first paragraph where a byline still makes it a standfirst
_LEAD_MIN_LOWER_SHARE = 0.35
_MAX_HEADLINE_WORDS = 30
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "’", ")", ":")
_MAX_META_WORDS = 14
_NAME_MAX_WORDS = 4
_NAME_MAX_SPACES = 8  # four words and their credentials ("Jane Doe, MD, MPH, FACP")
_MAX_LABEL_WORDS = 4  # "Last updated on:", "Written by"
_TOP_LINES = 5  # where a window title copied with the page stands


def _alternation(words: tuple[str, ...]) -> str:
    """Longest first, so "last updated" is tried before "updated"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _any_of(words: tuple[str, ...]) -> str:
    """For a pattern only asked whether a line matches it: the same lines match as with
    `_alternation`, but the engine follows a prefix tree instead of trying every word in turn, which
    matters for lists of a hundred labels asked of every line near the header."""
    return phrase_tree(words)


_BYLINE = re.compile(rf"^(?:{_any_of(BYLINE_PREFIXES)})\b(?:\s*:\s*|\s+)\S", re.I)
_BYLINE_HEAD = re.compile(rf"^(?:{_alternation(BYLINE_PREFIXES)})\b", re.I)
_BYLINE_OPENS = re.compile(rf"^(?:{_any_of(BYLINE_PREFIXES)})\b", re.I)  # whether, before which prefix
# "ByJane DoeUpdated January 5": "By", or a month or date label, glued to the name (not "CottageCare").
_GLUED_IN_BYLINE = re.compile(
    r"(?<=^By)(?=[A-ZÀ-Þ])|(?<=[a-zà-ÿ]{2})(?=(?:"
    + _alternation(tuple({w.capitalize() for w in (*MONTHS, *PUBLISHED_LABELS, *UPDATED_LABELS)}))
    + r")\b)"
)
_COLON_GLUED = re.compile(rf"^((?:{_alternation(BYLINE_PREFIXES)})\s*:)(?=\S)", re.I)  # "Written by:Jane"
_BYLINE_LABEL = re.compile(rf"^(?:{_any_of(BYLINE_PREFIXES)})\s*:?$", re.I)  # "Written by" alone
_NOT_AUTHOR = re.compile(rf"^(?:{_any_of(NOT_AUTHOR_LABELS)})(?:\s+by)?\b", re.I)
_TOC_HEAD = re.compile(rf"^(?:{_any_of(TOC_HEADINGS)})\s*:?$", re.I)
_DATE_LABEL_WORDS = (*PUBLISHED_LABELS, *UPDATED_LABELS, "date", "on")
_DATE_LABELS = _alternation(_DATE_LABEL_WORDS)
_DATE_LABEL = re.compile(rf"^(?:{_DATE_LABELS})\b(?:\s+(?:on|le|am|el|il))?[:\s]*", re.I)
_DAY_LABEL = re.compile(rf"^(?:{_any_of((*PUBLISHED_LABELS, *UPDATED_LABELS))})\b", re.I)
_DATE_LABEL_ALONE = re.compile(rf"^(?:{_any_of(_DATE_LABEL_WORDS)})(?:\s+on)?\s*:?$", re.I)
# What any byline, label, date or dateline line holds: a label at its start, or a digit or a bracket
# anywhere. Two patterns, so the search for the sign runs on one class and not on every alternative.
_META_HEAD = re.compile(
    rf"(?:{_any_of((*BYLINE_PREFIXES, *NOT_AUTHOR_LABELS, *PUBLISHED_LABELS, *UPDATED_LABELS))})|date",
    re.I,
)
_META_SIGN = re.compile(r"[\d(\[\-–—]")
_GLUED_BY = re.compile(r"^By(?=[A-ZÀ-Þ][a-zà-ÿ]+\s[A-ZÀ-Þ])")  # "ByJane Doe", the space lost in copying
# A date label glued to the name before it when the page was copied ("Jane DoePublished: Jan 2, 2025"),
# and a year glued to what follows ("June 29, 2020November 12, 2021").
_GLUED_DATE_LABEL = re.compile(
    r"(?<=[a-zà-ÿ.])(?=(?:Published|Updated|Posted|Last [Uu]pdated)\b)|(?<=\b\d{4})(?=[A-Z][a-z])"
)
_GLUE_HINT = re.compile(r"[a-zà-ÿ.](?:Published|Updated|Posted|Last)|\d[A-Z]")
_CHROME = re.compile(rf"^(?:{_any_of(HEADER_CHROME_WORDS)})\b", re.I)
_CRUMB_SEPARATORS = re.compile(r"\s*(?:>|»|›|/|\||·|•|→)\s*")
_CRUMB_SIGN = re.compile(r"[>»›/|·•→]")  # found by a scan for one class; most lines hold none
_CREDENTIALS = re.compile(
    r",\s*(?:[A-Z][A-Za-z.\-]{1,7}(?:\s\d+)?)(?:\s*,\s*[A-Z][A-Za-z.\-]{1,7}(?:\s\d+)?)*$"
)
_WORD = re.compile(r"\w+")
_READING_LABEL = re.compile(
    r"^(?:estimated\s+)?(?:reading time|read time|temps de lecture|lesezeit|tiempo de lectura|"
    r"tempo di lettura|leestijd|czas czytania)\b",
    re.I,
)
_DOTS = re.compile(r"[•·⋅|]")  # what separates the parts of a dateline: the date, a reading time, a name
_SEGMENT = re.compile(r"\s[|–—•·]\s|\s-\s")  # where a byline line goes on with other things
_BY_INSIDE = re.compile(r"(?<=\s)by\s+(?=[A-ZÀ-Þ])", re.I)  # "March 4, 2025 by Jane Doe"
_NUMBERED = re.compile(r"^(?:#\s?)?(\d{1,2})(?:[.):]\s|\s[-–—]\s)")  # "1. Plan ahead", "#2) Pack", "3 - Go"
_DIGIT = re.compile(r"\d")
_DATELINE_MARK = re.compile(r"[(\[\-–—]")  # every dateline has an agency in brackets or a dash
# Without brackets, `parse_dateline` reads only a place in capitals before a dash ("KYIV, Ukraine -"):
# a line that opens otherwise is passed over without its patterns, which cost tens of microseconds.
_CAPS_OPENING = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]")
_GLUED_WORDS = re.compile(r"[a-zà-ÿ]{4,}[A-ZÀ-Þ]")  # "McDonald" and "DeSantis" stay names
_BYLINE_MAX_CHARS = 120  # a byline line below the article, with a role after the name at most
_NAME_REACH = 6  # a bare name counts only in the cluster right above the lead
_FAR_REACH = 400  # lines above the lead where a header pushed down by tables and forms is looked for
_SECTION_REACH = 80  # lines below the lead where the article's own subheadings are looked for
_CLUSTER_STEPS = 4  # lines from a headline down to its byline: a name, a role, a separator
_ROLE_MAX_WORDS = 6  # "Senior Editor", "Co-founder of Example Labs"
_STANDFIRST_MIN_WORDS = 4  # shorter: a kicker ("World News") or a label, not a headline or standfirst


@dataclass(frozen=True, slots=True)
class HeadlineEvidence:
    """What each sign that a line is the headline is worth. Signs that carry across sites: it sits
    right above the byline or date, perhaps with a bare name, its role or a standfirst between
    (`above_byline`; the standfirst itself gets nothing), right above the first paragraph or right
    below the byline cluster (`beside_lead`), the page repeats it as a breadcrumb's last crumb or a
    window title (`crumb`) or prints it twice in a row (`repeated`), the first paragraphs use its
    words (`lead_words`, times the share used), it is a sentence-length line (`long`). Each line
    further from the lead costs `distance`."""

    above_byline: float = 2.0
    beside_lead: float = 1.0
    crumb: float = 2.5
    repeated: float = 1.0
    lead_words: float = 3.0
    long: float = 0.5
    long_words: int = 5
    distance: float = 0.05


DEFAULT_HEADLINE_EVIDENCE = HeadlineEvidence()


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    bylines: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    dateline: Dateline | None = None


def _words(line: str) -> list[str]:
    return _WORD.findall(line.lower())


def looks_like_prose(line: str) -> bool:
    """Running text: long, and mostly lowercase words (a menu line is long too, but Title Case)."""
    words = line.split()
    if len(words) < _LEAD_MIN_WORDS:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower / len(words) >= _LEAD_MIN_LOWER_SHARE


def first_prose(lines: list[str], body: list[int]) -> int:
    """The body's first line, unless that is a menu the classifier let in (long, but in Title Case)."""
    found = next((i for i in body[:_LEAD_SEARCH] if looks_like_prose(lines[i])), body[0] if body else None)
    if found is None:
        return next(
            (i for i, line in enumerate(lines) if looks_like_prose(line)), min(len(lines), HEADER_WINDOW)
        )
    return found


def _is_headline_as_prose(lines: list[str], top: int) -> bool:
    """A sentence-case headline the body classifier took for the first paragraph: it has a
    paragraph's words but no sentence's end, and real prose follows it."""
    line = lines[top] if top < len(lines) else ""
    return (
        not line.endswith(_SENTENCE_ENDS)
        and top + 1 < len(lines)
        and looks_like_headline(line)
        and looks_like_prose(lines[top + 1])
        and lines[top + 1].endswith(_SENTENCE_ENDS)
    )


def find_lead(lines: list[str], body: list[int]) -> int:
    """The first paragraph of the article's prose, where the header ends: below a byline or date
    that follows the first prose line within a few lines (then that line was a standfirst)."""
    return _lead_from(lines, first_prose(lines, body))


def _lead_from(lines: list[str], lead: int) -> int:
    """`find_lead` once the first prose line is known: never above it."""
    last_meta = None
    for index in range(lead + 1, min(len(lines), lead + _STANDFIRST_REACH + 1)):
        if _is_meta_line(lines[index]):
            last_meta = index
    return last_meta + 1 if last_meta is not None and last_meta + 1 < len(lines) else lead


def _is_meta_line(line: str) -> bool:
    """A short byline, date or date label: the header, even when the classifier took it as body."""
    if len(line.split()) > _MAX_META_WORDS:
        return False
    return any(
        is_byline(part) or _DATE_LABEL_ALONE.match(part) or date_of_line(part) for part in _split_glued(line)
    )


def is_byline(line: str) -> bool:
    """ "By Jane Doe", "Written by: Jane Doe", "ByJane Doe"; not "Reviewed by" or "Photos by"."""
    if _NOT_AUTHOR.match(line) or len(line.split()) > 12:
        return False
    return bool(_BYLINE.match(line) or _GLUED_BY.match(line))


def date_of_line(line: str) -> str | None:
    """The date a short line states ("Feb 13, 2025", "Updated: 2025-02-13 10:00"), never a copyright year."""
    if len(line.split()) > 12 or not _DIGIT.search(line) or COPYRIGHT_LINE.search(line):
        return None  # every way of writing a day has a digit in it
    return parse_date(_DATE_LABEL.sub("", line))


def looks_like_name(line: str) -> bool:
    """A bare person's name as bylines print it: two to four capitalised words, perhaps credentials."""
    if len(line) > 60 or line.count(" ") > _NAME_MAX_SPACES:
        return False
    name = _CREDENTIALS.sub("", line) if "," in line else line  # credentials follow a comma
    words = name.split()
    # The cheap tests first: the word count and the capitals rule out most lines before any pattern.
    if not 2 <= len(words) <= _NAME_MAX_WORDS or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if _DIGIT.search(line) or _CHROME.match(line) or _GLUED_WORDS.search(name):
        return False  # "MenuHomeNews" is page chrome run together (the pattern never spans a space)
    if any(w.endswith(("'s", "’s")) for w in words):
        return False  # "Today's Hours" is no name
    return all(NAME_WORD.match(w) for w in words)


def looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= _MAX_HEADLINE_WORDS:
        return False
    if line.endswith((".", ":", ";", ",")) and not line.endswith(("...", "…")):
        return False  # tested before the patterns: most lines above the lead are cut here or there
    if _CHROME.match(line) or _is_reading_time(line) or COPYRIGHT_LINE.search(line):
        return False
    if line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"'“‘¿¡":
        return True
    return sum(1 for w in words if w[:1].isupper()) >= len(words) / 2


def _is_reading_time(line: str) -> bool:
    """ "5 min read", or the same under a label: "Reading time: 5 minutes", "Lesezeit: 5 Minuten"."""
    if line[:1].isdecimal():  # what READING_TIME opens with (\d is Unicode's Nd); a label opens with a letter
        return READING_TIME.match(line) is not None
    return _READING_LABEL.match(line) is not None and _DIGIT.search(line) is not None


def _split_glued(line: str) -> list[str]:
    if not _GLUE_HINT.search(line):
        return [line]  # the common case, found by a cheaper pattern
    return _GLUED_DATE_LABEL.split(line)


def _pieces(lines: list[str], indices: range) -> list[tuple[int, str]]:
    """The window's lines, with a date label glued to a name split off into a line of its own."""
    window = lines[indices.start : indices.stop]
    if not _GLUE_HINT.search("\n".join(window)):  # the usual window: one search, as the hint spans no line
        return [(index, text) for index, line in zip(indices, window, strict=True) if (text := line.strip())]
    pieces = []
    for index in indices:
        for part in _split_glued(lines[index]):
            if part.strip():
                pieces.append((index, part.strip()))
    return pieces


class _PageWords:
    """What the whole page says, worked out once and only when a line needs it."""

    def __init__(self, lines: list[str], lead: int) -> None:
        self.lines, self.lead = lines, lead
        self._names: dict[str, bool] = {}

    def is_bare_name(self, text: str) -> bool:
        """`_is_bare_name`, remembered: the same lines are asked about as candidates and neighbours."""
        known = self._names.get(text)
        if known is None:
            known = self._names[text] = _is_bare_name(text, self)
        return known

    @cached_property
    def text(self) -> str:
        return " ".join(self.lines)

    def writes_lowercase(self, word: str) -> bool:
        return writes_in_lowercase(word, self.text)

    @cached_property
    def crumbs(self) -> frozenset[str]:
        """The last crumb of every breadcrumb ("Home > Blog > Headline") and the first part of every
        window title ("Headline | Site") in the header window or at the top of the page, lowercased."""
        found = set()
        start = max(0, self.lead - HEADER_WINDOW)
        for line in (*self.lines[:_TOP_LINES], *self.lines[max(start, _TOP_LINES) : self.lead]):
            if not _CRUMB_SIGN.search(line):
                continue
            parts = _CRUMB_SEPARATORS.split(line.lower())
            if len(parts) > 1:
                found.update((parts[0], parts[-1]))
        return frozenset(found)

    def is_section_head(self, text: str) -> bool:
        """A numbered line ("1. Plan ahead") whose next number starts a line below the lead too: the
        first section's heading (or a contents entry), no headline. A question is no such sign:
        question headlines head articles whose sections ask questions too."""
        numbered = _NUMBERED.match(text)
        if not numbered:
            return False
        following = f"{int(numbered[1]) + 1}"
        return any((match := _NUMBERED.match(line)) and match[1] == following for line in self.below_lead)

    @cached_property
    def below_lead(self) -> list[str]:
        return self.lines[self.lead : self.lead + _SECTION_REACH]

    @cached_property
    def repeated(self) -> frozenset[str]:
        """Lines printed twice in a row above the lead, lowercased: a page heading the copy repeats
        (a breadcrumb's last crumb on a line of its own, then the headline)."""
        start = max(0, self.lead - HEADER_WINDOW)
        window = [line.lower() for line in self.lines[start : self.lead]]
        return frozenset(a for a, b in pairwise(window) if a == b)


def _lead_share(candidate: str, lead_words: set[str]) -> float:
    """How many of the headline's content words the first paragraphs use."""
    content = [w for w in _words(candidate) if len(w) >= 4]
    if not content:
        return 0.0
    return sum(1 for w in content if w in lead_words) / len(content)


@dataclass(slots=True)
class _Meta:
    """What the byline cluster says, and which pieces it holds."""

    positions: set[int] = field(default_factory=set)
    bylines: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    dateline: Dateline | None = None

    def add_day(self, day: str | None, *, is_update: bool) -> None:
        """A shown day: an update's only when labelled so ("Updated Feb 3"); the nearest line wins."""
        if is_update:
            self.updated = self.updated or day
        else:
            self.published = self.published or day


def _read_meta(pieces: list[tuple[int, str]], lead: int, common: _PageWords) -> _Meta:
    """Bylines, dates and a dateline among the pieces, read upward from the lead. A piece longer
    than any of them is passed over at once: most of a header is menus and teasers; but a byline
    that goes on with the dates and a fact-checker ("By Jane Doe – Updated ... | Reviewed by ...")
    is read for its first part."""
    meta = _Meta()
    for position in range(len(pieces) - 1, -1, -1):
        index, text = pieces[position]
        words = len(text.split())
        if words > _MAX_META_WORDS:
            if index != lead and (head := _long_byline(text)):
                meta.bylines.insert(0, head)
                meta.positions.add(position)
                for at, day in dates_in_text(text, limit=1):
                    meta.add_day(day, is_update=_is_update(text, at))
            continue
        if not (_META_SIGN.search(text) or _META_HEAD.match(text)):
            continue
        below = pieces[position + 1][1] if position + 1 < len(pieces) else None
        if _may_be_dateline(text) and (found := parse_dateline(text)):
            if meta.dateline is None:
                meta.dateline, meta.published = found[0], found[1] or meta.published
            meta.positions.add(position)
        elif index == lead:
            continue  # of the lead itself only a dateline opening it counts
        elif is_byline(text):
            head = _DOTS.split(text, maxsplit=1)[0].strip()  # "By Jane Doe | Travel | 8 min read"
            meta.bylines.insert(0, _COLON_GLUED.sub(r"\1 ", head if is_byline(head) else text))
            meta.positions.add(position)
            for at, day in dates_in_text(text, limit=1):  # "By Jane Doe | Updated Sep 9, 2025"
                meta.add_day(day, is_update=_is_update(text, at))
        elif words <= _MAX_LABEL_WORDS and below is not None and _label_alone(text, below, position, meta):
            continue
        elif _NOT_AUTHOR.match(text):
            meta.positions.update((position, position + 1))  # "Edited by" / "Reviewed by X": no author
        elif (dated := _dated_part(text)) is not None:
            part, day = dated
            above = pieces[position - 1][1] if position > 0 else ""
            if not _DATE_LABEL_ALONE.match(above):  # else the label above it says what day it is
                label = _DATE_LABEL.match(part)
                meta.add_day(day, is_update=_is_update(part, label.end() if label else 0))
            meta.positions.add(position)
            if name := _name_beside_date(text, common):
                meta.bylines.insert(0, name)
    return meta


def _may_be_dateline(text: str) -> bool:
    """Whether `parse_dateline` could read the line: an agency in brackets, or a place in capitals
    and a dash (a stripped line, so its first two characters are those `parse_dateline` reads)."""
    if "(" in text or "[" in text:
        return True
    return _CAPS_OPENING.match(text) is not None and _DATELINE_MARK.search(text) is not None


def _unglued(byline: str) -> str:
    """The byline with the spaces the copy lost put back: "ByJane DoeUpdated Feb 3" reads
    "By Jane Doe Updated Feb 3" ("McDonald" and "DeSantis" keep theirs: too few letters before)."""
    return _GLUED_IN_BYLINE.sub(" ", byline)


def _byline_below(lines: list[str], start: int) -> list[str]:
    """When the header names nobody: the first byline below the lead ("Written by Jane Doe",
    "Author" / "Jane Doe"), where pages sign an article at its end."""
    for index in range(start, len(lines)):
        line = lines[index]
        if len(line) > _BYLINE_MAX_CHARS or not _BYLINE_OPENS.match(line):
            continue
        head = _BYLINE_HEAD.match(line)  # the longest prefix: the tree only says that one is there
        if " " not in head[0] and len(line[head.end() :].split()) == 1:
            continue  # "Text Link", "From Example": a one-word prefix wants a whole name after it
        if _BYLINE_LABEL.match(line):
            if index + 1 < len(lines) and looks_like_name(lines[index + 1]):
                return [f"by {lines[index + 1]}"]
        elif is_byline(line):
            return [_COLON_GLUED.sub(r"\1 ", line)]
    return []


def _labelled_days_below(lines: list[str], start: int) -> tuple[str | None, str | None]:
    """When the header shows no date: the first day a labelled line below the lead gives
    ("Published on Feb 3, 2025", "Last updated" / "Feb 9, 2025"), as pages print it under the
    article or in its footer; an unlabelled date there is as likely a comment's or a teaser's."""
    updated = None
    for index in range(start, len(lines)):
        line = lines[index]
        if not _DAY_LABEL.match(line) or len(line.split()) > _MAX_META_WORDS:
            continue
        if _DATE_LABEL_ALONE.match(line) and index + 1 < len(lines):
            line = f"{line} {lines[index + 1]}"
        if (day := date_of_line(line)) is None:
            continue
        if not _is_update(line, _DATE_LABEL.match(line).end()):
            return day, updated
        updated = updated or day
    return None, updated


def _dated_part(text: str) -> tuple[str, str] | None:
    """The day a short line states, and the part that states it: the whole line, or one of its
    parts set apart by dots or bars ("Jane Doe | Apr 21, 2017 | Travel")."""
    if (day := date_of_line(text)) is not None:
        return text, day
    if not _DOTS.search(text):
        return None
    for part in _DOTS.split(text):
        if (day := date_of_line(part.strip())) is not None:
            return part.strip(), day
    return None


def _long_byline(text: str) -> str | None:
    """The first part of a long line that opens with a byline, cut at its first separator."""
    if not _BYLINE.match(text):
        return None
    head = _SEGMENT.split(text, maxsplit=1)[0]
    return head if head != text and is_byline(head) else None


def _name_beside_date(text: str, common: _PageWords) -> str | None:
    """The author a date line names: "March 4, 2025 by Jane Doe", "Jane Doe • March 4, 2025"."""
    if by := _BY_INSIDE.search(text):
        rest = text[by.start() :].strip()
        return rest if is_byline(rest) else None
    text = _DATE_LABEL.sub("", text, count=1)  # "Last updated Feb 3, 2025" names nobody
    found = dates_in_text(text, limit=1)
    if not found:
        return None
    before = text[: found[0][0]].strip(" •|·⋅,-–—")
    if before and common.is_bare_name(before):
        return before
    # "Feb 3, 2025 · 8 min read · Jane Doe", "Jane Doe | Senior Writer | Feb 3, 2025"
    parts = [part.strip() for part in _DOTS.split(text)]
    return next((part for part in parts if len(parts) > 1 and common.is_bare_name(part)), None)


def _is_update(text: str, at: int) -> bool:
    """Whether the label before the date at `at` says it is an update (`dates.role_before`)."""
    return role_before(text, at) is DateRole.UPDATED


def _label_alone(label: str, below: str, position: int, meta: _Meta) -> bool:
    """A label on a line of its own, what it labels on the next: "Last updated" / "Aug 4, 2025",
    "Written by" / "Jane Doe", "Reviewed by" / "John Roe" (no author)."""
    if _DATE_LABEL_ALONE.match(label):
        if (day := date_of_line(below)) is None:
            meta.positions.add(position)  # a label whose date the copy lost: what is below is no date
            return True
        meta.add_day(day, is_update=_is_update(label, len(label)))
    elif _NOT_AUTHOR.match(label):
        pass
    elif _BYLINE_LABEL.match(label):
        meta.bylines.insert(0, f"by {below}")
    else:
        return False
    meta.positions.update((position, position + 1))
    return True


def read_header(lines: list[str], body: list[int]) -> Header:
    """Headline, byline lines, publish date and dateline from the lines around the article's lead."""
    if not lines:
        return Header()
    top = first_prose(lines, body)  # a standfirst above a byline is no headline
    if _is_headline_as_prose(lines, top):
        top += 1
    lead = _lead_from(lines, top)
    lead_text = " ".join(lines[top : top + 3])
    pieces = _pieces(lines, range(max(0, lead - HEADER_WINDOW), min(len(lines), lead + 1)))
    common = _PageWords(lines, lead)
    meta = _read_meta(pieces, lead, common)
    if not meta.positions and (far := _far_cluster_end(lines, lead)) is not None:
        top = lead = far  # the header stands above a contents list, a product table or a form
        pieces = _pieces(lines, range(max(0, lead - HEADER_WINDOW), lead + 1))
        common = _PageWords(lines, lead)
        meta = _read_meta(pieces, lead, common)
    near = _cluster(pieces, meta.positions, lead, common)
    title_at = _choose_title(pieces, meta.positions, near, top, lead_text, common)
    if meta.published is None and meta.updated is None:
        meta.published, meta.updated = _labelled_days_below(lines, lead + 1)
    bylines = (
        meta.bylines
        or _bare_names(pieces, meta.positions, near, title_at, lead, common)
        or _byline_below(lines, lead + 1)
    )
    return Header(
        title=pieces[title_at][1] if title_at is not None else None,
        bylines=tuple(_unglued(byline) for byline in bylines),
        published=meta.published or meta.updated,
        updated=meta.updated,
        dateline=meta.dateline,
    )


def _far_cluster_end(lines: list[str], lead: int) -> int | None:
    """When no byline or date stands in the window above the lead, the line below the nearest date
    line or byline further up (a contents list, a product table or a sign-up form can push the prose
    far below the header)."""
    for index in range(max(0, lead - HEADER_WINDOW) - 1, max(-1, lead - _FAR_REACH - 1), -1):
        line = lines[index]
        if len(line.split()) > _MAX_META_WORDS or not (_META_SIGN.search(line) or _META_HEAD.match(line)):
            continue
        if date_of_line(line) or _far_byline(lines, index):
            end = index + 1
            while end < lead and end - index < _CLUSTER_STEPS and _is_meta_line(lines[end]):
                end += 1
            return end
    return None


def _far_byline(lines: list[str], index: int) -> bool:
    """A byline far above the lead counts with a date line beside it, or as a label alone over a
    name ("Written by" / "Jane Doe"): a menu holds "By the Numbers", never that."""
    line = lines[index]
    if _BYLINE_LABEL.match(line):
        return index + 1 < len(lines) and looks_like_name(lines[index + 1])
    return is_byline(line) and any(
        _is_meta_line(other)
        for other in (*lines[max(0, index - 2) : index], *lines[index + 1 : index + _CLUSTER_STEPS])
    )


def _bare_names(
    pieces: list[tuple[int, str]],
    meta: set[int],
    near: set[int],
    title_at: int | None,
    lead: int,
    common: _PageWords,
) -> list[str]:
    """A name without "By": the name-like line right beside a date line near the lead, or the one
    between the headline and the lead ("Headline / Jane Doe / First paragraph"), or one beside a
    date line in the few lines right under the headline ("Headline / Jane Doe / Feb 3, 2025"). Its
    words must be ones the page never writes in lowercase: "Harbour Traffic Updates" is no name."""
    if title_at is None:
        return []
    for position in range(title_at + 1, min(len(pieces), title_at + 1 + _CLUSTER_STEPS)):
        index, text = pieces[position]
        if index >= lead or position in meta:
            continue
        # "Jane Doe, MD" keeps the credentials; of "Jane Doe, Senior Editor" the role is no part.
        name = text if common.is_bare_name(text) else text.split(",", 1)[0]
        beside = [position - 1, position + 1]
        if position + 1 < len(pieces) and len(pieces[position + 1][1].split()) <= _ROLE_MAX_WORDS:
            beside.append(position + 2)  # "Jane Doe / Senior Editor / Feb 3, 2025"
        dated = any(date_of_line(pieces[p][1]) for p in beside if p in meta)
        if dated and common.is_bare_name(name):
            return [name]
    # The header block: the headline and what lies between it and the lead, or a cluster right above it.
    first = max(0, title_at - 3) if title_at - 1 in near else title_at + 1
    places = [n for p in sorted(near) for n in (p - 1, p + 1, p - 2)]
    after = pieces[title_at + 2][0] if title_at + 2 < len(pieces) else lead
    if title_at + 2 in near or after == lead:
        places.append(title_at + 1)  # "Headline / Jane Doe / first paragraph"
    for position in places:
        if first <= position < len(pieces) and position not in near and position != title_at:
            index, text = pieces[position]
            if index < lead and common.is_bare_name(text):
                return [text]
    return []


def _is_bare_name(text: str, common: _PageWords) -> bool:
    """A name-shaped line whose words the page never writes in lowercase, and no function words."""
    if not looks_like_name(text):
        return False
    words = [w.lower() for w in _WORD.findall(_CREDENTIALS.sub("", text) if "," in text else text)]
    return not any(w in STOPWORDS or (len(w) >= 2 and common.writes_lowercase(w)) for w in words)


def _in_cluster(text: str, common: _PageWords) -> bool:
    return len(text) <= 2 or common.is_bare_name(text) or _is_reading_time(text)


def _cluster(pieces: list[tuple[int, str]], meta: set[int], lead: int, common: _PageWords) -> set[int]:
    """The byline cluster right above the lead: its meta lines near the lead, and upward every line
    that is meta, a bare name, a reading time or a separator."""
    near = {p for p in meta if pieces[p][0] >= lead - _NAME_REACH}
    if not near:
        return near
    top = min(near)
    while top > 0 and (top - 1 in meta or _in_cluster(pieces[top - 1][1], common)):
        top -= 1
    return near | {p for p in range(top, max(near)) if p in meta}


def _choose_title(
    pieces: list[tuple[int, str]],
    meta: set[int],
    near: set[int],
    top: int,
    lead_text: str,
    common: _PageWords,
    evidence: HeadlineEvidence = DEFAULT_HEADLINE_EVIDENCE,
) -> int | None:
    """The headline-like piece above `top` (the first line of prose, a standfirst if a byline follows
    it) with the most evidence; the nearest one wins ties."""
    lead_words = {w.strip(".,;:!?\"'“”‘’()") for w in lead_text.lower().split()}
    toc = max((p for p, (_, text) in enumerate(pieces) if _TOC_HEAD.match(text)), default=len(pieces))
    # Each test below is asked of a piece and of the one under it, by this candidate and the one above:
    # remembered per position for this page's pieces (the tests are pure given `meta` and `common`).
    reaches: dict[int, bool] = {}
    standfirst: dict[int, bool] = {}

    def reaches_byline(position: int) -> bool:
        known = reaches.get(position)
        if known is None:
            known = reaches[position] = _reaches_byline(pieces, position, meta, common)
        return known

    def is_standfirst(position: int) -> bool:
        known = standfirst.get(position)
        if known is None:
            known = standfirst[position] = _is_standfirst(pieces, position, meta)
        return known

    best: tuple[float, int] | None = None
    for position, (index, text) in enumerate(pieces):
        if index >= top or position in meta or not looks_like_headline(text) or common.is_section_head(text):
            continue
        if position >= toc and not (
            reaches_byline(position) or (is_standfirst(position + 1) and reaches_byline(position + 1))
        ):
            continue  # an entry of the contents list, unless the header stands under an empty one
        below = pieces[position + 1] if position + 1 < len(pieces) else (top, "")
        score = evidence.lead_words * _lead_share(text, lead_words) - evidence.distance * (top - index)
        if reaches_byline(position):
            if not is_standfirst(position):  # else the headline is the line above it
                score += evidence.above_byline  # perhaps with a bare name or a role between
        elif is_standfirst(position + 1) and reaches_byline(position + 1):
            score += evidence.above_byline  # with a standfirst between
        elif (below[0] == top and not _under_headline(pieces, position, meta)) or position - 1 in near:
            score += evidence.beside_lead  # "Headline / first paragraph", "Jane Doe / Feb 3 / Headline"
        elif (
            position + 2 < len(pieces)
            and pieces[position + 2][0] == top
            and _under_headline(pieces, position + 1, meta)
        ):
            score += evidence.beside_lead  # "Headline / first subheading (or standfirst) / paragraph"
        if text.lower() in common.repeated:
            score += evidence.repeated
        if text.lower() in common.crumbs:
            score += evidence.crumb
        if len(text.split()) >= evidence.long_words:
            score += evidence.long
        if (best is None or (score, position) > best) and not common.is_bare_name(text):
            best = (score, position)  # asked last: whether a line is a name costs the most
    return best[1] if best else None


def _under_headline(pieces: list[tuple[int, str]], position: int, meta: set[int]) -> bool:
    """Whether the piece is a headline-like line right under another of four or more words: of two
    such lines the upper is the headline, the lower its first subheading or standfirst."""
    if not 0 < position < len(pieces) or position - 1 in meta or position in meta:
        return False
    above, text = pieces[position - 1][1], pieces[position][1]
    upper, lower = above.lower().rstrip(".…"), text.lower().rstrip(".…")
    if upper in lower:
        return False  # "Headline..." over "Headline: in full": the fuller line is the headline
    return (
        len(above.split()) >= _STANDFIRST_MIN_WORDS
        and looks_like_headline(text)
        and looks_like_headline(above)
        and not (_CRUMB_SIGN.search(above) or _GLUED_WORDS.search(above))
    )


def _reaches_byline(pieces: list[tuple[int, str]], position: int, meta: set[int], common: _PageWords) -> bool:
    """Whether the byline cluster starts right below the piece: a meta line next, or one after a bare
    name, the name's role ("Jane Doe / Senior Editor / Feb 3, 2025") or a separator."""
    after_name = False
    for below in range(position + 1, min(len(pieces), position + 1 + _CLUSTER_STEPS)):
        if below in meta:
            return True
        text = pieces[below][1]
        if _in_cluster(text, common) or common.is_bare_name(text.split(",", 1)[0]):
            after_name = len(text) > 2  # "Jane Doe", "Jane Doe, Senior Editor"
        elif after_name and len(text.split()) <= _ROLE_MAX_WORDS:
            after_name = False  # the role under the name
        else:
            return False
    return False


def _is_standfirst(pieces: list[tuple[int, str]], position: int, meta: set[int]) -> bool:
    """Over a byline cluster, a line of a sentence's shape right below a headline-like line is the
    standfirst and that line the headline: the headline comes first. Either of fewer than four words
    is a kicker ("World News") or a label, not a headline and its standfirst."""
    if not 0 < position < len(pieces):
        return False
    text, above = pieces[position][1], pieces[position - 1][1]
    words = text.split()
    if min(len(above.split()), len(words)) < _STANDFIRST_MIN_WORDS or position - 1 in meta:
        return False
    if not looks_like_headline(above):
        return False
    if _CRUMB_SIGN.search(above) or _GLUED_WORDS.search(above):
        return False  # a breadcrumb or a menu run together above it
    lower = sum(1 for w in words if w[:1].islower())
    return lower / len(words) >= _LEAD_MIN_LOWER_SHARE
