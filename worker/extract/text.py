"""Metadata from whole-page plain text: masthead, header, and copyright footer around the body.

A page copied as text keeps its shape: a masthead ("Example.com - Your World At War"), the headline,
a byline or a dateline ("Brussels, Belgium, Feb 13 (AFP) Feb 13, 2025"), the article, then a copyright
footer. The header above the body is read by `text_header`; the masthead and the footer here.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import AbstractContextManager

from worker.article import Dateline, Metadata
from worker.clean.mojibake import fix_mojibake
from worker.clean.text import TextLayout
from worker.extract.authors import clean_authors
from worker.extract.dateline import agency_from_credit, agency_name
from worker.extract.dates import reading_page_in
from worker.extract.languages.data import LANGUAGES
from worker.extract.languages.interface import holds_interface_word
from worker.extract.line_memo import forget_lines
from worker.extract.patterns import (
    AUTHOR_ROLE_WORDS,
    BYLINE_PREFIXES,
    COPYRIGHT_LINE,
    NAME_JOINERS,
    NAME_PARTICLES,
)
from worker.extract.text_dates import page_day_order
from worker.extract.text_handles import handle_byline, named_handle
from worker.extract.text_header import Header, read_header
from worker.extract.text_name_glue import without_glue
from worker.extract.text_not_headline import without_dated_affix
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import alternation
from worker.extract.text_site_name import copyright_holder
from worker.extract.text_site_owner import site_owner
from worker.extract.text_title_rank import TitleRanker
from worker.extract.titles import sets_title_case, strip_site_affixes, without_source_host, without_tagline

_FOOTER_WINDOW = 40
_HOLDER_MAX_WORDS = 4
_MASTHEAD_LINES = 5
_BYLINE_OPENER = re.compile(rf"^(?:{alternation(BYLINE_PREFIXES)})\b\s*:?\s*", re.I)
_BYLINE_PARTS = re.compile(r"\s*(?:[,/&|•·]|\band\b)\s*", re.I)
_MASTHEAD = re.compile(
    r"^(?P<site>(?:[\w-]+\.)+(?:com|net|org|info|news|co\.uk|co|io|de|fr|eu|int|tv|us|uk|au|ca|in))"
    r"(?:\s*[-–—|:]\s*.+)?$",
    re.I,
)


def _site_name(lines: list[str]) -> str | None:
    for line in lines[:_MASTHEAD_LINES]:
        match = _MASTHEAD.match(line)
        if match:
            return match["site"]
    return None


def _copyright_holder(layout: TextLayout) -> str | None:
    """Whom the last copyright line names ("© 2025 Example News. All rights reserved."): the site."""
    return copyright_holder(layout.lines[-_FOOTER_WINDOW:], _HOLDER_MAX_WORDS) or None


def _footer_agency(layout: TextLayout) -> str | None:
    """The agency a credit or copyright line below the body names ("© 2025 AFP")."""
    end = layout.body[-1] + 1 if layout.body else len(layout.lines)
    footer = layout.lines[end : end + _FOOTER_WINDOW]
    return agency_from_credit([line for line in footer if len(line) < 40 or COPYRIGHT_LINE.found_in(line)])


def _byline_agency(bylines: tuple[str, ...]) -> str | None:
    """The agency a byline names ("By AFP", "By Jane Doe, Reuters"): the wire the story came by,
    which `clean_authors` keeps out of the authors."""
    for byline in bylines:
        for part in _BYLINE_PARTS.split(_BYLINE_OPENER.sub("", byline, count=1)):
            if agency := agency_name(part.strip(" .")):
                return agency
    return None


def in_page_language(bylines: tuple[str, ...], language: str | None, lines: list[str]) -> tuple[str, ...]:
    """The bylines but those opened by another language's word that this page writes as a word of
    its own: on an English page that speaks of "the door frame", a menu's "Door Straps" is a product,
    not Dutch "door" (by) and a name. The page's own openers and English's, which bylines of every
    language borrow, always count, and so does a foreign opener the page writes only before names
    ("Veröffentlicht am 15/07/2014 von Jane Doe" on a page taken for English). A page whose language
    is not told, or not one `LANGUAGES` knows, keeps them all."""
    if language not in LANGUAGES:
        return bylines
    own = {*LANGUAGES[language].byline, *LANGUAGES["en"].byline}
    kept = []
    for byline in bylines:
        opener = _BYLINE_OPENER.match(byline)
        word = " ".join(opener[0].strip(" :").lower().split()) if opener else ""
        if word in own or " " in word or not word or not _writes_as_word(lines, word):
            kept.append(byline)
    return tuple(kept)


def _writes_as_word(lines: list[str], word: str) -> bool:
    """Whether a line writes the word in lowercase before another word in lowercase ("the door
    frame"), as a word of its prose and not an opener before a name."""
    before_lowercase = re.compile(rf"(?<!\w){re.escape(word)}\s+[a-zà-ÿ]")
    return any(word in line and before_lowercase.search(line) for line in lines)


def without_section_after(authors: list[str], lines: list[str], title_line: int | None = None) -> list[str]:
    """Each name without the words the copy ran on after it that the page prints as a line of their
    own in its menu (above the headline, `title_line`) or more than once, a section's or an outlet's
    name ("Jane Doe Kultur" beside a "Kultur" entry, "Jane Doe Example Review" beside "Example
    Review"); the name keeps two words at least, and a name the page prints whole on a line of its own
    is kept whole ("Dr. Jane Doe" beside a "Doe" line), and one whose first words the page prints
    whole on a line (an author box's "Jane Doe") is cut to them ("Jane Doe Gardener", her titles). A
    surname printed once below the headline (an author box's "López") is no section: "María García
    López" stays whole."""
    if not any(len(name.split()) > 2 for name in authors):
        return authors
    counts = Counter(line.strip() for line in lines)
    menu = {line.strip() for line in lines[: title_line or 0]}
    printed = {line for line, count in counts.items() if count > 1} | menu
    whole = set(counts)
    kept = []
    for name in authors:
        words = name.split()
        if name in whole:
            kept.append(name)
            continue
        cut = next((k for k in range(2, len(words)) if " ".join(words[k:]) in printed), None)
        if cut is None:  # "Jane Doe Gardener & Writer" over an author box's "Jane Doe" line: her titles
            cut = next((k for k in range(len(words) - 1, 1, -1) if " ".join(words[:k]) in whole), len(words))
        kept.append(" ".join(words[:cut]))
    return kept


_LETTERS_AFTER_NAME = re.compile(r"^([^,]+), ([A-Z]{3,5})$")  # "Jane Doe, CNN", "Jane Doe, MPH"


def without_outlet_letters(authors: list[str], lines: list[str]) -> list[str]:
    """Each name without the capitals after its comma when the page prints them as a word elsewhere,
    leading its own words ("Jane Doe, CNN" beside "CNN Films", "(CNN)", "NDR-Recherchen"): the
    outlet's name, where a degree's letters ("Jane Doe, MPH") follow names only."""
    kept = []
    for name in authors:
        found = _LETTERS_AFTER_NAME.match(name)
        if found and _prints_as_word(found[2], "", lines, found[1].split()[-1]):
            name = found[1]
        kept.append(name)
    # "Jane Doe, CNN Business", "Jane Doe, IGN Staff": beside a person, her outlet's desk or its staff.
    people = [
        name
        for name in kept
        if not (
            _OUTLET_LEAD.match(name)
            and any(
                _prints_as_word(*name.split(), lines, other.split()[-1]) for other in kept if other != name
            )
        )
    ]
    return people or kept


_OUTLET_LEAD = re.compile(r"^[A-Z]{2,5}\s+[A-Z][a-z]+$")  # "CNN Business", "IGN Staff"


def _prints_as_word(letters: str, then: str, lines: list[str], surname: str) -> bool:
    """Whether a line not naming `surname` prints the capitals as a word of their own, not after a
    comma as a degree follows a name ("CNN Films", "(CNN)", "NDR-Recherchen"), nor before `then`, the
    rest of the name they lead: a person's initials say again who he is ("TJ Holmes covers ...")."""
    rest = rf"(?!\s+{re.escape(then)}\b)" if then else ""
    word = re.compile(rf"(?<!, )(?<!\w){re.escape(letters)}(?!\w){rest}")
    return any(surname not in line and word.search(line) for line in lines)


def _nouns_listed(authors: list[str], layout: TextLayout, bylines: tuple[str, ...] = ()) -> bool:
    """Names of one word each, two or more, on a page that capitalises its nouns: a heading's nouns
    ("Von Risiken und Nebenwirkungen", "Meine Kanäle: Comedy & Cartoons / Reisen"), not people, whom
    a byline there names in full. A page that writes its nouns in lowercase may sign with first
    names ("By Ann and Bea"). On such a page one capitalised word joined by "and" to other words makes
    the byline a heading's too ("Von Wiener Walzer und Mozartkugeln"), unless it is an agency."""
    joined = len(bylines) == 1 and _one_word_joined(bylines[0])
    if not joined and (len(authors) < 2 or any(" " in name for name in authors)):
        return False
    return PageWords(layout.lines, layout.body[0] if layout.body else 0).capitalises_words


_JOINED = re.compile(
    r"\s+(?:" + "|".join(re.escape(j) for j in NAME_JOINERS if j.isalpha()) + r")\s+|\s*&\s*"
)


def _one_word_joined(byline: str) -> bool:
    """Whether a byline joins its parts by "and" with one of them a single capitalised word, neither an
    agency nor a desk ("Von Kim Weber und Agenturen", "und Redaktion" sign as a person and her desk)."""
    parts = _JOINED.split(_BYLINE_OPENER.sub("", byline, count=1).strip())
    return len(parts) >= 2 and any(
        len(part.split()) == 1
        and part[:1].isupper()
        and agency_name(part) is None
        and part.lower() not in AUTHOR_ROLE_WORDS
        for part in parts
    )


def reading_text_page(layout: TextLayout) -> AbstractContextManager[None]:
    """How every date reader reads this page's dates (`dates.reading_page_in`): in its own day
    order, two-digit years included. The line labeller's training reads its pages the same way."""
    forget_lines()  # the answers remembered for the last page's lines
    return reading_page_in(page_day_order(layout.lines, layout.language), two_digit_years=True)


def read_layout_header(layout: TextLayout, ranker: TitleRanker | None = None) -> Header:
    """The header read from the clean stage's own reading of the page (its lines, body, language's stop
    words, gaps and measured lines); inside `reading_text_page(layout)`. `ranker`: the shipped title
    re-ranker unless given (the trainer records the proposals through it)."""
    return read_header(
        layout.lines,
        layout.body,
        stopwords=layout.stopwords,
        gaps=layout.gaps,
        measured=layout.measured,
        ranker=ranker,
    )


def extract_text_metadata(layout: TextLayout, *, url: str | None = None) -> Metadata:
    """The masthead, the header's headline, byline, dates and dateline, and the copyright footer."""
    lines = layout.lines
    if not lines:
        return Metadata()
    with reading_text_page(layout):
        header = read_layout_header(layout)
    site = _site_name(lines)
    title = header.title if header.title and not _MASTHEAD.match(header.title) else None
    if title:  # "Headline | Section | Brand": a window title copied as the headline line
        title = strip_site_affixes(
            without_dated_affix(without_source_host(title)),
            [name for name in (site, _copyright_holder(layout)) if name],
        )
        if sets_title_case(layout.language):  # "Headline – Strength Training": a tag of the page's kind
            title = without_tagline(title)
        title = fix_mojibake(title)  # "Investorâ\x80\x99s": UTF-8 read as Latin-1 before the page was copied
    dateline = header.dateline
    bylines = in_page_language(header.bylines, layout.language, lines)
    agency = _byline_agency(bylines) or _footer_agency(layout)
    if agency and not (dateline and dateline.agency):
        dateline = Dateline(place=dateline.place if dateline else None, agency=agency)
    authors = clean_authors(list(bylines), not_names=(site,) if site else ())
    # "By Jane Doe, Associated Press": beside a person, the wire is the dateline's agency, not an author.
    authors = [a for a in authors if agency_name(a) is None] or authors
    # "PorAna Ruiz", "Jane DoeHarbour News": the spaces the copy lost put back, the glued words dropped.
    authors = list(dict.fromkeys(without_glue(a, lines) for a in authors))
    authors = without_section_after(authors, lines, header.title_line)
    authors = without_outlet_letters(authors, lines)
    authors = [a for a in authors if not holds_interface_word(a)]  # "Teilen Twittern": a page's buttons
    # "Texto de Outono" (an autumn text): a name opened by its particle has lost its given name, or was none.
    authors = [a for a in authors if a.split()[0] not in NAME_PARTICLES]
    if _nouns_listed(authors, layout, bylines):
        authors = []
    if not authors and (handle := handle_byline(lines, header.title_line, layout.stopwords)):
        authors = [handle]
    if not authors and (name := named_handle(lines, header.title_line)):
        authors = [name]
    if not authors and (
        owner := site_owner(lines, layout.language, PageWords(lines, layout.body[0] if layout.body else 0))
    ):
        authors = [owner]
    return Metadata(
        title=title,
        authors=authors,
        published=header.published,
        updated=header.updated,
        dateline=dateline,
        site_name=site,
    )
