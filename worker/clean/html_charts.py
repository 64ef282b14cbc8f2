"""A chart drawn in text: its axis labels and values set one by one in boxes of their own ("$915",
"billion", "600", "300", "'17", "'18", ...) are no sentence of the article.

drop_chart_labels(blocks)   a run of tiny blocks, most of them figures, outside any list or table, is an
                            insert: however article text surrounds it
"""

from __future__ import annotations

import re

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


def _is_label(block: Block) -> bool:
    return (
        block.chars <= LABEL_MAX_CHARS
        and len(block.text.split()) <= LABEL_MAX_WORDS
        and not block.in_list
        and not block.group
        and not block.link_chars
        and block.tag not in HEADING_TAGS  # a step's or a part's title ("Step 1") heads text
    )


def _drop(run: list[Block]) -> None:
    figures = sum(1 for b in run if _DIGIT.search(b.text))
    if len(run) >= MIN_LABELS and figures >= FIGURE_SHARE * len(run):
        for block in run:
            block.cls = block.first_cls = BlockClass.BAD
            block.insert = True


def drop_chart_labels(blocks: list[Block]) -> None:
    """At least `MIN_LABELS` tiny blocks in a row (a word or two, no link, no heading, in no list or
    table), most of them figures: a chart's axis and values, set in text. Each is an insert."""
    run: list[Block] = []
    for block in blocks:
        if _is_label(block):
            run.append(block)
            continue
        _drop(run)
        run = []
    _drop(run)
