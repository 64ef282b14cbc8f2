"""What the queue path costs: pages/s extracted in process vs through a real worker, HTML and text.

    python -m bench.queue_path [--pages 300] [--workers 1 2] [--kinds html text] [--data DIR]
                               [--messages batch|single]
    python -m bench.queue_path --profile html   # cProfile of the task's work in process, real Redis

The same WCXB dev article pages (`wcxb-dev/`, under NEWSWORKER_BENCH_DATA or --data; skipped with a
message without them) go two ways:

- extract only: `load_document` + `extract_article` in this process, one core (the extractor
  alone);
- as `newsworker extract`: the same plus what that command does with each article once started
  (the event data, fingerprints included, and its JSON line, not written anywhere): the issue's
  baseline, a page's work before any queue, Redis or event envelope;
- through the queue: the pages as base64 bytes in `ingest_batch` messages packed within the default
  batch limits, as `newsworker submit` sends files (`--messages single`: one `ingest_document`
  message a page, as a producer sending pages one by one does), queued in advance, so the queue is
  never empty, then N `celery worker --concurrency 1`
  subprocesses at default settings on an embedded Redis of the run's own (free port, no
  persistence). The rate is taken between the first and the last entry on the article stream (their
  IDs are Redis's clock), so the workers' start-up is not counted.

The table gives the rates and the queue path's ratio to each; the target is a ratio of at least 0.9
to `newsworker extract` with one worker.
Beside them: CPU ms a page (extract only: this process; queue path: the workers' processes, main and
pool, over the same stretch as the rate; `main`: the main processes' share, the rest is the pool
children's), the highest peak RSS of any worker process (the kernel's high-water mark), and Redis's
own work a page over that stretch: commands (`INFO commandstats`, every client's, the broker's
included) and CPU ms (`INFO cpu`).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import cProfile
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import psutil
import redis
from celery import Celery

from bench.datasets import Page, data_dir, load_pages
from worker.batch import pack_batches
from worker.celery_app import celery_config
from worker.config import Settings
from worker.document import InputKind, load_document
from worker.embedded import EmbeddedRedis
from worker.errors import NewsworkerError
from worker.events import article_data
from worker.pipeline import extract_article

SET_NAME = "wcxb-dev"
TASK = "worker.tasks.ingest_document"
BATCH_TASK = "worker.tasks.ingest_batch"
MESSAGES = ("batch", "single")  # as `newsworker submit` sends files; one `ingest_document` a page
PREFIX = "qpath:"
QUEUE = "qpath:queue"
WARM_UP_PAGES = 5
DRAIN_TIMEOUT_S = 600.0
EMPTY_LOOKS = 10  # looks 0.2 s apart that find nothing queued and nothing unacknowledged: drained


@dataclass(frozen=True, slots=True)
class Input:
    page_id: str
    kind: InputKind
    raw: bytes
    url: str | None


def inputs_of(pages: list[Page], kind: InputKind) -> list[Input]:
    """Each page as the bytes `newsworker submit` would send: the HTML file, or the whole page as text."""
    return [
        Input(
            page.page_id,
            kind,
            page.html_bytes() if kind is InputKind.HTML else page.text().encode("utf-8"),
            page.truth.get("url"),
        )
        for page in pages
    ]


def extract_only_rate(inputs: list[Input], event_data: bool = False) -> tuple[float, float]:
    """Pages/s of load + extract in this process (failures count as pages: the worker does them too),
    and CPU ms a page; with `event_data`, also what `newsworker extract` does with each article."""
    for item in inputs[:WARM_UP_PAGES]:
        _extract(item, event_data)
    start, cpu_start = time.perf_counter(), time.process_time()
    for item in inputs:
        _extract(item, event_data)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return len(inputs) / elapsed, 1000 * cpu / len(inputs)


def _extract(item: Input, event_data: bool) -> None:
    with contextlib.suppress(NewsworkerError):  # not an article: the worker pays for it too
        article = extract_article(load_document(item.raw, kind=item.kind, url=item.url))
        if event_data:  # as `newsworker extract` (worker/cli.py): the data and its JSON line
            data = article_data(article, source={"kind": "cli", "path": item.page_id})
            json.dumps(data, ensure_ascii=False)


def _environment(redis_url: str) -> dict[str, str]:
    """Default settings, but a Redis, key prefix and queue of the run's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
    env.update(REDIS_URL=redis_url, NEWSWORKER_KEY_PREFIX=PREFIX, NEWSWORKER_QUEUE=QUEUE)
    return env


def _start_worker(
    env: dict[str, str], folder: Path, number: int, profile_to: Path | None = None
) -> subprocess.Popen:
    """`celery worker --concurrency 1` (prefork); with `profile_to`, the solo pool under cProfile, so
    the message handling and the task run in the one profiled process."""
    log = open(folder / f"worker{number}.log", "ab")  # noqa: SIM115 (the child keeps it)
    command = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "-Q", QUEUE]
    command += ["--concurrency", "1", "--loglevel", "WARNING", "--hostname", f"qpath{number}@%h"]
    if profile_to is not None:
        command = [sys.executable, "-m", "cProfile", "-o", str(profile_to), *command[1:], "--pool", "solo"]
    return subprocess.Popen(
        command, env=env, cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait(timeout=10)


def _entry_ms(entry_id: bytes) -> int:
    return int(entry_id.split(b"-")[0])


@dataclass(frozen=True, slots=True)
class QueueRun:
    rate: float
    cpu_ms: float  # worker CPU a page
    events: int
    dead_letters: int
    duplicates: int
    peak_rss_mb: float = 0.0  # the largest peak resident set of any worker process (main or pool)
    main_cpu_ms: float = 0.0  # of `cpu_ms`, the workers' main processes' (the rest: pool children)
    redis_commands: float = 0.0  # Redis commands a page, every client's (INFO commandstats)
    redis_cpu_ms: float = 0.0  # Redis CPU a page (INFO cpu), all of its work


def _peak_rss_mb(processes: list[subprocess.Popen]) -> float:
    """The highest peak resident set (Linux's VmHWM: the kernel's own high-water mark, not a
    sample) of any worker process and its pool children, in MB."""
    peak_kb = 0
    for process in processes:
        try:
            members = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
        for member in members:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{member.pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
    return peak_kb / 1024


def _redis_work(client: redis.Redis) -> tuple[int, float]:
    """Commands Redis has run and the CPU seconds it has used so far."""
    calls = sum(int(stat["calls"]) for stat in client.info("commandstats").values())
    cpu = client.info("cpu")
    return calls, float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])


def _cpu_s(processes: list[subprocess.Popen]) -> tuple[float, float]:
    """CPU seconds the workers' main processes and their pool children have used so far."""
    main = pool = 0.0
    for process in processes:
        try:
            tree = psutil.Process(process.pid)
            times = tree.cpu_times()
            main += times.user + times.system
            for member in tree.children(recursive=True):
                times = member.cpu_times()
                pool += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return main, pool


def _task_kwargs(item: Input) -> dict:
    """`ingest_document`'s arguments for one page, as `newsworker submit` sends a file."""
    return {
        "content": base64.b64encode(item.raw).decode("ascii"),
        "kind": str(item.kind),
        "url": item.url,
        "content_encoding": "base64",
        "source": {"kind": "cli", "path": item.page_id},
    }


def _send_all(producer: Celery, inputs: list[Input], messages: str, settings: Settings) -> None:
    """Queue the pages: in `ingest_batch` messages packed as `newsworker submit` packs files (within
    the default batch limits), or one `ingest_document` message a page (a producer sending pages
    one by one)."""
    documents = [_task_kwargs(item) for item in inputs]
    with producer.producer_or_acquire() as connection:
        if messages == "single":
            for kwargs in documents:
                producer.send_task(TASK, kwargs=kwargs, queue=QUEUE, producer=connection)
            return
        for batch in pack_batches(documents, settings.batch, lambda document: len(document["content"])):
            producer.send_task(BATCH_TASK, args=(batch,), queue=QUEUE, producer=connection)


def queue_rate(
    inputs: list[Input], workers: int, profile_to: Path | None = None, messages: str = "batch"
) -> QueueRun:
    """Pages/s through `workers` worker processes, from the first stream entry to the last, and the
    workers' CPU time a page over the same stretch (what other load on the machine does not change)."""
    folder = Path(tempfile.mkdtemp(prefix="newsworker-qpath-"))
    server = EmbeddedRedis(directory=str(folder / "redis")).start()
    processes: list[subprocess.Popen] = []
    try:
        env = _environment(server.url)
        settings = replace(Settings.from_env(env), redis_url=server.url, redis_url_explicit=True)
        producer = Celery("newsworker-qpath", set_as_current=False)
        producer.conf.update(celery_config(settings))
        _send_all(producer, inputs, messages, settings)
        client = redis.Redis.from_url(server.url)
        processes = [_start_worker(env, folder, n, profile_to) for n in range(workers)]
        deadline = time.monotonic() + DRAIN_TIMEOUT_S
        cpu_at_first = None
        redis_at_first = _redis_work(client)
        # Done when every page has its event or dead letter, or (a page recorded as a duplicate has
        # neither) when the queue and the unacknowledged set stay empty for a while: a message is in
        # neither between the BRPOP that takes it and its unacknowledged copy, for longer the bigger
        # it is (a batch), so one look at both is not enough.
        empty_looks = 0
        while empty_looks < EMPTY_LOOKS:
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                raise RuntimeError(f"the queue did not drain; see the worker logs in {folder}")
            if cpu_at_first is None and client.xlen(settings.stream):
                cpu_at_first = _cpu_s(processes)
                redis_at_first = _redis_work(client)
            if client.xlen(settings.stream) + client.xlen(settings.dead_letter_stream) >= len(inputs):
                break
            empty_looks = 0 if client.llen(QUEUE) or client.hlen("unacked") else empty_looks + 1
            time.sleep(0.02 if cpu_at_first is None else 0.2)
        main_s, pool_s = (b - a for a, b in zip(cpu_at_first or (0.0, 0.0), _cpu_s(processes), strict=True))
        redis_calls, redis_cpu_s = (b - a for a, b in zip(redis_at_first, _redis_work(client), strict=True))
        peak_rss_mb = _peak_rss_mb(processes)
        events = client.xlen(settings.stream)
        dead = client.xlen(settings.dead_letter_stream)
        first = client.xrange(settings.stream, count=1)[0][0]
        last = client.xrevrange(settings.stream, count=1)[0][0]
        elapsed_s = (_entry_ms(last) - _entry_ms(first)) / 1000
        # Pages finished after the first event up to the last: the events, and the dead letters
        # written meanwhile (a page that is no article costs the worker its extraction too).
        dead_between = len(client.xrange(settings.dead_letter_stream, min=first, max=last))
        finished = events - 1 + dead_between
        rate = finished / max(elapsed_s, 1e-3)
        # Redis's figures include this loop's polling (about 10 commands a second, a few µs each).
        result = QueueRun(
            rate,
            1000 * (main_s + pool_s) / max(finished, 1),
            events,
            dead,
            len(inputs) - events - dead,
            peak_rss_mb=peak_rss_mb,
            main_cpu_ms=1000 * main_s / max(finished, 1),
            redis_commands=redis_calls / max(finished, 1),
            redis_cpu_ms=1000 * redis_cpu_s / max(finished, 1),
        )
    except BaseException:
        print(f"worker logs kept in {folder}", file=sys.stderr)
        raise
    finally:
        for process in processes:
            _stop(process)
        server.stop()
    shutil.rmtree(folder, ignore_errors=True)  # after a failure, kept for its worker logs
    return result


def profile_task(inputs: list[Input], top: int) -> None:
    """cProfile of each task's whole work in this process against a Redis of its own: load, extract,
    event data, publish (validation, dedup, XADD), the task's arguments checked as a message would be."""
    from worker.events import article_data
    from worker.publish import publish_article
    from worker.task_messages import task_shapes
    from worker.tasks import ingest_document

    with EmbeddedRedis() as server:
        settings = replace(
            Settings.from_env(_environment(server.url)), redis_url=server.url, redis_url_explicit=True
        )
        client = redis.Redis.from_url(server.url)
        shape = task_shapes({TASK: ingest_document.run})[TASK]

        def one(item: Input) -> None:
            kwargs = _task_kwargs(item)
            if shape.problem([], kwargs) is not None:
                raise RuntimeError(f"{item.page_id}: arguments refused")
            raw = base64.b64decode(kwargs["content"])
            try:
                article = extract_article(load_document(raw, kind=item.kind, url=item.url))
            except NewsworkerError:
                return
            publish_article(client, settings, article_data(article, source=kwargs["source"]))

        for item in inputs[:WARM_UP_PAGES]:
            one(item)
        count = len(inputs) - WARM_UP_PAGES
        cpu_start = time.process_time()  # first unprofiled: the profiler's own cost is not counted
        for item in inputs[WARM_UP_PAGES:]:
            one(item)
        cpu_ms = 1000 * (time.process_time() - cpu_start) / count
        client.flushdb()  # the same pages again as new stories, profiled
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for item in inputs[WARM_UP_PAGES:]:
            one(item)
        profiler.disable()
        elapsed = time.perf_counter() - start
        print(
            f"{count} pages: {cpu_ms:.2f} CPU ms a page unprofiled; profiled {elapsed:.2f}s, "
            f"{1000 * elapsed / count:.1f} ms a page ({count / elapsed:.1f}/s)"
        )
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", help="folder holding wcxb-dev/ (default: NEWSWORKER_BENCH_DATA or ../shared/bench)"
    )
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--kinds", nargs="+", choices=["html", "text"], default=["html", "text"])
    parser.add_argument("--profile", choices=["html", "text"], help="profile the task's work instead")
    parser.add_argument(
        "--profile-worker", choices=["html", "text"], help="run one worker (solo pool) under cProfile"
    )
    parser.add_argument(
        "--messages",
        choices=MESSAGES,
        default="batch",
        help="batch: ingest_batch messages as `newsworker submit` sends files (default); "
        "single: one ingest_document message a page",
    )
    parser.add_argument("--top", type=int, default=45, help="profile lines to print")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    if not (root / SET_NAME / "ground-truth.json").is_file():
        print(
            f"benchmark data not found under {root} (no {SET_NAME}/ground-truth.json); set "
            "NEWSWORKER_BENCH_DATA or --data to the folder holding it. Skipping.",
            file=sys.stderr,
        )
        return 0
    pages = load_pages(root, SET_NAME, args.pages)
    if args.profile:
        profile_task(inputs_of(pages, InputKind(args.profile)), args.top)
        return 0
    if args.profile_worker:
        out = Path(tempfile.mkdtemp(prefix="newsworker-qpath-profile-")) / "worker.prof"
        run = queue_rate(
            inputs_of(pages, InputKind(args.profile_worker)), 1, profile_to=out, messages=args.messages
        )
        print(f"queue path (solo pool, profiled): {run.rate:.1f} pages/s; profile in {out}")
        pstats.Stats(str(out)).sort_stats("cumulative").print_stats(args.top)
        return 0
    print(
        f"{len(pages)} {SET_NAME} article pages, {args.messages} messages; one core a process; "
        "pages/s, and CPU ms a page"
    )
    print(
        "columns: pages/s extract only (extract_article alone) | as `newsworker extract` (+ event data "
        "and JSON) | queue path | its ratio to each; then CPU ms a page the same three ways and the "
        "CPU ratios; `main` is the worker main processes' share"
    )
    print(
        f"{'input':<6} {'workers':>7} {'extract':>8} {'cli':>6} {'queue':>6} {'ratio':>5} {'ratio':>5}"
        f" {'cpu ms':>6} {'cpu ms':>6} {'cpu ms':>6} {'ratio':>5} {'ratio':>5} {'main':>5}"
        f" {'peak RSS':>9} {'redis cmds':>10} {'redis ms':>8}  outcomes"
    )
    for kind in args.kinds:
        inputs = inputs_of(pages, InputKind(kind))
        for workers in args.workers:
            run = queue_rate(inputs, workers, messages=args.messages)
            rate, cpu_ms = extract_only(inputs, workers)
            cli_rate, cli_cpu_ms = extract_only(inputs, workers, event_data=True)
            print(
                f"{kind:<6} {workers:>7} {rate:>8.1f} {cli_rate:>6.1f} {run.rate:>6.1f}"
                f" {run.rate / rate:>5.2f} {run.rate / cli_rate:>5.2f} {cpu_ms:>6.1f} {cli_cpu_ms:>6.1f}"
                f" {run.cpu_ms:>6.1f} {cpu_ms / run.cpu_ms:>5.2f} {cli_cpu_ms / run.cpu_ms:>5.2f}"
                f" {run.main_cpu_ms:>5.1f}"
                f" {run.peak_rss_mb:>6.0f} MB {run.redis_commands:>10.1f} {run.redis_cpu_ms:>8.3f}  "
                f"{run.events} events, {run.dead_letters} dead letters, {run.duplicates} duplicates",
                flush=True,
            )
    return 0


def extract_only(inputs: list[Input], processes: int, event_data: bool = False) -> tuple[float, float]:
    """Extract-only in `processes` processes at once, each doing every page: the sum of their rates,
    and the mean CPU ms a page."""
    if processes == 1:
        return extract_only_rate(inputs, event_data)
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        results = pool.starmap(extract_only_rate, [(inputs, event_data)] * processes)
    return sum(r for r, _ in results), sum(c for _, c in results) / processes


if __name__ == "__main__":
    raise SystemExit(main())
