"""The context-sensitive stage of HTML cleaning, after jusText's `revise_paragraph_classification`.

revise_blocks(blocks)      short and near-good blocks and headings (linked ones too, inside the article)
                           take the class of the article text around them; the page edges count as
                           boilerplate; a near-good paragraph in the article's own box stays; <h1>s
                           heading its parts are headings; lists inside the article and its notes join
                           it; sections under a boilerplate heading, bylines, bio boxes, prompts go
drop_repeats(blocks)       the article's blocks, each text once
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from worker.clean.html_author_notes import drop_author_notes
from worker.clean.html_blocks import (
    GOOD_MIN_CHARS,
    SHORT_MAX_LINK_DENSITY,
    Block,
    BlockClass,
    group_runs,
    looks_like_prose,
    previous_text,
)
from worker.clean.html_charts import drop_chart_labels
from worker.clean.html_closing import closes_a_paragraph_run, join_closing_lines
from worker.clean.html_footnotes import keep_footnotes
from worker.clean.html_gallery import drop_inset_galleries
from worker.clean.html_linked import keep_linked_sentences
from worker.clean.html_sections import drop_boilerplate_sections, drop_teaser_cards, opens_boilerplate_section
from worker.clean.html_twins import article_twins, keep_listed_twins
from worker.clean.markers import HTML_TAIL_PROMPTS
from worker.clean.selectors import HEADING_TAGS, TITLE_TAGS

_TAIL_PROMPT = re.compile("|".join(HTML_TAIL_PROMPTS))
# A short line wholly inside one pair of full-width brackets.
_CJK_SECTION_MARKER = re.compile(
    r"^(?:＜[^＞]{1,20}＞|【[^】]{1,20}】|〈[^〉]{1,20}〉|《[^》]{1,20}》|〔[^〕]{1,20}〕|［[^］]{1,20}］)$"
)

TAIL_PROMPT_MAX_WORDS = 60
# Headings stay when article text follows within this many blocks.
HEADING_REACH = 2
# The standfirst sits this close under the headline (a date, a byline, a share bar between).
STANDFIRST_REACH = 6
# A list or table joins the article when it follows article text and its items carry few links...
GROUP_MAX_LINK_DENSITY = 0.2
# ...or, when article text also follows it, when links are at most this share of its text.
INNER_GROUP_MAX_LINK_DENSITY = 0.6
# The article's box is the deepest tag holding this share of the article's text.
ARTICLE_BOX_SHARE = 0.7
# This many <h1>s below the article's first paragraph are its section titles, not the headline.
INNER_TITLES_MIN = 2


def _is_anchor(block: Block) -> bool:
    return block.cls is BlockClass.GOOD or (block.cls is BlockClass.BAD and not block.insert)


def neighbours(blocks: list[Block]) -> tuple[list[BlockClass], list[BlockClass]]:
    """For each block, the class of the nearest good or bad block before it and after it, looking
    through inserts (captions, labels, share bars set into the text); the page edge counts as bad.
    One pass each way, so a page of thousands of short blocks costs no more than its length."""
    before: list[BlockClass] = []
    nearest = BlockClass.BAD
    for block in blocks:
        before.append(nearest)
        if _is_anchor(block):
            nearest = block.cls
    after: list[BlockClass] = []
    nearest = BlockClass.BAD
    for block in reversed(blocks):
        after.append(nearest)
        if _is_anchor(block):
            nearest = block.cls
    after.reverse()
    return before, after


def revise_blocks(blocks: list[Block], authors: Sequence[str] = ()) -> list[Block]:
    """jusText's revision: near-good text next to article text is article text; short text is only
    when article text surrounds it, or, inside the article's span, when it holds no link and
    article text stands on one side (a label, a one-line step), or, at the article's edges, when it is
    a sentence with no link set right against a paragraph of its box; a heading is when article text
    follows it closely."""
    drop_inset_galleries(blocks)
    drop_chart_labels(blocks)
    drop_teaser_cards(blocks)
    keep_linked_sentences(blocks)
    left, right = neighbours(blocks)
    near = [(i, left[i], right[i]) for i, b in enumerate(blocks) if b.cls is BlockClass.NEAR_GOOD]
    for i, before, after in near:
        good = BlockClass.GOOD in (before, after)
        blocks[i].cls = BlockClass.GOOD if good else BlockClass.BAD
    keep_boxed_near_good(blocks, [i for i, _, _ in near])
    left, right = neighbours(blocks)
    shorts = [(i, left[i], right[i]) for i, b in enumerate(blocks) if b.cls is BlockClass.SHORT]
    good = [i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD]
    first, last = (good[0], good[-1]) if good else (len(blocks), -1)  # the article's span
    classes = [b.cls for b in blocks]
    for i, before, after in shorts:
        both = before is BlockClass.GOOD and after is BlockClass.GOOD
        inside = first < i < last and not blocks[i].link_chars and BlockClass.GOOD in (before, after)
        blocks[i].cls = (
            BlockClass.GOOD
            if both or inside or closes_a_paragraph_run(blocks, classes, i)
            else BlockClass.BAD
        )
    join_closing_lines(blocks, [i for i, _, _ in shorts])
    keep_article_groups(blocks)
    drop_boilerplate_sections(blocks)
    drop_author_notes(blocks, authors)
    trim_tail_prompts(blocks)
    keep_listed_twins(blocks, drop_text_after_the_article_box(blocks), opens_boilerplate_section)
    keep_linked_subheadings(blocks)
    keep_standfirst(blocks)
    keep_footnotes(blocks)
    read_inner_titles(blocks)
    keep_headings(blocks)
    return blocks


def read_inner_titles(blocks: list[Block]) -> None:
    """<h1>s below the article's first paragraph, several of them, set in the box of its paragraphs,
    head its parts (an editor that sets every section title as <h1>): headings like any other, kept
    when article text follows. One alone there is the page's headline under a kicker or a teaser,
    which the metadata reads; one in a box of its own heads a landing page's next section."""
    first = next((i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD), len(blocks))
    boxes = paragraph_boxes(blocks)
    titles = [
        b
        for b in blocks[first + 1 :]
        if b.tag in TITLE_TAGS
        and not b.insert
        and b.link_density <= SHORT_MAX_LINK_DENSITY
        and b.path[:-1] in boxes
        and not opens_boilerplate_section(b)  # "Related stories" stays dropped
    ]
    if len(titles) >= INNER_TITLES_MIN:
        for block in [*titles, *_opening_title(blocks, first, boxes)]:
            block.cls = BlockClass.HEADING


def _opening_title(blocks: list[Block], first: int, boxes: set[tuple[int, ...]]) -> list[Block]:
    """On such a page, an <h1> just above the first paragraph, in its box, heads the first section,
    unless it is the page's first <h1>: that one is the headline. Only where the headline stands in a
    header box of its own: one set among the paragraphs may run on in a second <h1> (a deck)."""
    before = blocks[first - 1] if 0 < first <= len(blocks) else None
    headline = next((b for b in blocks if b.tag in TITLE_TAGS), None)
    if (
        before is None
        or before is headline
        or headline.path[:-1] in boxes
        or before.tag not in TITLE_TAGS
        or before.insert
        or before.link_density > SHORT_MAX_LINK_DENSITY
        or before.path[:-1] not in boxes
    ):
        return []
    return [before]


def paragraph_boxes(blocks: list[Block]) -> set[tuple[int, ...]]:
    """The tags that directly hold a kept paragraph: the boxes of the article's text."""
    return {b.path[:-1] for b in blocks if b.cls is BlockClass.GOOD}


def keep_boxed_near_good(blocks: list[Block], near: list[int]) -> None:
    """A near-good paragraph of prose inside the article's span, in the box that holds the article's
    paragraphs, is the article's even where a short linked line stands on each side of it (a "main
    article" pointer under each subheading, a caption): furniture sits in boxes of its own."""
    good = [i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD]
    if not good:
        return
    boxes = paragraph_boxes(blocks)
    for i in near:
        block = blocks[i]
        if (
            block.cls is BlockClass.BAD
            and good[0] < i < good[-1]
            and not block.insert
            and block.path[:-1] in boxes
            and looks_like_prose(block.text)
        ):
            block.cls = BlockClass.GOOD


def keep_headings(blocks: list[Block]) -> None:
    """A heading is the article's when article text, or a kept subheading of its own, follows it
    closely (a part's title, a chapter's, the text): read from the end, subheadings judged first.
    Closely is counted past captions: a photo's caption and credit set between a subheading and its
    text do not part them (other inserts do: a box of links under a "See also" heading)."""
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.cls is BlockClass.HEADING:
            following = (blocks[j] for j in range(i + 1, len(blocks)) if not blocks[j].in_caption)
            ahead = list(islice(following, HEADING_REACH))
            # text, or a heading of a lower rank (<h3> under <h2>)
            under = [b for b in ahead if b.tag not in HEADING_TAGS or b.tag > block.tag]
            block.cls = BlockClass.GOOD if any(b.cls is BlockClass.GOOD for b in under) else BlockClass.BAD


def keep_linked_subheadings(blocks: list[Block]) -> None:
    """A subheading that links to what it names (a product, a tool, a place) and heads article text,
    inside the article's span, is the article's, however much of it is a link. (Cards of other pages
    after the article went before: their linked headlines head no article text.)"""
    good = [i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD]
    if not good:
        return
    for i in range(good[0] + 1, good[-1]):
        block = blocks[i]
        if block.tag not in HEADING_TAGS or block.cls is not BlockClass.BAD or block.insert:
            continue
        if opens_boilerplate_section(block):
            continue  # "Related stories": dropped for what it says, not for its links
        end = next((j for j in range(i + 1, len(blocks)) if blocks[j].tag in HEADING_TAGS), len(blocks))
        if any(b.cls is BlockClass.GOOD for b in blocks[i + 1 : end]):
            block.cls = BlockClass.GOOD


def keep_standfirst(blocks: list[Block]) -> None:
    """The standfirst: a subheading that reads as a sentence, set just under the page's headline and
    before the article's first paragraph (a date, a byline, a share bar between), is the article's
    lead, not a section title."""
    title = next((i for i, b in enumerate(blocks) if b.tag in TITLE_TAGS), None)
    if title is None:
        return
    for block in blocks[title + 1 : title + 1 + STANDFIRST_REACH]:
        if block.cls is BlockClass.GOOD:
            return
        if (
            block.tag in HEADING_TAGS
            and block.chars >= GOOD_MIN_CHARS
            and not block.link_chars
            and looks_like_prose(block.text)
        ):
            block.cls = BlockClass.GOOD
            return


def article_box(blocks: list[Block]) -> int | None:
    """id() of the deepest tag that holds most of the article's text (`ARTICLE_BOX_SHARE`)."""
    chars: dict[tuple[int, int], int] = {}
    total = 0
    for block in blocks:
        if block.cls is BlockClass.GOOD:
            n = block.chars
            total += n
            for key in enumerate(block.path[:-1]):
                chars[key] = chars.get(key, 0) + n
    held = [key for key, n in chars.items() if n >= ARTICLE_BOX_SHARE * total]
    return max(held)[1] if held else None


def drop_text_after_the_article_box(blocks: list[Block]) -> int | None:
    """Text after the last paragraph of the box that holds the article, outside that box, is the
    page's, however well it reads: a bio, a disclaimer, a sign-up pitch, a teaser of another page.
    Except the article's next parts: a twin of the box that reads as the article goes on
    (`article_twins`), or a sibling box under a CJK section marker. Returns the box (`article_box`)."""
    box = article_box(blocks)
    if box is None:
        return None
    last = max(i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD and box in b.path)
    depth = blocks[last].path.index(box)
    parent = blocks[last].path[:depth]
    twins = article_twins(blocks[last + 1 :], blocks[last].kinds[depth], parent)
    section = False  # in a next section of the article: a sibling box under its own subheading
    for block in blocks[last + 1 :]:
        beside = block.path[: len(parent)] == parent and box not in block.path
        if beside and opens_article_section(block):
            section = True
        elif block.cls is BlockClass.GOOD and box not in block.path:
            if not (beside and (section or (len(block.path) > depth and block.path[depth] in twins))):
                block.cls = BlockClass.BAD
        elif block.cls is BlockClass.BAD and not block.insert:
            section = False
    return box


def opens_article_section(block: Block) -> bool:
    """A section marker of CJK text: a short subheading set in full-width brackets ("＜震度5弱＞",
    "【詳しく】"). The text under it goes on with the article, even in a box of its own."""
    return (
        block.first_cls is BlockClass.HEADING
        and not block.link_chars
        and _CJK_SECTION_MARKER.match(block.text) is not None
    )


def trim_tail_prompts(blocks: list[Block]) -> None:
    """The article's last blocks, while they carry a prompt (follow, sign up, subscribe), are its
    sign-off and the site's promotion, not its text."""
    for block in reversed(blocks):
        if block.cls is not BlockClass.GOOD:
            continue
        if len(block.text.split()) > TAIL_PROMPT_MAX_WORDS or not _TAIL_PROMPT.search(block.text.lower()):
            return
        block.cls = BlockClass.BAD


def _announces(blocks: list[Block], index: int | None) -> Block | None:
    """The line before a list when it announces it ("Many patches were sent:"): plain text, not a
    heading, ending with a colon."""
    if index is None:
        return None
    intro = blocks[index]
    plain = intro.link_density <= GROUP_MAX_LINK_DENSITY and intro.first_cls is not BlockClass.HEADING
    return intro if plain and intro.text.rstrip().endswith(":") else None


def keep_article_groups(blocks: list[Block]) -> None:
    """A list or table that follows article text (a paragraph, an intro ending in ":", a subheading
    after article text), whose items are plain text, belongs to the article even when its items are
    short: rows, steps, ingredients, results. One with article text on both sides belongs to it even
    when its items carry links (a roundup's linked lead-ins, a list of addresses), and even when its
    items are links, if a line ending in a colon announces it (a changelog, a list of sources)."""
    # The article's span: from its first paragraph (as revised) to its last (as read alone).
    first_good = next((i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD), len(blocks))
    last_good = max((i for i, b in enumerate(blocks) if b.first_cls is BlockClass.GOOD), default=-1)
    for start, end in group_runs(blocks):
        items = blocks[start:end]
        chars = sum(b.chars for b in items) or 1
        links = sum(b.link_chars for b in items)
        inserts = any(b.insert or b.soft_named for b in items)
        announced = _announces(blocks, previous_text(blocks, start))
        if (
            not inserts
            and (links <= INNER_GROUP_MAX_LINK_DENSITY * chars or announced is not None)
            and first_good < start
            and last_good >= end
        ):
            for block in items:
                block.cls = BlockClass.GOOD
            if announced is not None:
                announced.cls = BlockClass.GOOD
            continue
        if links > GROUP_MAX_LINK_DENSITY * chars:
            continue
        if any(b.first_cls in (BlockClass.BAD, BlockClass.HEADING) for b in items):
            continue  # only plain short items: rows, steps, results
        before = previous_text(blocks, start)
        if before is None:
            continue
        intro = blocks[before]
        subheading = intro.first_cls is BlockClass.HEADING and any(
            b.cls is BlockClass.GOOD for b in blocks[:before]
        )
        if intro.cls is BlockClass.GOOD or intro.text.endswith(":") or subheading:
            intro.cls = BlockClass.GOOD
            for block in items:
                block.cls = BlockClass.GOOD
