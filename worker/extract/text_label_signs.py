"""The line labeller's features of each window line alone (`line_signs`), and their names.

What `text_labels.features` reads of every line of the header window before it adds its neighbours'
signs: its length and word count in buckets, where it stands against the lead and the first prose
line, its end punctuation, the clean stage's class for it, its share of capitals and stop words, how
much of it the lead and the article echo, and the shapes the header's rules read (date, byline, name,
headline, prose). Each sign's name is made once a process; the view's facts are bound once a window.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress
from typing import TYPE_CHECKING

from worker.clean.text_line_model import Flag, LineClass
from worker.extract.dates import dates_in_text
from worker.extract.text_bylines import names_a_role
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

if TYPE_CHECKING:
    from worker.extract.text_labels import PageView

# Whether a blank line stands above a line and below it, as the copy kept them: a headline or a
# paragraph set apart ("gap:11") or an item packed in a menu or a list ("gap:00").
GAP_SIGNS = (("gap:00", "gap:01"), ("gap:10", "gap:11"))
NEIGHBOUR_SIGNS = (
    "byline",
    "date",
    "name",
    "hl",
    "prose",
    "body",
    "dup",
    "crumbline",
    *GAP_SIGNS[0],
    *GAP_SIGNS[1],
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")  # the words `line_words` reads
LONG = 4
IS_LONG = (LONG - 1).__lt__  # IS_LONG(len(word)) says len(word) >= LONG, as a C-level call
_MAX_META_WORDS = 14  # longer lines are no byline, date or name (`text_signs.MAX_META_WORDS`)
_ROLE_MAX_WORDS = 6  # what `is_role` and `is_job_title` can accept
PREFIX = 8  # a line's first characters, looked up before a window title is searched for it


def bucket_name(value: int, edges: tuple[int, ...]) -> str:
    """The first edge `value` does not exceed ("le8"), or past the last one ("gt50")."""
    for edge in edges:
        if value <= edge:
            return f"le{edge}"
    return f"gt{edges[-1]}"


def _bucket_table(name: str, edges: tuple[int, ...]) -> tuple[list[str], int]:
    """The names of the values from the first edge to one past the last, and that first edge."""
    names = [f"{name}:{bucket_name(edge, edges)}" for edge in edges] + [f"{name}:gt{edges[-1]}"]
    return [names[bisect_left(edges, value)] for value in range(edges[0], edges[-1] + 2)], edges[0]


def bucketer(name: str, edges: tuple[int, ...]) -> Callable[[int], str]:
    """`name:` and `bucket_name` of a value, the names made once: a window's lines ask four each. A value
    from the first edge to one past the last is looked up in a table (a C-level call, no search)."""
    table, low = _bucket_table(name, edges)
    past = len(table) - 1

    def bucket(value: int) -> str:
        at = value - low
        return table[at if at < past else past] if at >= 0 else table[0]

    return bucket


def bucket_run(name: str, edges: tuple[int, ...]) -> Callable[[int, int], list[str]]:
    """`bucketer`'s names of the values `start` to `stop` (excluded) at once: a run of its table, by
    slices, for the offsets of a window's lines from a line (each one more than the last)."""
    table, low = _bucket_table(name, edges)

    def run(start: int, stop: int) -> list[str]:
        below = max(0, min(stop, low) - start)  # values under the table's first
        inside = table[max(0, start - low) : max(0, stop - low)]
        above = max(0, stop - max(start, low + len(table)))  # values past its last
        return [table[0]] * below + inside + [table[-1]] * above

    return run


WORD_EDGES = (0, 1, 2, 3, 5, 8, 12, 16, 25, 40)
CHAR_EDGES = (5, 12, 25, 45, 80, 130, 200)
OFFSET_EDGES = (-30, -20, -12, -8, -5, -3, -2, -1, 0, 1, 2, 3, 6)
WORDS_SIGN = bucketer("w", WORD_EDGES)
CHARS_SIGN = bucketer("c", CHAR_EDGES)
LEAD_SIGN = bucketer("d", OFFSET_EDGES)
TOP_SIGN = bucketer("t", OFFSET_EDGES)
LEAD_SIGNS = bucket_run("d", OFFSET_EDGES)
TOP_SIGNS = bucket_run("t", OFFSET_EDGES)
# A share in quarters (`round(4 * share)`, 0 to 4) under its name, the names made once.
_CAP_SIGNS = tuple(f"cap:{k}" for k in range(5))
_STOP_SIGNS = tuple(f"stop:{k}" for k in range(5))
_ECHO_SIGNS = tuple(f"echo:{k}" for k in range(5))
_AECHO_SIGNS = tuple(f"aecho:{k}" for k in range(5))
_KIND_SIGNS = {kind: f"k:{kind}" for kind in LineClass}
_END_SIGNS = {end: f"end:{end}" for end in '.:!?,;…)"”»|'}  # a line's last character, if a sign
_FLAG_SIGNS = {flag: f"f:{flag}" for flag in Flag}


def line_signs(
    view: PageView, lines: range
) -> tuple[list[list[str]], list[list[str]], list[bool], list[int]]:
    """The features of each window line alone and where it stands (after "bias"), what its neighbours
    read of it (its word count's bucket and its `NEIGHBOUR_SIGNS`, in the same order), whether it is
    a meta line (a byline, a date, a date label or a name), and the window positions of the
    headline-shaped lines. The view's facts are bound once a window, not looked up a line."""
    texts, measured, gaps, rule = view.lines, view.measured, view.gaps, view.rule_title
    lead, top, last = view.lead, view.top, len(view.lines)
    in_body, counts, stopwords = view.body.__contains__, view.counts, view.stopwords
    in_lead, in_article = view.lead_words.__contains__, view.article_words.__contains__
    crumbs, repeated, is_bare_name = view.common.crumbs, view.common.repeated, view.common.is_bare_name
    top_prefixes, top_lines, top_parts = view.top_prefixes, view.top_lines, view.top_parts
    own: list[list[str]] = []
    shown: list[list[str]] = []
    meta: list[bool] = []
    headline_shaped: list[int] = []
    # Where each line stands against the lead and the first prose line, named for the whole window at once.
    lead_signs = LEAD_SIGNS(lines.start - lead, lines.stop - lead)
    top_signs = TOP_SIGNS(lines.start - top, lines.stop - top)
    for index, lead_sign, top_sign in zip(lines, lead_signs, top_signs, strict=True):
        line = texts[index]
        ascii_ = line.isascii()
        # A word for every two Chinese or Japanese characters, as a reader counts (`word_count`, which
        # the header's rules and `looks_like_headline` below ask too: an ASCII line's spaced words).
        n = word_count(line)
        count_sign = WORDS_SIGN(n)
        end_sign = _END_SIGNS.get(line[-1], "end:x")
        signs = ["bias", count_sign, CHARS_SIGN(len(line)), end_sign, lead_sign, top_sign]
        near = [count_sign]  # what the neighbours read: appended where `signs` gets a neighbour sign
        is_meta = False
        if measured:
            # The clean stage's reading: its words, their share of stop words, and its class for the
            # line (prose, maybe prose, short, or furniture and why), the verdict the body is made from.
            row = measured[index]
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
                stops = sum(map(stopwords.__contains__, tokens))
                signs.append(_STOP_SIGNS[round(4 * stops / len(tokens))])
        if ascii_:  # an ASCII line's spaced words are `n`, counted without a list of them
            if n:
                signs.append(_CAP_SIGNS[round(4 * capitalised_words(line) / n)])
        elif words := line.split():
            upper = sum(map(str.isupper, [w[0] for w in words]))
            signs.append(_CAP_SIGNS[round(4 * upper / len(words))])
        if tokens:
            long_words = list(compress(tokens, map(IS_LONG, map(len, tokens))))  # C-level filter
            if long_words:
                echo = sum(map(in_lead, long_words)) / len(long_words)
                signs.append(_ECHO_SIGNS[round(4 * echo)])
                echo = sum(map(in_article, long_words)) / len(long_words)
                signs.append(_AECHO_SIGNS[round(4 * echo)])
        if line[:1].islower():
            signs.append("low0")
        if in_body(index):
            signs.append("body")
            near.append("body")
        if index == rule:
            signs.append("rule")
        if index == 0:
            signs.append("first")
        if gaps is not None:  # "gap:10": a blank line above it, none below (a heading is set apart)
            gap = GAP_SIGNS[index in gaps][index + 1 in gaps or index + 1 == last]
            signs.append(gap)
            near.append(gap)
        if counts[low] > 1:
            signs.append("dup")
            near.append("dup")
        if low in crumbs:
            signs.append("crumb")
        if low in repeated:
            signs.append("repeated")
        if CRUMB_SIGN.search(line):
            signs.append("crumbline")
            near.append("crumbline")
        if (
            n >= 2
            and low[:PREFIX] in top_prefixes  # else no top line can start with it
            and any(other != low and other.startswith(low) for other in top_lines)
        ):
            signs.append("toptitle")  # "Headline | Site", "Headline - Site" in the window title
        if n >= 2 and low in top_parts:
            signs.append("toppart")  # one part of a window title split at its separators ("Site – Headline")
        if line.isupper():
            signs.append("allcaps")
        if _DIGIT.search(line):
            signs.append("digit")
            if date_of_line(line):
                signs.append("date")
                near.append("date")
                is_meta = True
            elif n <= _MAX_META_WORDS and dates_in_text(line, limit=1):
                signs.append("datein")
        if n <= _MAX_META_WORDS:
            if is_byline(line):
                signs.append("byline")
                near.append("byline")
                is_meta = True
            if NOT_AUTHOR.match(line):
                signs.append("notauthor")
            if DATE_LABEL_ALONE.match(line):
                signs.append("datelabel")
                is_meta = True
            if n <= _ROLE_MAX_WORDS and names_a_role(_WORD.findall(low)):
                signs.append("role")
            if looks_like_name(line):
                signs.append("nameshape")
                if is_bare_name(line):
                    signs.append("name")
                    near.append("name")
                    is_meta = True
        if looks_like_headline(line):
            signs.append("hl")
            near.append("hl")
            headline_shaped.append(len(own))
        if looks_like_prose(line):
            signs.append("prose")
            near.append("prose")
        own.append(signs)
        shown.append(near)
        meta.append(is_meta)
    return own, shown, meta, headline_shaped
