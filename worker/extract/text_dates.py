"""The publish day of a plain-text page whose header shows no date line, read as a reader reads it.

A reader of a news page without a date line still knows its day: a photo caption under the headline
prints "Nov. 28, 2019", and the lead says "Macron said Thursday"; 28 November 2019 was a Thursday, so
that is the day. A caption's date alone is weaker evidence (an archive photo keeps its own day), so it
counts only when the weekday the lead names agrees with it. Failing that, the first short line of the
page that is a date, where a page prints its date apart from the header the reader found (above a
long menu, under a table of contents); never a copyright line, never a comment's stamp below a
commenter's name. A day after the extraction time is dropped later (`common.complete_metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from worker.extract.dates import (
    DateRole,
    DayOrder,
    dates_in_text,
    role_before,
    says_first_published,
    stated_first_day,
)
from worker.extract.patterns import (
    BYLINE_PREFIXES,
    COMMENTER_WORDS,
    COPYRIGHT_LINE,
    PUBLISHED_LABELS,
    UPDATED_LABELS,
    WEEKDAY_NUMBERS,
)
from worker.extract.text_signs import (
    DATE_LABEL,
    DATE_LABEL_ALONE,
    MAX_META_WORDS,
    any_of,
    date_of_line,
    is_byline,
    looks_like_name,
)

_LEAD_LINES = 2  # the lead and the paragraph after it: where "said Thursday" tells the day
_WEEKDAY_NAMES = sorted((w for w in WEEKDAY_NUMBERS if len(w) > 3), key=len, reverse=True)
# Led by a look at the first letter (any name's): most characters fail there, before the look-behind
# and the names are tried.
_WEEKDAY = re.compile(
    "(?=[" + "".join(sorted({re.escape(w[0]) for w in _WEEKDAY_NAMES})) + "])"
    r"(?<!\w)(?:" + "|".join(_WEEKDAY_NAMES) + r")(?!\w)",
    re.I,
)
# The line before a comment's stamp: "Jane says:", "John Roe wrote:", "Reply".
_COMMENTER = re.compile(rf"(?:{'|'.join(map(re.escape, COMMENTER_WORDS))})\s*:?$", re.I)
_REPLY = re.compile(r"\breply\b", re.I)
_DATE_LINE_MAX_WORDS = 8  # "Monday, August 11th, 2025 at 11:00 am": a date line, not a sentence
_DIGIT = re.compile(r"\d")
# Every date these patterns read has its year in full, or two digits after a numeric day and month
# ("Erstellt am 01.01.23 um 08:35"), as a page copied as text is read with them.
_YEAR = re.compile(r"(?:19|20)\d\d|[./]\d\d(?![\d/]|[.,]\d)")
_PARTS = re.compile(r"\s[|•·⋅]\s")  # "Monday, August 11th, 2025 | Categories: ..."
_LABELLED_LINE_MAX_WORDS = 30
_SIGNATURE_REACH = 3  # "Jane Doe" / "Senior Editor, Example" / "Learn about our process" / "April 2, 2024"
_LABELLED_DATE_REACH = 90  # "By Jane Doe · Review Editor · Updated November 18, 2025"
_DAY_LABEL = re.compile(rf"^(?:{any_of((*PUBLISHED_LABELS, *UPDATED_LABELS))})\b", re.I)
_OPENER = re.compile(rf"^(?:{any_of((*BYLINE_PREFIXES, *PUBLISHED_LABELS, *UPDATED_LABELS))})\b", re.I)
_OPENING_DATE_REACH = 5  # lines above the lead: the header cluster, under any teaser list above it
_OPENING_REACH = 60  # characters: a weekday and a date written out
_SIGNED_REACH = 45  # characters from a date's start to the "von"/"by" signing it, its time between
# "by Jane", "von Andrea": a byline word, then a capitalised word (a name's start).
_SIGNING = re.compile(rf"(?<!\w)(?:{any_of(BYLINE_PREFIXES)})\s+[^\W\d_]", re.I)


# "14/04/2020", "04-14-2020": a numeric date whose day is past 12, so the page's order shows.
_TELLING_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d)(?P=sep)(?:19|20)\d\d\b"
)
_MONTHS_IN_YEAR = 12
# What a telling date cannot lack: its separator right before the year's first two digits. Most pages
# have none anywhere; only the lines holding one are read. Found by str's scans, four over the page,
# where a pattern's scan tries every character.
_SEP_YEARS = ("/19", "/20", "-19", "-20")


def page_day_order(lines: list[str], language: str | None) -> DayOrder:
    """How a page copied as text writes "03/05/2022": as its own dates show, where one of them has a
    day past 12 ("14/04/2020" in a comment's stamp tells the byline's "12/04/2020"); else by its
    language: day first in every language but English, whose pages, of no stated region, write
    slashes month first. A page that shows both orders tells nothing."""
    day_first = month_first = False
    for match in _telling_dates(lines):
        a, b = int(match["a"]), int(match["b"])
        day_first |= a > _MONTHS_IN_YEAR >= b
        month_first |= b > _MONTHS_IN_YEAR >= a
    if day_first != month_first:
        return DayOrder.DAY_FIRST if day_first else DayOrder.MONTH_FIRST
    if language and language != "en":
        return DayOrder.DAY_FIRST
    return DayOrder.SLASHED_MONTH_FIRST


def _telling_dates(lines: list[str]) -> Iterator[re.Match[str]]:
    """The page's numeric dates that may tell its order, line by line ("14/04/2020", "04-14-2020"):
    read only in the lines holding a separator before a year, found by one search of the page."""
    text = "\n".join(lines)
    read = 0  # the lines up to here are read
    for at in _marks(text):
        if at < read:
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at + 3)
        read = len(text) if end == -1 else end
        yield from _TELLING_NUMERIC.finditer(text, start, read)  # no date spans a line break


def _marks(text: str) -> list[int]:
    """Where a separator before a year's first two digits stands (`_SEP_YEARS`), in order. No mark
    overlaps another (each opens with a separator, goes on with digits)."""
    found = []
    for mark in _SEP_YEARS:
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 3)
    return sorted(found)


def named_weekdays(text: str) -> set[int]:
    """The days of the week a lead names ("said Thursday", "am Donnerstag"), as `date.weekday()`."""
    return {WEEKDAY_NUMBERS[match[0].lower()] for match in _WEEKDAY.finditer(text)}


def day_told_by_lead(lines: list[str], start: int, lead: int) -> str | None:
    """A date printed between the headline and the lead (a caption's, the lead's own) whose weekday
    is one the lead names: two pieces of evidence that agree."""
    weekdays = named_weekdays(" ".join(lines[lead : lead + _LEAD_LINES]))
    if not weekdays:
        return None
    for line in lines[start : lead + _LEAD_LINES]:
        if not _DIGIT.search(line):
            continue
        for _, day in dates_in_text(line, limit=3):
            if date.fromisoformat(day).weekday() in weekdays:
                return day
    return None


def first_date_line(lines: list[str], lead: int) -> str | None:
    """The day of the page's first short line that is a date ("April 2, 2024", "06.18.2025",
    "Monday, August 11th, 2025 at 11:00 am | Categories: ..."), or of the first line that opens with a
    byline or a date label and goes on with a date ("Published: Mar 8, 2024 · Modified: ...", "By Jane
    Doe · Editor · Updated Nov 18, 2025"), or, just above the lead, of a long line opening with a date
    (the header run together: "22. Januar 2020 @ 18:13 // Autor: ..."). Below the lead a bare date is
    as likely a comment's or a teaser's: there it counts only labelled or signed ("Published on ...",
    "By Jane Doe on ...", "March 9, 2025 by Jane", a byline or a name just above it), and never under
    a commenter's "Jane says:"."""
    for index, line in enumerate(lines):
        if not _YEAR.search(line):
            continue
        day = _day_of_date_line(line)
        if day is None and index >= lead - _OPENING_DATE_REACH:
            day = _opening_day(line, signed=index > lead)
        if day is None:
            continue
        above = lines[index - 1] if index else ""
        if _COMMENTER.search(above) or _REPLY.search(line) or COPYRIGHT_LINE.found_in(line):
            continue
        if index > lead and not (
            _OPENER.match(line)
            or _signed(lines[max(lead + 1, index - _SIGNATURE_REACH) : index])
            or _opening_day(line, signed=True)
        ):
            continue
        return day
    return None


def _opening_day(line: str, *, signed: bool) -> str | None:
    """The day a long line opens with ("22. Januar 2020 @ 18:13 // Autor: ... // Lesezeit: 1
    Minute", "Mittwoch, März 7, 2018 21 Allgemein, Beauty, ..."), perhaps after a weekday: the
    header's date with the rest of the header glued after it. `signed`: a name must follow it
    ("Dezember 26, 2019 von Andrea Kategorien: ..."), as below the lead a bare date is a teaser's."""
    found = dates_in_text(line[:_OPENING_REACH], limit=1)
    if not found:
        return None
    at, day = found[0]
    before = line[:at].strip(" ,.")
    if before and not _WEEKDAY.fullmatch(before):
        return None
    if signed and not _SIGNING.search(line, at, at + _SIGNED_REACH):
        return None
    return day


def _signed(above: list[str]) -> bool:
    return any(is_byline(line) or looks_like_name(line) for line in above)


def _day_of_date_line(line: str) -> str | None:
    head = _PARTS.split(line, maxsplit=1)[0]
    if len(head.split()) <= _DATE_LINE_MAX_WORDS:
        if day := date_of_line(head):
            return day[:10]
        if found := dates_in_text(head, limit=1):  # "06.18.2025", "10/31/2024": month first
            return found[0][1]
    if len(line.split()) <= _LABELLED_LINE_MAX_WORDS and _OPENER.match(line):
        found = dates_in_text(line[:_LABELLED_DATE_REACH], limit=1)
        return found[0][1] if found else None
    return None


def stated_first_line_day(lines: list[str], start: int, end: int) -> str | None:
    """The day a line of the header or the article says the piece first appeared on ("Originally
    published November 9, 2022", "This article was first published on 26 Sep 2019"), which outranks
    an update's date shown in the header. Comments below the article are not read: a reader's words."""
    if not says_first_published("\n".join(lines[start:end])):
        return None
    for line in lines[start:end]:
        if says_first_published(line) and (day := stated_first_day(line)):
            return day
    return None


def labelled_days_below(lines: list[str], start: int) -> tuple[str | None, str | None]:
    """When the header shows no date: the first day a labelled line below the lead gives
    ("Published on Feb 3, 2025", "Last updated" / "Feb 9, 2025"), as pages print it under the
    article or in its footer; an unlabelled date there is as likely a comment's or a teaser's."""
    updated = None
    for index in range(start, len(lines)):
        line = lines[index]
        if not _DAY_LABEL.match(line) or len(line.split()) > MAX_META_WORDS:
            continue
        if DATE_LABEL_ALONE.match(line) and index + 1 < len(lines):
            line = f"{line} {lines[index + 1]}"
        if (day := date_of_line(line)) is None:
            continue
        if role_before(line, DATE_LABEL.match(line).end()) is not DateRole.UPDATED:
            return day, updated
        updated = updated or day
    return None, updated


def days_of_line(part: str, day: str, *, date_before: str | None) -> list[tuple[str, bool]]:
    """The days a date line states, each with whether it is an update, the publication first:
    "July 30, 2019 January 18, 2023" and "Updated Nov 11, 2022 · Originally published Nov 9, 2022"
    print the first publication and an update on one line. Of two dates no label tells apart
    ("May 21, 2025April 24, 2025", glued in the copy, where `date_before` is the first), the earlier
    is the publication: a piece is updated after it appears, never before."""
    found = dates_in_text(part, limit=3)
    if len(found) < 2:
        label = DATE_LABEL.match(part)
        role = role_before(part, label.end()) if label else None
        later = date_before is not None and day[:10] > date_before[:10]
        return [(day, role is DateRole.UPDATED or (role is None and later))]
    roles = [(found_day, role_before(part, at)) for at, found_day in found]
    unlabelled = [found_day for found_day, role in roles if role is None]
    first = min([*unlabelled, date_before or "9999"])[:10]
    return [
        (found_day, role is DateRole.UPDATED or (role is None and found_day != first))
        for found_day, role in sorted(roles, key=lambda pair: pair[0] != first)
    ]


def date_before_on_line(pieces: list[tuple[int, str]], position: int) -> str | None:
    """The date of the piece before, when the line was split where a year was glued to a date."""
    if position == 0 or pieces[position - 1][0] != pieces[position][0]:
        return None
    return date_of_line(pieces[position - 1][1])
