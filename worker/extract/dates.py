"""Dates as published: parse what pages write into ISO 8601, keep time and offset when given.

A date with a day, month and year becomes `YYYY-MM-DD`; with a time, `YYYY-MM-DDTHH:MM:SS`; with an
offset too, `...+HH:MM`. A bare year (the copyright footer's "© 2024") is never a date, and nothing
later than `now` is accepted: a future publish date is a page's mistake, not a fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from enum import StrEnum

from worker.extract.patterns import (
    FIRST_PUBLISHED_LABELS,
    MONTH_ALTERNATION,
    MONTHS,
    PUBLISHED_LABELS,
    UPDATED_LABELS,
)

EARLIEST = date(1990, 1, 1)
_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)"
    r"(?:[T\s]+(?P<H>[0-2]\d):?(?P<M>[0-5]\d)(?::?(?P<S>[0-5]\d)(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-][01]\d(?::?[0-5]\d)?)?)?"
)
# A year ends at a word's end, or where the copy glued to it a time ("October 17, 20236:01 PM") or
# the same date again ("19. Juni 201619. Juni 2016", "17/11/201917/11/2019": a theme printing the
# publication and the update date, or two renderings of one, with nothing between them).
_YEAR_END = r"(?:\b|(?=[0-2]?\d:[0-5]\d)|(?=[0-3]?\d(?:\.\s|[./]))|(?=[^\W\d_]))"
# A day starts at a word's start, or where the copy glued it to the word before: a name, a section
# ("Jane Doe19.10.2019", "Berlin2. Oktober 2015"), whose last two letters are lowercase: after a
# capital or a lone letter the number is a code's or a version's ("COVID19 March 2020", "Galaxy S20
# March 2020", "v2.3.2020"). A month glued on is capitalised after a lowercase letter ("Jane
# DoeNovember 6, 2023"), never inside a word ("the primary 5", "CHECKOUT 5, 2020").
_GLUED_START = r"(?:\b|(?<=(?-i:[^\W\d_A-ZÀ-ÞА-ЯЁ]{2})))"  # two letters, no capital
_GLUED_MONTH_START = r"(?:\b|(?<=(?-i:[a-zà-ÿ]))(?=(?-i:[A-ZÀ-Þ])))"
_SLASHED = re.compile(r"\b(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)\b")
_DAY_FIRST = re.compile(
    rf"{_GLUED_START}(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d){_YEAR_END}"
)
# Day and month each with a full stop and a space, day first, as Czech, Slovak and German often
# write them ("13. 1. 2020", "14. 01. 2020, 13:47"); not after a number so written, a list's ("1. 2. 3.").
_SPACED_DOTS = re.compile(
    rf"(?<!\d\.\s)\b(?P<d>[0-3]?\d)\.\s(?P<m>[01]?\d)\.\s(?P<y>(?:19|20)\d\d){_YEAR_END}"
)
_MONTH = rf"(?P<mon>{MONTH_ALTERNATION})\.?"
# The lookahead (a word, then a number) spares trying every month name at every word: 6x faster.
_TEXT_MDY = re.compile(
    rf"{_GLUED_MONTH_START}(?=[^\W\d_]+\.?\s+\d){_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?[,.]?\s+(?P<y>(?:19|20)\d\d){_YEAR_END}",
    re.I,
)
# "13 février 2025", "3 de mayo de 2024", "04-ago-2021", "28. listopadu 2019".
_TEXT_DMY = re.compile(
    rf"{_GLUED_START}(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?(?:\s+|-)(?:de\s+)?{_MONTH}(?:,?\s+|-)(?:de\s+)?"
    rf"(?P<y>(?:19|20)\d\d){_YEAR_END}",
    re.I,
)
# The year first, the day last, each with its full stop, the month in lowercase, as Hungarian writes a
# date: "2025. március 12." (not "in 2019. May 5 saw ...", two sentences).
_TEXT_YMD = re.compile(
    rf"\b(?P<y>(?:19|20)\d\d)\.\s+(?-i:(?=[a-zà-ÿ]))(?:{_MONTH})\s+(?P<d>[0-3]?\d)\.(?!\d)", re.I
)
# Chinese, Japanese and Korean dates: "2019年11月28日", "2019년 11월 28일".
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]")
_CLOCK = re.compile(
    r"(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<tz>UTC|GMT|Z|[+-][01]\d:?[0-5]\d|(?:[ECMP][SD]T))?(?![\d/])",
    re.I,
)
_ZONE_HOURS = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
# "19.10.19, 11:29 Uhr", "30/10/23 | Site", "1.11.23 20:19 von ...": a two-digit year, read only where
# nothing numeric goes on after it (a version "1.10.19.2" or a decimal "3.10.19,5" is no date).
_NUMERIC_SHORT = re.compile(
    r"(?<![\d.,/-])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)(?P<yy>\d\d)(?![\d/]|[.,]\d)"
)
_CENTURY_TURN = 90  # a two-digit year from 90 is of the 1990s, below it of this century
_NUMERIC = re.compile(
    rf"{_GLUED_START}(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d){_YEAR_END}"
)
_URL_NAMED_MONTH = re.compile(
    rf"/(?P<y>(?:19|20)\d\d)/(?P<mon>{MONTH_ALTERNATION})/(?P<d>[0-3]?\d)(?:[/_.-]|$)", re.I
)
_LABEL_REACH = 40  # characters before a date where its label ("Updated on") stands
_LABELS = re.compile(
    r"(?<!\w)(?:(?P<updated>"
    + "|".join(re.escape(w) for w in sorted(UPDATED_LABELS, key=len, reverse=True))
    + r")|(?P<published>"
    + "|".join(re.escape(w) for w in sorted(PUBLISHED_LABELS, key=len, reverse=True))
    + r"))(?!\w)",
    re.I,
)
_FIRST_PUBLISHED = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in FIRST_PUBLISHED_LABELS) + r")(?!\w)", re.I
)
# Any of the (lower-case) labels as a plain substring: `label in text` for each, in one search.
_ANY_FIRST_PUBLISHED = re.compile("|".join(re.escape(label) for label in FIRST_PUBLISHED_LABELS))
_LONG_TEXT_CHARS = 2000
_FIRST_PUBLISHED_REACH = 20  # characters between the words and their date ("on", "on the", ": ")
_WRITTEN_DATE_CHARS = 40  # a date as written, with its time ("Wednesday, 26 September 2019 at 4:12pm")
# "by" right after the words: a forum's quote header ("Originally posted by jdoe on ..."), not the piece's.
_BY_AFTER = re.compile(r"\s*(?:by|von|par|por|door|przez|av|af)\b", re.I)
# The end of an earlier date or time in the label's reach: a label before it is that date's.
_EARLIER_DATE = re.compile(r".*(?:\d{4}|\d:\d\d)", re.S)
_WESTMOST = timedelta(hours=-12)  # the time zones' span, for one moment's local days
_EASTMOST = timedelta(hours=14)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_-]?([01]\d)[/_-]?([0-3]\d)(?:[/_.-]|$)|/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/"
)


def _offset(token: str | None) -> timezone | None:
    if not token:
        return None
    token = token.upper()
    if token in {"Z", "UTC", "GMT"}:
        return UTC
    if token in _ZONE_HOURS:
        return timezone(timedelta(hours=_ZONE_HOURS[token]))
    sign = -1 if token[0] == "-" else 1
    digits = token[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _full_year(two_digits: str) -> str:
    year = int(two_digits)
    return str(1900 + year if year >= _CENTURY_TURN else 2000 + year)


def _build(y: str, m: str | int, d: str, clock: re.Match[str] | None = None) -> str | None:
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    if clock is None:
        return day.isoformat()
    hour, minute, second = int(clock["H"]), int(clock["M"]), int(clock["S"] or 0)
    ampm = (clock.groupdict().get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=_offset(clock["tz"]))
    return moment.isoformat()


def parse_date(value: str | None) -> str | None:
    """ISO 8601 from the forms pages write: ISO, RFC 2822, "Feb 13, 2025 3:04 pm", "13 février 2025"."""
    if not value:
        return None
    value = " ".join(value.split())[:200]
    if _CENTURY_YEAR.search(value) is None:
        return _rfc_2822_day(value) or _timestamp_day(value)  # every other form writes such a year
    if match := _ISO.search(value):
        if match["H"] is None:
            return _build(match["y"], match["m"], match["d"])
        return _build(match["y"], match["m"], match["d"], match)
    if day := _rfc_2822_day(value):
        return day
    if match := _CJK.search(value):
        return _build(match["y"], match["m"], match["d"])
    for pattern in (_TEXT_MDY, _TEXT_DMY, _TEXT_YMD):
        if match := pattern.search(value):
            clock = _CLOCK.search(value, match.end())
            month = MONTHS[match["mon"].lower()]
            return _build(match["y"], month, match["d"], clock)
    if match := _SLASHED.search(value):
        return _build(match["y"], match["m"], match["d"])
    if match := _DAY_FIRST.search(value):
        return _build(match["y"], match["m"], match["d"])
    if match := _SPACED_DOTS.search(value):
        return _build(match["y"], match["m"], match["d"])
    return _timestamp_day(value)


def _rfc_2822_day(value: str) -> str | None:
    """ "Thu, 13 Feb 2025 15:04:05 +0000" (a two-digit year too), as email and RSS write it."""
    if re.match(r"^[A-Z][a-z]{2}, \d", value):
        try:
            return parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError):
            pass
    return None


def _timestamp_day(value: str) -> str | None:
    """A Unix timestamp in seconds or milliseconds."""
    if re.fullmatch(r"\d{10}(?:\d{3})?", value):
        return datetime.fromtimestamp(int(value[:10]), UTC).isoformat()
    return None


def date_from_url(url: str | None) -> str | None:
    """The day a URL path spells (`/2025/02/13/`, `/20250213-`, `/2025/february/13/`), which sites set
    at publication."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match:
        y, m, d = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
        return _build(y, m, d)
    match = _URL_NAMED_MONTH.search(url)
    if match:
        return _build(match["y"], MONTHS[match["mon"].lower()], match["d"])
    return None


def swapped(iso: str) -> str | None:
    """The same numbers read the other way round (`2023-03-10` as `2023-10-03`): "03/10/2023" is
    either, depending on the country."""
    return _build(iso[:4], iso[8:10], iso[5:7]) if len(iso) >= 10 else None


def day_of(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def plausible(iso: str | None, now: datetime) -> str | None:
    """`iso` when it is a real day between 1990 and `now` (in the easternmost time zone, UTC+14)."""
    day = day_of(iso)
    if day is None or day < EARLIEST:
        return None
    if iso and len(iso) > 10:
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            return None
        if moment.tzinfo is not None and moment > now + timedelta(minutes=5):
            return None
    if day > (now + timedelta(hours=14)).date():
        return None
    return iso


class DayOrder(StrEnum):
    """Which number a page writes first in a numeric date that reads either way ("03/10/2023"),
    by its language and region. Dots are day first everywhere; dashes are day first in most of the
    world (India, the Netherlands, Scandinavia), month first only in American usage."""

    MONTH_FIRST = "month first"  # American English: slashes and dashes month first
    SLASHED_MONTH_FIRST = "slashed month first"  # English of no stated region, or no language: slashes
    DAY_FIRST = "day first"  # every other language and region


# How the page being read writes its dates, for the readers called without saying (`reading_page_in`).
_PAGE_ORDER: ContextVar[DayOrder] = ContextVar("page_day_order", default=DayOrder.SLASHED_MONTH_FIRST)
_TWO_DIGIT_YEARS: ContextVar[bool] = ContextVar("page_two_digit_years", default=False)


@contextmanager
def reading_page_in(order: DayOrder, *, two_digit_years: bool = False) -> Iterator[None]:
    """Numeric dates read in `order` by every reader called inside without an order of its own, and
    two-digit years ("19.10.19") read too when `two_digit_years`: a page copied as text has no other
    date, where an HTML page's visible "Redeem by 12.31.23" would only compete with its declared one.
    The order is one fact about a page, and a plain-text page's date readers are many and deep."""
    order_token = _PAGE_ORDER.set(order)
    years_token = _TWO_DIGIT_YEARS.set(two_digit_years)
    try:
        yield
    finally:
        _PAGE_ORDER.reset(order_token)
        _TWO_DIGIT_YEARS.reset(years_token)


def two_digit_year_day(text: str) -> str | None:
    """The first date with a two-digit year in `text` ("19.10.19, 11:29 Uhr"), day first, when the
    page being read is read with them."""
    if not _TWO_DIGIT_YEARS.get() or not (match := _NUMERIC_SHORT.search(text)):
        return None
    return _build(_full_year(match["yy"]), match["b"], match["a"])


_FOUR_DIGIT_YEARS = (_TEXT_MDY, _TEXT_DMY, _TEXT_YMD, _ISO, _NUMERIC, _SPACED_DOTS, _CJK)
# What every pattern of a day with a four-digit year holds, looked for first by one cheap search.
_CENTURY_YEAR = re.compile(r"(?:19|20)\d\d")
_WITH_TWO_DIGIT_YEARS = (*_FOUR_DIGIT_YEARS, _NUMERIC_SHORT)


def dates_in_text(text: str, limit: int = 20, *, order: DayOrder | None = None) -> list[tuple[int, str]]:
    """Days written in running text ("Updated Feb 13, 2025", "8/1/2025") with where they start, in order.

    A numeric day and month that could be either way round are read as `order` says (by default the
    order of the page being read), and the other way round when only that gives a real date."""
    if order is None:
        order = _PAGE_ORDER.get()
    if _CENTURY_YEAR.search(text) is None:  # the usual line: only a two-digit year may be read there
        patterns: tuple[re.Pattern[str], ...] = (_NUMERIC_SHORT,) if _TWO_DIGIT_YEARS.get() else ()
    else:
        patterns = _WITH_TWO_DIGIT_YEARS if _TWO_DIGIT_YEARS.get() else _FOUR_DIGIT_YEARS
    found: list[tuple[int, str]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("mon"):
                day = _build(groups["y"], MONTHS[groups["mon"].lower()], groups["d"])
            elif groups.get("a"):
                month_first = (match["sep"] == "/" and order is not DayOrder.DAY_FIRST) or (
                    match["sep"] == "-" and order is DayOrder.MONTH_FIRST
                )
                first, second = (groups["a"], groups["b"]) if month_first else (groups["b"], groups["a"])
                year = groups.get("y") or _full_year(groups["yy"])
                day = _build(year, first, second) or _build(year, second, first)
            else:
                day = _build(groups["y"], groups["m"], groups["d"])
            if day:
                found.append((match.start(), day))
    found.sort()
    return found[:limit]


class DateRole(StrEnum):
    """What a date written on the page says it is, by the label before it."""

    PUBLISHED = "published"
    UPDATED = "updated"


def role_before(text: str, offset: int) -> DateRole | None:
    """The role the words just before `offset` give the date there ("Updated on", "Publié le"):
    the nearest label, unless another date stands between it and this one."""
    window = text[max(0, offset - _LABEL_REACH) : offset]
    if earlier := _EARLIER_DATE.match(window):
        window = window[earlier.end() :]
    labels = list(_LABELS.finditer(window))
    if not labels:
        return None
    return DateRole.UPDATED if labels[-1]["updated"] else DateRole.PUBLISHED


def says_first_published(text: str) -> bool:
    """Whether `text` has words saying when a piece first appeared: a substring test of its lower
    case, cheap enough for every text node of a page, before the case-blind search that runs on few.
    A short text (a text node, a line) is searched once for any label, twice as fast as a test per
    label; a long one (a page) label by label, where str's scans beat re's."""
    lowered = text.lower()
    if len(lowered) > _LONG_TEXT_CHARS:
        return any(label in lowered for label in FIRST_PUBLISHED_LABELS)
    return _ANY_FIRST_PUBLISHED.search(lowered) is not None


def stated_first_day(text: str, *, order: DayOrder | None = None) -> str | None:
    """The day a sentence in `text` says the piece first appeared on ("Originally published on
    26 Sep 2019", "Erstmals veröffentlicht am 3.2.2021"): the date right after those words, unless
    they go on with "by" (a quoted post's header, someone else's)."""
    if not says_first_published(text):
        return None
    for label in _FIRST_PUBLISHED.finditer(text):
        if _BY_AFTER.match(text, label.end()):
            continue
        after = text[label.end() : label.end() + _FIRST_PUBLISHED_REACH + _WRITTEN_DATE_CHARS]
        found = dates_in_text(after, 1, order=order)
        if found and found[0][0] <= _FIRST_PUBLISHED_REACH:
            return found[0][1]
    return None


def same_moment(shown: str, declared: str) -> bool:
    """One moment written in two time zones (a UTC timestamp, a local byline): the shown day is one
    the declared time falls on somewhere on Earth (UTC-12 to UTC+14), or within a day when the
    declared time gives no offset; or the same numbers read the other way round ("09.10.2024"
    beside a declared 10 September)."""
    a, b = day_of(shown), day_of(declared)
    if a is None or b is None:
        return False
    if swapped(shown) == declared[:10]:
        return True
    moment = _utc_moment(declared)
    if moment is None:
        return abs((a - b).days) <= 1
    return (moment + _WESTMOST).date() <= a <= (moment + _EASTMOST).date()


def _utc_moment(iso: str) -> datetime | None:
    """The moment an ISO time with an offset names, in UTC; None for a day or a time without offset."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment.astimezone(UTC) if len(iso) > 10 and moment.tzinfo is not None else None
