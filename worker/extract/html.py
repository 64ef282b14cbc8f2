"""Metadata from an HTML tree (first version: meta tags and <title>)."""

from __future__ import annotations

import lxml.html

from worker.article import Metadata


def _meta(root: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for value in root.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if value.strip():
                return value.strip()
    return None


def extract_html_metadata(root: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    """Reads `root` without modifying it."""
    title = _meta(root, "og:title") or (root.findtext(".//title") or "").strip() or None
    canonical = next(iter(root.xpath('//link[@rel="canonical"]/@href')), None)
    return Metadata(
        title=title,
        published=_meta(root, "article:published_time"),
        site_name=_meta(root, "og:site_name"),
        canonical_url=canonical,
        description=_meta(root, "og:description", "description"),
        image=_meta(root, "og:image"),
        language=(root.get("lang") or "")[:2].lower() or None,
    )
