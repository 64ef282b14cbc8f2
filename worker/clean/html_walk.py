"""The text blocks of a cleaned subtree, in document order (`make_blocks`), with what the classifier
(`worker.clean.html_blocks`) needs to know about each: the Block record, its classes, the thresholds
the walk and the classifier share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData

from worker.clean.html_cut import name_parts
from worker.clean.html_furniture_size import is_furniture_sized
from worker.clean.selectors import (
    BLOCK_TAGS,
    BOILERPLATE_PARTS,
    CAPTION_TAGS,
    CELL_TAGS,
    COMMENT_PARTS,
    CONTENT_PARTS,
    CONTROL_PARTS,
    GATE_PARTS,
    LOOSE_SOFT_PARTS,
    SOFT_PARTS,
    is_live_commentary,
)

# Characters that print nothing: a soft hyphen (a line-break hint inside a word), zero-width spaces, a
# word joiner, a byte-order mark. Kept, they cut a word in two for every reader and search.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")

_TEXT_TYPES = (NavigableString, CData)

# Thresholds, in characters of a block's collapsed text.
GOOD_MIN_CHARS = 80
# A soft-named block (caption, byline, author...) is text only when it is this long.
SOFT_GOOD_MIN_CHARS = 500
# A soft-named container this long is a wrapper of the article, not a caption or a byline box.
SOFT_MAX_CHARS = 1200
# A list or table joins the article when it follows article text and its items carry few links.
GROUP_TAGS = frozenset({"ul", "ol", "dl", "table"})
LIST_TAGS = frozenset({"ul", "ol", "dl"})


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
    # In a box named as a control ("btn"): its label, dropped without the neighbours reading through it.
    control: bool = False
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
    # The paragraphs of `text` where blank lines (<br><br>) part it, in a page written before <p>;
    # () for a block of one paragraph. The block is judged whole, and output in these.
    paragraphs: tuple[str, ...] = ()

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def output(self) -> tuple[str, ...]:
        """The paragraphs the block is given back as: its blank-line parts, else its text."""
        return self.paragraphs or (self.text,)

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
    control: bool
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
    # <br>s read since the last visible text: a second one is a blank line, which parts paragraphs.
    run = [0]
    rows: dict[int, bool] = {}  # per table row: whether its cells are boxes of a layout
    cuts: list[int] = []  # where in `parts` a blank line parts the running block's paragraphs

    def flush(context: _Context) -> None:
        if not parts:
            return  # nothing read since the last block: its counts are still at zero
        pieces = _pieces(parts, cuts)
        text = " ".join(pieces)
        if text:
            blocks.append(
                Block(
                    text=text,
                    tag=context.tag,
                    link_chars=min(link_chars[0], len(text)),
                    in_caption=bool(context.caption),
                    soft_named=context.soft_named,
                    soft_min_chars=context.soft_min_chars,
                    control=context.control,
                    in_list=context.in_list,
                    group=context.group,
                    group_tag=context.group_tag,
                    starts_with_link=lead_link[0],
                    lines=breaks[0] + 1,
                    path=context.path,
                    kinds=context.kinds,
                    paragraphs=tuple(pieces) if len(pieces) > 1 else (),
                )
            )
        parts.clear()
        cuts.clear()
        link_chars[0] = 0
        lead_link[0] = has_text[0] = False
        breaks[0] = 0

    def walk(node: Tag, context: _Context) -> None:
        for child in node.contents:
            if isinstance(child, NavigableString):
                if type(child) not in _TEXT_TYPES:
                    continue  # comments, doctypes, processing instructions
                if child and not child.isspace():
                    run[0] = 0
                    if not has_text[0]:
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
                run[0] += 1
                if has_text[0]:
                    breaks[0] += 1
                    if run[0] == 2:
                        cuts.append(len(parts))  # a blank line (<br><br>): the paragraph above ends
                continue
            inner = _child_context(child, context)
            if name in CELL_TAGS and not _is_layout_cell(child, rows):
                parts.append(" ")  # a cell of plain text is a word of its row
                run[0] = 0  # a blank line is two <br>s in one cell, not one cell's last and the next's first
                walk(child, context)
                parts.append(" ")
                run[0] = 0
            elif name in BLOCK_TAGS:
                flush(context)
                walk(child, inner)
                flush(inner)
            else:
                walk(child, inner)

    root = _Context("div", "", False, 0, False, False, False, 0, "", (), ())
    walk(soup, root)
    flush(root)
    return blocks


def _pieces(parts: list[str], cuts: list[int]) -> list[str]:
    """The running block's text, collapsed, in the paragraphs its blank lines part (empty ones left
    out): one piece where it has none."""
    pieces = []
    start = 0
    for end in (*cuts, len(parts)):
        text = "".join(parts[start:end])
        start = end
        if _has_invisible(text):
            text = INVISIBLE.sub("", text)
        text = " ".join(text.split())  # str.split's whitespace is the regex's \s: runs to one space
        if text:
            pieces.append(text)
    return pieces


def _has_invisible(text: str) -> bool:
    """Whether `INVISIBLE` would remove anything: four substring tests, faster than a regex scan."""
    return "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text


def _is_layout_cell(tag: Tag, rows: dict[int, bool]) -> bool:
    """Whether a table cell is a box of the page's layout rather than a word of its row: it holds
    blocks, or a cell of its row holds paragraphs parted by blank lines (<br><br>: an article's text
    set into the page's layout table, beside a column of links). `rows` remembers each row's answer."""
    if any(isinstance(node, Tag) and node.name in BLOCK_TAGS for node in tag.descendants):
        return True
    row = tag.parent
    if row is None:
        return _has_blank_line(tag)
    key = id(row)
    if key not in rows:
        rows[key] = any(
            isinstance(cell, Tag) and cell.name in CELL_TAGS and _has_blank_line(cell)
            for cell in row.children
        )
    return rows[key]


def _has_blank_line(tag: Tag) -> bool:
    """Whether text in the tag is parted by two <br>s with nothing to read between them."""
    run = 0
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                run += 1
                if run == 2:
                    return True
        elif not node.isspace():
            run = 0
    return False


def _child_context(tag: Tag, context: _Context) -> _Context:
    name = tag.name
    attrs = tag.attrs
    classes = attrs.get("class") or ""
    ident = attrs.get("id") or ""
    soft_min = context.soft_min_chars
    control = context.control
    if len(classes) + len(ident) > 1:
        parts = name_parts(f"{classes} {ident}")
        named = parts & _NAMED_PARTS
        if is_live_commentary(f"{classes} {ident}", named & BOILERPLATE_PARTS):
            named = named - COMMENT_PARTS
        if named and not parts & CONTENT_PARTS and is_furniture_sized(tag, SOFT_MAX_CHARS):
            # A box named only as a title or header may wrap prose; a byline, caption or bio box holds
            # it only when it is long.
            soft_min = max(soft_min, GOOD_MIN_CHARS if named <= LOOSE_SOFT_PARTS else SOFT_GOOD_MIN_CHARS)
            control = control or bool(named & CONTROL_PARTS)
    block = name in BLOCK_TAGS
    return _Context(
        name if block else context.tag,
        _caption_of(name, context.caption),
        soft_min > 0,
        soft_min,
        control,
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
