"""The items of a list the article keeps: a list of the article's points (a newsletter's highlights, a
product's features) holds some items that are one link ("Our year in review!", "Learn more about the
editor") or mostly links, which the rules and the model drop on their own as link furniture. When most
of the list's items are kept as the article's text, the list is the article's, and so are those items.
A caption, a label or a share line set into the list (an insert) and a rule's final drop stay out; so
do a button's label, what a box set inside an item holds (a product card's shop link, a teaser
card's headline): a list of points holds its words in the item or a paragraph directly in it; and a
pointer to another page, a short label and the page's linked title ("Compare: <a>...</a>")."""

from __future__ import annotations

from worker.clean.html_blocks import LIST_TAGS, Block, BlockClass
from worker.clean.selectors import TITLE_TAGS

# The list is the article's when at least this many of its items are kept, and this many times the
# items dropped.
MIN_KEPT = 2
KEPT_PER_DROPPED = 2
# A block this many levels under its list at most (ul > li > p) is the item's text.
ITEM_DEPTH = 3
# A pointer's label before its colon has at most this many words; its link holds this share of the rest.
POINTER_LABEL_WORDS = 3
POINTER_LINKED_SHARE = 0.8


def keep_whole_lists(blocks: list[Block]) -> None:
    """Keep every item of each list most of whose items are kept (see the module's doc)."""
    lists: dict[int, list[Block]] = {}
    for block in blocks:
        if block.in_list and block.group and block.group_tag in LIST_TAGS:
            lists.setdefault(block.group, []).append(block)
    for items in lists.values():
        items = [b for b in items if not (b.insert or b.in_caption or b.final or b.tag in TITLE_TAGS)]
        kept = sum(1 for block in items if block.cls is BlockClass.GOOD)
        dropped = len(items) - kept
        if dropped and kept >= MIN_KEPT and kept >= KEPT_PER_DROPPED * dropped:
            for block in items:
                if not block.control and _in_item(block) and not _is_pointer(block):
                    block.cls = BlockClass.GOOD


def _in_item(block: Block) -> bool:
    """The item's own text (<li>), or a block set directly in the item (<li><p>), not in a box in it."""
    path = block.path
    return block.group in path and len(path) - path.index(block.group) <= ITEM_DEPTH


def _is_pointer(block: Block) -> bool:
    """A short label, a colon, then a link: "Also: <a>another page's title</a>"."""
    label, colon, rest = block.text.partition(":")
    return (
        bool(colon)
        and len(label.split()) <= POINTER_LABEL_WORDS
        and 0 < len(rest.strip()) * POINTER_LINKED_SHARE <= block.link_chars
    )
