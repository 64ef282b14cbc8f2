"""Load and faults: N generated inputs through real worker processes on a Redis of the run's own.

    python -m bench.load [--inputs 20000] [--workers 2] [--kill-worker-at 0.4] [--restart-redis-at 0.6]
                         [--redis-down-s 4] [--visibility-timeout-s 15] [--no-raw]

Inputs are distinct articles (HTML rendered with the five site templates of bench/synth.py, and whole
pages as plain text), 5% of them bad (empty, whitespace, PNG/PDF/gzip bytes, over the size cap, only
scripts, nested too deep, invalid base64). They are queued as `ingest_document` tasks; each
worker is a `celery worker` subprocess (prefork, one child) on an embedded redis-server with AOF on,
in a temporary folder. The run ends when events + dead letters = inputs (or at `--timeout-s`), and
checks that no article id and no event id is on the stream twice.

Faults: `--kill-worker-at F` kills one worker's whole process group with SIGKILL once a share F of
the inputs has an outcome, and starts it again two seconds later; `--restart-redis-at F` SIGKILLs the
redis-server, waits `--redis-down-s`, and starts it again on the same port and AOF folder.

A killed worker's unacknowledged tasks come back only after the broker's `visibility_timeout`, which
`worker.celery_app` keeps at least the task time limit + 90 s. For a run that ends in minutes the
workers are started with small time limits (`NEWSWORKER_TASK_TIME_LIMIT_S`=10, soft 8) and their
`visibility_timeout` set to `--visibility-timeout-s` after configuration, and kombu's sweep for
expired unacknowledged messages run every second (`bench.loadrun.WORKER_LAUNCHER`); the
per-document cap is lowered to 256 KB (`NEWSWORKER_MAX_DOCUMENT_BYTES`) so oversized inputs stay cheap.

Throughput (inputs/s, from the first submit to the last outcome) is printed beside the raw rate of
`load_document` + `extract_article` on the same inputs in as many processes as there are workers
(measured before and after the run, averaged: other load on the machine comes and goes), and beside
the rate of the task's whole work without Celery (load, extract, event data, `publish_article` to the
same Redis under another prefix); overheads are 1 - throughput / rate for each. Workers use the
prefork pool with one child each, as `newsworker run` does (NEWSWORKER_BENCH_POOL=solo to compare).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import multiprocessing
import os
import random
import sys
import time
from dataclasses import dataclass, replace

from bench.loadrun import MAX_DOCUMENT_BYTES, LoadRun
from bench.synth import as_plain_text, render, unrelated_story
from worker.config import ParseLimits, Settings
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

BAD_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Input:
    label: str  # "html", "text", or the bad kind
    content: str
    encoding: str = "text"
    kind: str = "auto"
    url: str | None = None

    @property
    def bad(self) -> bool:
        return self.label not in ("html", "text")

    def raw(self) -> bytes | str:
        return base64.b64decode(self.content) if self.encoding == "base64" else self.content


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def bad_input(number: int, rng: random.Random) -> Input:
    kinds = [
        ("empty", "", "text"),
        ("whitespace", " \n\t " * rng.randint(1, 50), "text"),
        ("png", _b64(b"\x89PNG\r\n\x1a\n" + rng.randbytes(300)), "base64"),
        ("pdf", _b64(b"%PDF-1.7\n" + rng.randbytes(300)), "base64"),
        ("gzip", _b64(gzip.compress(rng.randbytes(300))), "base64"),
        ("oversized", "<p>" + "too much " * (MAX_DOCUMENT_BYTES // 9 + 100) + "</p>", "text"),
        (
            "scripts",
            "<html><head><script>var a=1;</script></head><body><script>x()</script></body></html>",
            "text",
        ),
        ("too_deep", "<html><body>" + "<div>" * 500 + "deep" + "</div>" * 500 + "</body></html>", "text"),
        ("bad_base64", "this is not base64 !!!", "base64"),
    ]
    label, content, encoding = kinds[number % len(kinds)]
    return Input(label=label, content=content, encoding=encoding)


def make_inputs(count: int, seed: int = 1) -> list[Input]:
    """`count` inputs, every 20th bad; good ones are distinct articles at distinct URLs."""
    rng = random.Random(seed)
    inputs = []
    for i in range(count):
        if i % round(1 / BAD_SHARE) == 7:
            inputs.append(bad_input(i // 20, rng))
            continue
        story = unrelated_story(rng)
        url = f"https://load{i % 97}.example.com/news/{i}"
        if i % 2:
            inputs.append(Input("html", render(story, i, url, rng), kind="html", url=url))
        else:
            inputs.append(Input("text", as_plain_text(story, f"Site {i % 97}", rng), kind="text", url=url))
    return inputs


def _extract_one(item: Input) -> bool:
    limits = ParseLimits(max_document_bytes=MAX_DOCUMENT_BYTES)
    try:
        raw = item.raw()
        extract_article(
            load_document(raw, kind=InputKind(item.kind), url=item.url, limits=limits), limits=limits
        )
    except (NewsworkerError, ValueError):
        return False
    return True


_POOL_CHILD: dict = {}  # a pool child's Redis client and settings (set by its initializer)


def _init_publisher(settings: Settings) -> None:
    from worker.connections import connect_redis

    _POOL_CHILD.update(settings=settings, redis=connect_redis(settings))


def _extract_and_publish_one(item: Input) -> bool:
    """The task's work without Celery: load, extract, event data, publish (or fail typed)."""
    from worker.events import article_data
    from worker.publish import publish_article

    settings = _POOL_CHILD["settings"]
    try:
        raw = item.raw()
        document = load_document(raw, kind=InputKind(item.kind), url=item.url, limits=settings.parse)
        article = extract_article(document, limits=settings.parse)
        publish_article(_POOL_CHILD["redis"], settings, article_data(article, source={"kind": "html"}))
    except (NewsworkerError, ValueError):
        return False
    return True


def raw_rate(inputs: list[Input], processes: int, publish_to: Settings | None = None) -> tuple[float, int]:
    """Inputs/s of load + extract alone (or, with `publish_to`, of the task's whole work in process,
    publishing there), in `processes` processes (one warm-up call each first)."""
    work, init, init_args = _extract_one, None, ()
    if publish_to is not None:
        work, init, init_args = _extract_and_publish_one, _init_publisher, (publish_to,)
    with multiprocessing.get_context("fork").Pool(processes, initializer=init, initargs=init_args) as pool:
        pool.map(work, inputs[:processes], chunksize=1)
        start = time.perf_counter()
        ok = sum(pool.imap_unordered(work, inputs, chunksize=20))
        return len(inputs) / (time.perf_counter() - start), ok


def drive(run: LoadRun, inputs: list[Input], args: argparse.Namespace) -> dict:
    """Submit, inject the faults asked for at their moment, wait for every outcome; the figures."""
    client = run.client()
    run.wait_ready()
    notes: dict = {}
    start = time.perf_counter()
    notes["submit_s"] = round(run.submit(inputs), 2)
    deadline = time.monotonic() + args.timeout_s
    kill_at = int(args.kill_worker_at * len(inputs)) if args.kill_worker_at else None
    redis_at = int(args.restart_redis_at * len(inputs)) if args.restart_redis_at else None
    done = 0
    last_report = time.monotonic()
    while time.monotonic() < deadline:
        done = max(done, run.outcomes(client))
        if done >= len(inputs):
            break
        if time.monotonic() - last_report > 10:
            print(f"{done} of {len(inputs)} outcomes", file=sys.stderr, flush=True)
            last_report = time.monotonic()
        if kill_at is not None and done >= kill_at:
            run.kill_worker(0)
            notes["worker_killed_at_outcomes"] = done
            kill_at = None
            time.sleep(2)
            run.restart_worker(0)
        if redis_at is not None and done >= redis_at:
            before = run.outcomes(client)
            run.kill_redis()
            time.sleep(args.redis_down_s)
            run.restart_redis()
            after = run.outcomes(client)
            notes["redis_killed_at_outcomes"] = before
            notes["outcomes_after_redis_restart"] = after
            notes["acknowledged_outcomes_lost"] = max(0, before - after)
            redis_at = None
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    notes["elapsed_s"] = round(elapsed, 2)
    notes["throughput_inputs_per_s"] = round(len(inputs) / elapsed, 1)
    notes["finished"] = done >= len(inputs)
    notes.update(run.drain(client, timeout_s=run.visibility_timeout_s + 60.0))
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kill-worker-at", type=float, default=None, help="share of outcomes, e.g. 0.4")
    parser.add_argument("--restart-redis-at", type=float, default=None, help="share of outcomes, e.g. 0.6")
    parser.add_argument("--redis-down-s", type=float, default=4.0)
    parser.add_argument("--visibility-timeout-s", type=int, default=15)
    parser.add_argument("--timeout-s", type=float, default=3600.0)
    parser.add_argument("--no-raw", action="store_true", help="skip the in-process extraction rate")
    args = parser.parse_args(argv)
    inputs = make_inputs(args.inputs, args.seed)
    report: dict = {"workers": args.workers, "visibility_timeout_s": args.visibility_timeout_s}
    if not args.no_raw:
        rate, extracted = raw_rate(inputs, args.workers)
        report["raw_extract_inputs_per_s"] = round(rate, 1)
        report["raw_extracted_articles"] = extracted
    run = LoadRun(workers=args.workers, visibility_timeout_s=args.visibility_timeout_s).start()
    try:
        if not args.no_raw:
            aside = replace(
                run.settings, key_prefix="raw:", stream="raw:articles", dead_letter_stream="raw:dead"
            )
            rate, _ = raw_rate(inputs, args.workers, publish_to=aside)
            report["inprocess_extract_and_publish_inputs_per_s"] = round(rate, 1)
        report["load_average_before"] = os.getloadavg()[0]
        report.update(drive(run, inputs, args))
        report["load_average_after"] = os.getloadavg()[0]
        report.update(run.audit(inputs))
        if not args.no_raw:  # measured again after, as the machine's other load comes and goes
            rate, _ = raw_rate(inputs, args.workers)
            report["raw_extract_inputs_per_s_after"] = round(rate, 1)
            report["raw_extract_inputs_per_s"] = round((report["raw_extract_inputs_per_s"] + rate) / 2, 1)
    finally:
        run.stop()
    if "raw_extract_inputs_per_s" in report:
        throughput = report["throughput_inputs_per_s"]
        report["overhead_vs_raw_extract"] = round(1 - throughput / report["raw_extract_inputs_per_s"], 3)
        full = report["inprocess_extract_and_publish_inputs_per_s"]
        report["overhead_vs_inprocess_extract_and_publish"] = round(1 - throughput / full, 3)
    report["folder"] = run.folder
    print(json.dumps(report, indent=2))
    ok = report["events_plus_dead_letters_equals_inputs"] and not report["article_ids_twice"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
