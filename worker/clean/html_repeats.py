"""A paragraph said twice on a page: once in the article, or twice (the last stage of HTML cleaning)."""

from __future__ import annotations

from collections.abc import Iterator

from worker.clean.html_blocks import Block, BlockClass

# A repeated block is dropped when it is this long.
REPEAT_MIN_CHARS = 200


def drop_repeats(blocks: list[Block]) -> Iterator[Block]:
    """Article blocks, a paragraph-long text only once: a pull quote, a lead repeated above the
    article, a copy of the article for another layout is not said twice. A short line said again (a
    step, a meal in a plan, a label) is the article's own repetition, and so is a paragraph said again
    in the same box as its first saying (a refrain, a repeated notice), or where both boxes say other
    paragraphs of their own (the article's next section recalling a point): a quote, a lead or a
    layout's copy sits in a box that says nothing else."""
    said: dict[str, tuple[int, ...]] = {}  # each paragraph's text: the box that said it first
    own: dict[tuple[int, ...], int] = {}  # per box: paragraphs (as read alone) said first there
    for block in blocks:
        if block.cls is BlockClass.GOOD and block.first_cls is BlockClass.GOOD and block.text not in said:
            said[block.text] = block.path[:-1]
            own[block.path[:-1]] = own.get(block.path[:-1], 0) + 1
    for block in blocks:
        if block.cls is not BlockClass.GOOD:
            continue
        if block.chars >= REPEAT_MIN_CHARS:
            box, first = block.path[:-1], said.get(block.text)
            if first is None:
                said[block.text] = first = box
            if first != box and (own.get(box, 0) < 1 or own.get(first, 0) < 2):
                continue
        yield block
