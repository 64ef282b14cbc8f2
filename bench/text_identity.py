"""The text path's output, page by page, to prove a speed change changed nothing, and its CPU cost.

`--save FILE` writes every article field `extract_article` gives for each page's whole-page text
(scrapinghub, and a wcxb-dev sample); `--check FILE` extracts again and lists the pages whose output
differs by a single byte. `--time` prints CPU ms a page over several passes of scrapinghub's text
(`time.process_time`, so the load of a shared machine counts less), `--profile` the hot spots.

    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --save /tmp/before.json
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --check /tmp/before.json
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --time --passes 5
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench.datasets import Page, data_dir, load_pages
from worker.article import Article
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

NOW = datetime(2026, 12, 6, tzinfo=UTC)  # fixed: "never a day after extraction time" must not drift


def extract(text: str) -> Article | NewsworkerError:
    try:
        return extract_article(load_document(text.encode("utf-8"), kind=InputKind.TEXT), now=NOW)
    except NewsworkerError as error:
        return error


def output_of(text: str) -> str:
    """Every field of the article (or the error) as canonical JSON: the bytes compared."""
    article = extract(text)
    if isinstance(article, NewsworkerError):
        return f"{type(article).__name__}: {article}"
    return json.dumps(asdict(article), sort_keys=True, ensure_ascii=False, default=str)


def pages_of(root: Path, wcxb_sample: int) -> list[Page]:
    return load_pages(root, "scrapinghub") + load_pages(root, "wcxb-dev", sample=wcxb_sample)


def outputs(pages: list[Page]) -> dict[str, str]:
    return {f"{page.set_name}/{page.page_id}": output_of(page.text()) for page in pages}


def cpu_ms_per_page(texts: list[str], passes: int) -> list[float]:
    """CPU ms a page of `extract_article`, one figure a pass (one warm-up pass first: the model and
    tables load once)."""
    for text in texts:
        extract(text)
    figures = []
    for _ in range(passes):
        start = time.process_time()
        for text in texts:
            extract(text)
        figures.append(1000 * (time.process_time() - start) / len(texts))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--wcxb-sample", type=int, default=300)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--check", type=Path)
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if args.save or args.check:
        pages = pages_of(root, args.wcxb_sample)
        got = outputs(pages)
        if args.save:
            args.save.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
            print(f"saved the output of {len(got)} pages to {args.save}")
        if args.check:
            want = json.loads(args.check.read_text(encoding="utf-8"))
            differ = sorted(key for key in want.keys() | got.keys() if want.get(key) != got.get(key))
            for key in differ[:20]:
                print(f"differs: {key}\n  before {want.get(key)}\n  after  {got.get(key)}")
            print(f"{len(got) - len(differ)}/{len(got)} pages identical")
            if differ:
                return 1
    texts = [page.text() for page in load_pages(root, "scrapinghub")]
    if args.time:
        figures = cpu_ms_per_page(texts, args.passes)
        best = min(figures)
        shown = " ".join(f"{figure:.2f}" for figure in figures)
        print(f"CPU ms/page per pass: {shown}; best {best:.2f} ({1000 / best:.0f} pages/s)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        cpu_ms_per_page(texts, args.passes)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
