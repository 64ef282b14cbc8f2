"""What the text body model reads about each line: the measures the rules already take, as numbers.

`line_rows(lines, body, block)` runs after the rules (`classify_lines`, `find_main_block`,
`revise_lines`) and turns each line of the article's neighbourhood (`window`: the rules' block and
`REACH` lines on each side) into one row of `FEATURE_NAMES`: its length, stop-word share in the page's
language, sentence end, headline case, the rules' class, flag and verdict, where it stands against the
rules' block, how long the run of unfinished lines it belongs to is, and the same few measures of its
neighbours two lines up and down. Pure: measured lines in, rows out; the rows are built once per line
and the neighbours read by index, since this runs on every text page.
"""

from __future__ import annotations

import math

from worker.clean.text_line_model import Flag, Line, LineClass

# Lines this far above or below the rules' block are read too: a lede found late, a tail cut early.
REACH = 12
_AROUND = 3  # lines each side whose rule verdicts a line's `kept_around` averages
_CAPS_MAX_CHARS = 200  # longer lines are prose: their headline case is not measured (it costs)

_FLAG_GROUPS: tuple[tuple[str, frozenset[Flag]], ...] = (
    ("flag_chrome", frozenset({Flag.CHROME})),
    ("flag_section", frozenset({Flag.SECTION, Flag.DISCUSSION, Flag.COMMENT})),
    ("flag_end", frozenset({Flag.LEGAL, Flag.FOOTER, Flag.MASTHEAD})),
    ("flag_credit", frozenset({Flag.CREDIT, Flag.CAPTION, Flag.BIO})),
    ("flag_repeat", frozenset({Flag.REPEAT, Flag.ECHO})),
    ("flag_stamp", frozenset({Flag.NUMERIC, Flag.STAMP})),
)
_GROUP_OF = {flag: k for k, (_, flags) in enumerate(_FLAG_GROUPS) for flag in flags}
_CLASSES = (LineClass.GOOD, LineClass.NEAR_GOOD, LineClass.SHORT, LineClass.BAD)

_OWN = (
    "log_chars",
    "log_words",
    "stop",
    "sentence",
    "colon",
    "gap_before",
    "caps",
    *(f"class_{c.value}" for c in _CLASSES),
    *(name for name, _ in _FLAG_GROUPS),
    "rule_keep",
)
# Of a neighbour, only these (indices into `_OWN`).
_SHOWN = ("log_chars", "stop", "sentence", "caps", "class_good", "class_bad", "rule_keep")
_SHOWN_AT = tuple(_OWN.index(name) for name in _SHOWN)
_OFFSETS = (-2, -1, 1, 2)
_PLACE = (
    "in_block",
    "above_block",
    "below_block",
    "position",
    "log_run",
    "run_start",
    "run_end",
    "kept_around",
    "page_log_lines",
    "page_block_share",
)
FEATURE_NAMES: tuple[str, ...] = (
    *_OWN,
    *_PLACE,
    *(f"{'prev' if offset < 0 else 'next'}{abs(offset)}_{name}" for offset in _OFFSETS for name in _SHOWN),
)


def window(count: int, block: tuple[int, int]) -> range:
    """The lines the model reads: the rules' block and `REACH` lines each side of it."""
    first, last = block
    return range(max(0, first - REACH), min(count, last + REACH + 1))


def _own(line: Line, kept: bool) -> list[float]:
    row = [
        math.log1p(line.chars),
        math.log1p(line.words),
        line.stop,
        float(line.sentence),
        float(line.colon),
        float(line.gap_before),
        line.caps if line.chars <= _CAPS_MAX_CHARS else 0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        *(0.0 for _ in _FLAG_GROUPS),
        float(kept),
    ]
    row[7 + _CLASSES.index(line.kind)] = 1.0
    group = _GROUP_OF.get(line.flag)
    if group is not None:
        row[11 + group] = 1.0
    return row


def _unfinished_runs(lines: list[Line], span: range) -> list[tuple[int, int]]:
    """For each line of `span`, the first and last index of the run of lines around it that do not
    end like a sentence (a list, a headline stack; (i, i) for a sentence)."""
    runs: list[tuple[int, int]] = []
    start = span.start
    for index in span:
        if lines[index].sentence:
            runs.append((index, index))
            start = index + 1
            continue
        if index == span.start or lines[index - 1].sentence:
            start = index
        runs.append((start, -1))
    end = span.stop - 1
    for k in range(len(runs) - 1, -1, -1):
        first, last = runs[k]
        index = span.start + k
        if last >= 0:
            end = index - 1
            continue
        if index == span.stop - 1 or lines[index + 1].sentence:
            end = index
        runs[k] = (first, end)
    return runs


def line_rows(lines: list[Line], body: list[int], block: tuple[int, int]) -> tuple[range, list[list[float]]]:
    """The window's lines (`window`) and one row of `FEATURE_NAMES` for each."""
    span = window(len(lines), block)
    kept = set(body)
    own = [_own(lines[i], i in kept) for i in span]
    first, last = block
    count = len(lines)
    page = [math.log1p(count), (last - first + 1) / count]
    runs = _unfinished_runs(lines, span)
    blank = [0.0] * len(_SHOWN)
    shown = [[row[k] for k in _SHOWN_AT] for row in own]
    rows: list[list[float]] = []
    for position, index in enumerate(span):
        run_first, run_last = runs[position]
        near = range(max(0, position - _AROUND), min(len(own), position + _AROUND + 1))
        around = [own[p][-1] for p in near if p != position]
        row = own[position] + [
            float(first <= index <= last),
            math.log1p(max(0, first - index)),
            math.log1p(max(0, index - last)),
            index / count,
            math.log1p(run_last - run_first + 1),
            float(index == run_first),
            float(index == run_last),
            sum(around) / len(around) if around else 0.0,
            *page,
        ]
        for offset in _OFFSETS:
            other = position + offset
            row.extend(shown[other] if 0 <= other < len(own) else blank)
        rows.append(row)
    return span, rows
