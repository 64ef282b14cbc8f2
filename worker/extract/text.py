"""Metadata from whole-page plain text: the lines above the body are masthead, headline, byline, dateline.

A page copied as text keeps its shape: a masthead ("Example.com - Your World At War"), the headline,
a byline or a dateline ("Brussels, Belgium, Feb 13 (AFP) Feb 13, 2025"), the article, then a copyright
footer. The body classifier may start the body a line early or late, so the lines around its first
paragraph are read by what they look like, not by their position alone.
"""

from __future__ import annotations

import re

from worker.article import Dateline, Metadata
from worker.clean.text import TextLayout
from worker.extract.authors import clean_authors
from worker.extract.dateline import agency_from_credit, parse_dateline
from worker.extract.dates import parse_date
from worker.extract.patterns import BYLINE_PREFIXES

_HEADER_WINDOW = 25
_FOOTER_WINDOW = 40
_MASTHEAD = re.compile(
    r"^(?P<site>(?:[\w-]+\.)+(?:com|net|org|info|news|co\.uk|co|io|de|fr|eu|int|tv|us|uk|au|ca|in))"
    r"(?:\s*[-–—|:]\s*.+)?$",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True))
    + r")\b\s*:?\s+\S",
    re.I,
)
_DATE_LINE_WORDS = re.compile(r"^(?:published|updated|posted|last updated|date|on)\b[:\s]*", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)
_DIGIT = re.compile(r"\d")
# What every dateline form holds (`extract.dateline`): its agency in brackets, or a dash after the place.
_DATELINE_MARK = re.compile(r"[(\[\-–—]")
_MAX_DATELINE_WORDS = 14
_MAX_META_WORDS = 12  # a byline or a date line
_MAX_HEADLINE_WORDS = 30
# Page furniture that looks like a headline line but never is one.
_CHROME = re.compile(
    r"^(?:share|read more|read next|posted|credit|photo|image|table of contents|learn|subscribe|sign|follow|"
    r"advertisement|related|home|menu|skip|search|log in|listen|print|email|comments?|see more|contents|"
    r"breaking news|accessibility|cookie|privacy|terms|watch|trending|most popular|latest)\b",
    re.I,
)


def _is_byline(line: str) -> bool:
    return bool(_BYLINE.match(line)) and len(line.split()) <= _MAX_META_WORDS


def _date_line(line: str) -> str | None:
    """The date a short line states ("Feb 13, 2025", "Updated: 2025-02-13 10:00"), never a copyright year.
    A line without a digit states no day: most header lines are menu items, and are not parsed."""
    if len(line.split()) > _MAX_META_WORDS or not _DIGIT.search(line) or _COPYRIGHT.search(line):
        return None
    return parse_date(_DATE_LINE_WORDS.sub("", line))


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= _MAX_HEADLINE_WORDS or _COPYRIGHT.search(line):
        return False
    if line.endswith((".", ":", ";", ",")) and not line.endswith(("...", "…")):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return line[:1].isupper() or line[:1] in "\"'“‘" or capitalised >= len(words) / 2


def _site_name(lines: list[str]) -> str | None:
    for line in lines[:5]:
        match = _MASTHEAD.match(line)
        if match:
            return match["site"]
    return None


def extract_text_metadata(layout: TextLayout, *, url: str | None = None) -> Metadata:
    """The masthead, headline, byline, dateline and copyright footer around the body."""
    lines = layout.lines
    if not lines:
        return Metadata()
    start = layout.body[0] if layout.body else min(len(lines), _HEADER_WINDOW)
    end = layout.body[-1] + 1 if layout.body else len(lines)
    # The classifier may have taken the dateline or byline as the first body line: read two more.
    window = list(range(max(0, start - _HEADER_WINDOW), min(len(lines), start + 2)))
    dateline: Dateline | None = None
    published: str | None = None
    bylines: list[str] = []
    anchor: int | None = None  # the first line below the headline: dateline, byline or date
    for index in reversed(window):
        line = lines[index]
        if len(line.split()) > _MAX_DATELINE_WORDS:
            continue  # a paragraph: neither a dateline line, nor a byline, nor a date
        if _DATELINE_MARK.search(line) and (found := parse_dateline(line)):
            if dateline is None:
                dateline, published = found[0], found[1] or published
                anchor = index
        elif _is_byline(line):
            bylines.insert(0, line)
            anchor = index
        elif (day := _date_line(line)) is not None:
            published = published or day
            anchor = index
    title = None
    headline_end = anchor if anchor is not None else start
    for index in range(headline_end - 1, max(-1, headline_end - 6), -1):
        if (
            _is_headline(lines[index])
            and not _MASTHEAD.match(lines[index])
            and not _CHROME.match(lines[index])
        ):
            title = lines[index]
            break
    footer = lines[end : end + _FOOTER_WINDOW]
    agency = agency_from_credit([line for line in footer if len(line) < 40 or _COPYRIGHT.search(line)])
    if agency and not (dateline and dateline.agency):
        dateline = Dateline(place=dateline.place if dateline else None, agency=agency)
    site = _site_name(lines)
    return Metadata(
        title=title,
        authors=clean_authors(bylines, not_names=(site,) if site else ()),
        published=published,
        dateline=dateline,
        site_name=site,
    )
