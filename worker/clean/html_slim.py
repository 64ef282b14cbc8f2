"""The last lxml stage: strip what the block classifier never reads or always drops (images,
attributes other than class and id, lists of links, empty and inline wrappers), so that
BeautifulSoup, the costly stage, builds a smaller tree of the same blocks."""

from __future__ import annotations

import lxml.html
from bs4 import BeautifulSoup, NavigableString, Tag
from lxml import etree

from worker.clean.html_cut import drop_subtree
from worker.clean.selectors import BLOCK_TAGS, INLINE_TAGS, KEPT_ATTRIBUTES, VOID_TAGS

# A list whose text is at least this share of link text is a list of links.
LINK_LIST_SHARE = 0.9
# The placeholder tag of elements marked to be unwrapped.
_UNWRAP = "x-unwrap"
# Descendants whose text is blank and that hold no line break (a break separates two words).
_EMPTY = etree.XPath(".//*[not(normalize-space()) and not(self::br) and not(.//br)]")
# The parser BeautifulSoup's lxml builder runs (its options; its strip_cdata does nothing for HTML).
_SOUP_PARSER = etree.HTMLParser(recover=True, encoding="utf-8")
# BeautifulSoup's whitespace: a string of these only is one space or one line break (`endData`).
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"


def is_link_list(element: etree._Element) -> bool:
    """A list that is nearly all link text: menus, tag lists, related links (never article text)."""
    text = len("".join(element.text_content().split()))
    if not text:
        return False
    linked = sum(len("".join(a.text_content().split())) for a in element.iter("a"))
    return linked >= LINK_LIST_SHARE * text


def slim(elements: list[etree._Element]) -> None:
    """Strip what the block classifier never reads or always drops (images, attributes other than
    class and id, lists of links) so that BeautifulSoup, the costly stage, builds a smaller tree."""
    for subtree in elements:
        etree.strip_elements(subtree, *VOID_TAGS, with_tail=False)
        for link_list in [el for el in subtree.iter("ul", "ol") if is_link_list(el)]:
            if link_list.getparent() is not None:
                drop_subtree(link_list)
        etree.strip_tags(subtree, etree.Comment, etree.ProcessingInstruction)
        unwrap_inline(subtree)
        drop_empty(subtree)
        tidy(subtree)


def unwrap_inline(subtree: etree._Element) -> None:
    """Unwrap formatting tags (span, strong, em...) that hold no block: their text joins the
    parent's, and the classifier, which reads only blocks and links, sees the same blocks."""
    holders = set()  # what holds a block: each block's ancestors, marked once (not a search per tag)
    for block in subtree.iter(*BLOCK_TAGS):
        if block is subtree:
            continue
        for up in block.iterancestors():
            if up in holders:
                break  # and so are all above it
            holders.add(up)
            if up is subtree:
                break
    for element in subtree.iter(*INLINE_TAGS):
        if element is not subtree and element not in holders:
            element.tag = _UNWRAP
    etree.strip_tags(subtree, _UNWRAP)


def drop_empty(subtree: etree._Element) -> None:
    """Drop elements without text (icon links, spacers, emptied figures) where dropping them joins
    no two runs of text: an inline one anywhere, a block one when no text follows it before the
    next block. Line breaks, and what holds them, stay: each separates two words."""
    gone: set[etree._Element] = set()
    for element in _EMPTY(subtree):
        parent = element.getparent()
        if parent is None or parent in gone:
            gone.add(element)
            continue
        if element.tag in BLOCK_TAGS:
            after = element.getnext()
            if (element.tail and element.tail.strip()) or (after is not None and after.tag not in BLOCK_TAGS):
                continue
        gone.add(element)
        drop_subtree(element)


def tidy(subtree: etree._Element) -> None:
    """Keep only the attributes the classifier reads, and drop whitespace-only text next to a block
    boundary, where it can never separate two words."""
    for parent in subtree.iter():
        attrib = parent.attrib
        if any(key not in KEPT_ATTRIBUTES for key in attrib):
            keep = [(k, attrib[k]) for k in KEPT_ATTRIBUTES if k in attrib]
            attrib.clear()
            for key, value in keep:
                attrib[key] = value
        children = list(parent)
        block = parent.tag in BLOCK_TAGS
        text = parent.text
        if (
            block
            and text is not None
            and not text.strip()
            and (not children or children[0].tag in BLOCK_TAGS)
        ):
            parent.text = None
        last = len(children) - 1
        for i, child in enumerate(children):
            tail = child.tail
            if tail is None or tail.strip():
                continue
            if (
                child.tag in BLOCK_TAGS
                or (i < last and children[i + 1].tag in BLOCK_TAGS)
                or (i == last and block)
            ):
                child.tail = None


def to_soup(elements: list[etree._Element]) -> BeautifulSoup:
    """BeautifulSoup over the chosen subtrees only: the tree build is the cost, so it sees little.

    The markup is parsed by lxml as BeautifulSoup's lxml builder parses it (the same parser and
    options), and BeautifulSoup's tree is made from that parse node by node, by bs4's own `Tag` and
    string setup, where the builder made them from the parser's events through a stack of Python
    callbacks (1.9 -> 0.8 ms a page; the same tree: names, attributes, strings and their classes,
    whitespace strings, links between nodes). Markup holding what the slimming removes (a comment, a
    processing instruction) goes to BeautifulSoup's own build."""
    markup = b"".join(lxml.html.tostring(el, encoding="utf-8", with_tail=False) for el in elements)
    try:
        return _soup_of(etree.fromstring(markup, _SOUP_PARSER))
    except (etree.ParserError, etree.XMLSyntaxError, _NotBuilt):
        return BeautifulSoup(markup, "lxml", from_encoding="utf-8", multi_valued_attributes=None)


class _NotBuilt(Exception):
    """A node `_soup_of` does not make as BeautifulSoup's builder would."""


def _soup_of(root: etree._Element | None) -> BeautifulSoup:
    """BeautifulSoup's tree of lxml's parse `root`, as `BeautifulSoup.handle_starttag`, `endData`
    and `object_was_parsed` make it: each node linked after the one made before it, under its
    parent; a string in <pre> or <textarea> kept as it is, else one of ASCII spaces only made one
    space or line break; a string inside a <script>, <style>, <template>... of that tag's class."""
    if root is None or root.getprevious() is not None or root.getnext() is not None:
        raise _NotBuilt
    soup = BeautifulSoup("", "lxml", multi_valued_attributes=None)
    soup.original_encoding = "utf-8"
    builder = soup.builder
    preserve, containers = builder.preserve_whitespace_tags, builder.string_containers
    last: list[Tag | NavigableString | None] = [None]  # the node made last (none before the first tag)

    def add_string(text: str, parent: Tag, keep_space: bool, container: type[NavigableString]) -> None:
        if not keep_space and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        string = container(text)
        string.setup(parent, last[0])
        parent.contents.append(string)
        last[0] = string

    def add(element: etree._Element, parent: Tag, keep_space: bool, container: type[NavigableString]) -> None:
        name = element.tag
        if not isinstance(name, str):
            raise _NotBuilt  # a comment, a processing instruction, an entity
        tag = Tag(soup, builder, name, None, None, dict(element.items()), parent, last[0])
        parent.contents.append(tag)
        last[0] = tag
        keep_space = keep_space or name in preserve
        container = containers.get(name, container)
        if element.text:
            add_string(element.text, tag, keep_space, container)
        for child in element:
            add(child, tag, keep_space, container)
            if child.tail:
                add_string(child.tail, tag, keep_space, container)

    add(root, soup, False, NavigableString)
    return soup
