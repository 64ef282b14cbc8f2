"""The BeautifulSoup stages of HTML cleaning, after jusText: blocks (`html_walk`), then classes
(revision: html_revise).

classify_blocks(blocks)    context-free: each block alone is good, near-good, short, heading or bad
keep_linked_sentences      a too-linked paragraph between two paragraphs is near-good (revision's first step)
"""

from __future__ import annotations

import re
from itertools import islice

from worker.clean.credits import closes_with_credit
from worker.clean.html_disclosures import is_disclosure
from worker.clean.html_walk import (
    GOOD_MIN_CHARS,
    LIST_TAGS,
    Block,
    BlockClass,
)
from worker.clean.markers import (
    HTML_LEADING_MARKERS,
    HTML_WHOLE_MARKERS,
)
from worker.clean.selectors import (
    HEADING_TAGS,
    TITLE_TAGS,
)

_WHOLE = re.compile(r"^\W*(?:" + "|".join(HTML_WHOLE_MARKERS) + r")\W*$")
_LEADING = re.compile(r"^\W{0,3}(?:" + "|".join(HTML_LEADING_MARKERS) + r")")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# Closing quotation marks of every convention: "…", “…” and ‘…’ (English), „…“ and ‚…‘ (German,
# Czech), «…» (French), »…« (German, Danish), ‹…›.
_CLOSING_QUOTES = "\"'”“’‘»«›‹"
# A blog's sentence may end in a pictograph or an emoticon instead of a full stop ("... 😉", ":-)").
_EMOJI_END = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?|[:;=]-?[)(DPp]"
_SENTENCE_END = re.compile(rf"(?:[.!?…:;{_CLOSING_QUOTES})\]。！？」』）]|{_EMOJI_END})\s*$")
# A sentence's end is at most three characters (":-)") before the trailing space: searched from there,
# not tried at every position of a long paragraph.
_END_REACH = 4
_SENTENCE_INSIDE = re.compile(rf"\w[.!?][{_CLOSING_QUOTES})]?\s+\w|[。！？]")

# Thresholds, in characters of a block's collapsed text.
NEAR_GOOD_MIN_CHARS = 30
MAX_LINK_DENSITY = 0.3
SHORT_MAX_LINK_DENSITY = 0.5
MARKER_MAX_WORDS = 12
URL_MAX_SHARE = 0.5
# A block broken by <br> into this many lines is written text even without sentence punctuation.
LINES_MIN = 3
ROW_TAGS = frozenset({"tr", "td", "th"})
# A list is a list of headlines when this many, and this share, of its items open with a link.
HEADLINE_LIST_MIN_ITEMS = 3
HEADLINE_LIST_SHARE = 0.6


def is_marker(text: str) -> bool:
    """A short block that is, or starts as, a share button, ad label, prompt, pointer or credit."""
    if len(text.split(maxsplit=MARKER_MAX_WORDS)) > MARKER_MAX_WORDS:
        return False  # more words than a marker has (a paragraph is not split to its end to say so)
    lowered = text.lower()
    return _WHOLE.match(lowered) is not None or _LEADING.match(lowered) is not None


def is_mostly_urls(text: str) -> bool:
    """Addresses printed as text (image data, tracking links) are not prose."""
    if "://" not in text and "www." not in text:
        return False
    return sum(len(m) for m in _URL.findall(text)) > URL_MAX_SHARE * len(text)


def ends_as_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text, max(0, len(text.rstrip()) - _END_REACH)) is not None


def looks_like_prose(text: str) -> bool:
    """Sentence shape: ends as a sentence does, or holds a sentence boundary."""
    return ends_as_sentence(text) or _SENTENCE_INSIDE.search(text) is not None


def is_prose_in_heading(block: Block, scale: float = 1.0) -> bool:
    """A heading tag used for a paragraph (an editor that styles text by heading levels): sentences,
    more than one, of paragraph length. A subheading is one phrase or one sentence."""
    return (
        block.chars * scale >= GOOD_MIN_CHARS
        and _SENTENCE_INSIDE.search(block.text) is not None
        and ends_as_sentence(block.text)
    )


def _is_lines(block: Block) -> bool:
    """Lines set one under another with <br> in a paragraph (not in a table, where cells break)."""
    return block.lines >= LINES_MIN and block.tag not in ROW_TAGS


def classify_block(block: Block, scale: float = 1.0) -> BlockClass:
    """Context-free class of one block; `scale` weighs characters of ideographic scripts."""
    chars = block.chars * scale
    if block.tag in TITLE_TAGS:
        return BlockClass.BAD
    if (
        block.in_caption
        or is_marker(block.text)
        or is_mostly_urls(block.text)
        or (
            block.soft_named
            and block.tag not in HEADING_TAGS
            and (chars < block.soft_min_chars or not looks_like_prose(block.text))
        )
    ):
        block.insert = not block.control  # a control's label: the blocks around it do not read through
        return BlockClass.BAD
    if block.link_density > SHORT_MAX_LINK_DENSITY:
        return BlockClass.BAD
    if is_disclosure(block.text):
        block.insert = block.final = True
        return BlockClass.BAD
    if block.tag in HEADING_TAGS:
        # A heading tag set around sentences of paragraph length is text; what stands around it
        # says whether it is the article's (a promotion styled as a heading stands alone).
        return BlockClass.NEAR_GOOD if is_prose_in_heading(block, scale) else BlockClass.HEADING
    if block.link_density > MAX_LINK_DENSITY:
        if (block.chars - block.link_chars) * scale >= GOOD_MIN_CHARS and looks_like_prose(block.text):
            return BlockClass.NEAR_GOOD  # a linked lead-in, then text of its own: context decides
        return BlockClass.BAD if block.in_list else BlockClass.SHORT
    if chars >= GOOD_MIN_CHARS and (looks_like_prose(block.text) or _is_lines(block)):
        return BlockClass.GOOD  # sentences, or lines set one under another (a schedule, a poem)
    if chars >= GOOD_MIN_CHARS or (chars >= NEAR_GOOD_MIN_CHARS and looks_like_prose(block.text)):
        return BlockClass.NEAR_GOOD
    return BlockClass.SHORT


def classify_blocks(blocks: list[Block], scale: float = 1.0) -> list[Block]:
    for block in blocks:
        block.cls = block.first_cls = classify_block(block, scale)
    drop_credited_captions(blocks)
    drop_headline_lists(blocks)
    if not any(block.cls is BlockClass.GOOD for block in blocks):
        # No block reads as a paragraph on its own (a short note, a table): the best there is counts.
        for block in blocks:
            if block.cls is BlockClass.NEAR_GOOD:
                block.cls = BlockClass.GOOD
    return blocks


def drop_credited_captions(blocks: list[Block]) -> None:
    """A caption set as a paragraph, known by the picture's credit closing it, is an insert, when the
    page has paragraphs of its own beside it: a short news item signed by its agency is the text."""
    credited = [b for b in blocks if b.cls is not BlockClass.BAD and closes_with_credit(b.text)]
    ids = {id(b) for b in credited}
    if not credited or not any(b.cls is BlockClass.GOOD and id(b) not in ids for b in blocks):
        return
    for block in credited:
        block.cls = block.first_cls = BlockClass.BAD
        block.insert = block.in_caption = True


def drop_headline_lists(blocks: list[Block]) -> None:
    """A list whose items mostly open with a link is a list of other pages' headlines (with their
    teasers), however much text each item carries. Not when article text leads into it and goes on
    after it: then it is the article's own roundup of linked lead-ins. A layout table's prose in few runs
    (one to two linked runs or fewer: a headline table pairs each headline with its teaser) holding most
    of its text, and more than all paragraphs before it (else a comment under the article), is the article."""
    for start, end in group_runs(blocks):
        if is_sandwiched(blocks, start, end, before_classes=(BlockClass.GOOD, BlockClass.NEAR_GOOD)):
            continue
        items = blocks[start:end]
        linked = sum(1 for b in items if b.starts_with_link)
        if linked >= HEADLINE_LIST_MIN_ITEMS and linked >= HEADLINE_LIST_SHARE * len(items):
            prose = {id(b): b.chars for b in items if b.cls is BlockClass.GOOD and not b.starts_with_link}
            spared = items[0].group_tag not in LIST_TAGS and 2 * len(prose) <= linked
            spared = spared and 2 * (text := sum(prose.values())) > sum(b.chars for b in items)
            spared = spared and text > sum(b.chars for b in blocks[:start] if b.cls is BlockClass.GOOD)
            for block in (b for b in items if not (spared and id(b) in prose)):
                block.cls = block.first_cls = BlockClass.BAD


def group_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """(start, end) of each run of two or more blocks of the same list or table. A list nested in an
    item of a list is part of its run: the items after the sublist go on with the items before it. (Not
    so a table's: a layout table holds lists and tables of every kind.)"""
    runs, start = [], 0
    for i in range(1, len(blocks) + 1):
        if i == len(blocks) or not blocks[start].group or not _same_run(blocks[start], blocks[i]):
            if blocks[start].group and i - start >= 2:
                runs.append((start, i))
            start = i
    return runs


def _same_run(first: Block, block: Block) -> bool:
    """`block` goes on with the list or table `first` opened: an item of it, or of a list nested in it."""
    if block.group == first.group:
        return True
    return first.group_tag in LIST_TAGS and block.group_tag in LIST_TAGS and first.group in block.path


def is_sandwiched(
    blocks: list[Block], start: int, end: int, before_classes: tuple[BlockClass, ...] = ()
) -> bool:
    """Article text right before the list and right after it: the list is inside the article.
    Before revision, `before_classes` says which first classes count as article text before it."""
    before = previous_text(blocks, start)
    if before is None:
        return False
    intro = blocks[before]
    if before_classes:
        if intro.first_cls not in before_classes:
            return False
    elif intro.cls is not BlockClass.GOOD:
        return False
    after = list(islice((b.first_cls for b in blocks[end:] if not (b.in_caption or b.soft_named)), 2))
    return after[:1] == [BlockClass.GOOD] or after == [BlockClass.HEADING, BlockClass.GOOD]


def previous_text(blocks: list[Block], index: int) -> int | None:
    """The nearest block before `index` that is not a caption or a named furniture block."""
    for i in range(index - 1, -1, -1):
        if not (blocks[i].in_caption or blocks[i].soft_named):
            return i
    return None
