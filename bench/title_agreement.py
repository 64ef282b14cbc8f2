"""How often the title read from a page's plain text is the one read from the same page's HTML.

    python -m bench.title_agreement [--sets scrapinghub,readability,trafilatura-eval] [--sample N]
                                    [--half 0|1] [--show] [--by-language]

Only WCXB dev holds title truth; the other sets do not. For them the title newsworker reads from the
page's HTML stands in for the truth, but only where the page's own markup agrees on it: at least two
of its og:title (without a site-name affix), its JSON-LD headline and an <h1> say the same words.
Then the text form's title is scored against it (exact after lowercasing and removing punctuation).
`--by-language` splits the figures by the language newsworker reads from the HTML (trafilatura-eval
is the many-language set); `--show` lists the pages where the two disagree.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html

from bench.datasets import Page, data_dir, load_pages
from bench.metadata import in_half, norm_title
from worker.document import Document, InputKind, decode_bytes
from worker.errors import NewsworkerError
from worker.extract.jsonld import field_of, read_linked_data, text_of
from worker.extract.titles import strip_site_affixes
from worker.pipeline import extract_article

NOW = datetime(2026, 12, 6, tzinfo=UTC)
SETS = ("scrapinghub", "readability", "trafilatura-eval")


@dataclass(frozen=True, slots=True)
class Reference:
    """The HTML's title where the markup agrees on it, and the language newsworker read there."""

    title: str
    language: str


def reference(page: Page) -> Reference | None:
    """newsworker's HTML title, when two of the page's markup sources say it too."""
    html = decode_bytes(page.html_bytes())
    try:
        metadata = extract_article(Document(html, InputKind.HTML, page.url), now=NOW).metadata
    except NewsworkerError:
        return None
    key = norm_title(metadata.title)
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
    return Reference(metadata.title or "", metadata.language or "?") if agree >= 2 else None


def text_title(page: Page) -> str | None:
    try:
        return extract_article(Document(page.text(), InputKind.TEXT, None), now=NOW).metadata.title
    except NewsworkerError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--sample", type=int, help="pages per set, spread evenly")
    parser.add_argument("--half", type=int, choices=(0, 1))
    parser.add_argument("--show", action="store_true", help="list the pages where the two disagree")
    parser.add_argument("--by-language", action="store_true")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    for set_name in args.sets.split(","):
        pages = load_pages(root, set_name, sample=args.sample)
        if args.half is not None:
            pages = [page for page in pages if in_half(page.page_id, args.half)]
        agree: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for page in pages:
            ref = reference(page)
            if ref is None:
                continue
            got = text_title(page)
            ok = norm_title(got) == norm_title(ref.title)
            total[ref.language] += 1
            agree[ref.language] += ok
            if args.show and not ok:
                print(f"{set_name}/{page.page_id} [{ref.language}]\tgot={got!r}\twant={ref.title!r}")
        n, k = sum(total.values()), sum(agree.values())
        print(f"{set_name}: text title = HTML title on {k}/{n} ({k / max(1, n):.3f}) of {len(pages)} pages")
        if args.by_language:
            for language, count in total.most_common():
                print(f"  {language}: {agree[language]}/{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
