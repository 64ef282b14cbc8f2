"""The article body a page declares in its structured data, for a page that shows none.

A page rendered in the reader's browser (a JavaScript application) can ship its HTML with no
article text at all, while its JSON-LD, written for search engines, carries the whole article:
`articleBody` for an article, the introduction and the steps of a how-to, the instructions of a
recipe. Before such a page is refused as "not an article", its body is read from there. The
values may be plain text (paragraphs on lines of their own) or HTML (paragraphs in `<p>`), and are
read as such. It is read when the visible page gave nothing, or so little (a caption, a teaser: under
`SHOWN_MAX_CHARS`) beside a declared body several times as long that the page plainly draws its
article from script: then the declared body is the article, provided it is this page's article (its
headline is the page's title; a related story's node declared first, or an item of a list, is not).
Never for an article that declares itself not free to read (`isAccessibleForFree: false`): its
readers see a teaser, and the full text it gives search engines is not ours to pass on.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from worker.clean.html_lead import normalized_title, page_title
from worker.clean.html_walk import INVISIBLE
from worker.clean.selectors import BLOCK_TAGS
from worker.extract.jsonld import LinkedData, read_linked_data, types_of

# A step list nested deeper than this (sections of sections...) is not followed further.
MAX_STEP_DEPTH = 6
# HTML's own tags only: "<The Palace>", a title in angle brackets as Korean pages write it, is text.
_MARKUP = re.compile(
    r"</?(?:p|a|br|hr|b|i|u|em|strong|span|div|ul|ol|li|dl|dt|dd|h[1-6]|blockquote|figure|figcaption|img"
    r"|section|article|table|thead|tbody|tr|td|th|sup|sub|small|code|pre)\b[^>]*>",
    re.IGNORECASE,
)
_LINE_BREAK = re.compile(r"\s*\n\s*")
_STEP_KEYS = ("step", "recipeInstructions", "itemListElement")
# What the visible page must be short of, and what the declared body must reach, for the declared
# body to be read instead.
SHOWN_MAX_CHARS = 500
DECLARED_MIN_CHARS = 1000
DECLARED_OVER_SHOWN = 5
# The share of a declared headline's words the page's <title> must hold for the node to be this page's.
HEADLINE_IN_TITLE = 0.6


def shows_little(paragraphs: list[str]) -> bool:
    """So little text found on the page that a declared body may be the article instead."""
    return sum(len(p) for p in paragraphs) < SHOWN_MAX_CHARS


def declared_instead(shown: list[str], root: lxml.html.HtmlElement) -> list[str]:
    """The declared body when it is the article rather than what the page shows (see the module's
    doc); else `shown`."""
    data = read_linked_data(root)
    article = data.article or _how_to(data)
    if article is None or not _free_to_read(article) or not _is_pages_own(article, page_title(root)):
        return shown
    declared = _body_of(article)
    chars = sum(len(p) for p in declared)
    if chars >= DECLARED_MIN_CHARS and chars >= DECLARED_OVER_SHOWN * sum(len(p) for p in shown):
        return declared
    return shown


def declared_body(root: lxml.html.HtmlElement) -> list[str]:
    """The article's paragraphs as the page's JSON-LD gives them; [] when it gives none."""
    data = read_linked_data(root)
    article = data.article or _how_to(data)
    return [] if article is None or not _free_to_read(article) else _body_of(article)


def _free_to_read(article: dict[str, Any]) -> bool:
    """Whether the article does not declare itself paywalled (schema.org's `isAccessibleForFree`)."""
    free = article.get("isAccessibleForFree", True)
    return not (free is False or (isinstance(free, str) and free.strip().lower() == "false"))


def _is_pages_own(article: dict[str, Any], title: str) -> bool:
    """The declared node is the page's article: most words of its headline (or name) are in the
    page's <title>. A node without a headline, or a page without a title, says nothing against it."""
    headline = article.get("headline") or article.get("name")
    words = normalized_title(headline).split() if isinstance(headline, str) else []
    if not words or not title:
        return True
    in_title = set(title.split())
    return sum(word in in_title for word in words) >= HEADLINE_IN_TITLE * len(words)


def _body_of(article: dict[str, Any]) -> list[str]:
    body = article.get("articleBody") or article.get("text")
    if isinstance(body, str) and body.strip():
        return paragraphs_of(body)
    steps: list[str] = []
    for key in _STEP_KEYS[:2]:
        _collect_steps(article.get(key), steps, 0)
    if not steps:
        return []
    intro = article.get("description")
    lead = paragraphs_of(intro) if isinstance(intro, str) else []
    return lead + [p for step in steps for p in paragraphs_of(step)]


def as_text(value: str) -> str:
    """A declared text as one line of plain text: its paragraphs joined when it is HTML."""
    return " ".join(paragraphs_of(value)) if _MARKUP.search(value) else value


def paragraphs_of(value: str) -> list[str]:
    """Paragraphs of a declared text: its block elements when it is HTML, its lines when it is not."""
    if _MARKUP.search(value):
        return _html_paragraphs(value)
    return [_clean(line) for line in _LINE_BREAK.split(value) if _clean(line)]


def _how_to(data: LinkedData) -> dict[str, Any] | None:
    """A how-to or recipe node when no node passed as the article (they may lack a headline)."""
    return next((node for node in data.nodes if types_of(node) & {"howto", "recipe"}), None)


def _collect_steps(value: Any, out: list[str], depth: int) -> None:
    """Each step's text in order, through sections (`itemListElement`) and nested steps."""
    if depth > MAX_STEP_DEPTH or value is None:
        return
    if isinstance(value, str):
        if value.strip():
            out.append(value)
    elif isinstance(value, list):
        for item in value:
            _collect_steps(item, out, depth + 1)
    elif isinstance(value, dict):
        text = value.get("text")
        if isinstance(text, str) and text.strip():
            out.append(text)
        for key in _STEP_KEYS:
            _collect_steps(value.get(key), out, depth + 1)


def _html_paragraphs(markup: str) -> list[str]:
    try:
        holder = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        stripped = _clean(_MARKUP.sub(" ", markup))
        return [stripped] if stripped else []
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = _clean("".join(parts))
        if text:
            paragraphs.append(text)
        parts.clear()

    def walk(element: etree._Element) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                pass  # a comment: only its tail is text
            elif child.tag == "br":
                parts.append(" ")
            elif child.tag in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(holder)
    flush()
    return paragraphs


def _clean(text: str) -> str:
    return " ".join(INVISIBLE.sub("", text).split())
