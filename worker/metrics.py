"""Prometheus metrics: what the worker counts, how long each task and stage takes, and what is
waiting in Redis, served at `/metrics` when `NEWSWORKER_METRICS_PORT` is set.

Who serves: the Celery worker's main process, from `worker_init`, so a plain
`celery -A worker.celery_app worker` (compose) serves exactly as `newsworker run` (whose child is
that same command) does. Before the pool forks, that process makes a fresh private folder and turns
on prometheus_client's multiprocess mode in it: each prefork child then writes its counts to its own
file there, and a scrape sums them all. Children that exit are marked dead; the folder is removed
when the worker shuts down.

Counted where they are decided: outcomes from each task's return value (`task_postrun`), dead
letters in the dead-letter writer (`count_dead_letter`), stage times by `stage_timer`. Queue depth,
stream lengths and consumer-group lag are read from Redis at scrape time (`BacklogCollector`).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import redis
from celery.signals import (
    task_postrun,
    task_prerun,
    worker_init,
    worker_process_shutdown,
    worker_ready,
    worker_shutdown,
)
from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess, start_http_server, values
from prometheus_client.core import GaugeMetricFamily

from worker.backlog import read_backlog
from worker.config import Settings
from worker.connections import connect_redis
from worker.events import EventType

log = logging.getLogger(__name__)

MULTIPROCESS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
STAGES = ("fetch", "parse", "clean", "extract", "publish")
TASK_BUCKETS_S = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
STAGE_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_PUBLISHED_OUTCOMES = {"created": EventType.CREATED, "updated": EventType.UPDATED}
_DUPLICATE_OUTCOMES = ("duplicate", "duplicate_text")


@dataclass(frozen=True, slots=True)
class Metrics:
    """The metrics one process writes. In multiprocess mode their values live in files, and the
    registry here is only for a process that serves itself (a single-process worker, a test)."""

    registry: CollectorRegistry
    events_published: Counter
    duplicates: Counter
    dead_letters: Counter
    task_seconds: Histogram
    stage_seconds: Histogram

    @classmethod
    def create(cls) -> Metrics:
        registry = CollectorRegistry()
        return cls(
            registry=registry,
            events_published=Counter(
                "newsworker_events_published",
                "Events appended to the article stream, by CloudEvents type",
                ["type"],
                registry=registry,
            ),
            duplicates=Counter(
                "newsworker_duplicates",
                "Articles not appended because the same text was already published "
                "(outcome duplicate: same article; duplicate_text: under another article id)",
                ["outcome"],
                registry=registry,
            ),
            dead_letters=Counter(
                "newsworker_dead_letters",
                "Dead letters written, by reason",
                ["reason"],
                registry=registry,
            ),
            task_seconds=Histogram(
                "newsworker_task_seconds",
                "Seconds per task run (a retried task counts each run)",
                ["task"],
                buckets=TASK_BUCKETS_S,
                registry=registry,
            ),
            stage_seconds=Histogram(
                "newsworker_stage_seconds",
                "Seconds per pipeline stage",
                ["stage"],
                buckets=STAGE_BUCKETS_S,
                registry=registry,
            ),
        )


# One per process, like prometheus_client's own default registry: a signal handler has nowhere
# else to find it. Created on first use, after the worker has chosen its mode.
_current: Metrics | None = None


def current() -> Metrics:
    global _current
    if _current is None:
        _current = Metrics.create()
    return _current


def install(metrics: Metrics | None) -> Metrics | None:
    """Make `metrics` this process's metrics (a test's fresh set); returns the previous ones."""
    global _current
    previous, _current = _current, metrics
    return previous


@contextmanager
def stage_timer(stage: str) -> Iterator[None]:
    """Time one pipeline stage (also when it raises: a failed fetch took that long too)."""
    with current().stage_seconds.labels(stage=stage).time():
        yield


class StageClock:
    """Seconds per stage within one piece of work, each stage observed once when the work ends:
    extraction reads the metadata before cleaning and completes it after, and is one observation."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def __enter__(self) -> StageClock:
        return self

    def __exit__(self, *_: object) -> None:
        histogram = current().stage_seconds
        for name, seconds in self.seconds.items():
            histogram.labels(stage=name).observe(seconds)


def count_dead_letter(reason: str) -> None:
    current().dead_letters.labels(reason=str(reason)).inc()


def count_outcome(outcome: str) -> None:
    """Count a task's publish outcome (`PublishOutcome` values; dead letters are counted by the writer)."""
    metrics = current()
    if outcome in _PUBLISHED_OUTCOMES:
        metrics.events_published.labels(type=str(_PUBLISHED_OUTCOMES[outcome])).inc()
    elif outcome in _DUPLICATE_OUTCOMES:
        metrics.duplicates.labels(outcome=outcome).inc()


def _short_task_name(name: str | None) -> str:
    return (name or "unknown").rsplit(".", 1)[-1]


@task_prerun.connect
def _task_started(task: Any = None, **_: Any) -> None:
    if task is not None:
        task.request.newsworker_started_s = time.perf_counter()


@task_postrun.connect
def _task_finished(task: Any = None, retval: Any = None, **_: Any) -> None:
    if task is None:
        return
    started = getattr(task.request, "newsworker_started_s", None)
    if started is not None:
        current().task_seconds.labels(task=_short_task_name(task.name)).observe(time.perf_counter() - started)
    if isinstance(retval, dict) and isinstance(retval.get("outcome"), str):
        count_outcome(retval["outcome"])


class BacklogCollector:
    """Queue depth, stream lengths and consumer-group lag, read from Redis at each scrape."""

    def __init__(self, client: redis.Redis, settings: Settings) -> None:
        self.client, self.settings = client, settings

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("newsworker_redis_up", "1 when Redis answered this scrape")
        try:
            backlog = read_backlog(self.client, self.settings)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            log.warning("metrics: Redis did not answer the scrape: %s", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        depth = GaugeMetricFamily(
            "newsworker_queue_depth",
            "Tasks waiting in each Celery queue the workers consume",
            labels=["queue"],
        )
        for queue, waiting in backlog.queue_depths.items():
            depth.add_metric([queue], waiting)
        yield depth
        length = GaugeMetricFamily(
            "newsworker_stream_length", "Entries in each stream (XLEN)", labels=["stream"]
        )
        for stream, entries in backlog.stream_lengths.items():
            length.add_metric([stream], entries)
        yield length
        lag = GaugeMetricFamily(
            "newsworker_consumer_group_lag",
            "Entries a consumer group has not yet been given (XINFO GROUPS lag; absent when unknown)",
            labels=["stream", "group"],
        )
        pending = GaugeMetricFamily(
            "newsworker_consumer_group_pending",
            "Entries a consumer group was given and has not acknowledged",
            labels=["stream", "group"],
        )
        for group in backlog.groups:
            if group.lag is not None:
                lag.add_metric([group.stream, group.name], group.lag)
            pending.add_metric([group.stream, group.name], group.pending)
        yield lag
        yield pending


class _ThisProcess:
    """The serving process's own metrics (whichever set is installed at scrape time)."""

    def collect(self) -> Iterator[Any]:
        yield from current().registry.collect()


@dataclass
class MetricsServer:
    """The `/metrics` HTTP server (a daemon thread) and, in multiprocess mode, the folder it owns."""

    port: int
    server: Any
    thread: Any
    multiprocess_dir: str | None = None
    owner_pid: int = 0

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        if self.multiprocess_dir and os.getpid() == self.owner_pid:
            shutil.rmtree(self.multiprocess_dir, ignore_errors=True)


def serving_registry(
    settings: Settings, client: redis.Redis, multiprocess_dir: str | None
) -> CollectorRegistry:
    """Every process's counts (summed from the folder in multiprocess mode, else this process's),
    plus what Redis holds now."""
    registry = CollectorRegistry()
    if multiprocess_dir:
        multiprocess.MultiProcessCollector(registry, path=multiprocess_dir)
    else:
        registry.register(_ThisProcess())
    registry.register(BacklogCollector(client, settings))
    return registry


def start_metrics_server(
    settings: Settings, *, port: int | None = None, multiprocess_dir: str | None = None
) -> MetricsServer:
    port = settings.metrics_port if port is None else port
    registry = serving_registry(settings, connect_redis(settings), multiprocess_dir)
    server, thread = start_http_server(port, addr=settings.metrics_addr, registry=registry)
    return MetricsServer(port, server, thread, multiprocess_dir, owner_pid=os.getpid())


def enable_multiprocess_mode(folder: str) -> None:
    """Make every process of this worker write its counts in `folder` (fresh and private: counts
    left by an earlier run would be summed in; an operator's PROMETHEUS_MULTIPROC_DIR is replaced).

    prometheus_client picks its value class when it is imported; it is picked again here, now that
    the folder exists, and this process's metrics are created afresh in that mode. Forked children
    inherit both, and prometheus_client opens a file of their own on their first write."""
    os.environ[MULTIPROCESS_DIR_ENV] = folder
    values.ValueClass = values.get_value_class()
    install(Metrics.create())


_server: MetricsServer | None = None
_failures: list[str] = []


@worker_init.connect
def _serve_metrics(sender: Any = None, **_: Any) -> None:
    """In the worker's main process, before the pool forks: serve when a port is configured."""
    global _server
    from worker.celery_app import app, app_settings

    settings = app_settings(getattr(sender, "app", None) or app)
    if not settings.metrics_port:
        return
    folder = tempfile.mkdtemp(prefix="newsworker-metrics-")
    try:
        _server = start_metrics_server(settings, multiprocess_dir=folder)
    except OSError as error:  # the port is taken: the worker still works, and says so when ready
        shutil.rmtree(folder, ignore_errors=True)
        _failures.append(f"{settings.metrics_addr}:{settings.metrics_port}: {error}")
        return
    enable_multiprocess_mode(folder)


@worker_ready.connect
def _say_where_metrics_are(**_: Any) -> None:
    """Logged once the worker's logging is set up (it is not yet at `worker_init`)."""
    for failure in _failures:
        log.error("metrics are not served: %s", failure)
    if _server is not None:
        log.info(
            "metrics at http://%s:%d/metrics (multiprocess folder %s)",
            _server.server.server_address[0],
            _server.port,
            _server.multiprocess_dir,
        )


@worker_process_shutdown.connect
def _child_exited(pid: int | None = None, **_: Any) -> None:
    if os.environ.get(MULTIPROCESS_DIR_ENV):
        multiprocess.mark_process_dead(pid or os.getpid())


@worker_shutdown.connect
def _stop_serving(**_: Any) -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None
