"""What is waiting, read from Redis at the moment it is asked: queue depth, stream lengths, consumer
group lag, and recent dead letters by reason. Read, never counted: any process can ask (the metrics
collector at each scrape, `newsworker status`) and gets the same answer.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import redis

from worker.config import Settings

# kombu's Redis transport keeps one list per priority band: the queue's own name for priority 0,
# and `<queue>\x06\x16<n>` for the others (`kombu.transport.redis`, PRIORITY_STEPS and `sep`).
_KOMBU_PRIORITY_SEPARATOR = "\x06\x16"
_KOMBU_PRIORITY_STEPS = (0, 3, 6, 9)
_XRANGE_BATCH = 1000


@dataclass(frozen=True, slots=True)
class GroupState:
    """One consumer group: `lag` is how many entries it has not yet been given (None when Redis
    cannot tell, e.g. after entries were deleted); `pending` how many it was given and has not acked."""

    stream: str
    name: str
    lag: int | None
    pending: int
    consumers: int


@dataclass(frozen=True, slots=True)
class Backlog:
    """`queue_depths`: tasks waiting in each queue the workers consume (ours, and Celery's default
    `celery` unless NEWSWORKER_CONSUME_CELERY_QUEUE=false: see `celery_app.consumed_queues`)."""

    queue_depths: dict[str, int]
    stream_lengths: dict[str, int]
    groups: list[GroupState]

    @property
    def queue_depth(self) -> int:
        return sum(self.queue_depths.values())


def queue_keys(queue: str) -> list[str]:
    return [
        queue if step == 0 else f"{queue}{_KOMBU_PRIORITY_SEPARATOR}{step}" for step in _KOMBU_PRIORITY_STEPS
    ]


def _text(value: bytes | str | None) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _groups(client: redis.Redis, stream: str) -> list[GroupState]:
    try:
        infos = client.xinfo_groups(stream)
    except redis.ResponseError as error:  # the stream does not exist yet
        if "no such key" in str(error).lower():
            return []
        raise
    return [
        GroupState(
            stream=stream,
            name=_text(info["name"]),
            lag=None if info.get("lag") is None else int(info["lag"]),
            pending=int(info.get("pending") or 0),
            consumers=int(info.get("consumers") or 0),
        )
        for info in infos
    ]


def read_backlog(client: redis.Redis, settings: Settings) -> Backlog:
    """One round trip for the lengths, one XINFO GROUPS per stream."""
    from worker.celery_app import consumed_queues  # the app module: only when asked

    queues = consumed_queues(settings)
    streams = [settings.stream, settings.dead_letter_stream]
    pipe = client.pipeline(transaction=False)
    for queue in queues:
        for key in queue_keys(queue):
            pipe.llen(key)
    for stream in streams:
        pipe.xlen(stream)
    replies = [int(n) for n in pipe.execute()]
    steps = len(_KOMBU_PRIORITY_STEPS)
    depths = {queue: sum(replies[i * steps : (i + 1) * steps]) for i, queue in enumerate(queues)}
    lengths = dict(zip(streams, replies[len(queues) * steps :], strict=True))
    groups = [group for stream in streams for group in _groups(client, stream)]
    return Backlog(queue_depths=depths, stream_lengths=lengths, groups=groups)


def dead_letters_by_reason(
    client: redis.Redis, settings: Settings, *, since_s: float, now_s: float | None = None
) -> Counter[str]:
    """Dead letters written in the last `since_s` seconds, by reason (the stream's entry ids are
    their append times in milliseconds, so XRANGE from that time reads exactly those)."""
    now_ms = int((time.time() if now_s is None else now_s) * 1000)
    start = f"{now_ms - int(since_s * 1000)}-0"
    reasons: Counter[str] = Counter()
    while True:
        entries = client.xrange(settings.dead_letter_stream, min=start, max="+", count=_XRANGE_BATCH)
        for _entry_id, fields in entries:
            reasons[_text(fields.get(b"reason", fields.get("reason", "unknown")))] += 1
        if len(entries) < _XRANGE_BATCH:
            return reasons
        start = "(" + _text(entries[-1][0])
