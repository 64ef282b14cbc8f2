"""Text-form authors against the same page's HTML authors, on sets without author truth.

    python -m bench.text_authors [--data DIR] [--sets scrapinghub,readability,trafilatura-eval]
                                 [--sample N] [--html-cache FILE] [--show disagree|invented]

scrapinghub, readability and trafilatura-eval have no author truth, but their HTML carries the
authors newsworker reads from JSON-LD and meta tags; the page's plain-text copy prints the same
byline (or should). So where the HTML names authors, the text form should name the same ones (the
same set of lowercased name tokens, as `bench.metadata` scores them), and where the HTML names
nobody, authors from the text are most likely invented. A held-out proxy for the text path's
authors in many languages (trafilatura-eval), not a truth: the HTML is sometimes wrong itself.
`--html-cache` keeps the HTML side between runs (it does not change with the text path).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.datasets import data_dir, load_pages, require_data
from bench.metadata import name_tokens
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

_NOW = datetime(2026, 1, 1, tzinfo=UTC)
_SETS = ("scrapinghub", "readability", "trafilatura-eval")


def authors_of(raw: bytes | str, kind: InputKind) -> list[str]:
    """The authors `extract_article` gives the page, or none when it refuses it."""
    try:
        return list(extract_article(load_document(raw, kind=kind), now=_NOW).metadata.authors)
    except NewsworkerError:
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--sets", default=",".join(_SETS))
    parser.add_argument("--sample", type=int, help="pages spread evenly over each set")
    parser.add_argument("--html-cache", type=Path, help="JSON file keeping the HTML authors")
    parser.add_argument("--show", choices=("disagree", "invented"), help="list those pages")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if not require_data(root):
        return 0
    cache: dict[str, list[str]] = {}
    if args.html_cache and args.html_cache.exists():
        cache = json.loads(args.html_cache.read_text(encoding="utf-8"))
    print("| set | pages | HTML names someone | text agrees | text names nobody | text invents |")
    print("| --- | --- | --- | --- | --- | --- |")
    for set_name in args.sets.split(","):
        named = agree = missing = invented = 0
        pages = load_pages(root, set_name, sample=args.sample)
        for page in pages:
            key = f"{set_name}/{page.page_id}"
            if key not in cache:
                cache[key] = authors_of(page.html_bytes(), InputKind.HTML)
            html, text = cache[key], authors_of(page.text(), InputKind.TEXT)
            if html:
                named += 1
                same = name_tokens(html) == name_tokens(text)
                agree += same
                missing += not text
                if not same and args.show == "disagree":
                    print(f"{key}\ttext={text!r}\thtml={html!r}", file=sys.stderr)
            elif text:
                invented += 1
                if args.show == "invented":
                    print(f"{key}\ttext={text!r}", file=sys.stderr)
        rate = f"{agree / named:.3f} ({agree}/{named})" if named else "-"
        print(f"| {set_name} | {len(pages)} | {named} | {rate} | {missing} | {invented} |")
    if args.html_cache:
        args.html_cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
