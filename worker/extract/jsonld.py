"""JSON-LD: the most trusted metadata a page carries, as the publisher's CMS writes it for search engines.

Pages nest it every way the spec allows (a list of objects, an `@graph`, an article inside a
`WebPage`'s `mainEntity`, an author given by `@id` reference), so everything is flattened first and
the article object is picked from the flat list.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from worker.extract.patterns import ARTICLE_TYPES, PAGE_TYPES

log = logging.getLogger(__name__)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_MAX_NODES = 2000


@dataclass(slots=True)
class LinkedData:
    """The article object (or, failing one, the page object) and the graph's nodes by `@id`."""

    article: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    nodes: list[dict[str, Any]] = field(default_factory=list)

    def resolve(self, value: Any) -> Any:
        """A `{"@id": ...}` reference replaced by the node it names, when the graph holds it."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in self.by_id:
            return self.by_id[value["@id"]]
        return value


# translate(@type, "LDJSON", "ldjson") as a table: <script> elements are found by lxml's tag match.
_LOWER_LDJSON = str.maketrans("LDJSON", "ldjson")


def types_of(node: dict[str, Any]) -> set[str]:
    """A node's `@type`s, lowercased, without a vocabulary prefix ("https://schema.org/HowTo" -> "howto")."""
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _flatten(value: Any, out: list[dict[str, Any]]) -> None:
    if len(out) > _MAX_NODES:
        return
    if isinstance(value, list):
        for item in value:
            _flatten(item, out)
    elif isinstance(value, dict):
        out.append(value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            if key in value and isinstance(value[key], list | dict):
                _flatten(value[key], out)


def _load(text: str) -> Any:
    text = _CDATA.sub("", text.strip())
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        # CMSs often leave raw newlines and tabs inside strings; JSON forbids them.
        try:
            return json.loads(re.sub(r"[\r\n\t]+", " ", text), strict=False)
        except json.JSONDecodeError as exc:
            log.debug("unreadable JSON-LD block: %s", exc)
            return None


def read_linked_data(root: lxml.html.HtmlElement) -> LinkedData:
    """Every JSON-LD block of the page, flattened; the first article-typed node is the article."""
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").translate(_LOWER_LDJSON):
            continue
        _flatten(_load(script.text or ""), nodes)
    data = LinkedData(nodes=nodes)
    for node in nodes:
        if isinstance(node.get("@id"), str):
            data.by_id.setdefault(node["@id"], node)
    for node in nodes:
        kinds = types_of(node)
        if (
            data.article is None
            and kinds & ARTICLE_TYPES
            and (node.get("headline") or node.get("datePublished"))
        ):
            data.article = node
        elif data.page is None and kinds & PAGE_TYPES:
            data.page = node
    return data


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list or a node with a name."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, list):
        return next((t for t in map(text_of, value) if t), None)
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def url_of(value: Any) -> str | None:
    """An image or page URL from a string, an `ImageObject`, or a list of either."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return next((u for u in map(url_of, value) if u), None)
    if isinstance(value, dict):
        return url_of(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return None


def names_of(data: LinkedData, value: Any) -> list[str]:
    """Author names from a string, a Person, an `@id` reference, or a list of them."""
    value = data.resolve(value)
    if isinstance(value, list):
        return [name for item in value for name in names_of(data, item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):  # one Person node naming each co-author
            return [n for n in name if isinstance(n, str)]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
        return []
    if isinstance(value, str):
        return [value]
    return []


def field_of(data: LinkedData, key: str) -> Any:
    """`key` from the article node, else from the page node."""
    for node in (data.article, data.page):
        if node and node.get(key) not in (None, "", []):
            return data.resolve(node[key])
    return None


_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation"})


def author_names_typed(data: LinkedData, node: dict[str, Any] | None, types: frozenset[str]) -> list[str]:
    """Names of the article's authors whose schema.org type is one of `types` (lowercase)."""
    if not node:
        return []
    value = data.resolve(node.get("author"))
    items = value if isinstance(value, list) else [value]
    return [
        name
        for item in map(data.resolve, items)
        if isinstance(item, dict) and types_of(item) & types
        for name in names_of(data, item)
        if name
    ]


def organisation_names(data: LinkedData, node: dict[str, Any] | None) -> list[str]:
    """Names of the article's authors typed Organization (a CMS default more often than a byline)."""
    return author_names_typed(data, node, _ORGANISATION_TYPES)


def person_names(data: LinkedData, node: dict[str, Any] | None) -> list[str]:
    """Names of the article's authors typed Person: a person even where the site bears her name."""
    return author_names_typed(data, node, frozenset({"person"}))
