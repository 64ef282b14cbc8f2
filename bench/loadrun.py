"""The load benchmark's harness: an embedded Redis (AOF on) and `celery worker` subprocesses in a
temporary folder of the run's own, with the faults to inject (kill -9 a worker, kill Redis) and the
audit of the streams. Used by bench/load.py and tests/test_faults.py.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import redis
from celery import Celery

from worker.celery_app import celery_config
from worker.config import Settings
from worker.embedded import EmbeddedRedis, free_port

MAX_DOCUMENT_BYTES = 256 * 1024
TASK = "worker.tasks.ingest_document"
QUEUE = "load:queue"

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
    task_ids: list[str] = field(default_factory=list)  # submitted, in the inputs' order
    keep_folder: bool = False  # a failed run's logs and Redis files, for a post-mortem
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
            NEWSWORKER_QUEUE=QUEUE,
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
            QUEUE,
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
        command += ["--without-mingle"]  # the app's own prefetch (worker/celery_app.py)
        return subprocess.Popen(
            command, env=self.environment(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, timeout_s: float = 180.0) -> None:
        """Until every worker answers a ping, so the throughput does not count their start (a worker
        starts in seconds, but on a shared machine at load 8 a prefork pool has taken over a minute)."""
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

    def submit(self, inputs: Sequence[Any]) -> float:
        """Queue every input; returns the seconds it took."""
        app = self.producer_app()
        start = time.perf_counter()
        with app.producer_or_acquire() as producer:
            for item in inputs:
                kwargs = {"content": item.content, "kind": item.kind, "url": item.url}
                kwargs["content_encoding"] = item.encoding
                sent = app.send_task(TASK, kwargs=kwargs, queue=QUEUE, producer=producer)
                self.task_ids.append(sent.id)
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
        while time.monotonic() < deadline and (client.hlen("unacked") or client.llen(QUEUE)):
            time.sleep(0.5)
        return {
            "unacked_at_last_outcome": held,
            "unacked_after_drain": client.hlen("unacked"),
            "queued_after_drain": client.llen(QUEUE),
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
        if self._app is not None:
            self._app.close()  # its pooled connections were to the killed server
        self._app = None

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

    def close(self) -> None:
        """Stop everything and remove the run's folder, unless a failed test asked to keep it."""
        self.stop()
        if not self.keep_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def audit(self, inputs: Sequence[Any]) -> dict:
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


def whereabouts(run: LoadRun, inputs: Sequence[Any]) -> list[dict]:
    """For each submitted input with no outcome yet: where its message is (queued, unacknowledged),
    its run mark (runs begun and not ended) and the worker log lines that name its task id."""
    client = run.client()
    urls = {
        json.loads(f[b"event"])["data"]["source"].get("url") for _id, f in _scan(client, run.settings.stream)
    }
    lettered = {f[b"source"].decode() for _id, f in _scan(client, run.settings.dead_letter_stream)}
    queued = client.lrange(QUEUE, 0, -1)
    unacked = client.hvals("unacked")
    logs = {p.name: p.read_text(errors="replace").splitlines() for p in Path(run.folder).glob("*.log")}
    missing = []
    for item, task_id in zip(inputs, run.task_ids, strict=True):
        if (item.url and item.url in urls) or task_id in lettered:
            continue
        if client.exists(run.settings.key("dead", task_id)):
            continue
        needle = task_id.encode()
        missing.append(
            {
                "task_id": task_id,
                "label": item.label,
                "url": item.url,
                "queued": sum(needle in entry for entry in queued),
                "unacked": sum(needle in entry for entry in unacked),
                "run_mark": client.get(run.settings.key("runs", f"{task_id}:0")),
                "log_lines": [
                    f"{name}: {line}" for name, lines in logs.items() for line in lines if task_id in line
                ],
            }
        )
    return missing


def _scan(client: redis.Redis, stream: str, batch: int = 2000) -> Iterator[tuple[bytes, dict]]:
    start = "-"
    while True:
        entries = client.xrange(stream, min=start, count=batch)
        yield from entries
        if len(entries) < batch:
            return
        start = "(" + entries[-1][0].decode()
