"""An article split over one template's boxes (the tag and its first class word repeated side by
side): a `div` per few paragraphs split around a wide figure, or a recipe's or product's boxes, its
items (ingredients, specifications) under a heading in the first box, its prose in the next.

    listed_twins(best)          lxml: the boxes of the best container's template right before it,
                                holding a list or table under a heading
    article_twins(after, ...)   blocks: the twins after the article box that read as it going on
    keep_listed_twins(blocks)   blocks: the heading and items of a listed twin before the article
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

# The cut stage (html_cut) imports this module before the block stage (html_blocks, which imports
# html_cut) is done: the block stage's names are read when the block-stage functions run.
import worker.clean.html_blocks as _blocks
import worker.clean.html_walk as _walk
from worker.clean.selectors import HEADING_TAGS

if TYPE_CHECKING:
    from worker.clean.html_blocks import Block

# At most this many boxes of the best container's template, set right before it, are its items.
TWIN_MAX = 3
# The article box's twins are looked for beside it and beside this many of its wrappers.
TWIN_LEVELS = 2
_HEADINGS = ("h1", *sorted(HEADING_TAGS))
_ENTRIES = ("li", "dt", "tr")
# A twin after the article box goes on with the article when it holds this many paragraphs of prose
# and at most this share of link text.
TWIN_MIN_PARAGRAPHS = 3
TWIN_MAX_LINK_DENSITY = 0.2
# A listed twin's items may be links (products named in a recipe) up to this share of its text...
LISTED_MAX_LINK_DENSITY = 0.6
# ...and its items hold at least this share of its text.
LISTED_MIN_ITEMS_SHARE = 0.5
# A list whose items open with a link this often is a list of other pages' headlines.
LINK_LED_SHARE = 0.5


def _template(element: etree._Element) -> tuple[str, str]:
    return element.tag, next(iter((element.get("class") or "").split()), "")


def listed_twins(best: etree._Element) -> list[etree._Element]:
    """Of the boxes of the best container's template (same tag, same first class word) set right
    before it (at most `TWIN_MAX`, boxes with no text passed over), those that open with a heading
    over a list or table whose entries are not led by links: the article's items (ingredients,
    specifications). They score as loss (short items), yet the template says they are its parts.
    In document order. One pass over the siblings before it, however many there are."""
    template = _template(best)
    if not template[1]:
        return []
    run: list[etree._Element] = []  # the template's boxes right before it, nearest first
    for sibling in best.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str) or not sibling.text_content().strip():
            continue
        if _template(sibling) != template:
            break
        run.append(sibling)
        if len(run) == TWIN_MAX:
            break
    return [twin for twin in reversed(run) if _items_under_heading(twin)]


def _items_under_heading(box: etree._Element) -> bool:
    """The box's first heading or item markup is a subheading (not the headline, <h1>), a list or
    table follows it, and its entries are not mostly led by a link (a teaser list of other pages)."""
    marks = [el.tag for el in box.iter(*_HEADINGS, *_walk.GROUP_TAGS)]
    if (
        not marks
        or marks[0] not in _HEADINGS
        or "h1" in marks
        or not any(m in _walk.GROUP_TAGS for m in marks)
    ):
        return False
    entries = [el for el in box.iter(*_ENTRIES) if el.text_content().strip()]
    return sum(map(_link_led, entries)) <= LINK_LED_SHARE * len(entries)


def _link_led(entry: etree._Element) -> bool:
    """The entry's first text is a link's."""
    node = entry
    while not (node.text or "").strip() and len(node):
        node = node[0]
        if node.tag == "a":
            return True
    return False


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


def keep_listed_twins(
    blocks: list[Block], box: int | None, opens_section: Callable[[Block], bool] = lambda block: False
) -> None:
    """Right before the article's first paragraph, boxes of the template of the article box (`box`, the
    `article_box` id) or of one of its `TWIN_LEVELS` wrappers (inside the subtrees the cut chose),
    opening with a heading over a list or table of few enough links, not led by links: the article's
    items (ingredients, specifications), all of them kept. At most `TWIN_MAX` boxes, each next to the
    one after it; the article's own box is not its twin. Not a box whose first block `opens_section`
    (a "Related stories" box of the article's own template: the boilerplate section it opens stays
    dropped)."""
    first = next(
        (i for i, b in enumerate(blocks) if b.cls is _blocks.BlockClass.GOOD and box in b.path), None
    )
    if box is None or first is None:
        return
    article = blocks[first]
    depth = article.path.index(box)
    for level in range(depth, max(depth - TWIN_LEVELS, 0) - 1, -1):
        kind, parent, own = article.kinds[level], article.path[:level], article.path[level]
        if not kind:
            continue
        twins: list[list[Block]] = []  # the boxes right before the article's, nearest first
        for block in reversed(blocks[:first]):
            if len(block.path) <= level or block.path[:level] != parent or block.kinds[level] != kind:
                break
            if block.path[level] == own:  # the article's own box, above its first paragraph
                continue
            if twins and twins[-1][0].path[level] == block.path[level]:
                twins[-1].append(block)
            elif len(twins) < TWIN_MAX:
                twins.append([block])
            else:
                break
        for members in twins:
            members.reverse()
            if _listed(members, level) and not opens_section(members[0]):
                for block in members:
                    if not block.final:
                        block.cls = _blocks.BlockClass.GOOD


def _listed(members: list[Block], level: int) -> bool:
    """A subheading first, then mostly items of a list or table (`LISTED_MIN_ITEMS_SHARE` of the text),
    links at most `LISTED_MAX_LINK_DENSITY`, entries not mostly led by links; no headline (<h1>: the
    page's title sits above its items, a box holding it is the page's header)."""
    chars = sum(b.chars for b in members) or 1
    links = sum(b.link_chars for b in members)
    items = [b for b in members if b.group and b.group in b.path[level + 1 :]]  # lists inside the twin
    return (
        members[0].first_cls is _blocks.BlockClass.HEADING
        and members[0].tag != "h1"
        and not any(b.tag == "h1" for b in members)
        and sum(b.chars for b in items) >= LISTED_MIN_ITEMS_SHARE * chars
        and links <= LISTED_MAX_LINK_DENSITY * chars
        and sum(b.starts_with_link for b in items) <= LINK_LED_SHARE * len(items)
    )
