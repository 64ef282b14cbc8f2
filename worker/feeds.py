"""Feeds and sitemaps: bytes in, entries out, or a `FeedError`. Pure: no network, no Redis.

Formats: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 through feedparser; XML sitemaps, sitemap
indexes (their children come back as URLs for the caller to poll, depth-capped there), gzipped
sitemaps and Google News sitemaps through lxml.

Safety, in this order:
1. a gzip body is decompressed with a byte cap (a gzip bomb stops at the cap);
2. every document goes through defusedxml first: a DTD that declares entities (billion laughs,
   quadratic blowup) or external entities is refused before any other parser sees it;
3. sitemaps are then parsed by lxml with `resolve_entities=False, no_network=True,
   huge_tree=False`, feeds by feedparser (whose expat parser never sees an entity declaration,
   since step 2 refused them).

A feed that is not well-formed XML (an undeclared `&nbsp;`, a stray `&`) is common in the wild:
it is still read by feedparser's lenient parser when that recovers at least one entry with a link
and the document declares no entities; anything else not well-formed is a `FeedError`.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin

import defusedxml.ElementTree as safe_etree
import feedparser
import lxml.html
from defusedxml import DefusedXmlException
from lxml import etree

from worker.errors import FeedError

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own cap, after decompression
MAX_ENTRIES = 50_000  # likewise: a sitemap lists at most 50,000 URLs
MAX_SUMMARY_CHARS = 2000
MAX_SUGGESTED_INTERVAL_S = 24 * 3600.0  # a feed asking for a year between polls is not obeyed
_GZIP_MAGIC = b"\x1f\x8b"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_ROOT_SNIFF = re.compile(rb"<(?:[\w.-]+:)?(rss|RDF|feed|urlset|sitemapindex)[\s>/]")
_SY_PERIOD_S = {
    "hourly": 3600,
    "daily": 86400,
    "weekly": 7 * 86400,
    "monthly": 30 * 86400,
    "yearly": 365 * 86400,
}


class DocumentKind(StrEnum):
    FEED = "feed"
    SITEMAP = "sitemap"
    SITEMAP_INDEX = "sitemap_index"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed or one `<url>` of a sitemap. Dates are ISO 8601 strings or None."""

    url: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    summary: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None

    def hints(self) -> dict[str, Any]:
        """The `Metadata` fields this entry knows, for the article task; empty ones left out."""
        values = {
            "title": self.title,
            "published": self.published,
            "updated": self.updated,
            "authors": list(self.authors),
            "description": self.summary,
            "tags": list(self.tags),
            "image": self.image,
        }
        return {k: v for k, v in values.items() if v not in (None, "", [])}


@dataclass(frozen=True, slots=True)
class ChildSitemap:
    url: str
    lastmod: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    kind: DocumentKind
    entries: tuple[FeedEntry, ...] = ()
    children: tuple[ChildSitemap, ...] = ()
    suggested_interval_s: float | None = None  # from ttl or sy:updatePeriod/updateFrequency
    title: str | None = None
    recovered: bool = False  # not well-formed, read by feedparser's lenient parser
    dropped: int = field(default=0)  # entries without a usable link


def parse_document(body: bytes, *, url: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> ParsedFeed:
    """Parse a feed, sitemap or sitemap index fetched from `url` (relative links resolve against it)."""
    raw = _unpacked(body, url, max_bytes)
    _root, root_name, parse_error = _check_xml(raw, url)
    if root_name in ("urlset", "sitemapindex"):
        if parse_error:
            raise FeedError(f"{url}: sitemap is not well-formed XML: {parse_error}")
        return _parse_sitemap(raw, url)
    if root_name in ("rss", "RDF", "feed"):
        return _parse_feed(raw, url, parse_error)
    raise FeedError(f"{url}: not a feed or sitemap (root element {root_name or 'unknown'!r})")


def feed_links(body: bytes, *, url: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> list[str] | None:
    """A feed's entry links read from the safe tree alone, without feedparser (~20x cheaper), so a
    poll whose entries are all seen can skip the full parse. None whenever this reading could
    differ from feedparser's: not a well-formed feed, `xml:base` anywhere, an item whose link is
    not one plain `<link>`, an Atom entry with other than one alternate link."""
    try:
        raw = _unpacked(body, url, max_bytes)
        root, root_name, parse_error = _check_xml(raw, url)
    except FeedError:
        return None
    if root is None or parse_error or root_name not in ("rss", "RDF", "feed"):
        return None
    if any(_XML_BASE in node.attrib for node in root.iter()):
        return None
    links = []
    for node in root.iter():
        name = _local(node.tag)
        if name == "item" and root_name != "feed":
            found = [c for c in node if _local(c.tag) == "link"]
            if len(found) != 1 or found[0].attrib or not (found[0].text or "").strip():
                return None
            links.append(urljoin(url, found[0].text.strip()))
        elif name == "entry" and root_name == "feed":
            found = [c for c in node if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"]
            if len(found) != 1 or not found[0].get("href", "").strip():
                return None
            links.append(urljoin(url, found[0].get("href").strip()))
    return links


def _unpacked(body: bytes, url: str, max_bytes: int) -> bytes:
    raw = gunzip_capped(body, max_bytes) if body[:2] == _GZIP_MAGIC else body
    if len(raw) > max_bytes:
        raise FeedError(f"{url}: document of {len(raw)} bytes is over the {max_bytes}-byte cap")
    if not raw.strip():
        raise FeedError(f"{url}: empty document")
    return raw


def _local(tag: object) -> str | None:
    return etree.QName(tag).localname if isinstance(tag, str) else None


def gunzip_capped(body: bytes, max_bytes: int) -> bytes:
    """Decompress gzip, refusing to produce more than `max_bytes` (a gzip bomb stops here)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FeedError(f"corrupt gzip: {exc}") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise FeedError(f"gzip expands past the {max_bytes}-byte cap")
    if not inflater.eof:
        raise FeedError("truncated gzip")
    return out


def _check_xml(raw: bytes, url: str) -> tuple[Any, str | None, str | None]:
    """The safe tree, its root's local name and, when not well-formed, the parse error (and no
    tree). Entity declarations are refused here, before any other parser sees the document."""
    try:
        root = safe_etree.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FeedError(f"{url}: refused XML with entity declarations (possible XML bomb): {exc!r}") from exc
    except safe_etree.ParseError as exc:
        if re.search(rb"<!ENTITY", raw[:65536], re.IGNORECASE):
            raise FeedError(f"{url}: refused malformed XML with entity declarations: {exc}") from exc
        sniffed = _ROOT_SNIFF.search(raw[:4096])
        return None, (sniffed.group(1).decode() if sniffed else None), str(exc)
    return root, _local(root.tag), None


def _parse_feed(raw: bytes, url: str, parse_error: str | None) -> ParsedFeed:
    parsed = feedparser.parse(
        io.BytesIO(raw),
        response_headers={"content-location": url, "content-type": "application/xml"},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    entries = [_feed_entry(e, url) for e in parsed.entries[:MAX_ENTRIES]]
    usable = tuple(e for e in entries if e is not None)
    if parse_error and not usable:
        raise FeedError(f"{url}: feed is not well-formed XML and nothing could be recovered: {parse_error}")
    return ParsedFeed(
        kind=DocumentKind.FEED,
        entries=usable,
        suggested_interval_s=suggested_interval_s(parsed.feed),
        title=_text(parsed.feed.get("title")),
        recovered=parse_error is not None,
        dropped=len(entries) - len(usable),
    )


def _feed_entry(entry: Any, base: str) -> FeedEntry | None:
    link = entry.get("link") or next(
        (x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"), None
    )
    if not link:
        return None
    # dict.get, not entry.get: feedparser maps a missing updated_parsed to published_parsed.
    published = _struct_iso(dict.get(entry, "published_parsed"))
    updated = _struct_iso(dict.get(entry, "updated_parsed"))
    authors = [_text(a.get("name")) for a in entry.get("authors", []) if isinstance(a, dict)]
    if not any(authors) and entry.get("author"):
        authors = [_text(entry.get("author"))]
    return FeedEntry(
        url=urljoin(base, link.strip()),
        title=_text(entry.get("title")),
        # RSS 1.0's dc:date and Atom's updated are the only date some feeds give: they stand in.
        published=published or updated,
        updated=updated if updated != (published or updated) else None,
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        summary=_plain(entry.get("summary")),
        tags=tuple(dict.fromkeys(t for t in (_text(x.get("term")) for x in entry.get("tags", [])) if t)),
        image=_feed_image(entry, base),
    )


def _feed_image(entry: Any, base: str) -> str | None:
    candidates = [m.get("url") for m in entry.get("media_thumbnail", [])]
    candidates += [
        m.get("url")
        for m in entry.get("media_content", [])
        if m.get("medium") == "image" or str(m.get("type", "")).startswith("image/")
    ]
    candidates += [
        e.get("href") for e in entry.get("enclosures", []) if str(e.get("type", "")).startswith("image/")
    ]
    image = entry.get("image")
    if isinstance(image, dict):
        candidates.append(image.get("href"))
    first = next((c for c in candidates if c), None)
    return urljoin(base, first) if first else None


def suggested_interval_s(feed: Any) -> float | None:
    """The longest of `ttl` (minutes) and `sy:updatePeriod / sy:updateFrequency`, capped at a day."""
    found: list[float] = []
    ttl = str(feed.get("ttl") or "").strip()
    if ttl.isdigit() and int(ttl) > 0:
        found.append(int(ttl) * 60.0)
    period = _SY_PERIOD_S.get(str(feed.get("sy_updateperiod") or "").strip().lower())
    if period:
        frequency = str(feed.get("sy_updatefrequency") or "1").strip()
        found.append(period / max(1, int(frequency)) if frequency.isdigit() else float(period))
    return min(max(found), MAX_SUGGESTED_INTERVAL_S) if found else None


def _sitemap_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parse_sitemap(raw: bytes, url: str) -> ParsedFeed:
    try:
        root = etree.fromstring(raw, _sitemap_parser())
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{url}: sitemap is not well-formed XML: {exc}") from exc
    if etree.QName(root).localname == "sitemapindex":
        children = []
        for node in _children(root, "sitemap")[:MAX_ENTRIES]:
            loc = _child_text(node, "loc")
            if loc:
                children.append(ChildSitemap(urljoin(url, loc), _w3c_date(_child_text(node, "lastmod"))))
        return ParsedFeed(kind=DocumentKind.SITEMAP_INDEX, children=tuple(children))
    entries, dropped = [], 0
    for node in _children(root, "url")[:MAX_ENTRIES]:
        loc = _child_text(node, "loc")
        if not loc:
            dropped += 1
            continue
        entries.append(_sitemap_entry(node, urljoin(url, loc)))
    return ParsedFeed(kind=DocumentKind.SITEMAP, entries=tuple(entries), dropped=dropped)


def _sitemap_entry(node: etree._Element, loc: str) -> FeedEntry:
    """A `<url>`: `lastmod` is when it changed; Google News adds the publication date and title."""
    news = next(iter(_children(node, "news")), None)
    title = published = None
    tags: tuple[str, ...] = ()
    if news is not None:
        title = _text(_child_text(news, "title"))
        published = _w3c_date(_child_text(news, "publication_date"))
        keywords = _child_text(news, "keywords") or ""
        tags = tuple(dict.fromkeys(k.strip() for k in keywords.split(",") if k.strip()))
    image_node = next(iter(_children(node, "image")), None)
    image = _child_text(image_node, "loc") if image_node is not None else None
    return FeedEntry(
        url=loc,
        title=title,
        published=published,
        updated=_w3c_date(_child_text(node, "lastmod")),
        tags=tags,
        image=image,
    )


def _children(node: etree._Element, local_name: str) -> list[etree._Element]:
    """Direct children by local name, whatever namespace (or none) the publisher used."""
    return [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == local_name]


def _child_text(node: etree._Element, local_name: str) -> str | None:
    for child in _children(node, local_name):
        value = (child.text or "").strip()
        if value:
            return value
    return None


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _w3c_date(value: str | None) -> str | None:
    """W3C datetime (`2026-11-23`, `2026-11-23T10:00+01:00`, `...Z`) as ISO 8601, or None."""
    parsed = parse_iso(value.strip()) if value else None
    if parsed is None:
        return None
    if len(value.strip()) == 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _struct_iso(value: Any) -> str | None:
    """feedparser's struct_time (already converted to UTC) as ISO 8601 with its offset."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _plain(html: str | None) -> str | None:
    """A summary's HTML as one line of text (feed summaries are HTML; hints are text)."""
    if not html or not html.strip():
        return None
    if "<" not in html:  # already text (feedparser unescaped it): skip the HTML parser
        clean = _text(html[: MAX_SUMMARY_CHARS * 2])
        return clean[:MAX_SUMMARY_CHARS] if clean else None
    try:
        text = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (etree.ParserError, ValueError):
        text = html
    clean = _text(text[: MAX_SUMMARY_CHARS * 2])
    return clean[:MAX_SUMMARY_CHARS] if clean else None
