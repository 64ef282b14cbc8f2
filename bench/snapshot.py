"""Every benchmark page's extraction as one JSON line, to show a change leaves the output byte-identical.

    python -m bench.snapshot OUT.jsonl [--data DIR] [--sets scrapinghub,wcxb-dev] [--forms html,text]
    diff before.jsonl after.jsonl

Each line is one (set, form, page): the article's metadata and paragraphs exactly as
`worker.pipeline.extract_article` returns them (with a fixed `now`), or the error it raised.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench.datasets import SETS, data_dir, load_pages, require_data
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

_NOW = datetime(2026, 1, 1, tzinfo=UTC)


def extraction(raw: bytes | str, kind: InputKind) -> dict:
    try:
        article = extract_article(load_document(raw, kind=kind), now=_NOW)
    except NewsworkerError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    return {"metadata": asdict(article.metadata), "paragraphs": article.paragraphs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--forms", default="html,text")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if not require_data(root):
        return 0
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for set_name in args.sets.split(","):
            for page in load_pages(root, set_name):
                for form in args.forms.split(","):
                    if form == "html":
                        result = extraction(page.html_bytes(), InputKind.HTML)
                    else:
                        result = extraction(page.text(), InputKind.TEXT)
                    line = {"set": set_name, "form": form, "id": page.page_id, **result}
                    out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
                    count += 1
    print(f"{count} extractions -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
