"""How much article-like text each element of a page holds, for the first cut's keep rules
(`worker.clean.html_cut`): the characters of its <p> elements, and of the text set straight into a
box without them, parted by <br> (`loose_chars`).

Only the page's paragraphs and its boxes holding a <br> are read (each found by one XPath in
libxml2), and their sums are carried up to the boxes around them, each box once: the cost follows
the page's text, not its markup (a page of 60,000 elements was a 0.5 s walk in Python)."""

from __future__ import annotations

from lxml import etree

from worker.clean.html_hidden import is_hidden

# A block at least this long, with little link text, counts for its containers as article text.
PARAGRAPH_MIN_CHARS = 80
# Text set straight into these is not a paragraph: code, a form and its fields (a consent notice), a
# list's own text outside its items (a script's error messages printed into a widget).
LOOSE_TEXT_SKIP_TAGS = frozenset(
    {"pre", "code", "textarea", "select", "option", "button", "form", "ul", "ol", "dl"}
)
# A paragraph counts whole, what it holds once: a <p> inside another is part of the outer one.
_OUTER_PARAGRAPHS = etree.XPath("descendant-or-self::p[not(ancestor::p)]")
_BROKEN_BOXES = etree.XPath("descendant-or-self::*[br][not(ancestor-or-self::p)]")


def loose_chars(element: etree._Element) -> int:
    """The characters of text set straight into the element (its own text, its children's tails) when
    they are a paragraph's worth broken by <br>: the text of a page written before <p> was the rule,
    lines in a table cell, a <div> or a <font>. A menu's separators and a label's words are fewer; a
    notice set in one run (a cookie banner) is one line. Not code or a form's field (a page's source
    or markdown offered for copying is not its prose)."""
    if element.tag in LOOSE_TEXT_SKIP_TAGS:
        return 0
    chars, breaks = len((element.text or "").strip()), False
    for child in element:
        chars += len((child.tail or "").strip())
        breaks = breaks or child.tag == "br"
    return chars if breaks and chars >= PARAGRAPH_MIN_CHARS else 0


class ParagraphChars:
    """The paragraph characters of every element of a page's tree that does not change meanwhile (the
    first cut asks them of nested boxes, their siblings and the whole page). Loose text counts only
    where the reader sees it: a hidden box of it is a copy kept for script (the article again, raw,
    for a "republish" dialog), where hidden <p>s are a collapsed section."""

    __slots__ = ("_chars",)

    def __init__(self, root: etree._Element) -> None:
        own: dict[etree._Element, int] = {}
        for p in _OUTER_PARAGRAPHS(root):
            chars = len(p.text_content().strip())
            if chars:
                own[p] = chars
        hidden: dict[etree._Element, bool] = {}
        for box in _BROKEN_BOXES(root):
            chars = loose_chars(box)
            if chars and not _seen_hidden(box, root, hidden):
                own[box] = chars
        self._chars = _summed_up(own, root)

    def __call__(self, element: etree._Element) -> int:
        return self._chars.get(element, 0)


def _seen_hidden(element: etree._Element, root: etree._Element, hidden: dict[etree._Element, bool]) -> bool:
    """Whether the element or a box around it (up to `root`) is hidden; `hidden` remembers the boxes
    already asked, so each is read once."""
    path = []
    node: etree._Element | None = element
    state = False
    while node is not None:
        if node in hidden:
            state = hidden[node]
            break
        path.append(node)
        node = None if node is root else node.getparent()
    for node in reversed(path):
        state = state or is_hidden(node)
        hidden[node] = state
    return state


def _summed_up(own: dict[etree._Element, int], root: etree._Element) -> dict[etree._Element, int]:
    """Each element's own characters plus those of every element inside it, for the elements that hold
    any: the boxes around the counted ones, each summed once its boxes inside are (no element's
    ancestors walked per element)."""
    parent_of: dict[etree._Element, etree._Element | None] = {}
    waiting: dict[etree._Element, int] = {}  # per box: how many of its counted children are unsummed
    for element in own:
        node = element
        while node not in parent_of:
            parent = None if node is root else node.getparent()
            parent_of[node] = parent
            if parent is None:
                break
            waiting[parent] = waiting.get(parent, 0) + 1
            node = parent
    chars = {node: own.get(node, 0) for node in parent_of}
    ready = [node for node in parent_of if node not in waiting]
    while ready:
        node = ready.pop()
        parent = parent_of[node]
        if parent is not None:
            chars[parent] += chars[node]
            waiting[parent] -= 1
            if not waiting[parent]:
                ready.append(parent)
    return chars
