"""An article split over one template's boxes (the tag and its first class word repeated side by
side): a `div` per few paragraphs split around a wide figure, or a recipe's or product's boxes, its
items (ingredients, specifications) under a heading in the first box, its prose in the next.

    listed_twins(best)          lxml: the boxes of the best container's template set before it (or
                                before its nearest wrapper that has such), holding a list or table
                                under a heading
    article_twins(after, ...)   blocks: the twins after the article box that read as it going on
    keep_listed_twins(blocks)   blocks: the heading and items of a listed twin before the article
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

# The cut stage (html_cut) imports this module before the block stage (html_blocks, which imports
# html_cut) is done: the block stage's names are read when the block-stage functions run.
import worker.clean.html_blocks as _blocks

if TYPE_CHECKING:
    from worker.clean.html_blocks import Block

# The best container's template twins are looked for beside it and beside this many of its wrappers.
TWIN_LEVELS = 2
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ITEMS = ("dl", "ol", "table", "ul")  # html_blocks.GROUP_TAGS
# A twin after the article box goes on with the article when it holds this many paragraphs of prose
# and at most this share of link text.
TWIN_MIN_PARAGRAPHS = 3
TWIN_MAX_LINK_DENSITY = 0.2
# A listed twin's items may be links (products named in a recipe) up to this share of its text.
LISTED_MAX_LINK_DENSITY = 0.6
# ...and its items hold at least this share of its text.
LISTED_MIN_ITEMS_SHARE = 0.5


def listed_twins(best: etree._Element) -> tuple[list[etree._Element], etree._Element]:
    """Boxes of the template (same tag, same first class word) of the best container or of one of its
    `TWIN_LEVELS` wrappers, set before it, that open with a heading over a list or table: the
    article's items. They score as loss (short items), yet the template says they are its parts. In
    document order, with the box they are twins of (`best` or its wrapper)."""
    box: etree._Element | None = best
    for _ in range(TWIN_LEVELS + 1):
        if box is None or box.tag in ("body", "html"):
            break
        template = (box.get("class") or "").split()[:1]
        if template:
            twins = [
                sibling
                for sibling in box.itersiblings(preceding=True)
                if sibling.tag == box.tag
                and (sibling.get("class") or "").split()[:1] == template
                and _items_under_heading(sibling)
            ]
            if twins:
                return twins[::-1], box
        box = box.getparent()
    return [], best


def _items_under_heading(box: etree._Element) -> bool:
    """The box's first heading or item markup is a subheading (not the headline, <h1>), and a list or
    table follows it."""
    marks = [el.tag for el in box.iter(*_HEADINGS, *_ITEMS)]
    return bool(marks) and marks[0] in _HEADINGS and "h1" not in marks and any(m in _ITEMS for m in marks)


def article_twins(after: list[Block], kind: str, parent: tuple[int, ...]) -> set[int]:
    """Sibling boxes of the article box's own kind (a template's `div` per few paragraphs, split
    around a wide figure) that read as the article going on: paragraphs of prose, few links. A grid's
    next cell of the same class holds the page's related links or a disclaimer instead."""
    if not kind:
        return set()
    depth = len(parent)
    counts: dict[int, list[int]] = {}  # per twin: characters, link characters, paragraphs of prose
    for block in after:
        if block.path[:depth] != parent or len(block.kinds) <= depth or block.kinds[depth] != kind:
            continue
        count = counts.setdefault(block.path[depth], [0, 0, 0])
        count[0] += block.chars
        count[1] += block.link_chars
        count[2] += block.first_cls is _blocks.BlockClass.GOOD
    return {
        twin
        for twin, (chars, links, paragraphs) in counts.items()
        if paragraphs >= TWIN_MIN_PARAGRAPHS and links <= TWIN_MAX_LINK_DENSITY * chars
    }


def keep_listed_twins(blocks: list[Block], box: int | None) -> None:
    """Before the article's first paragraph, a box of the template of the article box (`box`, the
    `article_box` id) or of one of its `TWIN_LEVELS` wrappers, opening with a heading over a list or
    table of few enough links: the article's items (ingredients, specifications), all of it kept."""
    first = next(
        (i for i, b in enumerate(blocks) if b.cls is _blocks.BlockClass.GOOD and box in b.path), None
    )
    if box is None or first is None:
        return
    article = blocks[first]
    depth = article.path.index(box)
    for level in range(depth, max(depth - TWIN_LEVELS, 0) - 1, -1):
        kind, parent = article.kinds[level], article.path[:level]
        if not kind:
            continue
        twins: dict[int, list[Block]] = {}
        for block in blocks[:first]:
            if block.path[:level] == parent and len(block.kinds) > level and block.kinds[level] == kind:
                twins.setdefault(block.path[level], []).append(block)
        for members in twins.values():
            if _listed(members):
                for block in members:
                    if not block.final:
                        block.cls = _blocks.BlockClass.GOOD


def _listed(members: list[Block]) -> bool:
    """A subheading first, then mostly items of a list or table (`LISTED_MIN_ITEMS_SHARE` of the text),
    links at most `LISTED_MAX_LINK_DENSITY`; no headline (<h1>: the page's title sits above its items,
    a box holding it is the page's header)."""
    chars = sum(b.chars for b in members) or 1
    links = sum(b.link_chars for b in members)
    items = sum(b.chars for b in members if b.group)
    return (
        members[0].first_cls is _blocks.BlockClass.HEADING
        and members[0].tag != "h1"
        and not any(b.tag == "h1" for b in members)
        and items >= LISTED_MIN_ITEMS_SHARE * chars
        and links <= LISTED_MAX_LINK_DENSITY * chars
    )
