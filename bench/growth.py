"""How extraction time grows with page size: each generated page shape at x1, x2, x4, x8 of its base size.

    python -m bench.growth [--shapes div-blocks,nav-links,...] [--steps 4] [--budget-s 60] [--rss]
    python -m bench.growth --profile SHAPE [--steps 4]

Each page goes through the worker's own path, `worker.document.load_document` then
`worker.pipeline.extract_article`, with the size caps raised so nothing is refused for its size. Prints
per shape the seconds at each size and the growth exponent, the slope of log(time) over log(size)
(1.0 is linear, 2.0 quadratic). Targets: every exponent at most 1.2, every 1 MB page under 5 s on one
core. Times are CPU seconds of this process (time.process_time), the best of `--repeat` runs, so
other work on a shared machine skews them little. A shape stops doubling once one size took more
than `--budget-s`. With `--rss`, each shape's largest page is also extracted alone in a fresh
interpreter, and its peak RSS (VmHWM, or resource.getrusage where there is no /proc) is printed
beside that of one that only imported the worker.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import math
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from worker.config import ParseLimits
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

KB = 1024
# Words of a news report; `_words` picks them pseudo-randomly, so prose paragraphs do not repeat.
_VOCABULARY = (
    "the council said on monday that the new budget would fund schools roads and clinics across the "
    "region while critics argued plan left rural districts behind asked for a public review of it "
    "mayor city hall voters election minister government police officers report court judge trial "
    "week year month today yesterday morning evening spokesman statement company shares market prices "
    "rose fell percent million people residents families children hospital doctors patients health "
    "water power energy wind farm harbour bus night service transport workers union strike talks "
    "agreement deal officials agency news reporters local national international after before during "
    "because however but also only more most some many few first last next early late still again "
    "he she they we you his her their our was were is are be been has have had will can could may"
)
_WORDS = _VOCABULARY.split(" ")
_LIMITS = ParseLimits(max_document_bytes=1 << 30)
EXPONENT_TARGET = 1.2
ONE_MB_TARGET_S = 5.0


def _words(i: int, n: int) -> str:
    """`n` words for item `i`, the same each run."""
    state = (i * 2654435761 + 12345) & 0x7FFFFFFF
    picked = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        picked.append(_WORDS[(state >> 8) % len(_WORDS)])
    return " ".join(picked)


def _page(body: str, title: str = "Growth page") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


def _article(size: int) -> str:
    """A short real article, so every shape has some text worth keeping."""
    paragraphs = "".join(f"<p>{_words(i, 40)}.</p>" for i in range(6))
    return f"<article><h1>The council budget</h1>{paragraphs}</article>"


def _repeat(unit: Callable[[int], str], size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        part = unit(i)
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)


def div_blocks(size: int) -> str:
    """Nothing but small `<div><span>three words</span><a>word</a></div>` blocks."""
    return _page(
        _repeat(lambda i: f'<div><span>{_words(i, 3)}</span><a href="/w{i}">{_WORDS[i % 30]}</a></div>', size)
    )


def nav_links(size: int) -> str:
    """A huge navigation list of links before the article."""
    items = _repeat(lambda i: f'<li><a href="/section/{i}">{_words(i, 2)}</a></li>', size)
    return _page(f"<nav><ul>{items}</ul></nav>" + _article(size))


def article_headings(size: int) -> str:
    """Thousands of `<article><h1>` blocks, each with a short teaser (an index page)."""
    cards = _repeat(
        lambda i: (
            f'<article><h1><a href="/a{i}">{_words(i, 6)}</a></h1><p>{_words(i + 3, 18)}.</p></article>'
        ),
        size,
    )
    return _page(cards)


def author_notes(size: int) -> str:
    """An article by a named author, then thousands of boxes whose text opens with the author's name."""
    notes = _repeat(lambda i: f"<div><p>Jane Doe {_words(i, 30)}.</p></div>", size)
    head = '<meta name="author" content="Jane Doe"><title>Growth page</title>'
    return f"<!doctype html><html><head>{head}</head><body>{_article(size)}{notes}</body></html>"


def template_twins(size: int) -> str:
    """Thousands of boxes of the article box's template before it, each a heading over a short list (a
    recipe's items box, repeated): only the few right before the article are looked at."""
    twins = _repeat(
        lambda i: (
            f'<section class="card c{i}"><h3>{_words(i, 2)}</h3><ul><li>{_words(i, 3)}</li></ul></section>'
        ),
        size,
    )
    paragraphs = "".join(f"<p>{_words(i, 40)}.</p>" for i in range(6))
    return _page(f'<main>{twins}<section class="card method">{paragraphs}</section></main>')


def long_line(size: int) -> str:
    """One line of text, no markup, `size` characters long."""
    return _repeat(lambda i: _words(i, 12) + ". ", size)


def paragraphs_text(size: int) -> str:
    """Plain text of prose paragraphs, none alike, between blank lines: a very long article."""
    return _repeat(lambda i: _words(i, 60).capitalize() + ".\n\n", size)


def short_lines(size: int) -> str:
    """Plain text of short lines (500,000 of them at 5 MB)."""
    return _repeat(lambda i: _words(i, 2) + "\n", size)


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    build: Callable[[int], str]
    kind: InputKind
    base_bytes: int


SHAPES = (
    Shape("div-blocks", div_blocks, InputKind.HTML, 250 * KB),
    Shape("nav-links", nav_links, InputKind.HTML, 250 * KB),
    Shape("article-headings", article_headings, InputKind.HTML, 250 * KB),
    Shape("author-notes", author_notes, InputKind.HTML, 250 * KB),
    Shape("template-twins", template_twins, InputKind.HTML, 250 * KB),
    Shape("long-line-text", long_line, InputKind.TEXT, 640 * KB),
    Shape("long-line-html", lambda n: _page(f"<p>{long_line(n)}</p>"), InputKind.HTML, 640 * KB),
    Shape("paragraphs-text", paragraphs_text, InputKind.TEXT, 640 * KB),
    Shape("short-lines-text", short_lines, InputKind.TEXT, 640 * KB),
    Shape("short-lines-html", lambda n: _page("<pre>" + short_lines(n) + "</pre>"), InputKind.HTML, 640 * KB),
)


def run_once(raw: str, kind: InputKind) -> float:
    start = time.process_time()
    with contextlib.suppress(NewsworkerError):  # a refusal (no article) is an outcome; its time counts
        extract_article(load_document(raw, kind=kind, limits=_LIMITS), limits=_LIMITS)
    return time.process_time() - start


def exponent(sizes: list[int], seconds: list[float]) -> float | None:
    """Least-squares slope of log(seconds) over log(size)."""
    if len(sizes) < 2:
        return None
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _profile(shape: Shape, step: int) -> None:
    raw = shape.build(shape.base_bytes << step)
    profile = cProfile.Profile()
    profile.runcall(run_once, raw, shape.kind)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(30)


def _own_peak_rss_kb() -> int:
    """This process's peak RSS. Linux's getrusage ru_maxrss of a process started by fork and exec
    counts the parent's RSS at the fork, so the kernel's high-water mark (VmHWM) is read where it
    exists."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_rss_mb(shape: Shape | None, step: int) -> float:
    """Peak RSS of a fresh interpreter that extracts only this shape's page at this step (or, with no
    shape, only imports the worker): what one worker process would reach on that page."""
    command = [
        sys.executable,
        "-m",
        "bench.growth",
        "--one-page",
        shape.name if shape else "",
        "--steps",
        str(step),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return int(output.split()[-1]) / 1024


def _growth(shape: Shape, steps: int, budget_s: float, repeat: int) -> tuple[list[int], list[float]]:
    """Sizes and the best of `repeat` times at each; a size that took over `budget_s` is the last."""
    sizes, seconds = [], []
    run_once(shape.build(shape.base_bytes // 8), shape.kind)  # warm up imports and compiled patterns
    for step in range(steps):
        raw = shape.build(shape.base_bytes << step)
        sizes.append(len(raw.encode("utf-8")))
        times = [run_once(raw, shape.kind)]
        while len(times) < repeat and times[0] <= budget_s / 4:
            times.append(run_once(raw, shape.kind))
        seconds.append(min(times))
        if seconds[-1] > budget_s:
            break
    return sizes, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default=",".join(s.name for s in SHAPES))
    parser.add_argument("--steps", type=int, default=4, help="sizes x1, x2, ... x2^(steps-1)")
    parser.add_argument("--budget-s", type=float, default=60.0)
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs per size")
    parser.add_argument("--profile", help="profile this shape at its largest size instead")
    parser.add_argument("--rss", action="store_true", help="also the peak RSS of each shape's largest page")
    parser.add_argument("--one-page", help=argparse.SUPPRESS)  # the child of --rss
    args = parser.parse_args(argv)
    shapes = {s.name: s for s in SHAPES}
    if args.one_page is not None:
        if args.one_page:
            shape = shapes[args.one_page]
            run_once(shape.build(shape.base_bytes << args.steps), shape.kind)
        print(_own_peak_rss_kb())
        return 0
    if args.profile:
        _profile(shapes[args.profile], args.steps - 1)
        return 0
    failed = False
    print(
        f"{'shape':18} {'sizes (KB)':>10}  CPU seconds at x1, x2, x4, x8  exponent  1 MB (s)  peak RSS (MB)"
    )
    for name in args.shapes.split(","):
        shape = shapes[name]
        sizes, seconds = _growth(shape, args.steps, args.budget_s, args.repeat)
        slope = exponent(sizes, seconds)
        one_mb = next((t for s, t in zip(sizes, seconds, strict=True) if s >= 1000 * KB), None)
        per_mb = one_mb * (1024 * KB) / next(s for s in sizes if s >= 1000 * KB) if one_mb else None
        failed |= slope is not None and slope > EXPONENT_TARGET
        failed |= per_mb is not None and per_mb > ONE_MB_TARGET_S
        rss = f"{_peak_rss_mb(shape, len(sizes) - 1):.0f} at {sizes[-1] // KB} KB" if args.rss else ""
        times = ", ".join(f"{t:.2f}" for t in seconds)
        print(
            f"{name:18} {sizes[0] // KB:>10}  {times:30} {slope if slope is not None else float('nan'):8.2f}"
            f"  {per_mb if per_mb is not None else float('nan'):7.2f}   {rss}",
            flush=True,
        )
    if args.rss:
        print(f"a worker with nothing extracted: {_peak_rss_mb(None, 0):.0f} MB")
    print(f"targets: exponent <= {EXPONENT_TARGET}, 1 MB page < {ONE_MB_TARGET_S} s of CPU")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
