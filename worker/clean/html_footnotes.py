"""The article's numbered notes (`keep_footnotes`, a step of the HTML revision).

An encyclopedia or a paper marks its claims with note calls and lists the notes under the text,
each note opening with a mark that leads the reader back to the call ("^", "↑") or closing with one
("↩"). Each note is a citation: an author, a title in quotes, a publisher, a date, most of it
linked. Read alone, such a list looks like a list of links (its items even open with a link, the
mark), and was dropped as one; the marks say it is the article's own apparatus.
"""

from __future__ import annotations

from worker.clean.html_blocks import LIST_TAGS, Block, BlockClass, group_runs

# The marks that lead from a note back to its call: opening the note, or closing it.
OPENING_BACKLINKS = ("^", "↑")
CLOSING_BACKLINKS = ("↩", "↩\ufe0f")
# A list is the article's notes when this many, and this share, of its items carry the mark.
FOOTNOTES_MIN_ITEMS = 3
FOOTNOTES_SHARE = 0.8


def is_footnote(block: Block) -> bool:
    """A list item that opens or closes with a mark leading back to its call in the text."""
    text = block.text
    if not block.link_chars:
        return False  # the mark is a link back to the call, not a plain arrow (a ticker's "↑")
    return (text.startswith(OPENING_BACKLINKS) and block.starts_with_link) or text.endswith(CLOSING_BACKLINKS)


def keep_footnotes(blocks: list[Block]) -> None:
    """A list of notes, each marked as leading back to the text, after the article's text: the
    article's notes. Read as article text, whatever their links."""
    if not any(b.cls is BlockClass.GOOD for b in blocks):
        return
    first_good = next(i for i, b in enumerate(blocks) if b.cls is BlockClass.GOOD)
    for start, end in group_runs(blocks):
        items = blocks[start:end]
        if start < first_good or items[0].group_tag not in LIST_TAGS:
            continue
        notes = sum(1 for b in items if is_footnote(b))
        if notes >= FOOTNOTES_MIN_ITEMS and notes >= FOOTNOTES_SHARE * len(items):
            for block in items:
                if not block.final:
                    block.cls = BlockClass.GOOD
