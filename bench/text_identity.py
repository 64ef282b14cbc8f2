"""The text or HTML path's output, page by page, to prove a speed change changed nothing, and its CPU cost.

`--save FILE` writes every article field `extract_article` gives for each page's whole-page text
(scrapinghub, and a wcxb-dev sample); `--check FILE` extracts again and lists the pages whose output
differs by a single byte. `--time` prints CPU ms a page over several passes of scrapinghub's text
(`time.process_time`, so the load of a shared machine counts less), `--profile` the hot spots.
`--form html` does the same for the pages' HTML (scrapinghub, wcxb-dev and cleaneval samples), and
`--time` then times trafilatura's `extract` on the same pages in the same process, pass for pass
alternated, so that the ratio holds however loaded the machine is.

    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --save /tmp/before.json
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --check /tmp/before.json
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --time --passes 5
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --form html --save /tmp/html.json
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.text_identity --form html --time --passes 3
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench.datasets import BODY_SETS, Page, data_dir, load_pages
from worker.article import Article
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

NOW = datetime(2026, 12, 6, tzinfo=UTC)  # fixed: "never a day after extraction time" must not drift


def extract(raw: str | bytes, url: str | None = None) -> Article | NewsworkerError:
    """The article of a page's whole-page text (str) or its HTML (bytes)."""
    try:
        if isinstance(raw, bytes):
            return extract_article(load_document(raw, kind=InputKind.HTML, url=url), now=NOW)
        return extract_article(load_document(raw.encode("utf-8"), kind=InputKind.TEXT), now=NOW)
    except NewsworkerError as error:
        return error


def output_of(raw: str | bytes, url: str | None = None) -> str:
    """Every field of the article (or the error) as canonical JSON: the bytes compared."""
    article = extract(raw, url)
    if isinstance(article, NewsworkerError):
        return f"{type(article).__name__}: {article}"
    return json.dumps(asdict(article), sort_keys=True, ensure_ascii=False, default=str)


def pages_of(root: Path, wcxb_sample: int, form: str = "text", held_out_sample: int = 0) -> list[Page]:
    pages = load_pages(root, "scrapinghub") + load_pages(root, "wcxb-dev", sample=wcxb_sample)
    if form == "html" and held_out_sample:
        pages += load_pages(root, "cleaneval", sample=held_out_sample)
    return pages


def shown_difference(key: str, before: str | None, after: str | None) -> str:
    """How a page whose output changed is named: a held-out page by its key alone, for its text is
    never read to decide anything (counts are all the check may tell of it)."""
    if not BODY_SETS.get(key.split("/", 1)[0], False):
        return f"differs: {key} (held out: output not shown)"
    return f"differs: {key}\n  before {before}\n  after  {after}"


def raw_of(page: Page, form: str) -> str | bytes:
    return page.html_bytes() if form == "html" else page.text()


def outputs(pages: list[Page], form: str = "text") -> dict[str, str]:
    return {f"{page.set_name}/{page.page_id}": output_of(raw_of(page, form), page.url) for page in pages}


Input = tuple[str | bytes, str | None]


def cpu_ms_per_page(inputs: list[Input], passes: int) -> list[float]:
    """CPU ms a page of `extract_article`, one figure a pass (one warm-up pass first: the model and
    tables load once)."""
    return _cpu_ms(extract, inputs, passes)


def _trafilatura(raw: str | bytes, url: str | None) -> object:
    import trafilatura

    return trafilatura.extract(raw, url=url)


def _cpu_ms(
    run: Callable[[str | bytes, str | None], object], inputs: list[Input], passes: int, *, warm: bool = True
) -> list[float]:
    if warm:
        for raw, url in inputs:
            run(raw, url)
    figures = []
    for _ in range(passes):
        start = time.process_time()
        for raw, url in inputs:
            run(raw, url)
        figures.append(1000 * (time.process_time() - start) / len(inputs))
    return figures


def alternated(inputs: list[Input], passes: int) -> tuple[list[float], list[float]]:
    """CPU ms a page of newsworker and of trafilatura, pass for pass alternated in one process."""
    ours: list[float] = []
    theirs: list[float] = []
    for raw, url in inputs[:20]:  # warm-up: models, tables and imports load once
        extract(raw, url)
        _trafilatura(raw, url)
    for _ in range(passes):
        ours += _cpu_ms(extract, inputs, 1, warm=False)
        theirs += _cpu_ms(_trafilatura, inputs, 1, warm=False)
    return ours, theirs


def _shown(figures: list[float]) -> str:
    return " ".join(f"{figure:.2f}" for figure in figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--wcxb-sample", type=int, default=300)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--check", type=Path)
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--form", choices=("text", "html"), default="text")
    parser.add_argument("--held-out-sample", type=int, default=150, help="cleaneval pages (HTML only)")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if args.save or args.check:
        pages = pages_of(root, args.wcxb_sample, args.form, args.held_out_sample)
        got = outputs(pages, args.form)
        if args.save:
            args.save.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
            print(f"saved the output of {len(got)} pages to {args.save}")
        if args.check:
            want = json.loads(args.check.read_text(encoding="utf-8"))
            differ = sorted(key for key in want.keys() | got.keys() if want.get(key) != got.get(key))
            for key in differ[:20]:
                print(shown_difference(key, want.get(key), got.get(key)))
            print(f"{len(got) - len(differ)}/{len(got)} pages identical")
            if differ:
                return 1
    timed = load_pages(root, "scrapinghub")
    if args.form == "html" and args.held_out_sample:
        timed += load_pages(root, "cleaneval", sample=args.held_out_sample // 3)
        timed += load_pages(root, "dragnet", sample=args.held_out_sample // 3)
    inputs = [(raw_of(page, args.form), page.url) for page in timed]
    if args.time and args.form == "html":
        ours, theirs = alternated(inputs, args.passes)
        print(f"{len(inputs)} pages; newsworker CPU ms/page per pass: {_shown(ours)}; best {min(ours):.2f}")
        print(f"trafilatura CPU ms/page per pass: {_shown(theirs)}; best {min(theirs):.2f}")
        print(f"trafilatura / newsworker (best of each): {min(theirs) / min(ours):.2f}x")
    elif args.time:
        figures = cpu_ms_per_page(inputs, args.passes)
        best = min(figures)
        print(f"CPU ms/page per pass: {_shown(figures)}; best {best:.2f} ({1000 / best:.0f} pages/s)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        cpu_ms_per_page(inputs, args.passes)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
