"""Sections and cards that are not the article: what a boilerplate heading or lone line ("Related
articles", "About the author", "Comments") opens, and grids of teaser cards of other pages after it.
Steps of the HTML revision (`clean.html_revise`); the fallback reads the sections too."""

from __future__ import annotations

import re

from worker.clean.html_blocks import SHORT_MAX_LINK_DENSITY, Block, BlockClass
from worker.clean.markers import HTML_NOTE_SECTION_MARKERS, HTML_SECTION_MARKERS
from worker.clean.selectors import HEADING_TAGS, TITLE_TAGS

_SECTION = re.compile(r"^\W*(?:" + "|".join((*HTML_SECTION_MARKERS, *HTML_NOTE_SECTION_MARKERS)) + r")\W*$")

SECTION_MARKER_MAX_WORDS = 6
# Teaser cards: a heading at least this much link, then at most this many blocks with one teaser of
# at most this many characters; this many cards in a row make a grid of other pages.
CARD_HEADLINE_MIN_LINK_DENSITY = 0.9
CARD_MAX_BLOCKS = 4
CARD_TEASER_MAX_CHARS = 400
CARD_MIN_RUN = 3
# ...and they follow at least this share of their teasers' length in article text.
CARD_ARTICLE_SHARE = 0.5


def _is_linked_headline(block: Block) -> bool:
    return block.tag in HEADING_TAGS and block.link_density >= CARD_HEADLINE_MIN_LINK_DENSITY


def drop_teaser_cards(blocks: list[Block]) -> None:
    """Cards of other pages after the article: a linked headline, at most one short teaser, a date
    or a byline, again and again, and no article text after them. However well the teasers read,
    such a run is a grid of links to other pages. A page that is mostly such cards (an index, a
    listicle of linked items) is left alone: its cards are its content."""
    starts = [i for i, b in enumerate(blocks) if _is_linked_headline(b)]
    if len(starts) < CARD_MIN_RUN:
        return
    nexts = [*starts[1:], len(blocks)]
    run: list[tuple[int, int]] = []
    for start, following in [*zip(starts, nexts, strict=True), (len(blocks), len(blocks))]:
        end = min(following, start + 1 + CARD_MAX_BLOCKS)
        text = [b for b in blocks[start + 1 : end] if b.first_cls in (BlockClass.GOOD, BlockClass.NEAR_GOOD)]
        card = start < len(blocks) and len(text) <= 1 and all(b.chars <= CARD_TEASER_MAX_CHARS for b in text)
        if card and (not run or run[-1][1] == start):
            run.append((start, end))
            continue
        if len(run) >= CARD_MIN_RUN and _follows_the_article(blocks, run[0][0], run[-1][1]):
            for block in blocks[run[0][0] : run[-1][1]]:
                block.cls = BlockClass.BAD
        run = [(start, end)] if card else []


def _follows_the_article(blocks: list[Block], start: int, end: int) -> bool:
    """Article text before `start` (at least half as long as the run's teasers, or any under a heading
    that announces other pages), and none after `end`;
    and the run is not more items of a list whose earlier items are article text (an index of entries,
    some with links to more)."""
    if any(b.first_cls is BlockClass.GOOD for b in blocks[end:]):
        return False
    group = blocks[start].group
    if group and any(b.group == group and b.first_cls is BlockClass.GOOD for b in blocks[:start]):
        return False
    before = sum(b.chars for b in blocks[:start] if b.first_cls is BlockClass.GOOD)
    if before and start and opens_boilerplate_section(blocks[start - 1]):
        return True  # announced as other pages ("Recommended for you"): however many, they are not its
    teasers = sum(
        b.chars for b in blocks[start:end] if b.first_cls in (BlockClass.GOOD, BlockClass.NEAR_GOOD)
    )
    return before >= CARD_ARTICLE_SHARE * teasers


def opens_boilerplate_section(block: Block) -> bool:
    """A heading or lone short line such as "Related articles", "About the author", "Comments"."""
    return (
        len(block.text.split()) <= SECTION_MARKER_MAX_WORDS and _SECTION.match(block.text.lower()) is not None
    )


def drop_boilerplate_sections(blocks: list[Block]) -> None:
    """Everything under a boilerplate section heading is boilerplate: the list of related links, the
    bio, the comments. The section ends with the box that holds its heading, or at the next heading
    that is not a link. A lone line ("Related articles" in a <div>) opens one only after article text;
    set among the article's own paragraphs (in their box, after one of them), it labels one linked item
    only (a list of links, a teaser): a paragraph of that box read alone as text after that item, or
    right after the line when its item is already gone (a list of links pruned from the tree) and the
    paragraph names no link, is the article going on past an inserted slot."""
    box: int | None = None
    among: tuple[int, ...] | None = None  # the article's box, when a lone line stands among its paragraphs
    items: dict[int, bool] = {}  # the items (a block, or a list or table) dropped under the line: linked?
    kept: set[tuple[int, ...]] = set()  # the boxes that hold a paragraph kept so far
    for i, block in enumerate(blocks):
        is_heading = block.tag in HEADING_TAGS
        if opens_boilerplate_section(block) and (
            is_heading or (bool(kept) and block.first_cls is not BlockClass.GOOD)
        ):
            box = block.path[-2] if len(block.path) >= 2 else 0
            among = block.path[:-1] if not is_heading and block.path[:-1] in kept else None
            items = {}
            block.cls = BlockClass.BAD
            continue
        if box is not None and ((box and box not in block.path) or _ends_a_section(block)):
            box = None
        labelled = list(items.values()) == [True] or not (items or block.link_chars)
        if box is not None and among is not None and labelled and _goes_on(blocks, i, among):
            box = None
        if box is not None:
            block.cls = BlockClass.BAD
            key = block.group or id(block)
            items[key] = items.get(key, False) or block.link_chars > 0
        if block.cls is BlockClass.GOOD:
            kept.add(block.path[:-1])


def _goes_on(blocks: list[Block], i: int, box: tuple[int, ...]) -> bool:
    """A paragraph of the article's box that reads as text alone, and is not followed right away in
    that box by a linked item (teaser cards repeat: a linked headline, a summary, a linked headline):
    the article goes on."""
    block = blocks[i]
    if not (block.path[:-1] == box and block.first_cls is BlockClass.GOOD and not block.group):
        return False
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    if after is None or after.path[: len(box)] != box or opens_boilerplate_section(after):
        return True
    return after.first_cls is BlockClass.GOOD or 2 * after.link_chars < after.chars


def _ends_a_section(block: Block) -> bool:
    """A heading read as one by the first pass, or an <h1> that is not a link (the first pass reads
    an <h1> as the page's title, but an editor that sets section titles as <h1>s ends a part with one)."""
    if block.tag in HEADING_TAGS:
        return block.first_cls is BlockClass.HEADING
    return block.tag in TITLE_TAGS and block.link_density <= SHORT_MAX_LINK_DENSITY
