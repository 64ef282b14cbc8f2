"""Metadata accuracy on the WCXB dev article pages: newsworker beside trafilatura and htmldate.

    python -m bench.metadata [--data DIR] [--limit N] [--without-url] [--half 0|1] [--show-failures FIELD]

newsworker runs through `worker.pipeline.extract_article`, the same code the service publishes
with, on the HTML (with its URL, as the fetch task knows it; `--without-url` as `newsworker extract`
reads a file, trafilatura given no URL either) and on the plain-text copy of each page. `--half`
scores one of two fixed halves of the pages (by a hash of the page id): tune on one, judge on the other.
Per field: title exact after lowercasing and removing punctuation; publish day where the truth has
one; authors as the same set of lowercased name tokens (joining words such as "and" aside) where the
truth has one; and how many pages get
authors where the truth has none (a wrong author costs downstream more than a missing one).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bench.datasets import Page, data_dir, load_pages, require_data
from worker.article import Metadata
from worker.document import Document, InputKind, decode_bytes
from worker.errors import NotAnArticle
from worker.extract import complete_metadata, extract_html_metadata
from worker.parse import parse_html
from worker.pipeline import extract_article

_PUNCT = re.compile(r"[^\w\s]")
_WORD = re.compile(r"\w+")
# Words that join names in a byline are not name tokens: "A, B and C" names the same people as [A, B, C].
_JOINERS = frozenset({"and", "und", "et", "y"})
# The pipeline refuses dates after its own clock, as the service does.
NOW = datetime.now(UTC)


@dataclass(slots=True)
class Guess:
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Tally:
    """Hits and totals per field for one extractor, and the time it took."""

    name: str
    seconds: float = 0.0
    pages: int = 0
    title: list[int] = field(default_factory=lambda: [0, 0])
    day: list[int] = field(default_factory=lambda: [0, 0])
    authors: list[int] = field(default_factory=lambda: [0, 0])
    authors_unwanted: int = 0
    failures: dict[str, list[tuple[str, object, object]]] = field(default_factory=dict)


def norm_title(value: str | None) -> str:
    return " ".join(_PUNCT.sub(" ", (value or "").lower()).split())


def name_tokens(values: list[str] | str | None) -> frozenset[str]:
    if isinstance(values, str):
        values = [values]
    return frozenset(_WORD.findall(" ".join(values or []).lower())) - _JOINERS


def score(tally: Tally, page: Page, guess: Guess | None, fields: tuple[str, ...]) -> None:
    truth = page.truth
    guess = guess or Guess()
    if "title" in fields and truth.get("title"):
        ok = norm_title(guess.title) == norm_title(truth["title"])
        _count(tally, "title", ok, page, guess.title, truth["title"])
    if "day" in fields and truth.get("publish_date"):
        ok = (guess.published or "")[:10] == truth["publish_date"]
        _count(tally, "day", ok, page, guess.published, truth["publish_date"])
    if "authors" in fields:
        if truth.get("author"):
            ok = name_tokens(guess.authors) == name_tokens(truth["author"])
            _count(tally, "authors", ok, page, guess.authors, truth["author"])
        elif guess.authors:
            tally.authors_unwanted += 1
            tally.failures.setdefault("unwanted", []).append((page.page_id, guess.authors, None))


def _count(tally: Tally, name: str, ok: bool, page: Page, got: object, want: object) -> None:
    pair = getattr(tally, name)
    pair[0] += ok
    pair[1] += 1
    if not ok:
        tally.failures.setdefault(name, []).append((page.page_id, got, want))


_WITHOUT_URL = False  # set by --without-url: no extractor is told the page's address


def _url(page: Page) -> str | None:
    return None if _WITHOUT_URL else page.truth.get("url") or None


def in_half(page_id: str, half: int) -> bool:
    """One of two fixed halves of a set, by a hash of the page id (not its order or its content)."""
    return int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % 2 == half


def newsworker_html(page: Page, html: str) -> Guess:
    url = _url(page)
    try:
        metadata = extract_article(Document(html, InputKind.HTML, url), now=NOW).metadata
    except NotAnArticle:
        # No body found: the service would dead-letter the page; score the metadata it had anyway.
        metadata = complete_metadata(extract_html_metadata(parse_html(html), url=url), [], url=url, now=NOW)
    return _guess(metadata)


def newsworker_text(page: Page, text: str) -> Guess:
    try:
        metadata = extract_article(Document(text, InputKind.TEXT, None), now=NOW).metadata
    except NotAnArticle:
        return Guess()
    return _guess(metadata)


def _guess(metadata: Metadata) -> Guess:
    return Guess(metadata.title, metadata.published, list(metadata.authors))


def trafilatura_html(page: Page, html: str) -> Guess:
    import trafilatura

    doc = trafilatura.extract_metadata(html, default_url=_url(page))
    if doc is None:
        return Guess()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Guess(doc.title, doc.date, authors)


def htmldate_html(page: Page, html: str) -> Guess:
    from htmldate import find_date

    return Guess(published=find_date(html, url=_url(page), original_date=True))


def timed(tally: Tally, run: Callable[[Page, str], Guess], page: Page, content: str) -> Guess:
    start = time.perf_counter()
    guess = run(page, content)
    tally.seconds += time.perf_counter() - start
    tally.pages += 1
    return guess


def _rate(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "-"


def print_table(tallies: list[Tally]) -> None:
    header = ["field", *(t.name for t in tallies)]
    rows = [
        ["title, exact (normalized)", *(_rate(t.title) if t.title[1] else "-" for t in tallies)],
        ["publish day, truth has one", *(_rate(t.day) if t.day[1] else "-" for t in tallies)],
        ["authors, same name tokens", *(_rate(t.authors) if t.authors[1] else "-" for t in tallies)],
        [
            "authors given, truth has none",
            *(str(t.authors_unwanted) if t.authors[1] else "-" for t in tallies),
        ],
        ["pages/s", *(f"{t.pages / t.seconds:.1f}" if t.seconds else "-" for t in tallies)],
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, [("-" * w) for w in widths], *rows]:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", help="folder holding wcxb-dev/ (default: $NEWSWORKER_BENCH_DATA or ../shared/bench)"
    )
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--without-url", action="store_true", help="no extractor is given the page's URL")
    parser.add_argument("--half", type=int, choices=(0, 1), help="only one fixed half of the pages")
    parser.add_argument("--only-newsworker", action="store_true", help="skip the peers (faster iteration)")
    parser.add_argument("--show-failures", metavar="FIELD", help="title, day, authors or unwanted")
    parser.add_argument("--of", default="newsworker HTML", help="which column's failures to show")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if not require_data(root):
        return 0
    global _WITHOUT_URL
    _WITHOUT_URL = args.without_url
    pages = load_pages(root, "wcxb-dev", args.limit)
    if args.half is not None:
        pages = [page for page in pages if in_half(page.page_id, args.half)]
    html_fields = ("title", "day", "authors")
    runs: list[tuple[Tally, Callable[[Page, str], Guess], str, tuple[str, ...]]] = [
        (Tally("newsworker HTML"), newsworker_html, "html", html_fields),
        (Tally("newsworker text"), newsworker_text, "text", html_fields),
    ]
    if not args.only_newsworker:
        runs += [
            (Tally("trafilatura 2.3.1 HTML"), trafilatura_html, "html", html_fields),
            (Tally("htmldate HTML"), htmldate_html, "html", ("day",)),
        ]
    for page in pages:
        html = decode_bytes(page.html_bytes())
        text = page.text()
        for tally, run, kind, fields in runs:
            score(tally, page, timed(tally, run, page, html if kind == "html" else text), fields)
    half = "" if args.half is None else f", half {args.half}"
    print(
        f"WCXB dev, {len(pages)} article pages{half}, {'without' if args.without_url else 'with'} their URL"
    )
    print_table([tally for tally, *_ in runs])
    if args.show_failures:
        for tally, *_ in runs:
            if tally.name == args.of:
                for page_id, got, want in tally.failures.get(args.show_failures, []):
                    print(f"{page_id}\tgot={got!r}\twant={want!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
