"""`newsworker status`: one screen an operator reads, and an exit code a healthcheck reads.

Workers are asked with Celery's control ping (a broadcast each live worker answers); the rest is
read from Redis as it is now (`worker.backlog`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import redis
from celery import Celery

from worker.backlog import Backlog, dead_letters_by_reason, read_backlog
from worker.celery_app import celery_config
from worker.config import Settings

DEAD_LETTER_WINDOW_S = 3600.0

EXIT_OK = 0
EXIT_NO_WORKER = 1
EXIT_REDIS_DOWN = 3


@dataclass(frozen=True, slots=True)
class Status:
    workers: list[str]
    backlog: Backlog
    dead_letters: Counter[str]


def ping_workers(settings: Settings, timeout_s: float, only: list[str] | None = None) -> list[str]:
    """Names of the workers (all, or those named in `only`) that answered within `timeout_s`, on an
    app of this call's own (the process-wide app, and its connections, are left alone)."""
    app = Celery("newsworker-status", set_as_current=False)
    app.conf.update(celery_config(settings))
    try:
        replies = app.control.ping(destination=only or None, timeout=timeout_s) or []
    finally:
        app.close()
    return sorted(name for reply in replies for name in reply)


def read_status(
    client: redis.Redis, settings: Settings, *, timeout_s: float, only: list[str] | None = None
) -> Status:
    backlog = read_backlog(client, settings)  # first: a Redis that is down fails here, at once
    letters = dead_letters_by_reason(client, settings, since_s=DEAD_LETTER_WINDOW_S)
    return Status(workers=ping_workers(settings, timeout_s, only), backlog=backlog, dead_letters=letters)


def render_status(status: Status, settings: Settings) -> str:
    backlog = status.backlog
    lines = [f"newsworker on {settings.redis_url_masked}"]
    lines.append(f"workers answering: {len(status.workers)}")
    lines += [f"  {name}" for name in status.workers]
    lines += [f"queue {queue}: {depth} waiting" for queue, depth in backlog.queue_depths.items()]
    lines.append("streams:")
    width = max(len(stream) for stream in backlog.stream_lengths)
    lines += [f"  {stream:<{width}}  {n} entries" for stream, n in backlog.stream_lengths.items()]
    lines.append("consumer groups:" if backlog.groups else "consumer groups: none")
    for group in backlog.groups:
        lag = "unknown" if group.lag is None else str(group.lag)
        lines.append(
            f"  {group.stream} {group.name}: lag {lag}, pending {group.pending}, consumers {group.consumers}"
        )
    total = sum(status.dead_letters.values())
    lines.append(f"dead letters in the last hour: {total}")
    lines += [f"  {reason}: {n}" for reason, n in sorted(status.dead_letters.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines)


def exit_code(status: Status) -> int:
    return EXIT_OK if status.workers else EXIT_NO_WORKER
