"""A chart drawn in text: its axis labels and values set one by one in boxes of their own ("$915",
"billion", "600", "300", "'17", "'18", ...) are no sentence of the article.

drop_chart_labels(blocks)   a run of tiny blocks, most of them figures, one stretch of them an evenly
                            stepped scale, outside any list or table, is an insert: however article
                            text surrounds it
"""

from __future__ import annotations

import re
from itertools import pairwise

from worker.clean.html_blocks import Block, BlockClass
from worker.clean.selectors import HEADING_TAGS

# A label: at most this many words...
LABEL_MAX_WORDS = 2
# ...and this many characters ("$1.2 trillion").
LABEL_MAX_CHARS = 16
# A chart's labels come this many in a row at least...
MIN_LABELS = 6
# ...and at least this share of them are figures (the rest units and names: "billion", "Debt").
FIGURE_SHARE = 0.5

_DIGIT = re.compile(r"\d")
# A tick of an axis: a bare figure, with at most a sign, a currency or an apostrophe ("$600", "'18", "40%").
_TICK = re.compile(r"^[^\w\s]{0,2}(\d+(?:[.,]\d+)?)[^\w\s]{0,2}$")
# An axis: this many ticks in a row, evenly stepped ("600", "300", "0"; "'17", "'18", "'19")...
MIN_TICKS = 3


def _is_label(block: Block) -> bool:
    return (
        block.chars <= LABEL_MAX_CHARS
        and len(block.text.split()) <= LABEL_MAX_WORDS
        and not block.in_list
        and not block.group
        and not block.link_chars
        and block.tag not in HEADING_TAGS  # a step's or a part's title ("Step 1") heads text
    )


def _tick(block: Block) -> float | None:
    found = _TICK.match(block.text.strip())
    return float(found.group(1).replace(",", ".")) if found else None


def _has_axis(run: list[Block]) -> bool:
    """`MIN_TICKS` bare figures in a row, evenly stepped: a chart's scale. A table drawn in boxes (a row's
    label, then its figures: "Pockets", "3", "3", "2") or a scoreboard (a name, a score) has none."""
    ticks = [_tick(b) for b in run]
    for i in range(len(ticks) - MIN_TICKS + 1):
        window = [t for t in ticks[i : i + MIN_TICKS] if t is not None]
        if len(window) < MIN_TICKS:
            continue
        steps = {round(b - a, 6) for a, b in pairwise(window)}
        if len(steps) == 1 and 0 not in steps:
            return True
    return False


def _drop(run: list[Block]) -> None:
    figures = sum(1 for b in run if _DIGIT.search(b.text))
    if len(run) >= MIN_LABELS and figures >= FIGURE_SHARE * len(run) and _has_axis(run):
        for block in run:
            block.cls = block.first_cls = BlockClass.BAD
            block.insert = True


def drop_chart_labels(blocks: list[Block]) -> None:
    """At least `MIN_LABELS` tiny blocks in a row (a word or two, no link, no heading, in no list or
    table), most of them figures, with an axis among them: a chart's scale and values, set in text. Each
    is an insert."""
    run: list[Block] = []
    for block in blocks:
        if _is_label(block):
            run.append(block)
            continue
        _drop(run)
        run = []
    _drop(run)
