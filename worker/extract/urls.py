"""Absolute page and image URLs, and the canonical URL without tracking parameters."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import lxml.html

from worker.urls import normalize_url

# The XPath translate(@rel, "CANONICAL", "canonical") as a table: iterating <link> elements (the tag
# is matched inside lxml) costs a quarter less than an XPath walking every node of the page.
_LOWER_CANONICAL = str.maketrans("CANONICAL", "canonical")


def absolute_url(value: str | None, base: str | None) -> str | None:
    """`value` made absolute against the page URL; None when it cannot be (no base, not http)."""
    if not value or not value.strip() or value.strip().startswith("data:"):
        return None
    joined = urljoin(base or "", value.strip())
    return joined if urlsplit(joined).scheme in {"http", "https"} else None


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
