"""The Celery app and every broker setting that decides whether a task can be lost or run twice.

The app is created empty at import; its configuration comes from `Settings` on first use
(`on_configure`), or from `apply_settings` when a caller (a test, the CLI) has settings in hand.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import signal
import sys
from typing import Any

from celery import Celery
from celery.signals import worker_init, worker_process_init, worker_ready
from kombu import Exchange, Queue

from worker.config import ConfigError, Settings
from worker.retry import MAX_COUNTDOWN_S

log = logging.getLogger(__name__)

# worker.metrics holds no task: it is imported with them for its signal handlers (serving, timing).
TASK_MODULES = ("worker.tasks", "worker.feed_tasks", "worker.metrics")
GUARDED_CONSUMER = "worker.message_guard:GuardedConsumer"
# Where plain Celery sends a task when the producer names no queue (Celery's task_default_queue).
CELERY_DEFAULT_QUEUE = "celery"
# Messages a worker holds unacknowledged per pool process: the one it runs (see celery_config's
# `worker_prefetch_multiplier`; 2 was tried and dropped).
PREFETCH_MULTIPLIER = 1


def consumed_queues(settings: Settings) -> list[str]:
    """The queues a worker reads: ours, and Celery's default one unless turned off.

    A producer that uses plain Celery and forgets `queue=` sends to `celery`; reading it too means
    that work is done rather than left in Redis forever. Turn it off
    (NEWSWORKER_CONSUME_CELERY_QUEUE=false) when another Celery app shares this Redis database and
    uses `celery` for its own tasks: a worker drops a message naming a task it does not know."""
    queues = [settings.queue]
    if settings.consume_celery_queue and settings.queue != CELERY_DEFAULT_QUEUE:
        queues.append(CELERY_DEFAULT_QUEUE)
    return queues


def celery_config(settings: Settings) -> dict[str, Any]:
    transport_options: dict[str, Any] = {
        # An unacknowledged message goes back to the queue after this long. It must outlast the
        # longest a worker can hold one: its own run, after those taken before it when the prefetch
        # is above one (a hard time limit each, `PREFETCH_MULTIPLIER` in all), plus the longest retry
        # countdown (a retry's ETA message also waits unacknowledged). A worker killed with -9 has
        # its messages redelivered once this has passed; a warm shutdown hands them back at once.
        "visibility_timeout": max(
            settings.visibility_timeout_s,
            int(PREFETCH_MULTIPLIER * settings.task_time_limit_s + MAX_COUNTDOWN_S) + 30,
        ),
        # Look for messages whose visibility timeout has passed every 10 s (kombu's default sweeps
        # about every 100 s), and let a sweep lock held by a killed worker lapse after 60 s, not 300.
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": 1,
        "unacked_mutex_expire": 60,
        "socket_keepalive": True,
        "health_check_interval": 10,
        "retry_on_timeout": True,
    }
    if settings.sentinel_master:
        transport_options["master_name"] = settings.sentinel_master
    sentinel = settings.redis_url.startswith("sentinel://")
    return {
        "broker_url": settings.redis_url,
        # kombu's Redis transport, except that Redis refusing work (OOM, READONLY, LOADING, BUSY)
        # is a lost connection to wait out, not an error that ends the worker and loses the
        # message it had just taken (see worker/broker_transport.py).
        "broker_transport": f"worker.broker_transport:{'SentinelTransport' if sentinel else 'Transport'}",
        # rediss://: the server's certificate is verified (kombu alone would not); see redis_url.
        "broker_use_ssl": settings.redis_tls,
        # Celery's consumer, with every message off the queue checked first: one that cannot become a
        # task becomes one dead letter (`worker.message_guard`), never a stopped worker, a silent drop
        # or an endless redelivery. The transport above checks each raw queue entry the same way.
        "worker_consumer": GUARDED_CONSUMER,
        "broker_transport_options": transport_options,
        # Results are not needed: the outcome of a task is its event or its dead letter.
        "result_backend": None,
        "task_ignore_result": True,
        # JSON only: a pickled message from the broker would run code in the worker.
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "event_serializer": "json",
        # Task events (received, started, succeeded...) cost the worker's main process about 1 ms a
        # task, a tenth of a plain-text page's whole path, though with nobody listening each is a
        # PUBLISH that Redis drops. So they start off, and a monitor turns them on when it runs:
        # Flower does by itself (its enable_events), `celery events` after `celery control
        # enable_events`; NEWSWORKER_TASK_EVENTS=true has them on from the start. A client
        # announces what it sends (task-sent), which costs a worker nothing.
        "worker_send_task_events": settings.task_events,
        "task_send_sent_event": True,
        # Acknowledge after the task has run, so a worker that dies mid-task leaves the message
        # to be redelivered; and requeue (not fail) a task whose worker process was killed.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        # With late acks, this False means (Celery 5.7, request.on_failure): a task that RAISES
        # is rejected WITHOUT requeue, and its message is gone (e.g. Redis gone while it wrote its
        # dead letter); a task killed at its HARD time limit is rejected WITH requeue and runs
        # again. So tasks catch every error themselves and end in an event, a retry or a dead
        # letter (`worker.retry`), and the soft limit turns a slow document into `task_timeout`.
        "task_acks_on_failure_or_timeout": False,
        # With late acks, a worker holds at most one unacknowledged message per process (the one
        # it runs): a killed or slow worker strands at most that many until the visibility timeout
        # returns them. Two (the next message taken and handed to the pool while one runs) hid
        # ~4 points of an HTML batch's hand-over, but under load a worker whose Redis was killed and
        # restarted then exited in 2 runs of 12 (kombu's restore of the unacked messages on a
        # connection already gone: "'NoneType' object has no attribute 'hostname'"), against 0 of
        # 12 with one (docs/measurements.md): a worker that outlives its Redis comes first. (That exit
        # is now guarded in worker.broker_transport; 2 has not been measured again since.)
        "worker_prefetch_multiplier": PREFETCH_MULTIPLIER,
        # With late acks, tasks still running when the broker connection drops will be
        # redelivered; cancel them instead of finishing them twice (publish is idempotent anyway).
        "worker_cancel_long_running_tasks_on_connection_loss": True,
        "broker_connection_retry_on_startup": True,
        "broker_connection_max_retries": None,
        "task_soft_time_limit": settings.task_soft_time_limit_s,
        "task_time_limit": settings.task_time_limit_s,
        "task_default_queue": settings.queue,
        # What `celery -A worker.celery_app worker` reads when no -Q is given (see consumed_queues).
        "task_queues": [Queue(name, Exchange(name), routing_key=name) for name in consumed_queues(settings)],
        "worker_concurrency": settings.worker_concurrency or None,
        "beat_schedule": _beat_schedule(settings),
    }


def _beat_schedule(settings: Settings) -> dict[str, Any]:
    from worker.feed_tasks import beat_schedule

    return beat_schedule(settings)


def apply_settings(celery: Celery, settings: Settings) -> Celery:
    celery.newsworker_settings = settings
    celery.conf.update(celery_config(settings))
    return celery


def app_settings(celery: Celery) -> Settings:
    """The settings the app was configured with (configuring it from the environment if need be)."""
    _ = celery.conf.broker_url  # first access runs on_configure
    return celery.newsworker_settings


# Set by `newsworker run` for the worker it starts (plumbing between the two, not configuration).
RUN_PID_VARIABLE = "NEWSWORKER_RUN_PID"
_PR_SET_PDEATHSIG = 1

app = Celery("newsworker", include=list(TASK_MODULES), set_as_current=True)
app.newsworker_settings = None


@app.on_configure.connect
def _configure_from_environment(sender: Celery, **_: Any) -> None:
    if getattr(sender, "newsworker_settings", None) is None:
        try:
            settings = Settings.from_env()
        except ConfigError as error:  # `celery -A worker.celery_app worker`: one line, no traceback
            print(f"newsworker: configuration error: {error}", file=sys.stderr)
            raise SystemExit(2) from None
        if settings.redis_tls and settings.redis_tls_insecure:
            log.warning("NEWSWORKER_REDIS_TLS_INSECURE=true: the Redis server's certificate is NOT verified")
        sender.newsworker_settings = settings
        sender.conf.update(celery_config(settings))


@worker_init.connect
def _stop_with_newsworker_run(**_: Any) -> None:
    """A worker started by `newsworker run` gets SIGTERM (a warm shutdown) when that process dies, however
    it dies: without this, a killed `run` leaves its worker orphaned, consuming with nobody to stop it."""
    parent = os.environ.get(RUN_PID_VARIABLE, "")
    if not parent.isdigit() or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        log.warning("could not tie this worker's life to newsworker run (pid %s)", parent)
        return
    if os.getppid() != int(parent):  # it died before the tie was made
        os.kill(os.getpid(), signal.SIGTERM)


# What the warm-up did, said once logging is set up (it is not yet at `worker_init`).
_warm_up_outcome: list[str] = []


@worker_init.connect
def warm_before_the_pool_forks(**_: Any) -> None:
    """Models, language data and patterns loaded once in the main process, inherited by every pool
    process (`worker.warmup`): a process the pool starts or restarts is ready on its first task."""
    from worker.warmup import warm_up  # the extraction stack, only in a worker

    try:
        seconds = warm_up()
    except Exception as error:  # a broken install: each task will fail and dead-letter with the reason
        _warm_up_outcome.append(f"tasks could not be warmed up before the pool forked: {error!r}")
        return
    _warm_up_outcome.append(f"tasks warmed up in {seconds:.2f} s before the pool forked")
    settle_heap()  # frozen before the fork: no child's collection writes to (and copies) the pages


@worker_ready.connect
def _say_how_the_warm_up_went(**_: Any) -> None:
    for outcome in _warm_up_outcome:
        (log.info if outcome.startswith("tasks warmed") else log.error)(outcome)


@worker_process_init.connect
@worker_ready.connect
def settle_heap(**_: Any) -> None:
    """Leave what start-up made (modules, the app, models: about 80,000 objects) out of the garbage
    collector's full passes, once per process, in the pool child and in the main process alike.

    Extraction allocates enough (a page's tree) to trigger full collections now and then, and each
    walked every object of the worker's heap: 0.2 CPU ms a text page, 0.6 an HTML page, in the
    worker only (an `extract` process has a smaller heap). Garbage first, so none is kept for good;
    what is made after this is collected as before."""
    gc.collect()
    gc.freeze()


# glibc mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
# A buffer this large is a whole batch's (the message from the main process, its JSON body, the
# decoded documents), never one page's: it gets pages of its own, returned to the system when freed.
LARGE_BUFFER_BYTES = 4 * 1024 * 1024
# What glibc's own sliding thresholds would keep free atop the heap after an 8 MiB buffer: a
# page's short-lived trees reuse it instead of faulting fresh pages in each time.
HEAP_TOP_KEPT_BYTES = 16 * 1024 * 1024


@worker_init.connect
@worker_process_init.connect
def keep_batches_out_of_the_heap(**_: Any) -> None:
    """In the pool child, and in the main process (which decodes each batch before the child runs
    it), allocate batch-sized buffers outside the C heap.

    glibc raises its mmap threshold to the size of the largest block freed (up to 32 MiB): after the
    first batch, each 8 MiB message and its copies come from the heap, land above a page's trees and
    leave holes there, and each batch started higher (pool child peak RSS 243-266 MB over 150 HTML
    pages). With the threshold fixed below a batch and above a page, they no longer do (242-245 MB,
    CPU ms a page the same within 2%). Fixing it stops glibc sliding the trim threshold as well, so
    that one is fixed where it slides to for an 8 MiB batch."""
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_TRIM_THRESHOLD, HEAP_TOP_KEPT_BYTES)
        libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BUFFER_BYTES)
    except (OSError, AttributeError):  # not glibc: its own policy stands
        log.debug("mallopt unavailable; the C library's allocation thresholds stand")
