"""Train the plain-text body model (`worker/models/text_body.json`) from the licensed sets, one command:

    python -m bench.train_body [--data DIR] [--sample N] [--family auto|logistic|trees] [--out PATH]
    make train-body

The HTML block model's recipe (`bench.train_blocks`), on the lines of the text form:
1. Every page's `text/` form of scrapinghub, wcxb-dev, readability and trafilatura-eval goes through the
   rules (`worker.clean.text.rule_layout`), and each line of the block's window becomes a row of
   `worker.clean.text_line_features.FEATURE_NAMES`. dragnet and cleaneval are never read here.
2. Labels from the truth: a line is body when half its 4-token shingles are the true body's; on
   trafilatura-eval (snippets only) a line holding a must-keep or must-drop snippet, the rest left out.
3. Rows weighted by the line's share of its page's tokens: every page weighs the same, as in the scorer.
4. Leave-one-set-out over the three body sets (train on the others and trafilatura-eval, score the
   left-out set's body F1 with the scorer's formula) for the rules, logistic regression and boosted
   trees at several (drop_below, keep_above) bounds; `--family auto` ships the best mean.
5. The chosen family and bounds are trained on all four sets and written as JSON.

Deterministic (sets and pages in id order, fixed seeds, one thread): the same data, the same file.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Iterable
from pathlib import Path

from bench.datasets import Page, data_dir, load_pages
from bench.train_blocks import (
    BOUNDS,
    FAMILIES,
    TRAIN_SETS,
    PageRows,
    body_labels,
    choose,
    cross_validate,
    fit,
    print_table,
    snippet_labels,
    write_model,
)
from worker.clean.text import rule_layout
from worker.clean.text_line_features import FEATURE_NAMES, line_rows

MODEL_PATH = Path(__file__).resolve().parent.parent / "worker" / "models" / "text_body.json"
_WORD = re.compile(r"\w+")


def text_rows(page_id: str, set_name: str, text: str, truth: dict) -> PageRows:
    """The rules' reading of a page copied as text, then features and labels of its window's lines."""
    result = PageRows(set_name, page_id, body=truth.get("articleBody"))
    result.with_ = list(truth.get("with") or ())
    result.without = list(truth.get("without") or ())
    lines, body, block = rule_layout(text)
    if block is None:
        return result
    span, result.rows = line_rows(lines, body, block)
    result.texts = [lines[i].text for i in span]
    kept = set(body)
    result.rule_keep = [i in kept for i in span]
    result.fixed = [False] * len(result.texts)
    if result.body is not None:
        result.labels = body_labels(result.texts, result.body)
    else:
        result.labels = snippet_labels(result.texts, result.with_, result.without)
    tokens = [len(_WORD.findall(t)) for t in result.texts]
    total = sum(tokens) or 1
    result.weights = [n / total for n in tokens]
    return result


def page_rows(page: Page) -> PageRows:
    return text_rows(page.page_id, page.set_name, page.text(), page.truth)


def collect(root: Path, sets: Iterable[str], sample: int | None = None) -> list[PageRows]:
    pages: list[PageRows] = []
    for name in sets:
        if name not in TRAIN_SETS:
            raise ValueError(f"{name} may not train the shipped model: only {TRAIN_SETS}")
        pages.extend(page_rows(page) for page in load_pages(root, name, sample=sample))
        print(f"  {name}: {sum(p.set_name == name for p in pages)} pages", file=sys.stderr)
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--sample", type=int, help="pages per set (while iterating)")
    parser.add_argument("--family", default="auto", choices=("auto", *FAMILIES))
    parser.add_argument("--out", default=str(MODEL_PATH))
    args = parser.parse_args(argv)
    pages = collect(data_dir(args.data), TRAIN_SETS, args.sample)
    families = FAMILIES if args.family == "auto" else (args.family,)
    table = cross_validate(pages, families, FEATURE_NAMES)
    print_table(table)
    family, bounds = choose(table)
    rules = statistics.mean(row[("rules", (0.0, 0.0))] for row in table.values())
    best = statistics.mean(row[(family, bounds)] for row in table.values())
    print(f"chosen: {family} {bounds} (left-out mean {best:.4f}, rules {rules:.4f}); bounds tried {BOUNDS}")
    model = fit(pages, family, bounds, features=FEATURE_NAMES)
    write_model(model, Path(args.out))
    print(f"trained on {len(pages)} pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
