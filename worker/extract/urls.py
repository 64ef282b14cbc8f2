"""Absolute page and image URLs, and the canonical URL without tracking parameters."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html

from worker.urls import normalize_url

# The XPath translate(@rel, "CANONICAL", "canonical") as a table: iterating <link> elements (the tag
# is matched inside lxml) costs a quarter less than an XPath walking every node of the page.
_LOWER_CANONICAL = str.maketrans("CANONICAL", "canonical")


MAX_URL_CHARS = 8192  # what the event schema's absoluteUrl allows
# A space (what str.isspace() calls one: the same table) or a control character: one search, where a
# test per character cost a page's URLs 0.2 ms.
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")


def absolute_url(value: str | None, base: str | None) -> str | None:
    """`value` made absolute against the page URL; None when it cannot be (no base, not http, no host).

    A page's own markup is not to be trusted: an `og:image` of "http:/example.com/a.jpg" (one slash)
    has a scheme but no host, and must be left out, not sink the whole article at the schema check.
    Spaces inside are percent-encoded as a browser does; a URL longer than the schema allows is none."""
    if not value or not (value := value.strip()) or value.startswith("data:"):
        return None
    joined = urljoin(base or "", value.replace(" ", "%20"))
    try:
        parts = urlsplit(joined)
    except ValueError:  # "http://[::1" : an unclosed IPv6 bracket
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname or len(joined) > MAX_URL_CHARS:
        return None
    return None if _SPACE_OR_CONTROL.search(joined) else joined


def _is_home(url: str) -> bool:
    return urlsplit(url).path.strip("/") == ""


def canonical_url(
    root: lxml.html.HtmlElement, url: str | None, linked_url: str | None, meta: dict[str, list[str]]
) -> str | None:
    """<link rel=canonical>, then og:url, then JSON-LD url, then the page's own URL; normalized.

    A canonical that points at the site's home page from an article URL is a template mistake and is
    passed over."""
    candidates = [
        href
        for link in root.iter("link")
        if (link.get("rel") or "").translate(_LOWER_CANONICAL) == "canonical"
        and (href := link.get("href")) is not None
    ]
    candidates += meta.get("og:url", [])
    candidates += [linked_url] if linked_url else []
    for value in candidates:
        found = absolute_url(value, url)
        if found and not (_is_home(found) and url and not _is_home(url)):
            return normalize_url(found)
    return normalize_url(url) if url and absolute_url(url, None) else None
