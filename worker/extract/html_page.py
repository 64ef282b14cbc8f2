"""The parsed page that every HTML field function reads: tree, meta tags, JSON-LD, visible text
and the marked elements (microdata, rel, byline and credit classes, author links)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cache
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from worker.extract import jsonld
from worker.extract.patterns import (
    AUTHOR_HREF_PARTS,
    MARKED_CLASS_PARTS,
    SECOND_LEVEL_LABELS,
    SITE_NAME_META,
)
from worker.extract.urls import canonical_url

_MARKED_CLASS = re.compile("|".join(re.escape(part) for part in MARKED_CLASS_PARTS))
_AUTHOR_HREF = re.compile("|".join(re.escape(part) for part in AUTHOR_HREF_PARTS))
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
_NEAR_BEFORE = 150  # characters of visible text before the headline that still count as "by it"
_NEAR_AFTER = 450
_MAX_SITE_NAME_WORDS = 5
_HEADLINE_KEY_CHARS = 60  # a headline is found by its start: a text may word its end differently
MAX_HEADINGS = 5  # <h1> texts read: more are a template's teaser titles
_NOT_IN_HEADING = frozenset(
    {"h2", "h3", "h4", "h5", "h6", "time", "script", "style", "noscript", "template", "button"}
)
_BREAKS = frozenset({"br", "div", "p", "li", "ul", "ol", "section", "small"})
_HOST_PREFIXES = frozenset({"www", "m", "amp", "edition", "news"})
# Links to the site's front page: its root, "/", "/index.html", "https://example.com/". A relative
# "./" or "index.html" is the front of the folder the page sits in, often its section's ("Brexit"),
# and counts only around a picture (the logo). Only the page's first 200 links are read: a logo is
# at the top; a blogroll's links to other sites' front pages follow further down.
_ROOT_PATH = re.compile(r"(?:/(?:index\.\w{2,5})?)?")
_FOLDER_FRONT = re.compile(r"\.?/?(?:index\.\w{2,5})?")
_MAX_HOME_LINKS = 200


@dataclass(slots=True)
class Page:
    """What every field function reads: the tree, its URL, its JSON-LD and its meta tags by name."""

    root: lxml.html.HtmlElement
    url: str | None
    linked: jsonld.LinkedData
    meta: dict[str, list[str]] = field(default_factory=dict)
    _visible: str | None = None
    _marked: list[lxml.html.HtmlElement] | None = None
    _publish_dated: list[lxml.html.HtmlElement] | None = None
    _own_host: str | None = None

    @property
    def own_host(self) -> str:
        """The page's host: its address's, or the one it declares (canonical, og:url) when read from
        a file without one; found once, as the title's and the authors' site names both ask it."""
        if self._own_host is None:
            address = self.url or canonical_url(
                self.root, None, jsonld.url_of(jsonld.field_of(self.linked, "url")), self.meta
            )
            try:
                self._own_host = urlsplit(address or "").hostname or ""
            except ValueError:
                self._own_host = ""
        return self._own_host

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
            self._marked, self._publish_dated = _marked_elements(self.root)
        return self._marked

    @property
    def publish_dated(self) -> list[lxml.html.HtmlElement]:
        """The elements below the root whose class holds both "publish" and "date" ("publish-date"),
        in document order: found by the same pass as `marked`."""
        if self._publish_dated is None:
            self._marked, self._publish_dated = _marked_elements(self.root)
        return self._publish_dated

    def first_meta(self, names: tuple[str, ...]) -> str | None:
        return next((v for name in names for v in self.meta.get(name, ()) if v), None)

    def all_meta(self, names: tuple[str, ...]) -> list[str]:
        return [v for name in names for v in self.meta.get(name, ()) if v]


def _marked_elements(
    root: lxml.html.HtmlElement,
) -> tuple[list[lxml.html.HtmlElement], list[lxml.html.HtmlElement]]:
    """Elements with microdata or rel, id="author", a marked class, or a link to an author page; and
    the elements below the root classed as a publish date (`Page.publish_dated`). A loop over the
    elements is twice as fast as one XPath with six contains() per element."""
    found = []
    dated = []
    marked_class, author_href = _MARKED_CLASS.search, _AUTHOR_HREF.search
    for element in root.iter(etree.Element):
        get = element.get
        classes = get("class")
        if classes:
            if "publish" in classes and "date" in classes and element is not root:
                dated.append(element)
            if marked_class(classes):
                found.append(element)
                continue
        if (
            get("itemprop") is not None
            or get("rel") is not None
            or get("id") == "author"
            or (element.tag == "a" and author_href(get("href") or ""))
        ):
            found.append(element)
    return found, dated


def read_meta(root: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """Every <meta> content by its lower-cased property, name, itemprop or http-equiv."""
    meta: dict[str, list[str]] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        content = " ".join(content.split())  # whitespace runs to one space (split: the same as \s+)
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                meta.setdefault(key, []).append(content)
    return meta


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _words(element: lxml.html.HtmlElement) -> str:
    """Text with a space between elements: a byline's name and date sit in sibling tags."""
    return " ".join(" ".join(element.itertext()).split())


def visible_text(root: lxml.html.HtmlElement) -> str:
    """The page's text as a reader sees it, without scripts, styles and comments.

    One XPath over the <body>'s text nodes, but those in a hidden element (script, style): lxml
    makes no Python object per element (1.27 -> 0.99 ms a page with the join). A text node's parent
    is tested where the hidden elements hold only text, its ancestors (dearer) where one holds
    elements (a <noscript> with an image)."""
    body = root if root.tag == "body" else root.find("body")
    if body is None:
        body = next(root.iter("body"), None)
    if body is None:
        return ""
    tests = frozenset(f"{'ancestor' if len(e) else 'parent'}::{e.tag}" for e in body.iter(*_HIDDEN_TAGS))
    return " ".join(" ".join(_text_nodes(tests)(body)).split())


@cache
def _text_nodes(tests: frozenset[str]) -> etree.XPath:
    """The text nodes that pass none of the tests (only those the page needs: each costs)."""
    if not tests:
        return etree.XPath("descendant::text()", smart_strings=False)
    return etree.XPath(f"descendant::text()[not({' or '.join(sorted(tests))})]", smart_strings=False)


def _classes(element: lxml.html.HtmlElement) -> str:
    return element.get("class") or ""


def _site_names(page: Page) -> list[str]:
    """The site's names as the page spells them, and its host's main label, for telling them apart
    from titles and authors."""
    names = [n for n in (site_name(page), jsonld.text_of(jsonld.field_of(page.linked, "publisher"))) if n]
    # "Example News | Science and Nature" is the name and its tagline: a title ends with either part.
    # A long part is not a name (a template that writes the page title as the site's).
    names += [
        part.strip()
        for name in list(names)
        for separator in (" | ", " - ", " – ", " — ", " · ", " • ")
        if separator in name
        for part in name.split(separator)
        if 0 < len(part.split()) <= _MAX_SITE_NAME_WORDS
    ]
    # The host's label names the site too: the page's own address, or the one it declares (canonical,
    # og:url) when read from a file without one.
    if label := _site_label(page.own_host):
        names.append(label)
    return names


def home_link_names(page: Page) -> list[str]:
    """What the page's links to its own front page say: the logo's words, title or picture's alt text
    ("<a href="/"><img alt="Example News"></a>"). A title's part that repeats one is the site's
    name, in any language, on a page whose markup declares none (an <a href="/">Example</a> logo).
    Only for titles: a link's words ("Home") are no organisation an author could be taken for."""
    names: list[str] = []
    own = _main_label(page.own_host)
    links = (link for link in page.root.iter("a") if link.get("href") is not None)
    for link in itertools.islice(links, _MAX_HOME_LINKS):
        href = (link.get("href") or "").strip()
        try:
            parts = urlsplit(href)
            host = parts.hostname or ""
        except ValueError:  # a malformed address ("http://[menu]/")
            continue
        if (
            not href
            or href.startswith("#")
            or parts.scheme not in {"", "http", "https"}
            or parts.query
            or not _front_page(link, host, parts.path)
            or (host and _main_label(host) != own)
        ):
            continue  # another site's front page (a partner's logo, a blogroll) names that site
        texts = [_text(link), link.get("title") or ""]
        texts += [image.get("alt") or "" for image in link.iter("img")]
        names += [t for t in texts if 0 < len(t.split()) <= _MAX_SITE_NAME_WORDS]
    return names


def _front_page(link: lxml.html.HtmlElement, host: str, path: str) -> bool:
    """The link's path is the site's root ("/", "/index.html", "https://example.com/"); or, around a
    picture (the logo), the front of the page's folder ("./", "index.html"), as a page saved to a
    file links its site's front page."""
    if path.startswith("/") or host:
        return _ROOT_PATH.fullmatch(path) is not None
    return _FOLDER_FRONT.fullmatch(path) is not None and next(link.iter("img"), None) is not None


def _site_label(host: str) -> str | None:
    """The label that names the site: "example" in www.example.com and in www.example.co.uk (a short
    second-level label under a country's code, "co", "com", "org", "ac", is the registry's), none
    for a host of one label."""
    labels = [label for label in host.split(".") if label not in _HOST_PREFIXES]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL_LABELS:
        labels.pop()
    if len(labels) < 2:
        return None
    return labels[-2] if len(labels[-1]) <= 3 else labels[-1]


def _main_label(host: str) -> str:
    """The host's label that names the site (`_site_label`), the host itself when it has one label."""
    return _site_label(host) or host


def site_name(page: Page) -> str | None:
    """og:site_name, then JSON-LD publisher name, then application-name."""
    value = page.first_meta(SITE_NAME_META[:1])
    value = value or jsonld.text_of(jsonld.field_of(page.linked, "publisher"))
    value = value or page.first_meta(SITE_NAME_META[1:])
    return value if value and not value.startswith(("http", "@")) else None


def headline_spans(text: str, headline: str | None, limit: int = 3, start: int = 0) -> list[tuple[int, int]]:
    """Where the headline stands in the text from `start`, up to `limit` times, as (start, end): the
    end is past the whole headline when the text writes it whole, else past its first characters. A
    menu or a list of posts may write the headline before the article's own header does."""
    if not headline:
        return []
    key = headline[:_HEADLINE_KEY_CHARS]
    spans: list[tuple[int, int]] = []
    at = text.find(key, start)
    while at >= 0 and len(spans) < limit:
        spans.append((at, at + (len(headline) if text.startswith(headline, at) else len(key))))
        at = text.find(key, at + 1)
    return spans


class HeadingPlace(IntEnum):
    """Where an <h1> stands, most trusted first. An article that a menu, sidebar or footer wraps is
    the last resort before the masthead: an unclosed menu or a page-wide pop-up layer can wrap a whole
    page, but a mega-menu's story cards are not the headline."""

    ARTICLE = 0
    MAIN = 1
    BODY = 2
    WRAPPED = 3
    MASTHEAD = 4


@dataclass(frozen=True, slots=True)
class Headings:
    """The page's <h1> texts, most trusted first, and whether the first has rivals where it stands
    (other <h1> in the same place: a template's section titles, not one article's headline)."""

    texts: list[str]
    rivalled: bool


def page_headings(root: lxml.html.HtmlElement) -> Headings:
    """The page's <h1> texts by where they stand (`HeadingPlace`); none from a menu, sidebar or
    footer. A text said twice (a template's mobile and desktop copies of one headline) counts once.

    A <header> inside the article is the article's own (its headline, byline, date); the page's
    <header> is the masthead, whose <h1> is the site's logo, so it counts only on a page with no
    other <h1> text (a hero banner that carries the headline)."""
    placed: dict[HeadingPlace, list[lxml.html.HtmlElement]] = {place: [] for place in HeadingPlace}
    for heading in root.iter("h1"):
        place = _heading_place(heading)
        if place is not None:
            placed[place].append(heading)
    seen: set[str] = set()
    groups: dict[HeadingPlace, list[str]] = {}
    for place, elements in placed.items():
        texts = []
        for text in (heading_text(h) for h in elements[:MAX_HEADINGS]):
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
        if texts:
            groups[place] = texts
    if len(groups) > 1:
        groups.pop(HeadingPlace.MASTHEAD, None)
    ordered = list(groups.values())
    texts = [text for group in ordered for text in group][:MAX_HEADINGS]
    return Headings(texts=texts, rivalled=bool(ordered) and len(ordered[0]) > 1)


def headings(root: lxml.html.HtmlElement) -> list[str]:
    """The page's <h1> texts, most trusted first (`page_headings`)."""
    return page_headings(root).texts


def _heading_place(heading: lxml.html.HtmlElement) -> HeadingPlace | None:
    """Where the <h1> stands; None in a menu, sidebar or footer (outside any article)."""
    container = None
    in_header = False
    for ancestor in heading.iterancestors():
        tag = ancestor.tag
        if container is None and tag in {"article", "main"}:
            container = HeadingPlace.ARTICLE if tag == "article" else HeadingPlace.MAIN
        elif tag == "header" and container is None:
            in_header = True
        elif tag in _CHROME_TAGS and tag != "header":
            return None if container is None else HeadingPlace.WRAPPED
    if container is not None:
        return container
    return HeadingPlace.MASTHEAD if in_header else HeadingPlace.BODY


def heading_text(heading: lxml.html.HtmlElement) -> str:
    """A heading's words as shown: a line break or a block inside it separates words ("Title<br>Subtitle"),
    and what a broken template nests in it (another heading, the byline's date) is not part of it."""
    parts: list[str] = []
    walk = etree.iterwalk(heading, events=("start", "end"))
    for event, element in walk:
        if event == "start":
            if element is not heading and element.tag in _NOT_IN_HEADING:
                walk.skip_subtree()
                parts.append(" ")
                continue
            if element.tag in _BREAKS:
                parts.append(" ")
            if element.text and isinstance(element.tag, str):
                parts.append(element.text)
        elif element is not heading:
            if element.tag in _BREAKS:
                parts.append(" ")
            if element.tail:
                parts.append(element.tail)
    return " ".join("".join(parts).split())


def times_after_headlines(root: lxml.html.HtmlElement, limit: int) -> Iterator[lxml.html.HtmlElement]:
    """The first `<time datetime>` after each `<h1>` (not inside it), in document order and each once,
    at most `limit` of them: the XPath `.//h1/following::time[@datetime][1]` in one walk of the tree
    (the XPath walks the rest of the page for every <h1>, quadratic on an index of thousands)."""
    found = 0
    waiting = False  # a <h1> has ended and no <time datetime> has followed it yet
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            waiting = waiting or element.tag == "h1"
        elif waiting and element.tag == "time" and element.get("datetime") is not None:
            yield element
            found += 1
            waiting = False
            if found >= limit:
                return
