"""Metadata from an HTML tree: one function per field, each a fallback chain in a fixed order of trust.

The order, for every field, is JSON-LD (written by the publisher's CMS for search engines), then
meta tags (Open Graph, article:*, Dublin Core, name=...), then the visible page; a later source only
fills what an earlier one left empty. The tree is only read: `clean` runs on it afterwards.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape

import lxml.html
from htmldate import find_date
from lxml import etree

from worker.article import Dateline, Metadata
from worker.extract import jsonld
from worker.extract.dateline import agency_from_credit, agency_name
from worker.extract.dates import (
    DateRole,
    DayOrder,
    date_from_url,
    dates_in_text,
    day_of,
    parse_date,
    plausible,
    role_before,
    says_first_published,
    stated_first_day,
    swapped,
)
from worker.extract.html_authors import authors
from worker.extract.html_page import (
    _NEAR_AFTER,
    _NEAR_BEFORE,
    Page,
    _classes,
    _site_names,
    _text,
    headline_spans,
    page_headings,
    read_meta,
    site_name,
    times_after_headlines,
)
from worker.extract.patterns import (
    CREDIT_CLASSES,
    DESCRIPTION_META,
    IMAGE_META,
    LANGUAGE_META,
    MONTHS,
    PUBLISHED_META,
    TAG_META,
    TIME_XPATHS,
    TITLE_META,
    UPDATED_META,
)
from worker.extract.titles import choose_title
from worker.extract.urls import absolute_url, canonical_url

_TIME_XPATHS = tuple(etree.XPath(xpath) for xpath in TIME_XPATHS)
_SHOWN_BEFORE = 300
_SHOWN_AFTER = 1500
# A meta name about the first publication: it ends in "published" or in "publish" and a date or time
# word ("og:publish_date", "cms:publishtime"). Not "republished"/"unpublish" (a later day), nor names
# that go on past it ("publish_end_date", "publishing_expiry", "published_by"), nor a later change.
_MOMENT_WORD = r"(?:date|time|datetime|timestamp|at|on)"
_PUBLISH_NAME = re.compile(
    rf"^(?!.*(?:modif|updat|last|review|revis)).*(?<!re)(?<!un)publish"
    rf"(?:ed[_:. -]?{_MOMENT_WORD}?|[_:. -]?{_MOMENT_WORD})$"
)
# A text node with a year in it, outside scripts and styles: where a timestamp line may be.
_YEAR_TEXT = etree.XPath(
    "//body//text()[contains(., '19') or contains(., '20')][not(ancestor::script or ancestor::style)]"
)
_BODY_TEXT = etree.XPath("//body//text()[not(ancestor::script or ancestor::style)]")
# Tags inside a line of text: the block around them holds the rest of its sentence.
_INLINE_TAGS = frozenset({"a", "span", "em", "strong", "i", "b", "u", "small", "time", "mark", "cite"})
_MAX_FIRST_PUBLISHED_BLOCKS = 10  # blocks with those words read: a page states it once or twice
_ALONE_MAX_CHARS = 80  # a timestamp line with its label, not a paragraph
_ALONE_MAX_WORDS = 3  # words besides the date's: its label ("Filed on:"), a section's name
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_NOT_ARTICLE_TAGS = frozenset({"a", "nav", "aside", "footer"})
_NOT_ARTICLE_CLASS = re.compile(r"comment|related|recommend|promo|teaser|menu", re.I)
# A sidebar, footer or widget, unless the class names the article too ("entry-footer" holds its date).
_LAYOUT_CLASS = re.compile(r"sidebar|footer|^widget", re.I)
_ARTICLE_CLASS = re.compile(r"content|entry|article|post|main", re.I)
_WESTMOST = timedelta(hours=-12)  # the time zones' span, for one moment's local days
_EASTMOST = timedelta(hours=14)


def title(page: Page) -> str | None:
    """The visible <h1> when the metadata confirms it, else JSON-LD headline, og:title, <title>."""
    meta_titles = [jsonld.text_of(page.linked.article.get("headline")) if page.linked.article else None]
    meta_titles += page.all_meta(TITLE_META)
    meta_titles.append(next((_text(t) for t in page.root.iter("title")), None))
    meta_titles = [unescape(t) for t in meta_titles if t]
    shown = page_headings(page.root)
    return choose_title(meta_titles, shown.texts, _site_names(page), several=shown.rivalled)


def _date_of(element: lxml.html.HtmlElement) -> str | None:
    return parse_date(element.get("datetime") or element.get("content") or _text(element)[:80])


@dataclass(frozen=True, slots=True)
class Shown:
    """A day written in the page's text around its headline, whether it stands right by it (where a
    byline's date is), and what its label says it is."""

    day: str
    near: bool
    role: DateRole | None


def shown_days(page: Page, headline: str | None) -> list[Shown]:
    """Days written in the page's text around its headline, where a reader looks for the date.
    Nothing when the headline is not found."""
    text = page.visible
    spans = headline_spans(text, headline, limit=1)
    if not spans:
        return []
    at = spans[0][0]
    start = max(0, at - _SHOWN_BEFORE)
    return [
        Shown(day, -_NEAR_BEFORE <= start + offset - at <= _NEAR_AFTER, role_before(text, start + offset))
        for offset, day in dates_in_text(text[start : at + _SHOWN_AFTER], order=day_order(page))
    ]


def day_order(page: Page) -> DayOrder:
    """How the page's language and region write "03/10/2023" (`DayOrder`): <html lang>, or the
    language meta, where a bare "en" takes its region from another declaration ("en_GB" og:locale)."""
    values = [page.root.get("lang"), *page.all_meta(LANGUAGE_META)]
    tags = [v.strip().lower().replace("_", "-") for v in values if v and v.strip()]
    tag = tags[0] if tags else ""
    if tag == "en":
        tag = next((t for t in tags if t.startswith("en-")), tag)
    if tag.startswith("en-us"):
        return DayOrder.MONTH_FIRST
    if tag in {"", "en"}:
        return DayOrder.SLASHED_MONTH_FIRST
    return DayOrder.DAY_FIRST


def published(page: Page, now: datetime, headline: str | None) -> str | None:
    """The date the page gives its article, by this order of trust:

    1. the day in the URL path (`/2025/02/13/`), set once at publication, when it is earlier than
       what the markup says (markup is rewritten on every edit; the time is kept when the days agree);
    2. a day written by the headline under a publish label ("Published Feb 3, 2025"), or in a
       sentence of the article saying when it first appeared ("originally published on ..."), when the
       markup's date is not the same moment in another time zone;
    3. JSON-LD datePublished, then publish-date meta tags (the listed names, then any other name
       saying publication), then a publish <time> element; but when the
       page shows readers another date by its headline, the shown one wins: the hidden date is a CMS
       creation or import date. Not when the shown date is the last update (labelled "Updated", or
       the modified time): pages show readers when they last changed, and markup keeps the first day;
    4. with no date in the markup, the first date written by the headline, one that does not say it
       is an update first;
    5. htmldate, which reads what is left; a 1 January (a year-only guess) gives way to the first
       day the page writes on a timestamp line of its own, and the modified date to such a day
       before it.
    """
    chosen = _declared_or_shown(page, now, headline)
    from_url = plausible(date_from_url(page.url), now)
    if from_url and (not chosen or from_url < chosen[:10] or swapped(chosen) == from_url):
        return from_url  # the URL also settles which way round a "03/10/2023" is meant
    return chosen


def _same_moment(shown: str, declared: str) -> bool:
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


def _publish_named_meta(page: Page) -> list[str]:
    """Meta tags the listed names miss whose own name says publication ("published",
    "og:publish_date", "cms-published-date"): CMSs and plugins coin their own."""
    return [v for name, values in page.meta.items() if _PUBLISH_NAME.search(name) for v in values[:1] if v]


def _declared_or_shown(page: Page, now: datetime, headline: str | None) -> str | None:
    declared = [
        jsonld.text_of(jsonld.field_of(page.linked, "datePublished")),
        jsonld.text_of(jsonld.field_of(page.linked, "dateCreated")),
        *page.all_meta(PUBLISHED_META),
        *_publish_named_meta(page),
    ]
    found = next((d for v in declared if (d := plausible(parse_date(v), now))), None)
    if not found:
        elements = itertools.chain(
            (e for xpath in _TIME_XPATHS for e in xpath(page.root)[:2]),
            times_after_headlines(page.root, 2),
        )
        found = next((d for e in elements if (d := plausible(_date_of(e), now))), None)
    shown = [s for s in shown_days(page, headline) if plausible(s.day, now)]
    near = [s for s in shown if s.near]
    labelled = next((s.day for s in near if s.role is DateRole.PUBLISHED), None)
    labelled = labelled or plausible(_stated_first_day(page), now)
    if found:
        if labelled and not _same_moment(labelled, found):
            return labelled
        if shown and found[:10] not in {s.day for s in shown}:
            modified = (updated(page, now) or "")[:10]
            first = [
                s.day
                for s in near
                if s.role is not DateRole.UPDATED and s.day != modified and not _same_moment(s.day, found)
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
    found = find_date(
        page.root, url=page.url, extensive_search=False, original_date=True, max_date=now.date().isoformat()
    )
    found = plausible(found, now)
    last_change = found is not None and found[:10] == (updated(page, now) or "")[:10]
    if found and not found.endswith("-01-01") and not last_change:
        return found
    # htmldate's 1 January is a year-only guess (most often the copyright footer's "© 2019") unless
    # the page writes that day; its answer that is the markup's modified date is the last change,
    # which the first day the page writes (not under an "Updated" label) precedes. Read only when
    # needed: dates in the whole text are the costliest search here.
    written = _days_standing_alone(page, now)
    first = [d for d, role in written if role is not DateRole.UPDATED]
    if found and last_change:
        return first[0] if first and first[0] < found[:10] else found
    if found and found in first:
        return found
    return next(iter(first or [d for d, _ in written]), None)


def _days_standing_alone(page: Page, now: datetime) -> list[tuple[str, DateRole | None]]:
    """Days the page writes on a line of their own ("Posted: 3.2.2024", a <p class="date">), in page
    order, with what their label says they are: a timestamp, where a sentence that mentions a day (a
    history, a reference) is not, and none in comments, related posts, menus, sidebars or the footer.
    Costly (a pass over the text nodes): read only when the markup gives no first day."""
    order = day_order(page)
    found: list[tuple[str, DateRole | None]] = []
    seen: set[lxml.html.HtmlElement] = set()
    for node in _YEAR_TEXT(page.root):
        owner = node.getparent()
        if owner is None or (node.is_tail and (owner := owner.getparent()) is None) or owner in seen:
            continue
        seen.add(owner)
        text = _short_text(owner, _ALONE_MAX_CHARS)
        if text is None or _not_in_article(owner):
            continue
        words = [w for w in _LETTER_WORD.findall(text) if w.lower() not in MONTHS]
        if len(words) > _ALONE_MAX_WORDS:
            continue
        found += [
            (day, role_before(text, at))
            for at, day in dates_in_text(text, order=order)
            if plausible(day, now)
        ]
    return found


def _stated_first_day(page: Page) -> str | None:
    """The day a sentence of the article says it first appeared on (`stated_first_day`), read in the
    block that holds those words: not in comments, related posts, menus, sidebars or the footer, where
    a reader or another piece says it."""
    if not says_first_published(page.visible):
        return None
    order = day_order(page)
    blocks: list[lxml.html.HtmlElement] = []
    for node in _BODY_TEXT(page.root):
        if not says_first_published(node):
            continue
        block = node.getparent()
        while block is not None and block.tag in _INLINE_TAGS:
            block = block.getparent()
        if block is None or block in blocks or _not_in_article(block):
            continue
        if day := stated_first_day(" ".join(block.text_content().split()), order=order):
            return day
        blocks.append(block)
        if len(blocks) == _MAX_FIRST_PUBLISHED_BLOCKS:
            break
    return None


def _short_text(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """The element's text, or None when it is longer than `limit`: read piece by piece, so that a
    long container costs no more than a short one."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece.strip())
        parts.append(piece)
        if size > limit or len(parts) > limit:
            return None
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def _not_in_article(element: lxml.html.HtmlElement) -> bool:
    """In a link (a teaser's), a menu, sidebar or footer, or a container of comments or related posts."""
    for container in (element, *element.iterancestors()):
        if container.tag in {"body", "html"}:
            return False
        names = f"{container.get('class', '')} {container.get('id', '')}"
        if container.tag in _NOT_ARTICLE_TAGS or _NOT_ARTICLE_CLASS.search(names):
            return True
        if any(_LAYOUT_CLASS.search(n) and not _ARTICLE_CLASS.search(n) for n in names.split()):
            return True
    return False


def updated(page: Page, now: datetime) -> str | None:
    """JSON-LD dateModified, then modified-time meta, then a <time itemprop=dateModified>."""
    values = [jsonld.text_of(jsonld.field_of(page.linked, "dateModified")), *page.all_meta(UPDATED_META)]
    values += [
        e.get("datetime") or e.get("content") for e in page.marked if e.get("itemprop") == "dateModified"
    ][:1]
    return next((found for v in values if (found := plausible(parse_date(v), now))), None)


def description(page: Page) -> str | None:
    return jsonld.text_of(jsonld.field_of(page.linked, "description")) or page.first_meta(DESCRIPTION_META)


def image(page: Page) -> str | None:
    """JSON-LD image, then og:image / twitter:image, then <link rel=image_src>; always absolute."""
    value = jsonld.url_of(jsonld.field_of(page.linked, "image")) or page.first_meta(IMAGE_META)
    value = value or next(iter(page.root.xpath('//link[@rel="image_src"]/@href')), None)
    return absolute_url(value, page.url)


def tags(page: Page) -> list[str]:
    """article:tag, then JSON-LD keywords, then keywords meta; split on commas, deduplicated."""
    values = page.meta.get("article:tag") or []
    if not values:
        keywords = jsonld.field_of(page.linked, "keywords")
        values = keywords if isinstance(keywords, list) else [keywords] if isinstance(keywords, str) else []
    values = values or page.all_meta(TAG_META[1:])[:1]
    out: list[str] = []
    for value in values:
        for tag in str(value).split(","):
            tag = tag.strip()
            if tag and len(tag) <= 60 and tag.lower() not in {t.lower() for t in out}:
                out.append(tag)
    return out[:30]


def language(page: Page) -> str | None:
    """What the markup declares: <html lang>, then JSON-LD inLanguage, then content-language meta."""
    value = page.root.get("lang") or page.root.get("xml:lang")
    value = (
        value or jsonld.text_of(jsonld.field_of(page.linked, "inLanguage")) or page.first_meta(LANGUAGE_META)
    )
    code = re.split(r"[-_]", (value or "").strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def agency(page: Page, names: list[str]) -> str | None:
    """An agency named as the author ("AFP"), or in a credit or copyright line of the page."""
    for name in names:
        if found := agency_name(name):
            return found
    credits = [e for e in page.marked if any(c in _classes(e) for c in CREDIT_CLASSES)]
    return agency_from_credit([_text(e) for e in credits[:20]])


def extract_html_metadata(root: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    """Every field by its own fallback chain. Reads `root` without modifying it."""
    now = datetime.now(UTC)
    page = Page(root=root, url=url, linked=jsonld.read_linked_data(root), meta=read_meta(root))
    headline = title(page)
    names = authors(page, headline)
    first = published(page, now, headline)
    last = updated(page, now)
    wire = agency(page, names)
    return Metadata(
        title=headline,
        authors=names,
        published=first,
        updated=last if last and (not first or last[:19] >= first[:19]) else None,
        dateline=Dateline(agency=wire) if wire else None,
        site_name=site_name(page),
        language=language(page),
        canonical_url=canonical_url(root, url, jsonld.url_of(jsonld.field_of(page.linked, "url")), page.meta),
        description=description(page),
        image=image(page),
        tags=tags(page),
    )
