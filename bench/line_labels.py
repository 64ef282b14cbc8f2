"""Line labels for the text labeller, derived from the benchmark sets' truth: which line of each page's
plain text is its headline, byline, date line, body or something else.

    python -m bench.line_labels [--sets wcxb-dev,scrapinghub] [--sample N]   (prints label counts)

Only the permissively licensed sets may train the shipped model (`TRAIN_SETS`); dragnet and cleaneval
are never labelled here. Where a set's truth holds a title, author and publish day (WCXB dev) those
are matched against the lines; elsewhere the page's own HTML metadata (JSON-LD, meta tags, as
newsworker's HTML extractor reads them) stands in for them. The body comes from the truth's article
text, or its must-keep / must-drop snippets (trafilatura-eval), and the clean stage's verdict where
neither says. A line is matched after lowercasing and removing punctuation, so nothing of any set's
text is written into the model but through its generic features.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from bench.datasets import Page, data_dir, load_pages
from worker.clean.text import clean_text
from worker.document import decode_bytes
from worker.extract import extract_html_metadata
from worker.extract.dates import dates_in_text
from worker.extract.text import reading_text_page
from worker.extract.text_anchors import anchors
from worker.extract.text_header import read_header_by_rules
from worker.extract.text_labels import LineLabel, PageView, features, page_view, window
from worker.extract.text_signs import date_of_line
from worker.parse import parse_html

TRAIN_SETS = ("wcxb-dev", "scrapinghub", "readability", "trafilatura-eval")
_PUNCT = re.compile(r"[^\w\s]")
_WORD = re.compile(r"\w+")
_JOINERS = frozenset({"and", "und", "et", "y", "by"})
_MAX_BYLINE_WORDS = 20
_MAX_DATE_WORDS = 14


def norm(text: str | None) -> str:
    return " ".join(_PUNCT.sub(" ", (text or "").lower()).split())


@dataclass(frozen=True, slots=True)
class Truth:
    """What a page's truth says the header and body are, normalised for matching."""

    title: str
    authors: tuple[frozenset[str], ...]
    day: str
    body: str
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """One page's window: its features and labels, and the view they were read from."""

    page_id: str
    set_name: str
    view: PageView
    lines: range
    items: list[list[str]]
    labels: list[LineLabel]
    truth: Truth


def _snippets(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            value = [value]
    return tuple(n for item in (value or []) if (n := norm(str(item))))


def truth_of(page: Page) -> Truth:
    """The page's truth, from its ground truth where it has the field, else from its HTML's metadata."""
    truth = page.truth
    title, author, day = truth.get("title"), truth.get("author"), truth.get("publish_date")
    if page.set_name != "wcxb-dev":
        metadata = extract_html_metadata(parse_html(decode_bytes(page.html_bytes())), url=page.url)
        title, day = metadata.title, metadata.published
        author = list(metadata.authors)
    names = [author] if isinstance(author, str) else list(author or [])
    authors = tuple(
        tokens
        for name in names
        for part in re.split(r",|\band\b|&", name)
        if (tokens := frozenset(_WORD.findall(part.lower())) - _JOINERS)
    )
    return Truth(
        title=norm(title),
        authors=authors,
        day=(day or "")[:10],
        body=norm(truth.get("articleBody")),
        keep=_snippets(truth.get("with")),
        drop=_snippets(truth.get("without")),
    )


def _is_byline(line: str, truth: Truth) -> bool:
    tokens = set(_WORD.findall(line.lower()))
    if not truth.authors or len(line.split()) > _MAX_BYLINE_WORDS:
        return False
    return any(len(name & tokens) >= min(2, len(name)) for name in truth.authors)


def _is_date(line: str, truth: Truth) -> bool:
    if not truth.day or len(line.split()) > _MAX_DATE_WORDS or not any(c.isdigit() for c in line):
        return False
    shown = date_of_line(line)
    if shown and shown[:10] == truth.day:
        return True
    return any(day == truth.day for _, day in dates_in_text(line, limit=3))


def _is_body(index: int, line: str, truth: Truth, view: PageView) -> bool:
    key = norm(line)
    if not key:
        return False
    if truth.body:
        return len(key) >= 25 and key in truth.body
    if any(key in snippet or snippet in key for snippet in truth.drop):
        return False
    if any(snippet in key or (len(key) >= 25 and key in snippet) for snippet in truth.keep):
        return True
    return index in view.body


def label_line(index: int, view: PageView, truth: Truth) -> LineLabel:
    """One line's label; the first that fits of headline, byline, date, body, other."""
    line = view.lines[index]
    if truth.title and norm(line) == truth.title:
        return LineLabel.HEADLINE
    if _is_byline(line, truth):
        return LineLabel.BYLINE
    if _is_date(line, truth):
        return LineLabel.DATE
    if _is_body(index, line, truth, view):
        return LineLabel.BODY
    return LineLabel.OTHER


def labelled_page(page: Page) -> LabelledPage | None:
    """The page's header window, its features and labels; None for a page without text."""
    return labelled_text(page.page_id, page.set_name, page.text(), truth_of(page))


def labelled_text(page_id: str, set_name: str, text: str, truth: Truth) -> LabelledPage | None:
    """A page copied as text, read as the header reads it, with its window labelled by `truth`."""
    layout = clean_text(text)
    if not layout.lines:
        return None
    with reading_text_page(layout):  # dates read as the header reads them
        top, lead = anchors(layout.lines, layout.body)
        rule_title = read_header_by_rules(layout.lines, layout.body).title_line
        view = page_view(
            layout.lines,
            layout.body,
            top,
            lead,
            layout.stopwords,
            rule_title,
            gaps=layout.gaps,
            measured=layout.measured,
        )
        lines = window(view)
        labels = [label_line(index, view, truth) for index in lines]
        return LabelledPage(page_id, set_name, view, lines, features(view, lines), labels, truth)


def labelled_pages(
    root: str | None, sets: tuple[str, ...], sample: int | None = None
) -> Iterator[LabelledPage]:
    for set_name in sets:
        if set_name not in TRAIN_SETS:
            raise ValueError(f"{set_name} may not train the shipped model (licence): only {TRAIN_SETS}")
        for page in load_pages(data_dir(root), set_name, sample=sample):
            if (found := labelled_page(page)) is not None:
                yield found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--sets", default=",".join(TRAIN_SETS))
    parser.add_argument("--sample", type=int)
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    pages = titled = 0
    for page in labelled_pages(args.data, tuple(args.sets.split(",")), args.sample):
        pages += 1
        counts.update(page.labels)
        titled += LineLabel.HEADLINE in page.labels
    print(f"{pages} pages, a headline line labelled in {titled}; labels: {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
