"""Metadata candidates from an HTML tree: what JSON-LD (written by the publisher's CMS for search
engines), meta tags (Open Graph, article:*, Dublin Core, name=...) and the visible page say of each
field. The order of trust between them is `metadata`'s; the fields no other source gives
(description, image, tags, language, a credit's agency) are read here whole. The tree is only
read: `clean` runs on it afterwards.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import lxml.html
from htmldate import find_date
from lxml import etree

from worker.extract import jsonld
from worker.extract.dateline import agency_from_credit, agency_name
from worker.extract.dates import (
    DateRole,
    DayOrder,
    date_from_url,
    dates_in_text,
    parse_date,
    role_before,
    says_first_published,
    stated_first_day,
)
from worker.extract.html_page import (
    _NEAR_AFTER,
    _NEAR_BEFORE,
    Page,
    _classes,
    _text,
    headline_spans,
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
    UPDATED_META,
)
from worker.extract.urls import absolute_url

# A <time> classed as the publication's (`.//time[contains(@class, ...)]`).
_PUBLISH_TIME_CLASSES = ("publish", "entry-date", "post-date")
# Publish <time> elements: at most this many from each selector.
_PER_TIME_SELECTOR = 2
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


def _publish_named_meta(page: Page) -> list[str]:
    """Meta tags the listed names miss whose own name says publication ("published",
    "og:publish_date", "cms-published-date"): CMSs and plugins coin their own."""
    return [v for name, values in page.meta.items() if _PUBLISH_NAME.search(name) for v in values[:1] if v]


class PublishEvidence:
    """Every date the page gives for its first publication, source by source, for
    `metadata.page_published` to weigh: the URL's day, the markup's declared dates, the days written
    around the headline, and (read only when asked, being costly) <time> elements, a sentence saying
    when the piece first appeared, htmldate's reading, and days on timestamp lines of their own.
    Nothing here is checked against the clock: the chain does that, with the `now` it is given."""

    def __init__(self, page: Page, headline: str | None) -> None:
        self.page = page
        self.from_url = date_from_url(page.url)
        self.declared = [
            parse_date(v)
            for v in (
                jsonld.text_of(jsonld.field_of(page.linked, "datePublished")),
                jsonld.text_of(jsonld.field_of(page.linked, "dateCreated")),
                *page.all_meta(PUBLISHED_META),
                *_publish_named_meta(page),
            )
        ]
        self.shown = shown_days(page, headline)
        self.updated = updated_candidates(page)

    def time_elements(self) -> Iterator[str | None]:
        """Publish <time> elements, then the first <time> after each <h1>."""
        page = self.page
        root = page.root
        times = [t for t in root.iter("time") if t is not root]
        elements = itertools.chain(
            *(found[:_PER_TIME_SELECTOR] for found in _publish_time_selectors(page, times)),
            times_after_headlines(root, 2) if times else (),
        )
        return (_date_of(e) for e in elements)

    def stated_first(self) -> str | None:
        return _stated_first_day(self.page)

    def guessed(self, now: datetime) -> str | None:
        """htmldate's reading of what is left, no later than `now`."""
        return find_date(
            self.page.root,
            url=self.page.url,
            extensive_search=False,
            original_date=True,
            max_date=now.date().isoformat(),
        )

    def standing_alone(self) -> list[tuple[str, DateRole | None]]:
        return _days_standing_alone(self.page)


def _publish_time_selectors(
    page: Page, times: list[lxml.html.HtmlElement]
) -> Iterator[list[lxml.html.HtmlElement]]:
    """The elements of each publish-time selector, in its order of trust and in document order each:
    the XPaths `.//time[@itemprop="datePublished"]`, `.//*[@itemprop="datePublished"]`,
    `.//time[@pubdate]`, `.//time[contains(@class, "publish" | "entry-date" | "post-date")]`,
    `.//*[contains(@class, "publish") and contains(@class, "date")]`, `.//time[@datetime]` in an
    <article>, then in a <main>. Filtered from the page's <time> elements and its marked elements,
    where each XPath walked the whole page (2.4 ms a page of them)."""
    root = page.root
    yield [t for t in times if t.get("itemprop") == "datePublished"]
    yield [e for e in page.marked if e.get("itemprop") == "datePublished" and e is not root]
    yield [t for t in times if t.get("pubdate") is not None]
    yield [t for t in times if any(c in (t.get("class") or "") for c in _PUBLISH_TIME_CLASSES)]
    yield page.publish_dated
    for container in ("article", "main"):
        yield [
            t
            for t in times
            if t.get("datetime") is not None and next(t.iterancestors(container), None) is not None
        ]


def _days_standing_alone(page: Page) -> list[tuple[str, DateRole | None]]:
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
        found += [(day, role_before(text, at)) for at, day in dates_in_text(text, order=order)]
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


def updated_candidates(page: Page) -> list[str | None]:
    """JSON-LD dateModified, then modified-time meta, then a <time itemprop=dateModified>, parsed."""
    values = [jsonld.text_of(jsonld.field_of(page.linked, "dateModified")), *page.all_meta(UPDATED_META)]
    values += [
        e.get("datetime") or e.get("content") for e in page.marked if e.get("itemprop") == "dateModified"
    ][:1]
    return [parse_date(v) for v in values]


def description(page: Page) -> str | None:
    """The summary the page gives search engines; as text, when a CMS wrote it as HTML ("<p>...</p>")."""
    found = jsonld.text_of(jsonld.field_of(page.linked, "description")) or page.first_meta(DESCRIPTION_META)
    if found and "<" in found:
        # Imported here: worker.clean.html_declared reads JSON-LD through this package.
        from worker.clean.html_declared import as_text

        return as_text(found) or None
    return found


def image(page: Page) -> str | None:
    """JSON-LD image, then og:image / twitter:image, then <link rel=image_src>; always absolute."""
    value = jsonld.url_of(jsonld.field_of(page.linked, "image")) or page.first_meta(IMAGE_META)
    links = page.root.iter("link")
    value = value or next(
        (href for e in links if e.get("rel") == "image_src" and (href := e.get("href")) is not None), None
    )
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
