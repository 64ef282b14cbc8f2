"""A photo gallery set into the article: its slides' legends are other pictures' stories, not the text.

drop_inset_galleries(blocks)   a run of slides, each opening on its counter ("3/50"), with article text
                               before it and after it, is an insert: however well its legends read
"""

from __future__ import annotations

import re
from itertools import takewhile

from worker.clean.html_blocks import Block, BlockClass

# A slide's counter opening its legend: "3/50", "3 / 50" (written the same in every language; a
# counter in words, "3 of 50", "3 von 50", would need each language's word from the language data).
_COUNTER = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\b")

# A gallery has at least this many slides counted...
MIN_SLIDES = 3


def _counters(blocks: list[Block]) -> dict[int, list[tuple[int, int]]]:
    """(index, slide number) of the blocks opening on a counter, by the total they count to."""
    found: dict[int, list[tuple[int, int]]] = {}
    for i, block in enumerate(blocks):
        m = _COUNTER.match(block.text)
        if m and 0 < int(m.group(1)) <= int(m.group(2)):
            found.setdefault(int(m.group(2)), []).append((i, int(m.group(1))))
    return found


def _slide_numbers_rise(slides: list[tuple[int, int]]) -> bool:
    """Counted one by one, in order ("1/50", "2/50", "3/50"): not dates of one month ("2/11", "5/11", "9/11"),
    whose days skip."""
    numbers = [n for _, n in slides]
    counted = sorted(set(numbers))
    return (
        len(counted) >= MIN_SLIDES
        and numbers == sorted(numbers)
        and counted == list(range(counted[0], counted[0] + len(counted)))
    )


def _shared_path(paths: list[tuple[int, ...]]) -> tuple[int, ...]:
    """The boxes every one of `paths` runs through, outermost first."""
    return tuple(ids[0] for ids in takewhile(lambda ids: len(set(ids)) == 1, zip(*paths, strict=False)))


def _gallery_box(blocks: list[Block], shared: tuple[int, ...]) -> list[int]:
    """Indexes of the blocks of the slides' box, widened to each enclosing box that adds no paragraph
    (the gallery's title, its frame) to it."""
    inside = [i for i, b in enumerate(blocks) if shared[-1] in b.path]
    for outer in reversed(shared[:-1]):
        wider = [i for i, b in enumerate(blocks) if outer in b.path]
        if any(blocks[i].cls is BlockClass.GOOD for i in set(wider) - set(inside)):
            break
        inside = wider
    return inside


def drop_inset_galleries(blocks: list[Block]) -> None:
    """Slides counted to one total ("1/50", "2/50", ...), at least `MIN_SLIDES`, in rising order: the
    box they share (with its frame and title) is a gallery. With paragraphs of the article before it
    and after it (the gallery interrupts the text), every block of that box is an insert no model
    brings back. A gallery page, its slides the content, has no article text after them."""
    for total, slides in _counters(blocks).items():
        if total < MIN_SLIDES or not _slide_numbers_rise(slides):
            continue
        shared = _shared_path([blocks[i].path for i, _ in slides])
        if not shared:
            continue
        inside = _gallery_box(blocks, shared)
        before = any(b.cls is BlockClass.GOOD for b in blocks[: inside[0]])
        after = any(b.cls is BlockClass.GOOD for b in blocks[inside[-1] + 1 :])
        if not (before and after):
            continue
        for i in inside:
            block = blocks[i]
            block.cls = block.first_cls = BlockClass.BAD
            block.insert = block.final = True
