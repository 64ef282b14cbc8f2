"""Metadata from an HTML tree: one function per field, each a fallback chain in a fixed order of trust.

The order, for every field, is JSON-LD (written by the publisher's CMS for search engines), then
meta tags (Open Graph, article:*, Dublin Core, name=...), then the visible page; a later source only
fills what an earlier one left empty. The tree is only read: `clean` runs on it afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape
from urllib.parse import urlsplit

import lxml.html
from htmldate import find_date
from lxml import etree

from worker.article import Dateline, Metadata
from worker.extract import jsonld
from worker.extract.authors import clean_authors
from worker.extract.dateline import agency_from_credit, agency_name
from worker.extract.dates import date_from_url, dates_in_text, parse_date, plausible
from worker.extract.patterns import (
    AUTHOR_HREF_PARTS,
    AUTHOR_META,
    AUTHOR_NAME_CLASSES,
    BYLINE_IN_TEXT,
    BYLINE_LABEL_XPATH,
    BYLINE_LABELS,
    BYLINE_NAME_CLASSES,
    CREDIT_CLASSES,
    DESCRIPTION_META,
    IMAGE_META,
    LABELLED_WORDS,
    LANGUAGE_META,
    MARKED_CLASS_PARTS,
    NAME_BEFORE_DATE,
    NOT_AUTHOR_NAME_CLASSES,
    PUBLISHED_META,
    SITE_NAME_META,
    TAG_META,
    TIME_XPATHS,
    TITLE_META,
    UPDATED_META,
)
from worker.extract.titles import choose_title
from worker.extract.urls import absolute_url, canonical_url

_SPACE = re.compile(r"\s+")
_OUTSIDE_ARTICLE = re.compile(r"comment|related|recommend|sidebar|footer|nav|promo|newsletter|widget", re.I)
_MAX_BYLINE_CHARS = 200
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article", "section"})
_MAX_AUTHOR_BOX_CHARS = 1500
_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
_MARKED_CLASS = re.compile("|".join(re.escape(part) for part in MARKED_CLASS_PARTS))
_AUTHOR_HREF = re.compile("|".join(re.escape(part) for part in AUTHOR_HREF_PARTS))
_BYLINE_LABEL = etree.XPath(BYLINE_LABEL_XPATH)
_HAS_LABEL = re.compile("|".join(rf"(?<!\w){re.escape(label)}(?!\w)" for label in BYLINE_LABELS))
_TIME_XPATHS = tuple(etree.XPath(xpath) for xpath in TIME_XPATHS)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
_SHOWN_BEFORE = 300
_SHOWN_AFTER = 1500
_NEAR_BEFORE = 150
_NEAR_AFTER = 450


@dataclass(slots=True)
class Page:
    """What every field function reads: the tree, its URL, its JSON-LD and its meta tags by name."""

    root: lxml.html.HtmlElement
    url: str | None
    linked: jsonld.LinkedData
    meta: dict[str, list[str]] = field(default_factory=dict)
    _visible: str | None = None
    _marked: list[lxml.html.HtmlElement] | None = None

    @property
    def visible(self) -> str:
        """The page's visible text, built once: several fields read it."""
        if self._visible is None:
            self._visible = visible_text(self.root)
        return self._visible

    @property
    def marked(self) -> list[lxml.html.HtmlElement]:
        """The elements with microdata, rel, author or byline or credit classes, or an author link,
        in document order: found by one pass, then each field's selectors filter this short list."""
        if self._marked is None:
            self._marked = _marked_elements(self.root)
        return self._marked

    def first_meta(self, names: tuple[str, ...]) -> str | None:
        return next((v for name in names for v in self.meta.get(name, ()) if v), None)

    def all_meta(self, names: tuple[str, ...]) -> list[str]:
        return [v for name in names for v in self.meta.get(name, ()) if v]


def _marked_elements(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Elements with microdata or rel, id="author", a marked class, or a link to an author page.
    A loop over the elements is twice as fast as one XPath with six contains() per element."""
    found = []
    for element in root.iter(etree.Element):
        get = element.get
        classes = get("class")
        if (
            (classes and _MARKED_CLASS.search(classes))
            or get("itemprop") is not None
            or get("rel") is not None
            or get("id") == "author"
            or (element.tag == "a" and _AUTHOR_HREF.search(get("href") or ""))
        ):
            found.append(element)
    return found


def read_meta(root: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """Every <meta> content by its lower-cased property, name, itemprop or http-equiv."""
    meta: dict[str, list[str]] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        content = _SPACE.sub(" ", content).strip()
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                meta.setdefault(key, []).append(content)
    return meta


def _text(element: lxml.html.HtmlElement) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _words(element: lxml.html.HtmlElement) -> str:
    """Text with a space between elements: a byline's name and date sit in sibling tags."""
    return " ".join(" ".join(element.itertext()).split())


def _site_names(page: Page) -> list[str]:
    """The site's names as the page spells them, and its host's main label, for telling them apart
    from titles and authors."""
    names = [n for n in (site_name(page), jsonld.text_of(jsonld.field_of(page.linked, "publisher"))) if n]
    host = urlsplit(page.url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in {"www", "m", "amp", "edition", "news"}]
    if len(labels) >= 2:
        names.append(labels[-2] if len(labels[-1]) <= 3 else labels[-1])
    return names


def site_name(page: Page) -> str | None:
    """og:site_name, then JSON-LD publisher name, then application-name."""
    value = page.first_meta(SITE_NAME_META[:1])
    value = value or jsonld.text_of(jsonld.field_of(page.linked, "publisher"))
    value = value or page.first_meta(SITE_NAME_META[1:])
    return value if value and not value.startswith(("http", "@")) else None


def title(page: Page) -> str | None:
    """The visible <h1> when the metadata confirms it, else JSON-LD headline, og:title, <title>."""
    meta_titles = [jsonld.text_of(page.linked.article.get("headline")) if page.linked.article else None]
    meta_titles += page.all_meta(TITLE_META)
    meta_titles.append(next((_text(t) for t in page.root.iter("title")), None))
    meta_titles = [unescape(t) for t in meta_titles if t]
    return choose_title(meta_titles, headings(page.root), _site_names(page))


def headings(root: lxml.html.HtmlElement) -> list[str]:
    """The page's <h1> texts, those in <article> or <main> first; none from the masthead or a menu."""
    found = [h for h in root.iter("h1") if not any(a.tag in _CHROME_TAGS for a in h.iterancestors())]
    found.sort(key=lambda h: not any(a.tag in {"article", "main"} for a in h.iterancestors()))
    return [t for t in (_text(h) for h in found[:5]) if t]


def authors(page: Page, headline: str | None) -> list[str]:
    """JSON-LD author, then author meta tags, then the visible byline (its markup, then its words).

    An organisation named by the markup (the site itself, a JSON-LD Organization) is what many CMSs
    fill in by default; a person in the visible byline is preferred to it, and it stands only alone."""
    not_names = tuple(_site_names(page))
    organisations = {_key(n) for n in not_names}
    fallback: list[str] = []
    raw = jsonld.names_of(page.linked, page.linked.article.get("author")) if page.linked.article else []
    organisations |= {_key(n) for n in jsonld.organisation_names(page.linked, page.linked.article)}
    meta = [v for v in page.all_meta(AUTHOR_META) if not v.startswith(("http", "@", "/"))]
    for values in (raw, meta, _labelled_meta(page)):
        found = clean_authors([unescape(v) for v in values], not_names=not_names, strict=False)
        if found and not all(_key(n) in organisations for n in found):
            return found
        fallback = fallback or found
    for elements in _byline_elements(page):
        # The first byline element names the authors; later ones are reviewers, editors, related posts.
        for element in [e for e in elements if not _outside_article(e)][:3]:
            if found := clean_authors(_byline_texts(element), not_names=not_names):
                return found
    found = clean_authors(byline_in_text(page.visible, headline), not_names=not_names)
    return found or clean_authors(name_before_date(page.visible, headline), not_names=not_names) or fallback


def _classes(element: lxml.html.HtmlElement) -> str:
    return element.get("class") or ""


def _byline_elements(page: Page) -> Iterator[list[lxml.html.HtmlElement]]:
    """Elements that may hold the byline, one list per selector, in the order of trust: microdata,
    rel=author, a link to an author page, author-name then byline classes, an author class, and
    last a label ("Written by") with the name in the element after it."""
    marked = page.marked
    authors = [e for e in marked if e.get("itemprop") == "author"]
    yield [n for e in authors for n in e.iterdescendants() if n.get("itemprop") == "name"]
    yield authors
    yield [e for e in marked if e.tag == "a" and e.get("rel") == "author"]
    yield [e for e in marked if e.get("rel") == "author"]
    yield [e for e in marked if e.tag == "a" and any(p in (e.get("href") or "") for p in AUTHOR_HREF_PARTS)]
    yield [e for e in marked if "author-name" in _classes(e).split()]
    yield [e for e in marked if any(c in _classes(e) for c in AUTHOR_NAME_CLASSES)]
    yield [e for e in marked if any(c in _classes(e) for c in BYLINE_NAME_CLASSES)]
    yield [e for e in marked if "byline" in _classes(e)]
    yield [
        e
        for e in marked
        if _classes(e) == "author"
        or e.get("id") == "author"
        or "post-author" in _classes(e)
        or "entry-author" in _classes(e)
    ]
    yield [e for e in marked if e.tag == "address" and "author" in _classes(e)]
    yield [
        e
        for e in marked
        if ("author" in _classes(e) or "creator-name" in _classes(e))
        and not any(c in _classes(e) for c in NOT_AUTHOR_NAME_CLASSES)
    ]
    if _HAS_LABEL.search(page.visible):
        yield _BYLINE_LABEL(page.root)


def _key(name: str) -> str:
    return re.sub(r"\W+", "", name.lower())


def _labelled_meta(page: Page) -> list[str]:
    """The value of a `twitter:labelN` = "Written by" pair, as SEO plugins write the author."""
    values = []
    for number in "1234":
        label = page.first_meta((f"twitter:label{number}",)) or ""
        if (
            label.lower().strip(" :") in {"written by", "author", "by", "est. reading time"}
            and "by" in label.lower()
        ):
            values += page.meta.get(f"twitter:data{number}", [])[:1]
    return values


def _byline_texts(element: lxml.html.HtmlElement) -> list[str]:
    """A short byline element's words; for a long one (an author box with a bio), its first few
    separate strings, among which the name stands alone."""
    if element.tag in _CONTAINER_TAGS:
        return []  # <body class="single-author"> is a template's flag, not a byline
    words = _words(element)
    if len(words) <= _MAX_BYLINE_CHARS:
        return [words]
    if len(words) > _MAX_AUTHOR_BOX_CHARS:
        return []
    pieces = (" ".join(t.split()) for t in element.itertext())
    return [p for p in pieces if 2 < len(p) <= 60][:4]


def _outside_article(element: lxml.html.HtmlElement) -> bool:
    return any(
        _OUTSIDE_ARTICLE.search(f"{a.get('class', '')} {a.get('id', '')}") for a in element.iterancestors()
    )


def byline_in_text(text: str, headline: str | None) -> list[str]:
    """A "By Jane Doe" written next to the headline, where no markup names the author."""
    at = text.find(headline[:60]) if headline else -1
    if at < 0:
        return []
    match = BYLINE_IN_TEXT.search(text, at, at + _NEAR_AFTER)
    if not match:
        return _labelled_name(text, at)
    words = match["names"].split()
    # "By Jane Doe In ..." or "By Jane Doe Winemaker": a third word the page writes in lower case
    # is the sentence or the role after the name.
    while len(words) > 2 and "," not in words[-2] and _written_in_lower_case(words[-1], text):
        words.pop()
    return [" ".join(words)]


def _labelled_name(text: str, at: int) -> list[str]:
    """ "Written by Jane Doe Table of contents": after a byline label, the capitalised words up to the
    first one the page also writes in lower case; two or three of them make a name."""
    match = LABELLED_WORDS.search(text, at, at + _NEAR_AFTER)
    if not match:
        return []
    words = []
    for word in match["words"].split():
        if _written_in_lower_case(word, text):
            break
        words.append(word)
    return [" ".join(words)] if 2 <= len(words) <= 3 else []


def _written_in_lower_case(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(word.lower())}(?!\w)", text) is not None


def name_before_date(text: str, headline: str | None) -> list[str]:
    """A name standing alone right before the first date after the headline ("Jane Doe Jul 18, 2025",
    "Jane Doe · 23.07.2025"), as bylines without a "By" are laid out."""
    at = text.find(headline[:60]) if headline else -1
    if at < 0:
        return []
    end = at + (len(headline) if text.startswith(headline, at) else 60)
    window = text[end : at + _NEAR_AFTER]
    found = dates_in_text(window, limit=1)
    if not found:
        return []
    offset = found[0][0]
    match = NAME_BEFORE_DATE.search(window[:offset])
    if not match:
        return []
    # A name's words are not words the article writes in lower case; a section's ("Cloud Computing") are.
    if any(_written_in_lower_case(word, text) for word in match["name"].split()):
        return []
    return [match["name"]]


def _date_of(element: lxml.html.HtmlElement) -> str | None:
    return parse_date(element.get("datetime") or element.get("content") or _text(element)[:80])


def visible_text(root: lxml.html.HtmlElement) -> str:
    """The page's text as a reader sees it, without scripts, styles and comments.

    One walk over the <body> that skips hidden subtrees: an XPath `text()` with an ancestor test
    per text node costs twice as much."""
    body = root if root.tag == "body" else root.find("body")
    if body is None:
        body = next(root.iter("body"), None)
    if body is None:
        return ""
    parts: list[str] = []
    walk = etree.iterwalk(body, events=("start", "end"))
    for event, element in walk:
        if event == "end":
            if element.tail and element is not body:
                parts.append(element.tail)
        elif element.tag in _HIDDEN_TAGS:
            walk.skip_subtree()
        elif element.text and isinstance(element.tag, str):
            parts.append(element.text)
    return " ".join(" ".join(parts).split())


def shown_days(page: Page, headline: str | None) -> tuple[list[str], list[str]]:
    """Days written in the page's text around its headline (where a reader looks for the date), and
    the few of them right by it, where a byline's date stands. Nothing when the headline is not found."""
    text = page.visible
    at = text.find(headline[:60]) if headline else -1
    if at < 0:
        return [], []
    start = max(0, at - _SHOWN_BEFORE)
    found = dates_in_text(text[start : at + _SHOWN_AFTER])
    near = [day for offset, day in found if -_NEAR_BEFORE <= start + offset - at <= _NEAR_AFTER]
    return [day for _, day in found], near


def published(page: Page, now: datetime, headline: str | None) -> str | None:
    """The date the page gives its article, by this order of trust:

    1. the day in the URL path (`/2025/02/13/`), set once at publication, when it is earlier than
       what the markup says (markup is rewritten on every edit; the time is kept when the days agree);
    2. JSON-LD datePublished, then publish-date meta tags, then a publish <time> element; but when the
       page shows readers another date by its headline, the shown one wins (the modified time when
       it is that one): the hidden date is a CMS creation or import date;
    3. with no date in the markup, the first date written by the headline;
    4. htmldate (extensive search), which reads what is left.
    """
    chosen = _declared_or_shown(page, now, headline)
    from_url = plausible(date_from_url(page.url), now)
    if from_url and (not chosen or from_url < chosen[:10]):
        return from_url
    return chosen


def _declared_or_shown(page: Page, now: datetime, headline: str | None) -> str | None:
    declared = [
        jsonld.text_of(jsonld.field_of(page.linked, "datePublished")),
        jsonld.text_of(jsonld.field_of(page.linked, "dateCreated")),
        *page.all_meta(PUBLISHED_META),
    ]
    found = next((d for v in declared if (d := plausible(parse_date(v), now))), None)
    if not found:
        elements = (e for xpath in _TIME_XPATHS for e in xpath(page.root)[:2])
        found = next((d for e in elements if (d := plausible(_date_of(e), now))), None)
    shown, near = shown_days(page, headline)
    near = [d for d in near if plausible(d, now)]
    if found:
        if shown and found[:10] not in shown:
            modified = updated(page, now)
            if modified and modified[:10] in shown:
                return modified
            if near:
                return near[0]
        return found
    if near:
        return near[0]
    if shown := [d for d in shown if plausible(d, now)]:
        return shown[0]
    found = find_date(
        page.root, url=page.url, extensive_search=False, original_date=True, max_date=now.date().isoformat()
    )
    found = plausible(found, now)
    if found and not found.endswith("-01-01"):
        return found
    # htmldate's 1 January is a year-only guess (most often the copyright footer's "© 2019") unless
    # the page writes that day; the first day the page writes is taken instead. Read only when needed:
    # dates in the whole text are the costliest search here.
    written = [d for _, d in dates_in_text(page.visible) if plausible(d, now)]
    if found and found in written:
        return found
    return next(iter(written), None)


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
