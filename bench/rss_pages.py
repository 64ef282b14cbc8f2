"""Where a worker's resident memory goes: RSS and its high-water mark after each page, in process.

    python -m bench.rss_pages [--pages 150] [--kind html|text] [--top 10] [--tracemalloc]

The same WCXB dev pages as bench/queue_path.py go, one after another, through what a pool child
does for each (`load_document` + `extract_article` + `article_data`), after `import worker.tasks`
as a worker imports it. After each page: the process's RSS and VmHWM (Linux's high-water mark).
Printed: RSS at start and end, the peak, and the pages that raised the high-water mark most, with
their size; `--tracemalloc` adds what Python itself still holds at the end by allocation site
(what grows per page: caches), against the RSS (the rest is C: libxml2, glibc arenas).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import time
import tracemalloc
from pathlib import Path

import worker.tasks  # noqa: F401  (what a pool child has imported before its first task)
from bench.datasets import data_dir, load_pages
from bench.queue_path import SET_NAME, inputs_of
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.events import article_data
from worker.pipeline import extract_article

_LIBC = ctypes.CDLL(None)


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--kind", choices=["html", "text"], default="html")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--data", default=None)
    parser.add_argument("--after", choices=["none", "gc", "trim", "both"], default="none")
    args = parser.parse_args(argv)
    inputs = inputs_of(load_pages(data_dir(args.data), SET_NAME, args.pages), InputKind(args.kind))
    if args.tracemalloc:
        tracemalloc.start(5)
    start_rss, start_hwm = _status_mb("VmRSS"), _status_mb("VmHWM")
    rises: list[tuple[float, str, int, float]] = []
    cpu = time.process_time()
    for item in inputs:
        before = _status_mb("VmHWM")
        with contextlib.suppress(NewsworkerError):
            article_data(
                extract_article(load_document(item.raw, kind=item.kind, url=item.url)), source={"kind": "cli"}
            )
        if args.after in ("gc", "both"):
            gc.collect()
        if args.after in ("trim", "both"):
            _LIBC.malloc_trim(0)
        after, rss = _status_mb("VmHWM"), _status_mb("VmRSS")
        rises.append((after - before, item.page_id, len(item.raw), rss))
    cpu_ms = 1000 * (time.process_time() - cpu) / len(inputs)
    print(
        f"{len(inputs)} {args.kind} pages: RSS {start_rss:.0f} MB at start (peak {start_hwm:.0f}), "
        f"{_status_mb('VmRSS'):.0f} MB at end, peak {_status_mb('VmHWM'):.0f} MB; {cpu_ms:.1f} CPU ms a page"
    )
    print("pages that raised the high-water mark most (MB, page, bytes, RSS after):")
    for rise, page_id, size, rss in sorted(rises, reverse=True)[: args.top]:
        if rise > 0:
            print(f"  +{rise:6.1f}  {page_id:<24} {size:>9}  {rss:6.0f}")
    if args.tracemalloc:
        current, peak = tracemalloc.get_traced_memory()
        print(
            f"tracemalloc: {current / 2**20:.1f} MB held by Python at the end, {peak / 2**20:.1f} MB at peak"
        )
        for stat in tracemalloc.take_snapshot().statistics("filename")[: args.top]:
            print(f"  {stat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
