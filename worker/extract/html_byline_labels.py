"""The elements of an HTML page that are a byline label ("Written by", "Authors:") and the element each
one names: what `patterns.BYLINE_LABEL_XPATH` finds, read from the text nodes' strings first because
its normalize-space() tests on every element cost about 3 ms a page."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from worker.extract.patterns import BYLINE_LABELS

_BYLINE_LABEL_SET = frozenset(BYLINE_LABELS)
_TEXT_NODES = etree.XPath("//text()", smart_strings=False)
_TEXT_NODES_OF = etree.XPath("//text()[. = $value]")
_XML_SPACES = " \t\n\r"  # XPath's whitespace, which normalize-space() collapses
_XML_SPACE = re.compile(f"[{_XML_SPACES}]+")


def label_elements(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The elements below `root` whose first text node is a byline label and nothing else, in
    document order: those of `patterns.BYLINE_LABEL_XPATH`, whose 13 normalize-space() tests on
    every element cost about 3 ms a page. The text nodes' strings are read first (most pages have
    no such label), then the nodes of the labels found; a label's element is its text's parent, or for a
    tail, the parent of the element before it when no text stands before it."""
    labels = {
        text for text in _TEXT_NODES(root) if _is_label(text) and _normalized(text) in _BYLINE_LABEL_SET
    }
    owners: dict[lxml.html.HtmlElement, None] = {}
    for text in (node for label in labels for node in _TEXT_NODES_OF(root, value=label)):
        owner = text.getparent()
        if text.is_tail:
            before = owner
            owner = before.getparent()
            if owner is None or owner.text is not None:
                continue
            if any(sibling.tail is not None for sibling in before.itersiblings(preceding=True)):
                continue
        if owner is not None and owner is not root:
            owners[owner] = None
    return sorted(owners, key=_document_position) if len(owners) > 1 else list(owners)


def _is_label(text: str) -> bool:
    """Whether `normalize-space(text)` may be a label (of at most two words, no whitespace in it but
    single spaces): Python's whitespace holds XML's, so none is missed, and this is 2x faster than
    asking libxml2 for the text nodes as short as a label."""
    words = text.split(maxsplit=2)
    return len(words) <= 2 and " ".join(words) in _BYLINE_LABEL_SET


def _normalized(text: str) -> str:
    """XPath's normalize-space()."""
    return " ".join(_XML_SPACE.split(text.strip(_XML_SPACES)))


def _document_position(element: lxml.html.HtmlElement) -> list[int]:
    """The element's child indexes from the root down: sorted, elements in document order."""
    path = []
    parent = element.getparent()
    while parent is not None:
        path.append(parent.index(element))
        element, parent = parent, parent.getparent()
    return path[::-1]


def labelled(label: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """What a byline label names: its parent, when the name is written right after the label in it
    ("<strong>Contributors:</strong> Jane Doe"), or else the element after the label."""
    parent = label.getparent()
    if (label.tail or "").strip() and parent is not None:
        return parent
    return label.getnext()
