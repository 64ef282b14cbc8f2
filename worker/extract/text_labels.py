"""A learned labeller for the lines around a plain-text article's lead: headline, byline, date, body, other.

Each line of the header window (from `WINDOW_ABOVE` lines above the first prose line to a few lines
below the lead) is described by features that carry across languages and publishers: its length,
word count, end punctuation, share of capitalised words and of the page language's stop words, digits
and date shapes, name shapes, byline and date labels of many languages (`patterns`), where it stands
against the lead, whether the page repeats it (breadcrumb, window title, a copy) and how much of it
the lead's words echo; with the same signs of its two neighbours on each side. The line's words, their
share of stop words and its class (prose, maybe prose, short, or furniture and why) are the clean
stage's (`TextLayout.measured`): body and header read one classification of each line, made once.
A linear-chain CRF (CRFsuite) reads the window as a sequence, so a name right above a date line is
read with the date.

The model is trained by `python -m bench.train_lines` on labels `bench.line_labels` derives from the
permissively licensed sets' truth, and ships as `worker/models/text_lines.crfsuite`; it is loaded once
per process (`default_labeller`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from itertools import chain, compress
from operator import attrgetter

import pycrfsuite

from worker.clean.text_line_model import Line
from worker.clean.text_lines import classify_lines, read_lines
from worker.extract.text_label_signs import (
    IS_LONG,
    LONG,
    NEIGHBOUR_SIGNS,
    PREFIX,
    WORD_EDGES,
    WORDS_SIGN,
    line_signs,
)
from worker.extract.text_page_words import PageWords

# 30, not 20: a header pushed down by a menu or a promo box whose text reads as prose; the cross-set
# model then picks WCXB dev's title line on 558 pages instead of 538, for about 6% more CPU a text page.
WINDOW_ABOVE = 30
WINDOW_BELOW = 4
MODEL_FILE = "text_lines.crfsuite"
# The words of 4 letters or more: the only ones the echo signs look up (a run of word characters as
# `\w+` reads it, kept only when that long), so the lead's and the article's are found without the rest.
_LONG_WORD = re.compile(rf"\w{{{LONG},}}")  # the words `IS_LONG` keeps
_ARTICLE_LINES = 12  # the body lines whose words a headline's words are looked for in
_TOP_LINES = 5  # where a window title copied with the page stands
_META_REACH = 4  # lines below a headline where its byline or date stands
# How a window title joins the headline and the site's name: "Headline | Site", "Site – Headline".
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»·•]\s+")
_LOW = attrgetter("low")  # a measured line's lowercase, read by a C-level map


class LineLabel(StrEnum):
    """What a line of the header window is."""

    HEADLINE = "headline"
    BYLINE = "byline"
    DATE = "date"
    BODY = "body"
    OTHER = "other"


_LABEL_OF = {label.value: label for label in LineLabel}
# The labels whose probabilities the header reads (each costs a call per line).
_READ_LABELS = (LineLabel.HEADLINE, LineLabel.BYLINE)


@dataclass(frozen=True, slots=True)
class PageView:
    """What the features read from the whole page: its lines, the lead, the body the clean stage kept,
    the page language's stop words, and which lines it prints more than once."""

    lines: list[str]
    top: int
    lead: int
    body: frozenset[int]
    stopwords: frozenset[str]
    counts: Counter[str]
    lead_words: frozenset[str]  # those of `LONG` letters or more: the only ones looked up
    article_words: frozenset[str]
    common: PageWords
    top_lines: tuple[str, ...] = ()
    rule_title: int | None = None
    top_parts: frozenset[str] = frozenset()
    top_prefixes: frozenset[str] = frozenset()  # the top lines' first 1 to `PREFIX` characters
    gaps: frozenset[int] | None = None  # the lines a blank line stands above; None: the copy kept none
    measured: tuple[Line, ...] = ()  # the clean stage's reading of each line (`TextLayout.measured`)


def page_view(
    lines: list[str],
    body: list[int],
    top: int,
    lead: int,
    stopwords: frozenset[str],
    rule_title: int | None = None,
    common: PageWords | None = None,
    gaps: frozenset[int] | None = None,
    measured: tuple[Line, ...] = (),
) -> PageView:
    """`rule_title`: the line the rules (`text_headline.weigh_title`) took for the headline, a sign
    too; `common`: the rules' reading of the page's words around `lead`, when they have one;
    `measured`: the clean stage's reading of the same lines (`TextLayout.measured`), whose lowercase
    and words are read here instead of being made again."""
    if len(measured) != len(lines):
        measured = measure(lines, stopwords)
    if measured:
        lead_words = _long_words(measured[top : top + 3])
        article_words = _long_words([measured[i] for i in body[:_ARTICLE_LINES] if i >= top])
    else:
        lead_words = set(_LONG_WORD.findall(" ".join(lines[top : top + 3]).lower()))
        article_words = set(
            _LONG_WORD.findall(" ".join(lines[i] for i in body[:_ARTICLE_LINES] if i >= top).lower())
        )
    top_lines = tuple(line.lower() for line in lines[:_TOP_LINES])
    return PageView(
        lines=lines,
        top=top,
        lead=lead,
        body=frozenset(body),
        stopwords=stopwords,
        counts=Counter(map(_LOW, measured)) if measured else Counter(map(str.lower, lines)),
        lead_words=frozenset(lead_words),
        article_words=frozenset(article_words),
        common=common or PageWords(lines, lead),
        top_lines=top_lines,
        top_prefixes=frozenset(line[:size] for line in top_lines for size in range(1, PREFIX + 1)),
        rule_title=rule_title,
        gaps=gaps,
        top_parts=frozenset(
            part
            for parts in (_TITLE_SEPARATOR.split(line.lower()) for line in lines[:_TOP_LINES])
            if len(parts) > 1
            for part in parts
        ),
        measured=measured,
    )


def _long_words(rows: list[Line] | tuple[Line, ...]) -> frozenset[str]:
    """The words of `LONG` letters or more of the measured lines, filtered by C-level maps (the
    article's prose lines hold hundreds of words)."""
    return frozenset(
        chain.from_iterable(compress(row.tokens, map(IS_LONG, map(len, row.tokens))) for row in rows)
    )


def measure(lines: list[str], stopwords: frozenset[str]) -> tuple[Line, ...]:
    """The clean stage's reading of `lines` (`read_lines`, `classify_lines`), for a caller that has
    the lines but not that reading; none when they are not its lines (blank or unstripped ones)."""
    rows = read_lines(lines, stopwords)
    if len(rows) != len(lines):
        return ()
    classify_lines(rows)
    return tuple(rows)


def window(view: PageView) -> range:
    """The lines the labeller reads: the header above the first prose line and the lead's first lines."""
    return range(max(0, view.top - WINDOW_ABOVE), min(len(view.lines), view.lead + WINDOW_BELOW))


def features(view: PageView, lines: range) -> list[list[str]]:
    """Each window line's own signs, and its neighbours' main signs under their offset."""
    if not lines:
        return []
    out, shown, meta, headline_shaped = line_signs(view, lines)
    above_top = [p for p in headline_shaped if lines[p] < view.top]
    rank_of = {p: len(above_top) - k - 1 for k, p in enumerate(above_top)}  # 0: the nearest above the prose
    count = len(out)
    below = _meta_steps(meta, range(count - 1, -1, -1))
    above = _meta_steps(meta, range(count))
    # Each line's shown signs under their offset, named as they are added: a line is the neighbour of
    # two others, the one under it (as "-1:") and the one over it (as "1:"), once each.
    before, after = _BEFORE.__getitem__, _AFTER.__getitem__
    for position, item in enumerate(out):  # each line's own signs, "bias" first, extended in place
        item.append(_METABELOW[below[position]])
        item.append(_METAABOVE[above[position]])
        if position in rank_of:
            item.append(f"hlrank:{min(rank_of[position], 4)}")
        item.extend(map(before, shown[position - 1]) if position else ("-1:none",))
        item.extend(map(after, shown[position + 1]) if position + 1 < count else ("1:none",))
    return out


# The shown signs (a word count's bucket or a neighbour sign) under each offset, named once a process.
_SHOWN = (*{WORDS_SIGN(n) for n in range(WORD_EDGES[-1] + 2)}, *NEIGHBOUR_SIGNS)
_BEFORE = {sign: f"-1:{sign}" for sign in _SHOWN}
_AFTER = {sign: f"1:{sign}" for sign in _SHOWN}
_METABELOW = {k: f"metabelow:{k}" for k in (None, *range(1, _META_REACH + 1))}
_METAABOVE = {k: f"metaabove:{k}" for k in (None, *range(1, _META_REACH + 1))}


def _meta_steps(meta: list[bool], order: range) -> list[int | None]:
    """For each line, how many lines away the nearest meta line (byline, date, name) walked in
    `order` before it stands, within `_META_REACH`; None when none does. One pass, not a search a line."""
    steps: list[int | None] = [None] * len(meta)
    nearest: int | None = None  # the last meta line passed in `order`
    for position in order:
        if nearest is not None and abs(nearest - position) <= _META_REACH:
            steps[position] = abs(nearest - position)
        if meta[position]:
            nearest = position
    return steps


@dataclass(frozen=True, slots=True)
class WindowLabels:
    """The labeller's verdict on a window: each line's label and its probability of being each label."""

    lines: range
    labels: list[LineLabel]
    marginals: list[dict[LineLabel, float]]

    def best(
        self, label: LineLabel, below: int, *, unless: Callable[[int], bool] | None = None
    ) -> tuple[int, float] | None:
        """The line above `below` most likely to be `label` (of those `unless` does not rule out), and
        how likely."""
        found = sorted(
            ((m[label], i) for i, m in zip(self.lines, self.marginals, strict=True) if i < below),
            reverse=True,
        )
        # The most likely first: `unless` (a costly name or credit test) asked only until one passes.
        return next(((index, p) for p, index in found if not (unless and unless(index))), None)

    def likelihood(self, label: LineLabel) -> Callable[[int], float]:
        """How likely each line of the page is `label`: 0 outside the window."""

        def of(index: int) -> float:
            return self.marginals[index - self.lines.start][label] if index in self.lines else 0.0

        return of


class LineLabeller:
    """A CRFsuite model and the tagger that reads it (one per process: opening a model costs)."""

    def __init__(self, path: str) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(path)
        self._labels = [LineLabel(name) for name in self._tagger.labels()]
        self._read = [label for label in _READ_LABELS if label in self._labels]  # those the model knows

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        if not lines:
            return WindowLabels(lines, [], [])
        self._tagger.set(features(view, lines))
        tags = [_LABEL_OF[tag] for tag in self._tagger.tag()]  # a dict, not the enum's slower call
        marginal, read, positions = self._tagger.marginal, self._read, range(len(lines))
        # Label by label, then zipped into a line's dict: one comprehension a label, not one a line.
        columns = [[marginal(label, position) for position in positions] for label in read]
        marginals = (
            [dict(zip(read, values, strict=True)) for values in zip(*columns, strict=True)]
            if read
            else [{} for _ in positions]
        )
        return WindowLabels(lines, tags, marginals)


@cache
def default_labeller() -> LineLabeller:
    """The model that ships with the package, opened on first use."""
    path = resources.files("worker.models").joinpath(MODEL_FILE)
    with resources.as_file(path) as file:
        return LineLabeller(str(file))
