"""Whether an inline element stands inside a sentence: there its words are the sentence's, whatever
its class says (`html_cut.first_cut` asks it of the inline elements it would drop by their name); and
anchors that link nowhere, whose words are the page's own (`unlink_anchors`)."""

from __future__ import annotations

import re

from lxml import etree

from worker.clean.selectors import INLINE_TAGS

# Inline tags that can stand inside a sentence.
RUNNING_TAGS = frozenset({"a", *INLINE_TAGS})
_WORD = re.compile(r"\w")
# What may follow a phrase that ends its sentence or clause.
_SENTENCE_PUNCTUATION = ".,;:!?)…"


def in_running_text(element: etree._Element) -> bool:
    """Words of the sentence before it and words or the sentence's punctuation after it: a link or a
    span inside a paragraph ("popup" for a glossary's note, "share" for a quote to tweet) is a phrase
    of that sentence; a widget stands in a box of its own, with no sentence around it."""
    tail = element.tail
    if not tail or tail.isspace():
        return False
    previous = element.getprevious()
    parent = element.getparent()
    before = previous.tail if previous is not None else (parent.text if parent is not None else None)
    if not before or _WORD.search(before) is None:
        return False
    return _WORD.search(tail) is not None or tail.lstrip()[:1] in _SENTENCE_PUNCTUATION


# A jump target names itself and goes nowhere; an <a> a script drives (onclick, a button's role, an
# address kept in a data attribute) is a link without an href, as menus write them.
_ANCHORS = etree.XPath("//a[not(@href)][@name or @id][not(@onclick or @role or @data-href)]")


def unlink_anchors(root: etree._Element) -> None:
    """A named anchor (a jump target: <a name="part2">, no address, no script) is not a link: no
    reader follows it, and its text (a section title, a paragraph an old page wrapped in one) is the
    page's own. It becomes a <span>, which every later count reads as text."""
    for anchor in _ANCHORS(root):
        anchor.tag = "span"
