"""The author's byline and bio box in an HTML page's blocks, told by the names the metadata found: a short
line with one's name outside the article's body is a byline or a credit, a block opening with it after
most of the article the bio, which goes with the rest of its box."""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.clean.html_blocks import Block, BlockClass

# The author's name (from the metadata) marks a byline when the block is this short...
BYLINE_MAX_WORDS = 15
# ...and a bio when the block opens with it after this share of the article's text.
AUTHOR_NOTE_AFTER_SHARE = 0.5
# Names of one word ("Reuters", "Research") open too many sentences to mark anything.
AUTHOR_NAME_MIN_WORDS = 2


def author_patterns(authors: Sequence[str]) -> list[re.Pattern[str]]:
    """The authors' names as whole-word, case-sensitive patterns; only names of capitalised words,
    at least two of them (a one-word name, a lowercase phrase, is too common to mark anything)."""
    patterns = []
    for author in authors:
        words = author.split()
        if len(words) >= AUTHOR_NAME_MIN_WORDS and all(w[0] == w[0].upper() for w in words):
            patterns.append(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"))
    return patterns


def _note_end(blocks: list[Block], index: int, boxes_with_article_text: set[int]) -> int:
    """The end of the run of blocks, from `index` on, that share the box holding `index`; just past
    `index` when that box also holds article text before it (it is the article's own container).
    `boxes_with_article_text` holds every tag around the article text before `index`."""
    path = blocks[index].path
    if len(path) < 2:
        return index + 1
    box = path[-2]
    if box in boxes_with_article_text:
        return index + 1
    end = index + 1
    while end < len(blocks) and box in blocks[end].path:
        end += 1
    return end


def drop_author_notes(blocks: list[Block], authors: Sequence[str]) -> None:
    """The metadata found the authors; outside the article's body, a short line with one's name is a
    byline or a credit, and a block that opens with it (after most of the article) is the author's
    bio: it goes with the rest of its box, unless that box holds the article itself."""
    patterns = author_patterns(authors)
    if not patterns:
        return
    total = sum(b.chars for b in blocks if b.cls is BlockClass.GOOD)
    before = 0
    boxes_with_article_text: set[int] = set()  # kept as the loop goes: one pass, not one per note
    i = 0
    while i < len(blocks):
        block = blocks[i]
        after = before >= AUTHOR_NOTE_AFTER_SHARE * total
        found = [m for m in (p.search(block.text) for p in patterns) if m]
        if found and (before == 0 or after):
            opens = any(not block.text[: m.start()].strip(" *_-—–(\"'“") for m in found)
            if after and opens:
                end = _note_end(blocks, i, boxes_with_article_text)
                for note in blocks[i:end]:
                    note.cls = BlockClass.BAD
                i = end
                continue
            if len(block.text.split()) <= BYLINE_MAX_WORDS:
                block.cls = BlockClass.BAD
        if block.cls is BlockClass.GOOD:
            before += block.chars
            boxes_with_article_text.update(block.path)
        i += 1
