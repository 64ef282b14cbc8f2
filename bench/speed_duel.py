"""Old and new code timed in turn: two processes, one checkout each, one pass of the text path at a time.

A speed change on a shared, loaded machine is measured against the code before it by alternating
whole passes of `extract_article` over scrapinghub's text (`--form html`: its HTML;
`bench.text_identity`'s inputs and timing, CPU time), pass for pass, so that both sides see the same
load. `--against DIR`: a checkout of the
old code (e.g. `git worktree add /tmp/old main`, or `git archive main | tar -x -C /tmp/old`); this
checkout is the new side.

    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.speed_duel --against /tmp/old --pairs 10
    NEWSWORKER_BENCH_DATA=../shared/bench python -m bench.speed_duel --against /tmp/old --form html
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

# A side, run in its checkout (which may predate this module): the inputs read and warmed once, then
# one pass for each line read, its CPU ms a page printed.
_SERVE = """
import sys, time
from bench.datasets import data_dir, load_pages
from bench.text_identity import extract
pages = load_pages(data_dir(sys.argv[1] or None), "scrapinghub")
inputs = [(page.html_bytes() if sys.argv[2] == "html" else page.text(), page.url) for page in pages]
for raw, url in inputs:
    extract(raw, url)
print("ready", flush=True)
for _ in sys.stdin:
    start = time.process_time()
    for raw, url in inputs:
        extract(raw, url)
    print(f"{1000 * (time.process_time() - start) / len(inputs):.4f}", flush=True)
"""


def _side(checkout: Path, data: str | None, form: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", _SERVE, data or "", form]
    side = subprocess.Popen(command, cwd=checkout, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if side.stdout is None or side.stdout.readline().strip() != "ready":
        raise SystemExit(f"the side in {checkout} did not start")
    return side


def duel(
    old: Path, new: Path, pairs: int, data: str | None = None, form: str = "text"
) -> dict[str, list[float]]:
    """CPU ms a page of each side, a pass each in turn (which goes first alternates)."""
    sides = {"old": _side(old, data, form), "new": _side(new, data, form)}
    figures: dict[str, list[float]] = {"old": [], "new": []}
    for pair in range(pairs):
        for name in ("old", "new") if pair % 2 == 0 else ("new", "old"):
            side = sides[name]
            assert side.stdin is not None and side.stdout is not None
            side.stdin.write("go\n")
            side.stdin.flush()
            figures[name].append(float(side.stdout.readline()))
    for side in sides.values():
        assert side.stdin is not None
        side.stdin.close()
        side.wait()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="a checkout of the old code")
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--data")
    parser.add_argument("--form", choices=("text", "html"), default="text")
    args = parser.parse_args(argv)
    if args.against is None:
        parser.error("--against DIR is needed")
    figures = duel(args.against.resolve(), Path.cwd(), args.pairs, args.data, args.form)
    for name, passes in figures.items():
        shown = " ".join(f"{figure:.2f}" for figure in passes)
        print(f"{name}: median {statistics.median(passes):.2f} best {min(passes):.2f} CPU ms/page ({shown})")
    ratios = [new / old for old, new in zip(figures["old"], figures["new"], strict=True)]
    print(f"new / old, pass for pass: median {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
