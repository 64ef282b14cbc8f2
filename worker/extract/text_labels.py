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
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from operator import attrgetter

import pycrfsuite

from worker.clean.text_line_model import Flag, Line, LineClass
from worker.clean.text_lines import classify_lines, read_lines
from worker.extract.dates import dates_in_text
from worker.extract.text_bylines import names_a_role
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import (
    CRUMB_SIGN,
    DATE_LABEL_ALONE,
    NOT_AUTHOR,
    capitalised_words,
    date_of_line,
    is_byline,
    looks_like_headline,
    looks_like_name,
    looks_like_prose,
    word_count,
)

# 30, not 20: a header pushed down by a menu or a promo box whose text reads as prose; the cross-set
# model then picks WCXB dev's title line on 558 pages instead of 538, for about 6% more CPU a text page.
WINDOW_ABOVE = 30
WINDOW_BELOW = 4
MODEL_FILE = "text_lines.crfsuite"
# Whether a blank line stands above a line and below it, as the copy kept them: a headline or a
# paragraph set apart ("gap:11") or an item packed in a menu or a list ("gap:00").
_GAP_SIGNS = (("gap:00", "gap:01"), ("gap:10", "gap:11"))
_NEIGHBOUR_SIGNS = (
    "byline",
    "date",
    "name",
    "hl",
    "prose",
    "body",
    "dup",
    "crumbline",
    *_GAP_SIGNS[0],
    *_GAP_SIGNS[1],
)
_NEIGHBOUR_SET = frozenset(_NEIGHBOUR_SIGNS)
_NEIGHBOURS = (-1, 1)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")  # the words `line_words` reads
# The words of 4 letters or more: the only ones the echo signs look up (a run of word characters as
# `_WORD` reads it, kept only when that long), so the lead's and the article's are found without the rest.
_LONG_WORD = re.compile(r"\w{4,}")
_LONG = 4
_MAX_META_WORDS = 14  # longer lines are no byline, date or name (`text_signs.MAX_META_WORDS`)
_ROLE_MAX_WORDS = 6  # what `is_role` and `is_job_title` can accept
_ARTICLE_LINES = 12  # the body lines whose words a headline's words are looked for in
_TOP_LINES = 5  # where a window title copied with the page stands
_META_REACH = 4  # lines below a headline where its byline or date stands
_META_SIGNS = frozenset({"byline", "date", "datelabel", "name"})
# How a window title joins the headline and the site's name: "Headline | Site", "Site – Headline".
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»·•]\s+")
_LOW = attrgetter("low")  # a measured line's lowercase, read by a C-level map
_PREFIX = 8  # a line's first characters, looked up before a window title is searched for it


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


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """The first edge `value` does not exceed ("le8"), or past the last one ("gt50")."""
    for edge in edges:
        if value <= edge:
            return f"le{edge}"
    return f"gt{edges[-1]}"


def _bucketer(name: str, edges: tuple[int, ...]) -> Callable[[int], str]:
    """`name:` and `_bucket` of a value, the names made once: a window's lines ask four each. A value
    from the first edge to one past the last is looked up in a table (a C-level call, no search)."""
    names = [f"{name}:{_bucket(edge, edges)}" for edge in edges] + [f"{name}:gt{edges[-1]}"]
    low = edges[0]
    table = [names[bisect_left(edges, value)] for value in range(low, edges[-1] + 2)]
    past = len(table) - 1

    def bucket(value: int) -> str:
        at = value - low
        return table[at if at < past else past] if at >= 0 else names[0]

    return bucket


_WORD_EDGES = (0, 1, 2, 3, 5, 8, 12, 16, 25, 40)
_CHAR_EDGES = (5, 12, 25, 45, 80, 130, 200)
_OFFSET_EDGES = (-30, -20, -12, -8, -5, -3, -2, -1, 0, 1, 2, 3, 6)
_WORDS_SIGN = _bucketer("w", _WORD_EDGES)
_CHARS_SIGN = _bucketer("c", _CHAR_EDGES)
_LEAD_SIGN = _bucketer("d", _OFFSET_EDGES)
_TOP_SIGN = _bucketer("t", _OFFSET_EDGES)
# A share in quarters (`round(4 * share)`, 0 to 4) under its name, the names made once.
_CAP_SIGNS = tuple(f"cap:{k}" for k in range(5))
_STOP_SIGNS = tuple(f"stop:{k}" for k in range(5))
_ECHO_SIGNS = tuple(f"echo:{k}" for k in range(5))
_AECHO_SIGNS = tuple(f"aecho:{k}" for k in range(5))
_KIND_SIGNS = {kind: f"k:{kind}" for kind in LineClass}
_FLAG_SIGNS = {flag: f"f:{flag}" for flag in Flag}


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
    lead_words: frozenset[str]  # those of `_LONG` letters or more: the only ones looked up
    article_words: frozenset[str]
    common: PageWords
    top_lines: tuple[str, ...] = ()
    rule_title: int | None = None
    top_parts: frozenset[str] = frozenset()
    top_prefixes: frozenset[str] = frozenset()  # the top lines' first 1 to `_PREFIX` characters
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
        lead_words = {t for row in measured[top : top + 3] for t in row.tokens if len(t) >= _LONG}
        article_words = {
            t for i in body[:_ARTICLE_LINES] if i >= top for t in measured[i].tokens if len(t) >= _LONG
        }
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
        top_prefixes=frozenset(line[:size] for line in top_lines for size in range(1, _PREFIX + 1)),
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


def _own_signs(index: int, view: PageView) -> list[str]:
    """The features of one line alone, and where it stands."""
    line = view.lines[index]
    words = line.split()
    ascii_ = line.isascii()
    # A word for every two Chinese or Japanese characters, as a reader counts (`word_count`; an ASCII
    # line's are its spaced words, already split).
    n = len(words) if ascii_ else word_count(line)
    signs = [
        _WORDS_SIGN(n),
        _CHARS_SIGN(len(line)),
        "end:" + (line[-1] if line[-1] in '.:!?,;…)"”»|' else "x"),
        _LEAD_SIGN(index - view.lead),
        _TOP_SIGN(index - view.top),
    ]
    if view.measured:
        # The clean stage's reading: its words, their share of stop words, and its class for the line
        # (prose, maybe prose, short, or furniture and why), the verdict the body is made from.
        row = view.measured[index]
        low, tokens = row.low, row.tokens
        signs.append(_KIND_SIGNS[row.kind])
        if row.flag:
            signs.append(_FLAG_SIGNS[row.flag])
        if tokens:
            signs.append(_STOP_SIGNS[round(4 * row.stop)])
    else:
        low = line.lower()
        tokens = _WORD.findall(low)  # `line_words`, from the lowercase already made
        if tokens:
            stops = sum(map(view.stopwords.__contains__, tokens))
            signs.append(_STOP_SIGNS[round(4 * stops / len(tokens))])
    if words:
        upper = capitalised_words(line) if ascii_ else sum(map(str.isupper, [w[0] for w in words]))
        signs.append(_CAP_SIGNS[round(4 * upper / len(words))])
    if tokens:
        long_words = [t for t in tokens if len(t) >= _LONG]
        if long_words:
            echo = sum(map(view.lead_words.__contains__, long_words)) / len(long_words)
            signs.append(_ECHO_SIGNS[round(4 * echo)])
            echo = sum(map(view.article_words.__contains__, long_words)) / len(long_words)
            signs.append(_AECHO_SIGNS[round(4 * echo)])
    if line[:1].islower():
        signs.append("low0")
    if index in view.body:
        signs.append("body")
    if index == view.rule_title:
        signs.append("rule")
    if index == 0:
        signs.append("first")
    if view.gaps is not None:  # "gap:10": a blank line above it, none below (a heading is set apart)
        signs.append(_GAP_SIGNS[index in view.gaps][index + 1 in view.gaps or index + 1 == len(view.lines)])
    if view.counts[low] > 1:
        signs.append("dup")
    if low in view.common.crumbs:
        signs.append("crumb")
    if low in view.common.repeated:
        signs.append("repeated")
    if CRUMB_SIGN.search(line):
        signs.append("crumbline")
    if (
        n >= 2
        and low[:_PREFIX] in view.top_prefixes  # else no top line can start with it
        and any(other != low and other.startswith(low) for other in view.top_lines)
    ):
        signs.append("toptitle")  # "Headline | Site", "Headline - Site" in the window title
    if n >= 2 and low in view.top_parts:
        signs.append("toppart")  # one part of a window title split at its separators ("Site – Headline")
    if line.isupper():
        signs.append("allcaps")
    if _DIGIT.search(line):
        signs.append("digit")
        if date_of_line(line):
            signs.append("date")
        elif n <= _MAX_META_WORDS and dates_in_text(line, limit=1):
            signs.append("datein")
    if n <= _MAX_META_WORDS:
        if is_byline(line):
            signs.append("byline")
        if NOT_AUTHOR.match(line):
            signs.append("notauthor")
        if DATE_LABEL_ALONE.match(line):
            signs.append("datelabel")
        if n <= _ROLE_MAX_WORDS and names_a_role(_WORD.findall(low)):
            signs.append("role")
        if looks_like_name(line):
            signs.append("nameshape")
            if view.common.is_bare_name(line):
                signs.append("name")
    if looks_like_headline(line):
        signs.append("hl")
    if looks_like_prose(line):
        signs.append("prose")
    return signs


def features(view: PageView, lines: range) -> list[list[str]]:
    """Each window line's own signs, and its neighbours' main signs under their offset."""
    own = [_own_signs(index, view) for index in lines]
    meta = [not _META_SIGNS.isdisjoint(signs) for signs in own]
    # What a neighbour shows of itself: its kind and its length.
    # (A line's first sign is its word count's, "w:..."; no other sign starts so.)
    shown = [[signs[0], *[s for s in signs[1:] if s in _NEIGHBOUR_SET]] for signs in own]
    headline_shaped = [position for position, signs in enumerate(own) if "hl" in signs]
    above_top = [p for p in headline_shaped if lines[p] < view.top]
    rank_of = {p: len(above_top) - k - 1 for k, p in enumerate(above_top)}  # 0: the nearest above the prose
    count = len(own)
    below = _meta_steps(meta, range(count - 1, -1, -1))
    above = _meta_steps(meta, range(count))
    # Each line's shown signs under both offsets, made once: a line is the neighbour of two others.
    before = [[_BEFORE[s] for s in signs] for signs in shown]
    after = [[_AFTER[s] for s in signs] for signs in shown]
    out: list[list[str]] = []
    for position, signs in enumerate(own):
        item = ["bias", *signs, _METABELOW[below[position]], _METAABOVE[above[position]]]
        if position in rank_of:
            item.append(f"hlrank:{min(rank_of[position], 4)}")
        item.extend(before[position - 1] if position else ("-1:none",))
        item.extend(after[position + 1] if position + 1 < count else ("1:none",))
        out.append(item)
    return out


# The shown signs (a word count's bucket or a neighbour sign) under each offset, named once a process.
_SHOWN = (*{_WORDS_SIGN(n) for n in range(_WORD_EDGES[-1] + 2)}, *_NEIGHBOUR_SIGNS)
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
