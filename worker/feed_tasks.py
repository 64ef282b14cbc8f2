"""Celery glue for scheduled ingestion: beat ticks `schedule_due_sources`, which queues `poll_source`.

Two beats at once (a second `newsworker run`, a failover that overlapped): both send the tick
every few seconds, so the tick runs twice as often, and that is all. Each tick claims due sources
with one Lua script (`worker.sources.claim_due`) that moves each claimed source's due time one
interval ahead before returning it; Redis runs scripts one at a time, so a due source is claimed
by exactly one tick and queued once. Even if two polls of one source did run at once (a scheduled
poll and `newsworker poll`), each entry's seen-key is claimed with SET NX before it is queued, so
no URL is queued twice. No beat lock is needed, and losing a beat loses nothing: any beat left
running (or a new one) claims what is due.
"""

from __future__ import annotations

import logging
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import beat_init, worker_init
from kombu.exceptions import OperationalError

from worker.celery_app import app, app_settings
from worker.config import Settings
from worker.connections import connect_redis
from worker.errors import FetchError, NewsworkerError, StoreUnavailable
from worker.poll import PollContext, poll
from worker.publish import DeadLetter, publish_dead_letter, redis_errors
from worker.retry import poll_failure_is_final
from worker.sources import claim_due, sync_sources_file
from worker.tasks import NewsworkerTask, ingest_url

log = logging.getLogger(__name__)

SCHEDULE_EVERY_S = 5.0
CLAIM_BATCH = 500
POLL_TASK = "worker.feed_tasks.poll_source"
SCHEDULE_TASK = "worker.feed_tasks.schedule_due_sources"


def beat_schedule(settings: Settings) -> dict[str, Any]:
    """The entry for `app.conf.beat_schedule`. A tick older than its period is dropped (`expires`):
    the next one does the same work, so a backlog of ticks is never worth running."""
    return {
        "newsworker-schedule-due-sources": {
            "task": SCHEDULE_TASK,
            "schedule": SCHEDULE_EVERY_S,
            "options": {"expires": SCHEDULE_EVERY_S},
        }
    }


def enqueue_ingest(url: str, hints: dict[str, Any], source: dict[str, Any]) -> None:
    """Queue one article for `ingest_url`, with the feed entry's fields as hints."""
    ingest_url.apply_async(kwargs={"url": url, "hints": hints, "source": source})


@app.task(
    base=NewsworkerTask, bind=True, name=SCHEDULE_TASK, ignore_result=True, acks_on_failure_or_timeout=True
)
def schedule_due_sources(self: NewsworkerTask) -> int:
    """Claim the sources that are due (atomically, see the module doc) and queue a poll for each."""
    res = self.resources
    try:
        with redis_errors("claiming due sources"):
            claimed = claim_due(res.redis, res.settings, limit=CLAIM_BATCH)
            for url in claimed:
                poll_source.delay(url)
    except (StoreUnavailable, OperationalError) as error:  # the next tick claims what is due
        log.warning("schedule: %s; the next tick tries again", error)
        return 0
    if claimed:
        log.info("scheduled %d due source(s)", len(claimed))
    else:
        log.debug("no source due")
    return len(claimed)


# A poll that fails or times out is acknowledged (unlike an ingest task): its next due time is
# already set, and that poll is the retry. A poll whose worker dies is still redelivered
# (task_reject_on_worker_lost); running it twice queues nothing twice (seen-keys are SET NX).
@app.task(base=NewsworkerTask, bind=True, name=POLL_TASK, ignore_result=True, acks_on_failure_or_timeout=True)
def poll_source(self: NewsworkerTask, url: str) -> dict[str, Any]:
    """Poll one source. Never retried by Celery: the next scheduled poll is the retry."""
    res = self.resources
    ctx = PollContext(
        redis=res.redis, settings=res.settings, http=res.http, policy=res.policy, enqueue=enqueue_ingest
    )
    try:
        with redis_errors(f"polling {url}"):
            report = poll(url, ctx)
    except (StoreUnavailable, OperationalError) as error:  # Redis gone or refusing work (OOM...)
        log.warning("poll %s: %s; trying again at its next due time", url, error)
        return {"source": url, "error": f"redis_unavailable: {error}"}
    except SoftTimeLimitExceeded:
        log.warning("poll %s: ran out of time; what it queued stays queued, the rest waits", url)
        return {"source": url, "error": "task_timeout"}
    except FetchError as error:
        if poll_failure_is_final(error):
            record_poll_failure(self, url, error, b"")
        else:
            log.warning("poll %s: %s; trying again at its next due time", url, error)
        return {"source": url, "error": f"{error.reason}: {error}"}
    for failure in report.failures:
        if poll_failure_is_final(failure.error):
            record_poll_failure(self, failure.url, failure.error, failure.excerpt)
    log.info("poll %s", report.summary())
    return report.as_dict()


def record_poll_failure(task: NewsworkerTask, url: str, error: NewsworkerError, excerpt: bytes) -> None:
    """One dead letter per failed document per task run (a redelivered poll does not write twice)."""
    res = task.resources
    letter = DeadLetter(reason=error.reason, error=str(error), task=task.name, source=url, input=excerpt)
    once_key = f"{task.request.id}:{url}" if task.request.id else None
    publish_dead_letter(res.redis, res.settings, letter, once_key=once_key)
    log.warning("poll %s: dead letter %s: %s", url, error.reason, error)


@beat_init.connect
def _load_sources_file(sender: Any = None, **_: Any) -> None:
    """At beat start, make Redis hold the sources of `NEWSWORKER_SOURCES` (if set)."""
    settings = app_settings(app)
    if not settings.sources_file:
        return
    result = sync_sources_file(connect_redis(settings), settings)
    log.info(
        "sources from %s: %d added, %d updated, %d removed",
        settings.sources_file,
        len(result.added),
        len(result.updated),
        len(result.removed),
    )


# Celery's own lines about a task: beat sending it, the worker receiving it, its success.
_TICK_LOGGERS = ("celery.beat", "celery.worker.strategy", "celery.app.trace")


class TickAtDebug(logging.Filter):
    """Celery's per-task INFO lines about the tick, every 5 s, said nothing: they go out at DEBUG.
    The tick itself says at INFO when it schedules something."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO or not _about_the_tick(record.args):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


def _about_the_tick(args: Any) -> bool:
    if isinstance(args, dict):  # celery.worker.strategy / celery.app.trace: a context dict
        return args.get("name") == SCHEDULE_TASK
    return isinstance(args, tuple) and SCHEDULE_TASK in args  # celery.beat: (entry name, task name)


def quiet_the_tick() -> None:
    for name in _TICK_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, TickAtDebug) for f in logger.filters):
            logger.addFilter(TickAtDebug())


@worker_init.connect
def _quiet_the_tick_in_worker(**_: Any) -> None:
    quiet_the_tick()  # before the pool forks and the embedded beat starts: they inherit it


@beat_init.connect
def _quiet_the_tick_in_beat(**_: Any) -> None:
    quiet_the_tick()
