"""The title and authors read from a page's plain text against those read from the same page's HTML.

    python -m bench.text_vs_html [--sets scrapinghub,readability,trafilatura-eval] [--sample N]
                                 [--half 0|1] [--by-language] [--html-cache FILE]
                                 [--show title|authors|invented]

Only WCXB dev holds title and author truth. On the other permissively licensed sets, what newsworker
reads from the page's HTML stands in for it, as a held-out proxy for the text path in many languages
(trafilatura-eval), not a truth (the HTML is sometimes wrong itself):
- title: only where the page's own markup agrees on it (at least two of its og:title without a
  site-name affix, its JSON-LD headline and an <h1> say the same words), scored exact after
  lowercasing and removing punctuation (`bench.metadata.norm_title`);
- authors: where the HTML names someone, the text must name the same set of name tokens
  (`bench.metadata.name_tokens`); where it names nobody, authors from the text are most likely
  invented;
- publish day: only where the page's markup declares it (JSON-LD `datePublished` or an
  `article:published_time` meta tag) and newsworker's HTML reading gives that day; the text's day
  must be the same (its first 10 characters), or the same instant where both give a time with its
  offset (a local "10:31 pm CST" byline on the 19th, the markup's 04:31 UTC on the 20th). A page's
  text need not print its date at all, so the share that agrees is a floor.
`--by-language` splits the title and day figures by the language read from the HTML; `--html-cache` keeps the
HTML side between runs (it does not change with the text path); `--show` lists the pages that
disagree (on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import lxml.html

from bench.datasets import Page, data_dir, load_pages, require_data
from bench.metadata import in_half, name_tokens, norm_title
from worker.article import Article
from worker.document import Document, InputKind, decode_bytes
from worker.errors import NewsworkerError
from worker.extract.jsonld import field_of, read_linked_data, text_of
from worker.extract.titles import strip_site_affixes
from worker.pipeline import extract_article

NOW = datetime(2026, 12, 6, tzinfo=UTC)
SETS = ("scrapinghub", "readability", "trafilatura-eval")


def article_of(document: Document) -> Article | None:
    """What `extract_article` gives the page, or None when it refuses it."""
    try:
        return extract_article(document, now=NOW)
    except NewsworkerError:
        return None


def confirmed_title(html: str, title: str | None) -> str | None:
    """The HTML's title when two of the page's markup sources say it too."""
    key = norm_title(title)
    if not key:
        return None
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    og = root.xpath('//meta[@property="og:title" or @name="og:title"]/@content')
    headline = text_of(field_of(read_linked_data(root), "headline"))
    h1s = {norm_title(h.text_content()) for h in root.iter("h1")}
    agree = (
        bool(og and key in {norm_title(og[0]), norm_title(strip_site_affixes(og[0], []))})
        + bool(headline and norm_title(headline) == key)
        + (key in h1s)
    )
    return title if agree >= 2 else None


def confirmed_day(html: str, published: str | None) -> str | None:
    """The HTML's publish day when the page's markup declares that day itself."""
    day = (published or "")[:10]
    if len(day) != 10:
        return None
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    declared = [text_of(field_of(read_linked_data(root), "datePublished")) or ""]
    declared += root.xpath('//meta[@property="article:published_time"]/@content')
    return day if any(value.strip().startswith(day) for value in declared) else None


def same_instant(a: str | None, b: str | None) -> bool:
    """Two times with offsets naming one instant (to the minute): a local byline's "10:31 pm CST" on
    the 19th and the markup's 04:31 UTC on the 20th are the same publication."""
    try:
        x, y = datetime.fromisoformat(a or ""), datetime.fromisoformat(b or "")
    except ValueError:
        return False
    if x.tzinfo is None or y.tzinfo is None or len(a or "") <= 10 or len(b or "") <= 10:
        return False
    return abs((x - y).total_seconds()) < 60


def html_side(page: Page) -> dict[str, object]:
    """The reference read from the page's HTML: a confirmed title, the language, the authors, a
    declared publish day."""
    html = decode_bytes(page.html_bytes())
    article = article_of(Document(html, InputKind.HTML, page.url))
    if article is None:
        return {"title": None, "language": "?", "authors": [], "day": None, "moment": None}
    meta = article.metadata
    return {
        "title": confirmed_title(html, meta.title),
        "language": meta.language or "?",
        "authors": list(meta.authors),
        "day": (day := confirmed_day(html, meta.published)),
        "moment": meta.published if day else None,
    }


@dataclass
class Tally:
    """One set's counts: titles by language, and authors."""

    titles: Counter[str] = field(default_factory=Counter)
    titles_agree: Counter[str] = field(default_factory=Counter)
    named: int = 0
    authors_agree: int = 0
    text_names_nobody: int = 0
    invented: int = 0
    dated: Counter[str] = field(default_factory=Counter)
    days_agree: Counter[str] = field(default_factory=Counter)
    days_differ: Counter[str] = field(default_factory=Counter)


def compare(key: str, html: dict, text: Article | None, tally: Tally, show: str | None) -> None:
    """Count one page into `tally`, listing it on stderr when `show` asks for its kind of miss."""
    title = text.metadata.title if text else None
    authors = list(text.metadata.authors) if text else []
    if (want := html["title"]) is not None:
        ok = norm_title(title) == norm_title(want)
        tally.titles[html["language"]] += 1
        tally.titles_agree[html["language"]] += ok
        if show == "title" and not ok:
            print(f"{key} [{html['language']}]\tgot={title!r}\twant={want!r}", file=sys.stderr)
    if html["authors"]:
        tally.named += 1
        same = name_tokens(html["authors"]) == name_tokens(authors)
        tally.authors_agree += same
        tally.text_names_nobody += not authors
        if show == "authors" and not same:
            print(f"{key}\ttext={authors!r}\thtml={html['authors']!r}", file=sys.stderr)
    elif authors:
        tally.invented += 1
        if show == "invented":
            print(f"{key}\ttext={authors!r}", file=sys.stderr)
    if want_day := html.get("day"):
        published = text.metadata.published if text else None
        day = (published or "")[:10]
        agrees = day == want_day or same_instant(published, html.get("moment"))
        language = html["language"]
        tally.dated[language] += 1
        tally.days_agree[language] += agrees
        tally.days_differ[language] += bool(day) and not agrees
        if show == "day" and not agrees:
            print(f"{key} [{html['language']}]\ttext={day!r}\thtml={want_day!r}", file=sys.stderr)


def _rate(k: int, n: int) -> str:
    return f"{k / n:.3f} ({k}/{n})" if n else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--sample", type=int, help="pages per set, spread evenly")
    parser.add_argument("--half", type=int, choices=(0, 1))
    parser.add_argument("--by-language", action="store_true", help="title figures by the HTML's language")
    parser.add_argument("--html-cache", type=Path, help="JSON file keeping the HTML side between runs")
    parser.add_argument(
        "--show", choices=("title", "authors", "invented", "day"), help="list those pages (stderr)"
    )
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if not require_data(root):
        return 0
    cache: dict[str, dict] = {}
    if args.html_cache and args.html_cache.exists():
        cache = json.loads(args.html_cache.read_text(encoding="utf-8"))
    print(
        "| set | pages | title confirmed in HTML | text title agrees | HTML names someone "
        "| text authors agree | text names nobody | text invents | day declared in HTML "
        "| text day agrees | text day differs |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for set_name in args.sets.split(","):
        pages = load_pages(root, set_name, sample=args.sample)
        if args.half is not None:
            pages = [page for page in pages if in_half(page.page_id, args.half)]
        tally = Tally()
        for page in pages:
            key = f"{set_name}/{page.page_id}"
            if key not in cache:
                cache[key] = html_side(page)
            compare(
                key, cache[key], article_of(Document(page.text(), InputKind.TEXT, None)), tally, args.show
            )
        titles, agree = sum(tally.titles.values()), sum(tally.titles_agree.values())
        dated, days_agree = sum(tally.dated.values()), sum(tally.days_agree.values())
        print(
            f"| {set_name} | {len(pages)} | {titles} | {_rate(agree, titles)} | {tally.named} "
            f"| {_rate(tally.authors_agree, tally.named)} | {tally.text_names_nobody} | {tally.invented} "
            f"| {dated} | {_rate(days_agree, dated)} | {sum(tally.days_differ.values())} |"
        )
        if args.by_language:
            for language in sorted(set(tally.titles) | set(tally.dated), key=lambda k: -tally.titles[k]):
                count, dated = tally.titles[language], tally.dated[language]
                agree = _rate(tally.titles_agree[language], count)
                print(
                    f"|   {language} | | {count} | {agree} | | | | | {dated} "
                    f"| {_rate(tally.days_agree[language], dated)} "
                    f"| {tally.days_differ[language]} |"
                )
    if args.html_cache:
        args.html_cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
