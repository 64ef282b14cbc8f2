"""What the block model reads about each block: the measures the rules already take, as numbers.

`block_features(blocks, ...)` runs after the rules (`classify_blocks`, `revise_blocks`) and turns each
block into one row of `FEATURE_NAMES`: its own text and link density, its tag, its stop-word density in
the page's language, the rules' verdicts (alone and in context), where it sits against the headline
and the article's span and box, and the same few measures of its neighbours. Pure: blocks in, rows out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from worker.clean.html_blocks import Block, BlockClass, is_marker, looks_like_prose
from worker.clean.html_lead import normalized_title
from worker.clean.html_revise import article_box
from worker.clean.selectors import CELL_TAGS, HEADING_TAGS, TITLE_TAGS

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# Blocks this far from the article's text count as far (the feature saturates).
MAX_GAP_BLOCKS = 10
# The longest rule-kept text read to detect the page's language.
LANGUAGE_SAMPLE_CHARS = 1200

_TAG_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("tag_p", frozenset({"p"})),
    ("tag_div", frozenset({"div", "section", "article", "main", "span"})),
    ("tag_li", frozenset({"li", "dd", "dt"})),
    ("tag_heading", HEADING_TAGS),
    ("tag_title", TITLE_TAGS),
    ("tag_cell", CELL_TAGS | {"tr"}),
    ("tag_quote", frozenset({"blockquote", "pre"})),
)
_CLASSES = (BlockClass.GOOD, BlockClass.NEAR_GOOD, BlockClass.SHORT, BlockClass.HEADING, BlockClass.BAD)

_OWN = (
    "log_chars",
    "log_words",
    "link_density",
    "starts_with_link",
    "in_caption",
    "soft_named",
    "insert",
    "in_list",
    "in_group",
    "lines",
    "prose",
    "marker",
    "stop_density",
    "digit_share",
    "depth",
    *(name for name, _ in _TAG_GROUPS),
    *(f"first_{c.value}" for c in _CLASSES),
    "rule_keep",
)
_PLACE = (
    "position",
    "chars_before_share",
    "after_headline",
    "headline",
    "in_span",
    "in_box",
    "gap_to_kept",
    "kept_share_around",
    "page_log_blocks",
    "page_kept_share",
)
_NEIGHBOUR = ("log_chars", "link_density", "first_good", "rule_keep", "heading")
FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *_PLACE,
    *(f"prev_{n}" for n in _NEIGHBOUR),
    *(f"next_{n}" for n in _NEIGHBOUR),
)


def _own(block: Block, scale: float, stopwords: frozenset[str]) -> list[float]:
    text = block.text
    words = _WORD.findall(text.lower())
    n_words = len(words)
    stop = sum(map(stopwords.__contains__, words)) / n_words if n_words else 0.0
    return [
        math.log1p(block.chars * scale),
        math.log1p(n_words),
        block.link_density,
        float(block.starts_with_link),
        float(block.in_caption),
        float(block.soft_named),
        float(block.insert),
        float(block.in_list),
        float(bool(block.group)),
        min(block.lines, 10) / 10,
        float(looks_like_prose(text)),
        float(is_marker(text)),
        stop,
        len(_DIGIT.findall(text)) / len(text) if text else 0.0,
        min(len(block.path), 20) / 20,
        *(float(block.tag in tags) for _, tags in _TAG_GROUPS),
        *(float(block.first_cls is c) for c in _CLASSES),
        float(block.cls is BlockClass.GOOD),
    ]


_NO_NEIGHBOUR = (0.0, 0.0, 0.0, 0.0, 0.0)


def _neighbour(block: Block, scale: float) -> tuple[float, ...]:
    return (
        math.log1p(block.chars * scale),
        block.link_density,
        float(block.first_cls is BlockClass.GOOD),
        float(block.cls is BlockClass.GOOD),
        float(block.tag in HEADING_TAGS or block.tag in TITLE_TAGS),
    )


def headline_index(blocks: Sequence[Block], title: str) -> int | None:
    """The first heading whose text the page's <title> repeats: the article's own headline."""
    if not title:
        return None
    for i, block in enumerate(blocks):
        if block.tag in TITLE_TAGS or block.tag in HEADING_TAGS:
            text = normalized_title(block.text)
            if len(text) >= 10 and text in title:
                return i
    return None


def _gaps(kept: list[bool]) -> list[int]:
    """Per block, how many blocks away the nearest rule-kept block is (capped)."""
    n = len(kept)
    gap = [MAX_GAP_BLOCKS] * n
    last = None
    for i in range(n):
        if kept[i]:
            last = i
        if last is not None:
            gap[i] = min(gap[i], i - last)
    last = None
    for i in range(n - 1, -1, -1):
        if kept[i]:
            last = i
        if last is not None:
            gap[i] = min(gap[i], last - i)
    return gap


def block_features(
    blocks: Sequence[Block],
    *,
    title: str = "",
    scale: float = 1.0,
    stopwords: frozenset[str] = frozenset(),
    only: Sequence[int] | None = None,
) -> list[list[float]]:
    """One row of `FEATURE_NAMES` per block, after the rules have classified and revised them; with
    `only`, the rows of those blocks alone (in that order), each the same as in the whole list."""
    n = len(blocks)
    if not n:
        return []
    wanted = range(n) if only is None else only
    if not wanted:
        return []
    kept = [b.cls is BlockClass.GOOD for b in blocks]
    total_chars = sum(b.chars for b in blocks) or 1
    kept_chars = sum(b.chars for b, k in zip(blocks, kept, strict=True) if k)
    kept_idx = [i for i, k in enumerate(kept) if k]
    first, last = (kept_idx[0], kept_idx[-1]) if kept_idx else (n, -1)
    box = article_box(list(blocks)) if kept_idx else None
    head = headline_index(blocks, title)
    gaps = _gaps(kept)
    page = [math.log1p(n), kept_chars / total_chars]
    # Each block's neighbour features, computed once: it is its predecessor's next and its successor's prev.
    neighbours = [_NO_NEIGHBOUR, *(_neighbour(block, scale) for block in blocks), _NO_NEIGHBOUR]
    before_chars = [0] * n
    before = 0
    for i, block in enumerate(blocks):
        before_chars[i] = before
        before += block.chars
    rows = []
    for i in wanted:
        block = blocks[i]
        window = blocks[max(0, i - 2) : i + 3]
        window_chars = sum(b.chars for b in window) or 1
        around = sum(b.chars for b in window if b.cls is BlockClass.GOOD) / window_chars
        place = [
            i / n,
            before_chars[i] / total_chars,
            0.0 if head is None else (1.0 if i > head else -1.0),
            float(head == i),
            float(first <= i <= last),
            float(box is not None and box in block.path),
            gaps[i] / MAX_GAP_BLOCKS,
            around,
            *page,
        ]
        rows.append(
            [
                *_own(block, scale, stopwords),
                *place,
                *neighbours[i],
                *neighbours[i + 2],
            ]
        )
    return rows


def language_sample(blocks: Sequence[Block]) -> str:
    """The longest rule-kept blocks' text, for language detection (prose says the language best)."""
    longest = sorted((b.text for b in blocks if b.cls is BlockClass.GOOD), key=len, reverse=True)
    return "\n".join(longest)[:LANGUAGE_SAMPLE_CHARS]
