"""Every metadata field's order of trust, in one place, as trafilatura's `extract_metadata` keeps it.

The source modules only produce candidates: `html` and `html_authors` read an HTML page (JSON-LD,
meta tags, the visible page), `text` and `text_header` a page copied as text, `common.lead_dateline`
the body's first paragraphs, and a feed entry gives hints. Here each field takes them in a fixed
order, a later source filling only what an earlier one left empty, and every date candidate, a
feed's too, passes the same last checks (`checked_day`): a real day from 1990 to `now` (never after
it, never a bare year), and an update never before the publication. `now` is the one the caller
passes, for every step.

    title      the page's headline (HTML: `titles.choose_title` weighs <h1>, JSON-LD headline,
               og:title and <title> by their agreement; text: the header's headline line), then the feed's
    authors    HTML: JSON-LD author, author meta, a labelled meta pair, then the visible byline
               (`page_authors`); text: the header's bylines; then the feed's
    published  HTML: the URL's day, a labelled shown day, the declared markup dates, the days shown by
               the headline, htmldate (`page_published`); text: the header's day; then the day the
               lead's dateline gives; then the feed's
    updated    the page's modified date, then the feed's; dropped when before the publication
"""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from html import unescape

import lxml.html

from worker.article import Dateline, Metadata
from worker.clean.text import TextLayout
from worker.extract import jsonld
from worker.extract.common import lead_dateline, normalized_metadata
from worker.extract.dates import DateRole, parse_date, plausible, same_moment, swapped
from worker.extract.html import (
    PublishEvidence,
    agency,
    description,
    image,
    language,
    tags,
)
from worker.extract.html_authors import AuthorEvidence
from worker.extract.html_page import (
    Page,
    _site_names,
    _text,
    home_link_names,
    page_headings,
    read_meta,
    site_name,
)
from worker.extract.patterns import TITLE_META
from worker.extract.text import extract_text_metadata
from worker.extract.titles import choose_title
from worker.extract.urls import canonical_url

# The fields that have a chain here; a feed hint fills any other field only where the page left it empty.
_CHAINED = frozenset({"title", "authors", "published", "updated"})


def checked_day(value: str | None, now: datetime) -> str | None:
    """The last check every date candidate passes, whatever its source: read as ISO 8601 (a bare
    year, "2024", is no day), a real day from 1990, and not after `now`."""
    return plausible(parse_date(value), now) if value else None


def _first_day(values: list[str | None], now: datetime) -> str | None:
    return next((day for value in values if (day := checked_day(value, now))), None)


# --- title -------------------------------------------------------------------------------------


def page_title(page: Page) -> str | None:
    """The visible <h1> when the metadata confirms it, else JSON-LD headline, og:title, <title>,
    weighed by `titles.choose_title`."""
    meta_titles = [jsonld.text_of(page.linked.article.get("headline")) if page.linked.article else None]
    meta_titles += page.all_meta(TITLE_META)
    meta_titles.append(next((_text(t) for t in page.root.iter("title")), None))
    meta_titles = [unescape(t) for t in meta_titles if t]
    shown = page_headings(page.root)
    return choose_title(
        meta_titles,
        shown.texts,
        [*_site_names(page), *home_link_names(page)],
        several=shown.rivalled,
        language=language(page),
    )


# --- authors -----------------------------------------------------------------------------------


def page_authors(evidence: AuthorEvidence) -> list[str]:
    """JSON-LD author, then author meta tags, then a labelled meta pair, then the visible byline
    (its markup, then its words); a source that names no one who may sign (a company by its legal
    form, "Example Media GmbH"; a byline label standing alone, "Von") gives way to the next.

    An organisation named by the markup (the site itself, a JSON-LD Organization) is what many CMSs
    fill in by default; a person in the visible byline is preferred to it, and it stands only alone.
    A CMS login ("jdoe", "Site Admin") gives way to a person the visible byline names."""
    fallback: list[str] = []
    handle: list[str] = []
    for found in evidence.declared():
        if found and not evidence.all_organisations(found):
            if not any(evidence.is_handle(n) for n in found):
                return evidence.byline_beside(evidence.printed_over(found))
            handle = handle or found
        fallback = fallback or found
    if fallback and evidence.all_named_as_site(fallback):
        marked = evidence.marked()
        return marked if marked and not evidence.all_organisations(marked) else fallback
    visible = evidence.visible()
    if handle and not (visible and not evidence.all_organisations(visible)):
        return handle
    found = visible or fallback
    if found and all(evidence.is_organisation(n) for n in found):
        # The site signing at the top, a person's "Written by" in the author box below.
        return evidence.written_by() or found
    if len(found) == 1 and not evidence.is_organisation(found[0]):
        return [evidence.full_name(found[0])]
    return found


# --- published and updated ---------------------------------------------------------------------


def page_updated(evidence: PublishEvidence, now: datetime) -> str | None:
    """JSON-LD dateModified, then modified-time meta, then a <time itemprop=dateModified>."""
    return _first_day(evidence.updated, now)


def page_published(evidence: PublishEvidence, now: datetime) -> str | None:
    """The date an HTML page gives its article, by this order of trust:

    1. the day in the URL path (`/2025/02/13/`), set once at publication, when it is earlier than
       what the markup says (markup is rewritten on every edit; the time is kept when the days agree);
    2. a day written by the headline under a publish label ("Published Feb 3, 2025"), or in a
       sentence of the article saying when it first appeared ("originally published on ..."), when the
       markup's date is not the same moment in another time zone;
    3. JSON-LD datePublished, then publish-date meta tags (the listed names, then any other name
       saying publication), then a publish <time> element; but when the page shows readers another
       date by its headline, the shown one wins: the hidden date is a CMS creation or import date.
       Not when the shown date is the last update (labelled "Updated", or the modified time): pages
       show readers when they last changed, and markup keeps the first day;
    4. with no date in the markup, the first date written by the headline, one that does not say it
       is an update first;
    5. htmldate, which reads what is left; a 1 January (a year-only guess) gives way to the first
       day the page writes on a timestamp line of its own, and the modified date to such a day
       before it.
    """
    chosen = _declared_or_shown(evidence, now)
    from_url = checked_day(evidence.from_url, now)
    if from_url and (not chosen or from_url < chosen[:10] or swapped(chosen) == from_url):
        return from_url  # the URL also settles which way round a "03/10/2023" is meant
    return chosen


def _declared_or_shown(evidence: PublishEvidence, now: datetime) -> str | None:
    found = _first_day(evidence.declared, now) or _first_day(list(evidence.time_elements()), now)
    shown = [s for s in evidence.shown if checked_day(s.day, now)]
    near = [s for s in shown if s.near]
    labelled = next((s.day for s in near if s.role is DateRole.PUBLISHED), None)
    labelled = labelled or checked_day(evidence.stated_first(), now)
    if found:
        if labelled and not same_moment(labelled, found):
            return labelled
        if shown and found[:10] not in {s.day for s in shown}:
            modified = (page_updated(evidence, now) or "")[:10]
            first = [
                s.day
                for s in near
                if s.role is not DateRole.UPDATED and s.day != modified and not same_moment(s.day, found)
            ]
            if first:
                return first[0]
        return found
    if labelled:
        return labelled
    if near:
        return next((s.day for s in near if s.role is not DateRole.UPDATED), near[0].day)
    if shown:
        return shown[0].day
    found = checked_day(evidence.guessed(now), now)
    last_change = found is not None and found[:10] == (page_updated(evidence, now) or "")[:10]
    if found and not found.endswith("-01-01") and not last_change:
        return found
    # htmldate's 1 January is a year-only guess (most often the copyright footer's "© 2019") unless
    # the page writes that day; its answer that is the markup's modified date is the last change,
    # which the first day the page writes (not under an "Updated" label) precedes. Read only when
    # needed: dates in the whole text are the costliest search here.
    written = [(d, role) for d, role in evidence.standing_alone() if checked_day(d, now)]
    first = [d for d, role in written if role is not DateRole.UPDATED]
    if found and last_change:
        return first[0] if first and first[0] < found[:10] else found
    if found and found in first:
        return found
    return next(iter(first or [d for d, _ in written]), None)


# --- the page, then the body and the feed ------------------------------------------------------


def extract_html_metadata(
    root: lxml.html.HtmlElement, *, url: str | None = None, now: datetime | None = None
) -> Metadata:
    """Every field of an HTML page by its chain, no date after `now` (the clock's, when the caller
    gives none). Reads `root` without modifying it."""
    now = now or datetime.now(UTC)
    page = Page(root=root, url=url, linked=jsonld.read_linked_data(root), meta=read_meta(root))
    headline = page_title(page)
    names = page_authors(AuthorEvidence(page, headline))
    dates = PublishEvidence(page, headline)
    first = page_published(dates, now)
    last = page_updated(dates, now)
    wire = agency(page, names)
    return Metadata(
        title=headline,
        authors=names,
        published=first,
        updated=last,
        dateline=Dateline(agency=wire) if wire else None,
        site_name=site_name(page),
        language=language(page),
        canonical_url=canonical_url(root, url, jsonld.url_of(jsonld.field_of(page.linked, "url")), page.meta),
        description=description(page),
        image=image(page),
        tags=tags(page),
    )


def text_metadata(layout: TextLayout, *, url: str | None, now: datetime) -> Metadata:
    """Every field of a page copied as text: the header's candidates (`text.extract_text_metadata`),
    its dates through the same last checks."""
    found = extract_text_metadata(layout, url=url)
    found.published = checked_day(found.published, now)
    found.updated = checked_day(found.updated, now)
    return found


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == []


def _chain(metadata: Metadata, lead_day: str | None, hints: Metadata, now: datetime) -> Metadata:
    """Each chained field by its order (the page, the lead, the feed), through the last checks; any
    other field the page left empty filled from the feed."""
    published = checked_day(metadata.published, now) or lead_day or checked_day(hints.published, now)
    updated = checked_day(metadata.updated, now) or checked_day(hints.updated, now)
    if updated and published and updated[:19] < published[:19]:
        updated = None  # a piece is updated after it appears, never before
    chosen = Metadata(
        **{f.name: getattr(metadata, f.name) for f in fields(Metadata) if f.name not in _CHAINED},
        title=metadata.title or hints.title,
        authors=list(metadata.authors or hints.authors),
        published=published,
        updated=updated,
    )
    for f in fields(Metadata):
        if f.name not in _CHAINED and _is_empty(getattr(chosen, f.name)):
            setattr(chosen, f.name, getattr(hints, f.name))
    return chosen


def complete(
    metadata: Metadata,
    paragraphs: list[str],
    *,
    url: str | None,
    now: datetime,
    hints: Metadata | None = None,
    told_language: str | None = None,
) -> tuple[Metadata, tuple[str, ...]]:
    """The page's fields completed by what the body tells (its lead's dateline and day, its
    language) and by a feed entry's hints, each field by its chain; with the names of the fields
    that only the hints gave. `told_language`: the language the clean stage told from the page's text
    with confidence (`TextLayout.language`), which the body is not read again for."""
    lead = lead_dateline(paragraphs)
    lead_day = checked_day(lead[1], now) if lead else None
    chosen = normalized_metadata(
        _chain(metadata, lead_day, hints or Metadata(), now), paragraphs, lead, url, told_language
    )
    if hints is None:
        return chosen, ()
    alone = normalized_metadata(
        _chain(metadata, lead_day, Metadata(), now), paragraphs, lead, url, told_language
    )
    from_hints = tuple(
        f.name
        for f in fields(Metadata)
        if _is_empty(getattr(alone, f.name)) and not _is_empty(getattr(chosen, f.name))
    )
    return chosen, from_hints


def complete_metadata(
    metadata: Metadata,
    paragraphs: list[str],
    *,
    url: str | None,
    now: datetime,
    hints: Metadata | None = None,
) -> Metadata:
    """`complete` without the names of the fields the hints gave."""
    return complete(metadata, paragraphs, url=url, now=now, hints=hints)[0]
