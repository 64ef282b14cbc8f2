"""Where the article text newsworker's HTML reading loses goes missing, on the tuning sets.

    python -m bench.body_losses [--sets scrapinghub,wcxb-dev,readability] [--out bench/out]
                                [--recall-below 0.8] [--gap 0.1]

Reads the predictions `python -m bench.body --forms html --extractors newsworker` wrote, takes the
pages whose recall is well below their precision (text lost rather than furniture kept), and puts each
true word-shingle the prediction lacks in the first stage that no longer has it:

    first_cut            gone with a non-text, hidden or boilerplate-named subtree
    outside_candidates   left outside the subtree(s) `main_candidates` chose
    not_in_blocks        inside them, but no block carries it (slimmed away, or never walked); a
                         shingle over the edge of two blocks counts with the first of them dropped
    rules_dropped:<why>  a block the rules dropped: its context-free class, then the revision's verdict
    model_dropped        a block the rules kept and the block model dropped
    kept_but_lost        a kept block, lost after (drop_repeats) or spelled otherwise
    never_in_text        not in the page's text at all (the truth spells it otherwise)

Held-out sets (dragnet, cleaneval) are refused: their pages are measured, never read. Why: recall is
the gap to the peers, and a mend should go after the stage that explains many pages, not one page.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from bench.datasets import BODY_SETS, Page, data_dir, load_pages, require_data
from worker.clean.block_model import judge_blocks, shipped_block_model
from worker.clean.html import rule_blocks
from worker.clean.html_cut import first_cut, main_candidates, text_scale
from worker.clean.html_lead import page_description, page_title
from worker.clean.html_walk import BlockClass
from worker.document import InputKind, load_document
from worker.extract.metadata import extract_html_metadata
from worker.parse import parse_html

OUT_DIR = Path(__file__).resolve().parent / "out"
Shingles = Counter[tuple[str, ...]]


def scorer(root: Path) -> ModuleType:
    """The reference scorer beside the data: its tokens and shingles are what recall counts."""
    spec = importlib.util.spec_from_file_location("bench_score", root / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shingles(score: ModuleType, text: str) -> Shingles:
    return score.shingles(score.tokens(text))


def _tree(page: Page):
    document = load_document(page.html_bytes(), kind=InputKind.HTML, url=page.url)
    return parse_html(document.text), document.url


def _block_verdicts(page: Page, score: ModuleType) -> dict[tuple[str, ...], str]:
    """Each shingle of the blocks, with the verdict on the first block that carries it."""
    root, url = _tree(page)
    blocks = rule_blocks(root, authors=extract_html_metadata(root, url=url).authors)
    rule_keep = [block.cls is BlockClass.GOOD for block in blocks.blocks]
    revised = [block.cls for block in blocks.blocks]
    if any(rule_keep):
        judge_blocks(blocks.blocks, shipped_block_model(), title=blocks.title, scale=blocks.scale)
    verdicts: dict[tuple[str, ...], str] = {}
    per_block = []
    for block, kept, cls in zip(blocks.blocks, rule_keep, revised, strict=True):
        if block.cls is BlockClass.GOOD:
            verdict = "kept_but_lost"
        elif kept:
            verdict = "model_dropped"
        else:
            verdict = f"rules_dropped:{block.first_cls.name}->{cls.name}" + (":list" if block.in_list else "")
        per_block.append(verdict)
        for shingle in _shingles(score, block.text):
            verdicts.setdefault(shingle, verdict)
    for shingle, verdict in _edge_verdicts(score, [b.text for b in blocks.blocks], per_block).items():
        verdicts.setdefault(shingle, verdict)
    return verdicts


def _edge_verdicts(score: ModuleType, texts: list[str], verdicts: list[str]) -> dict[tuple[str, ...], str]:
    """The shingles that run over a block's edge into the next (in no one block), each with the verdict
    on the first block of its span the output lacks: a dropped block loses the shingles across its edges
    too, which are not text the walk missed."""
    tokens: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(texts):
        words = score.tokens(text)
        tokens += words
        owner += [i] * len(words)
    n = score.N
    edges: dict[tuple[str, ...], str] = {}
    for start in range(len(tokens) - n + 1):
        first, last = owner[start], owner[start + n - 1]
        if first == last:
            continue
        spanned = [verdicts[i] for i in range(first, last + 1)]
        lost = [v for v in spanned if v != "kept_but_lost"]
        edges.setdefault(tuple(tokens[start : start + n]), lost[0] if lost else "kept_but_lost")
    return edges


def _tree_stages(page: Page, score: ModuleType) -> tuple[Shingles, Shingles, Shingles]:
    """The shingles of the whole page, of what `first_cut` leaves, and of the chosen subtrees."""
    root, _ = _tree(page)
    whole = _shingles(score, root.text_content())
    title, description = page_title(root), page_description(root)
    first_cut(root, title)
    after_cut = _shingles(score, root.text_content())
    chosen: Shingles = Counter()
    for subtree in main_candidates(root, text_scale(root), title, description):
        chosen += _shingles(score, subtree.text_content())
    return whole, after_cut, chosen


def page_losses(page: Page, predicted: str, score: ModuleType) -> Counter[str]:
    """The true shingles `predicted` lacks, counted by the stage that lost them."""
    missing = _shingles(score, page.truth.get("articleBody") or "") - _shingles(score, predicted)
    verdicts = _block_verdicts(page, score)
    whole, after_cut, chosen = _tree_stages(page, score)
    losses: Counter[str] = Counter()
    for shingle, count in missing.items():
        if shingle in verdicts:
            stage = verdicts[shingle]
        elif shingle in chosen:
            stage = "not_in_blocks"
        elif shingle in after_cut:
            stage = "outside_candidates"
        elif shingle in whole:
            stage = "first_cut"
        else:
            stage = "never_in_text"
        losses[stage] += count
    return losses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data")
    parser.add_argument("--out", default=str(OUT_DIR))
    parser.add_argument("--sets", default="scrapinghub,wcxb-dev,readability")
    parser.add_argument("--recall-below", type=float, default=0.8)
    parser.add_argument("--gap", type=float, default=0.1)
    args = parser.parse_args(argv)
    sets = args.sets.split(",")
    if held := [name for name in sets if not BODY_SETS.get(name, False)]:
        print(f"refused: {', '.join(held)} held out or unknown (measure only)", file=sys.stderr)
        return 2
    root = data_dir(args.data)
    if not require_data(root):
        return 0
    score = scorer(root)
    share: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    for name in sets:
        for page in load_pages(root, name):
            truth = page.truth.get("articleBody") or ""
            path = Path(args.out) / name / "html" / "newsworker" / f"{page.page_id}.txt"
            predicted = path.read_text(encoding="utf-8") if path.exists() else ""
            if not truth.strip():
                continue
            precision, recall = score.page_pr(*score.page_counts(truth, predicted)[0])
            if recall >= args.recall_below or recall >= precision - args.gap:
                continue
            losses = page_losses(page, predicted, score)
            total = sum(_shingles(score, truth).values())
            top = " ".join(f"{stage}={count}" for stage, count in losses.most_common(3))
            print(f"{name:12s} {page.page_id[:12]} P {precision:.2f} R {recall:.2f}  {top}")
            for stage, count in losses.items():
                share[stage] += count / total
                pages[stage] += 1
    print("\nstage: recall lost, summed over the pages (in page-recall units), and pages")
    for stage, lost in share.most_common():
        print(f"{lost:8.2f} {pages[stage]:4d}  {stage}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
