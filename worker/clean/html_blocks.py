"""The BeautifulSoup stages of HTML cleaning, after jusText: blocks, then classes (revision: html_revise).

make_blocks(soup)          the text blocks in document order, each with its features
classify_blocks(blocks)    context-free: each block alone is good, near-good, short, heading or bad
keep_linked_sentences      a too-linked paragraph between two paragraphs is near-good (revision's first step)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData

from worker.clean.credits import closes_with_credit
from worker.clean.html_cut import name_parts
from worker.clean.html_disclosures import is_disclosure
from worker.clean.html_furniture_size import is_furniture_sized
from worker.clean.markers import (
    HTML_LEADING_MARKERS,
    HTML_WHOLE_MARKERS,
)
from worker.clean.selectors import (
    BLOCK_TAGS,
    BOILERPLATE_PARTS,
    CAPTION_TAGS,
    CELL_TAGS,
    COMMENT_PARTS,
    CONTENT_PARTS,
    GATE_PARTS,
    HEADING_TAGS,
    LOOSE_SOFT_PARTS,
    SOFT_PARTS,
    TITLE_TAGS,
    is_live_commentary,
)

# Characters that print nothing: a soft hyphen (a line-break hint inside a word), zero-width spaces, a
# word joiner, a byte-order mark. Kept, they cut a word in two for every reader and search.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")

_TEXT_TYPES = (NavigableString, CData)
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
GOOD_MIN_CHARS = 80
NEAR_GOOD_MIN_CHARS = 30
MAX_LINK_DENSITY = 0.3
SHORT_MAX_LINK_DENSITY = 0.5
MARKER_MAX_WORDS = 12
URL_MAX_SHARE = 0.5
# A block broken by <br> into this many lines is written text even without sentence punctuation.
LINES_MIN = 3
ROW_TAGS = frozenset({"tr", "td", "th"})
# A soft-named block (caption, byline, author...) is text only when it is this long.
SOFT_GOOD_MIN_CHARS = 500
# A soft-named container this long is a wrapper of the article, not a caption or a byline box.
SOFT_MAX_CHARS = 1200
# A list or table joins the article when it follows article text and its items carry few links.
GROUP_TAGS = frozenset({"ul", "ol", "dl", "table"})
LIST_TAGS = frozenset({"ul", "ol", "dl"})
# A list is a list of headlines when this many, and this share, of its items open with a link.
HEADLINE_LIST_MIN_ITEMS = 3
HEADLINE_LIST_SHARE = 0.6


class BlockClass(StrEnum):
    GOOD = "good"
    NEAR_GOOD = "near_good"
    SHORT = "short"
    HEADING = "heading"
    BAD = "bad"


@dataclass(slots=True)
class Block:
    """One run of text between block-level tags, with what the classifier needs to know about it."""

    text: str
    tag: str
    link_chars: int = 0
    in_caption: bool = False
    soft_named: bool = False
    # Lines the block's text is broken into by <br>.
    lines: int = 1
    # How long a soft-named block's prose must be to count as text.
    soft_min_chars: int = 0
    in_list: bool = False
    group: int = 0
    # The tag of the list or table `group` names ("ul", "table"; "" outside one).
    group_tag: str = ""
    starts_with_link: bool = False
    # id() of the tags this block sits in, outermost first: which box a block belongs to.
    path: tuple[int, ...] = ()
    # The same tags' kinds ("div.section-inner": the tag and its first class word): which boxes are
    # one template's, repeated.
    kinds: tuple[str, ...] = ()
    cls: BlockClass = BlockClass.SHORT
    first_cls: BlockClass = BlockClass.SHORT
    # Boilerplate set into the text (a caption, an ad label, a share bar): not an edge of the article.
    insert: bool = False
    # Dropped by a rule no model overturns (the site's disclosure).
    final: bool = False

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def link_density(self) -> float:
        chars = len(self.text)
        return self.link_chars / chars if chars else 0.0


@dataclass(slots=True)
class _Context:
    tag: str
    caption: str
    soft_named: bool
    soft_min_chars: int
    in_list: bool
    in_link: bool
    group: int
    group_tag: str
    path: tuple[int, ...]
    kinds: tuple[str, ...]


def make_blocks(soup: BeautifulSoup) -> list[Block]:
    """Walk the tree once; every block-level tag closes the running block and opens a new one."""
    blocks: list[Block] = []
    parts: list[str] = []
    link_chars = [0]
    lead_link = [False]
    has_text = [False]
    breaks = [0]

    def flush(context: _Context) -> None:
        if not parts:
            return  # nothing read since the last block: its counts are still at zero
        text = "".join(parts)
        if _has_invisible(text):
            text = INVISIBLE.sub("", text)
        text = " ".join(text.split())  # str.split's whitespace is the regex's \s: runs to one space
        if text:
            blocks.append(
                Block(
                    text=text,
                    tag=context.tag,
                    link_chars=min(link_chars[0], len(text)),
                    in_caption=bool(context.caption),
                    soft_named=context.soft_named,
                    soft_min_chars=context.soft_min_chars,
                    in_list=context.in_list,
                    group=context.group,
                    group_tag=context.group_tag,
                    starts_with_link=lead_link[0],
                    lines=breaks[0] + 1,
                    path=context.path,
                    kinds=context.kinds,
                )
            )
        parts.clear()
        link_chars[0] = 0
        lead_link[0] = has_text[0] = False
        breaks[0] = 0

    def walk(node: Tag, context: _Context) -> None:
        for child in node.contents:
            if isinstance(child, NavigableString):
                if type(child) not in _TEXT_TYPES:
                    continue  # comments, doctypes, processing instructions
                if not has_text[0] and child and not child.isspace():
                    has_text[0] = True
                    lead_link[0] = context.in_link
                parts.append(child)
                if context.in_link:
                    link_chars[0] += len(child.strip())
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                parts.append(" ")
                if has_text[0]:
                    breaks[0] += 1
                continue
            inner = _child_context(child, context)
            if name in CELL_TAGS and not _holds_blocks(child):
                parts.append(" ")  # a cell of plain text is a word of its row
                walk(child, context)
                parts.append(" ")
            elif name in BLOCK_TAGS:
                flush(context)
                walk(child, inner)
                flush(inner)
            else:
                walk(child, inner)

    root = _Context("div", "", False, 0, False, False, 0, "", (), ())
    walk(soup, root)
    flush(root)
    return blocks


def _has_invisible(text: str) -> bool:
    """Whether `INVISIBLE` would remove anything: four substring tests, faster than a regex scan."""
    return "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text


def _holds_blocks(tag: Tag) -> bool:
    return any(isinstance(node, Tag) and node.name in BLOCK_TAGS for node in tag.descendants)


def _child_context(tag: Tag, context: _Context) -> _Context:
    name = tag.name
    attrs = tag.attrs
    classes = attrs.get("class") or ""
    ident = attrs.get("id") or ""
    soft_min = context.soft_min_chars
    if len(classes) + len(ident) > 1:
        parts = name_parts(f"{classes} {ident}")
        named = parts & _NAMED_PARTS
        if is_live_commentary(f"{classes} {ident}", named & BOILERPLATE_PARTS):
            named = named - COMMENT_PARTS
        if named and not parts & CONTENT_PARTS and is_furniture_sized(tag, SOFT_MAX_CHARS):
            # A box named only as a title or header may wrap prose; a byline, caption or bio box holds
            # it only when it is long.
            soft_min = max(soft_min, GOOD_MIN_CHARS if named <= LOOSE_SOFT_PARTS else SOFT_GOOD_MIN_CHARS)
    block = name in BLOCK_TAGS
    return _Context(
        name if block else context.tag,
        _caption_of(name, context.caption),
        soft_min > 0,
        soft_min,
        context.in_list or name in LIST_TAGS,
        context.in_link or name == "a",
        id(tag) if name in GROUP_TAGS else context.group,
        name if name in GROUP_TAGS else context.group_tag,
        (*context.path, id(tag)) if block else context.path,
        (*context.kinds, _kind(name, classes)) if block else context.kinds,
    )


# A subscription gate's name is no furniture here: the first cut kept the box for the article behind it.
_NAMED_PARTS = (SOFT_PARTS | BOILERPLATE_PARTS) - GATE_PARTS


def _kind(name: str, classes: str) -> str:
    """The tag and its first class word: boxes of one template share it; "" for a box of no class."""
    words = classes.split()
    return f"{name}.{words[0]}" if words else ""


# In a <figure>, these hold content (a data table, a list, paragraphs that broken markup left
# inside it), not the caption.
FIGURE_CONTENT_TAGS = GROUP_TAGS | {"p", "h2", "h3", "h4", "h5", "h6", "section", "article"}


def _caption_of(name: str, caption: str) -> str:
    """The caption tag a tag sits in ("" for none). A table or list set in a <figure> is content
    (a data table, a chart's figures): only a caption proper makes it a caption."""
    if name in CAPTION_TAGS:
        return name if caption in ("", "figure") else caption
    if caption == "figure" and name in FIGURE_CONTENT_TAGS:
        return ""
    return caption


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
        block.insert = True
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
