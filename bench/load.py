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
expired unacknowledged messages run every second (see `WORKER_LAUNCHER`); the per-document cap is
lowered to 256 KB (`NEWSWORKER_MAX_DOCUMENT_BYTES`) so oversized inputs stay cheap.

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
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import redis
from celery import Celery

from bench.synth import as_plain_text, render, unrelated_story
from worker.celery_app import celery_config
from worker.config import ParseLimits, Settings
from worker.document import InputKind, load_document
from worker.embedded import EmbeddedRedis, free_port
from worker.errors import NewsworkerError
from worker.pipeline import extract_article

MAX_DOCUMENT_BYTES = 256 * 1024
BAD_SHARE = 0.05
TASK = "worker.tasks.ingest_document"
# Starts `celery worker` with the app configured from the environment, then shortens what delays the
# redelivery of a killed worker's tasks, for a short run: the visibility timeout (below celery_app's
# floor), and kombu's sweep for expired unacknowledged messages, which by default scans only every
# 10 x 10 s and, if a worker dies mid-scan, waits out its 300 s mutex.
WORKER_LAUNCHER = (
    "import os, sys; from worker.celery_app import app, app_settings; app_settings(app); "
    "app.conf.broker_transport_options.update(visibility_timeout="
    "int(os.environ['NEWSWORKER_BENCH_VISIBILITY_S']), unacked_restore_interval=1, "
    "unacked_restore_throttle=1, unacked_mutex_expire=10); "
    "app.worker_main(sys.argv[1:])"
)


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


@dataclass
class LoadRun:
    """An embedded Redis (AOF on) and worker subprocesses, under a temporary folder of the run's own."""

    workers: int = 2
    visibility_timeout_s: int = 15
    folder: str = field(default_factory=lambda: tempfile.mkdtemp(prefix="newsworker-load-"))
    redis_server: EmbeddedRedis | None = None
    processes: list[subprocess.Popen] = field(default_factory=list)
    settings: Settings | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    _app: Celery | None = None

    def start(self) -> LoadRun:
        self.redis_server = EmbeddedRedis(
            port=free_port(), directory=str(Path(self.folder) / "redis"), persist=True
        )
        Path(self.redis_server.directory).mkdir(parents=True, exist_ok=True)
        self.redis_server.start()
        prefix = "load:"
        self.settings = replace(
            Settings.from_env(self.environment()), redis_url=self.redis_server.url, redis_url_explicit=True
        )
        assert self.settings.key_prefix == prefix
        self.processes = [self._start_worker(i) for i in range(self.workers)]
        return self

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
        env.update(
            REDIS_URL=self.redis_server.url if self.redis_server else "",
            NEWSWORKER_KEY_PREFIX="load:",
            NEWSWORKER_QUEUE="load:queue",
            NEWSWORKER_MAX_DOCUMENT_BYTES=str(MAX_DOCUMENT_BYTES),
            NEWSWORKER_TASK_TIME_LIMIT_S="10",
            NEWSWORKER_TASK_SOFT_TIME_LIMIT_S="8",
            NEWSWORKER_VISIBILITY_TIMEOUT_S=str(self.visibility_timeout_s),
            NEWSWORKER_BENCH_VISIBILITY_S=str(self.visibility_timeout_s),
            NEWSWORKER_MAX_RETRIES="3",
            NEWSWORKER_RETRY_BACKOFF_S="0.5",
            NEWSWORKER_HOST_MIN_INTERVAL_S="0",
        )
        env.update(self.extra_env)
        return env

    def _start_worker(self, number: int) -> subprocess.Popen:
        log = open(Path(self.folder) / f"worker{number}.log", "ab")  # noqa: SIM115 (the child keeps it)
        command = [
            sys.executable,
            "-c",
            WORKER_LAUNCHER,
            "worker",
            "-Q",
            "load:queue",
            "--concurrency",
            "1",
            "--pool",
            os.environ.get("NEWSWORKER_BENCH_POOL", "prefork"),
        ]
        command += [
            "--loglevel",
            os.environ.get("NEWSWORKER_BENCH_LOGLEVEL", "WARNING"),
            "--hostname",
            f"load{number}@%h",
            "--without-gossip",
        ]
        command += ["--without-mingle", "--prefetch-multiplier", "1"]
        return subprocess.Popen(
            command, env=self.environment(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        """Until every worker answers a ping, so the throughput does not count their start."""
        app = self.producer_app()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if len(app.control.ping(timeout=1.0) or []) >= len(self.processes):
                return
        raise RuntimeError(f"workers not ready after {timeout_s}s; see the logs in {self.folder}")

    def producer_app(self) -> Celery:
        """A Celery app of the run's own for sending and pinging, configured as the workers are, so
        the process-wide `worker.celery_app.app` (a test session's) is left alone."""
        if self._app is None:
            self._app = Celery("newsworker-load", set_as_current=False)
            self._app.conf.update(celery_config(self.settings))
        return self._app

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.settings.redis_url, socket_timeout=5, socket_connect_timeout=2)

    def submit(self, inputs: list[Input]) -> float:
        """Queue every input; returns the seconds it took."""
        app = self.producer_app()
        start = time.perf_counter()
        with app.producer_or_acquire() as producer:
            for item in inputs:
                kwargs = {"content": item.content, "kind": item.kind, "url": item.url}
                kwargs["content_encoding"] = item.encoding
                app.send_task(TASK, kwargs=kwargs, queue="load:queue", producer=producer)
        return time.perf_counter() - start

    def outcomes(self, client: redis.Redis) -> int:
        """Events + dead letters so far; 0 while Redis is down."""
        try:
            return client.xlen(self.settings.stream) + client.xlen(self.settings.dead_letter_stream)
        except (redis.ConnectionError, redis.TimeoutError):
            return -1

    def drain(self, client: redis.Redis, timeout_s: float) -> dict:
        """After the last outcome, wait until no message is queued or unacknowledged: a killed
        worker's tasks come back after the visibility timeout and must then add nothing."""
        held = client.hlen("unacked")
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and (client.hlen("unacked") or client.llen("load:queue")):
            time.sleep(0.5)
        return {
            "unacked_at_last_outcome": held,
            "unacked_after_drain": client.hlen("unacked"),
            "queued_after_drain": client.llen("load:queue"),
        }

    def kill_worker(self, number: int) -> None:
        os.killpg(self.processes[number].pid, signal.SIGKILL)
        self.processes[number].wait(timeout=10)

    def restart_worker(self, number: int) -> None:
        self.processes[number] = self._start_worker(number)

    def kill_redis(self) -> None:
        self.redis_server.stop(kill=True)

    def restart_redis(self) -> None:
        self.redis_server.start()

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if self.redis_server:
            self.redis_server.stop()

    def audit(self, inputs: list[Input]) -> dict:
        """Counts from the streams: events, dead letters by reason, article and event ids seen twice."""
        client = self.client()
        article_ids: Counter[str] = Counter()
        event_ids: Counter[str] = Counter()
        for _id, fields in _scan(client, self.settings.stream):
            event = json.loads(fields[b"event"])
            article_ids[event["data"]["id"]] += 1
            event_ids[event["id"]] += 1
        reasons: Counter[str] = Counter(
            f[b"reason"].decode() for _id, f in _scan(client, self.settings.dead_letter_stream)
        )
        events = sum(article_ids.values())
        dead = sum(reasons.values())
        return {
            "inputs": len(inputs),
            "bad_inputs": sum(item.bad for item in inputs),
            "events": events,
            "dead_letters": dead,
            "events_plus_dead_letters_equals_inputs": events + dead == len(inputs),
            "article_ids_twice": sum(1 for c in article_ids.values() if c > 1),
            "event_ids_twice": sum(1 for c in event_ids.values() if c > 1),
            "dead_letter_reasons": dict(sorted(reasons.items())),
        }


def _scan(client: redis.Redis, stream: str, batch: int = 2000):  # type: ignore[no-untyped-def]
    start = "-"
    while True:
        entries = client.xrange(stream, min=start, count=batch)
        yield from entries
        if len(entries) < batch:
            return
        start = "(" + entries[-1][0].decode()


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
