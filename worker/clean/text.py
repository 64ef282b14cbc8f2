"""Whole-page plain text boilerplate removal: which lines are the article's paragraphs.

The steps, in jusText's order: `read_lines` measures each non-empty line, `classify_lines` judges it
alone (`clean.text_lines`), `find_main_block` picks the article (the heaviest stretch of lines,
`clean.text_block`), and `revise_lines` decides the lines that cannot be judged alone (subheadings,
list items, short paragraphs) by where they sit. A page copied whole may hold a second article, or
teasers of others: only the article with the most prose is kept, the rest is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.clean.mojibake import fix_mojibake
from worker.clean.text_block import DEFAULT_BLOCK_LIMITS, HEADLINE_CAPS, PROSE, BlockLimits, find_main_block
from worker.clean.text_line_model import DEFAULT_LINE_THRESHOLDS, Flag, Line, LineClass, LineThresholds
from worker.clean.text_lines import classify_lines, page_prose, read_lines
from worker.clean.text_stopwords import STOPWORDS, page_language, stoplist
from worker.clean.text_tail import author_box_start, sources_start, tail_prompt_start
from worker.clean.text_wide import WIDE, measure_wide_lines

_TABLE_FLAGS = (Flag.NONE, Flag.NUMERIC, Flag.STAMP, Flag.ECHO, Flag.REPEAT)
_MIN_TABLE_ROWS = 2


@dataclass(frozen=True, slots=True)
class TextLayout:
    """The page's non-empty lines, which of them are the article body, in order, and the stop words
    of the page's language (the header's line labeller reads them too), and which lines a blank line
    stands above: a copy keeps a paragraph or a heading apart, a menu's or a list's items packed.
    `measured`: each line as this stage read and classed it (`Line`, one a line of `lines`), so that
    the header reads the page's lines from the same reading instead of measuring them again."""

    lines: list[str]
    body: list[int]
    stopwords: frozenset[str] = STOPWORDS
    language: str | None = None  # when told with confidence (ISO 639-1)
    gaps: frozenset[int] | None = None  # None: the copy kept no blank line between its lines
    measured: tuple[Line, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        """The body's lines, each with a UTF-8 misreading undone: the lines are classed as the page
        prints them (the labeller learned them so), the reader gets the words the author wrote."""
        return [fix_mojibake(self.lines[i]) for i in self.body]


def _table_end(lines: list[Line], index: int, last: int) -> int | None:
    """The last row of a table starting at `index` inside the block: a run of tab-separated rows
    (a table copied from the page keeps its cells apart with tabs) that prose follows inside the block;
    None when the line starts none."""
    if "\t" not in lines[index].text or lines[index].flag not in _TABLE_FLAGS:
        return None
    end = index
    while end + 1 <= last and "\t" in lines[end + 1].text and lines[end + 1].flag in _TABLE_FLAGS:
        end += 1
    if end - index + 1 < _MIN_TABLE_ROWS or end >= last:
        return None
    return end


def revise_lines(
    lines: list[Line], first: int, last: int, limits: BlockLimits = DEFAULT_BLOCK_LIMITS
) -> list[int]:
    """The body inside the main block: prose, plus short lines that sit between prose as subheadings
    or as a list the prose introduces; long runs of short lines are a headline list and go. Under a
    line that ends with a colon, the list runs over every unmarked line, short or not (an item such as
    "2) Model 960574, 1:24" has too few function words to read as anything but BAD)."""
    body: list[int] = []
    bad, short, unmarked, section = LineClass.BAD, LineClass.SHORT, Flag.NONE, Flag.SECTION
    index = first
    while index <= last:
        line = lines[index]
        if line.kind in PROSE:
            body.append(index)
            index += 1
            continue
        # A table's rows are short or read as BAD (numbers, few function words): a table with prose
        # after it inside the block is the article's.
        if (table_end := _table_end(lines, index, last)) is not None:
            body.extend(range(index, table_end + 1))
            index = table_end + 1
            continue
        introduced = index > first and lines[index - 1].colon
        if line.kind is bad and not (introduced and line.flag is unmarked):
            index += 1
            if line.flag is section:
                # What a "Related" or "Read more" heading heads, up to the next prose, goes with it.
                while index <= last and lines[index].kind not in PROSE:
                    index += 1
            continue
        end = index
        while (
            end + 1 <= last
            and (lines[end + 1].kind is short or (introduced and lines[end + 1].flag is unmarked))
            and _table_end(lines, end + 1, last) is None  # a run of short lines stops at a table
        ):
            end += 1
        run = range(index, end + 1)
        sentences = sum(1 for i in run if lines[i].sentence) * 2 >= len(run)
        # Inside the article, a run of short lines is its list unless it reads as headlines (the fixed
        # HEADLINE_CAPS, not the page's raised one: measured worse here, docs/measurements.md, textbody16).
        prose_like = sum(1 for i in run if lines[i].caps < HEADLINE_CAPS) >= limits.list_share * len(run)
        if len(run) <= limits.max_kept_short_run or sentences or introduced or prose_like:
            body.extend(run)
        else:
            # A list the article announces ("The streets are:") belongs to it, from its colon on.
            colon = next((i for i in run[:-1] if lines[i].colon), None)
            if colon is not None:
                body.extend(range(colon, end + 1))
        index = end + 1
    return body


def clean_text(
    text: str,
    *,
    line_limits: LineThresholds = DEFAULT_LINE_THRESHOLDS,
    block_limits: BlockLimits = DEFAULT_BLOCK_LIMITS,
) -> TextLayout:
    """Split a page copied as text into lines and mark which are the article's paragraphs."""
    rows = text.splitlines()  # split once: the language is told from the long ones
    language = page_language(page_prose(rows))
    stopwords = stoplist(language)
    lines = read_lines(rows, stopwords)
    if WIDE.search(text):
        measure_wide_lines(lines, stopwords)
    classify_lines(lines, line_limits)
    block = find_main_block(lines, block_limits)
    body = revise_lines(lines, *block, block_limits) if block else []
    if (sources := sources_start(lines, body)) is not None:
        del body[sources:]
    if (box := author_box_start(lines, body)) is not None:
        del body[box:]
    if (sign_off := tail_prompt_start(lines, body)) is not None:
        del body[sign_off:]
    gaps = frozenset(index for index, line in enumerate(lines) if line.gap_before)
    return TextLayout(
        lines=[line.text for line in lines],
        body=body,
        stopwords=stopwords,
        language=language,
        gaps=gaps if len(gaps) > 1 else None,  # the first line's gap is the page's start, not a blank line
        measured=tuple(lines),
    )
