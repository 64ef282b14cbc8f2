"""HTML boilerplate removal (first version: paragraphs with little link text)."""

from __future__ import annotations

import re

import lxml.html

_SPACE = re.compile(r"\s+")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figcaption")


def clean_html(root: lxml.html.HtmlElement, *, url: str | None = None) -> list[str]:
    """The article's paragraphs, in order. May modify `root`."""
    for element in root.iter(*_DROP):
        element.drop_tree() if element.getparent() is not None else None
    paragraphs: list[str] = []
    for element in root.iter("p", "h2", "h3", "li", "blockquote"):
        text = _SPACE.sub(" ", element.text_content()).strip()
        link_chars = sum(len(a.text_content()) for a in element.iter("a"))
        if len(text.split()) >= 8 and link_chars < 0.5 * len(text):
            paragraphs.append(text)
    return paragraphs
