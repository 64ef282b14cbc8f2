"""Redis Streams writes: article events appended once, dead letters recorded once (reading: `consume`).

Exactly-once publication rests on one rule: the XADD of an event and the write of its dedup
record happen in one MULTI/EXEC, guarded by WATCH on the records it depends on. A retried or
redelivered task that already published finds its record and appends nothing.

Keys (under `settings.key_prefix`), each with the TTL `retention` gives it:
    article:<id>   sha256 of the text last published for that article id
    text:<sha256>  the article id that first published this exact text
    dead:<dedup>   marks a dead letter already written for that task id
    near:...       the near-duplicate index (see `dedup`), written in the same MULTI as the event

Both streams are trimmed by age as they are appended to (`retention.APPEND_SCRIPT`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import redis

from worker.config import Settings
from worker.dedup import IndexDays, add_to_index, lookup, near_fingerprint, width_key
from worker.errors import DeadLetterReason, StoreUnavailable
from worker.events import EventType, article_text, build_event, serialize_event
from worker.metrics import count_dead_letter
from worker.redis_weather import describe_refusal, refusal_code
from worker.retention import APPEND_LUA, APPEND_SCRIPT, Retention, day_of

log = logging.getLogger(__name__)

INPUT_EXCERPT_BYTES = 1024
_WATCH_RETRIES = 20


class PublishOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DUPLICATE = "duplicate"  # same article id, same text: already on the stream
    DUPLICATE_TEXT = "duplicate_text"  # the same text already published under another article id


@dataclass(frozen=True, slots=True)
class PublishResult:
    outcome: PublishOutcome
    article_id: str
    stream_id: str | None = None
    duplicate_of: str | None = None
    cluster: str | None = None

    @property
    def appended(self) -> bool:
        return self.stream_id is not None


@contextmanager
def redis_errors(action: str) -> Iterator[None]:
    """The one place where redis-py's errors become ours: a lost connection, a timeout, or Redis
    refusing work for now (OOM, READONLY, LOADING, BUSY...: see `redis_weather`) is `StoreUnavailable`
    (retryable); any other reply (WRONGTYPE, NOPERM...) is a bug and goes through as it is."""
    try:
        yield
    except (redis.ConnectionError, redis.TimeoutError) as exc:
        if refusal_code(exc):  # LOADING is a ConnectionError in redis-py
            raise StoreUnavailable(f"Redis refuses work ({describe_refusal(exc)}) while {action}") from exc
        raise StoreUnavailable(f"Redis unavailable while {action}: {exc}") from exc
    except redis.ResponseError as exc:
        if refusal_code(exc) is None:
            raise
        raise StoreUnavailable(f"Redis refuses work ({describe_refusal(exc)}) while {action}") from exc


def _decode(value: bytes | str | None) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


def publish_article(
    client: redis.Redis, settings: Settings, data: dict[str, Any], *, now_s: float | None = None
) -> PublishResult:
    """Append one event for `data` unless this exact article text is already on the stream.

    A near duplicate of an earlier article is still appended, with `duplicate_of` and `cluster` set.
    Today's band keys are watched with the dedup records, so two workers publishing the same story
    at once cannot both found a cluster: one EXEC fails, retries, and finds the other's article.
    `now_s` (default: now) picks the near-duplicate index's day; the stream is trimmed on Redis's
    clock whatever it says."""
    article_id = data["id"]
    text_sha = data["fingerprints"]["sha256"]
    article_key = settings.key("article", article_id)
    text_key = settings.key("text", text_sha)
    retention = Retention.of(settings)
    now_s = time.time() if now_s is None else now_s
    day_keys = IndexDays.read_keys(settings, now_s)
    near = near_fingerprint(article_text(data), settings.near_duplicate_threshold)
    with redis_errors(f"publishing article {article_id}"), client.pipeline(transaction=True) as pipe:
        for _ in range(_WATCH_RETRIES):
            try:
                pipe.watch(article_key, text_key, width_key(settings, day_of(now_s)))
                values = [_decode(v) for v in pipe.mget(article_key, text_key, *day_keys)]
                published_sha, text_owner = values[:2]
                if published_sha == text_sha:
                    pipe.unwatch()
                    return PublishResult(PublishOutcome.DUPLICATE, article_id)
                if published_sha is None and text_owner not in (None, article_id):
                    pipe.unwatch()
                    return PublishResult(PublishOutcome.DUPLICATE_TEXT, article_id, duplicate_of=text_owner)
                days = IndexDays.resolve(settings, now_s, values[2:])
                pipe.watch(*near.band_keys(settings, days.today, days.today_width))
                match = lookup(client, settings, article_id, near, days)
                event_type = EventType.UPDATED if published_sha else EventType.CREATED
                placed = {**data, "duplicate_of": match.duplicate_of, "cluster": match.cluster}
                event = serialize_event(build_event(placed, event_type))
                pipe.multi()
                pipe.eval(APPEND_SCRIPT, 1, settings.stream, *retention.append_args(), "event", event)
                pipe.set(article_key, text_sha, ex=retention.dedup_s)
                pipe.set(text_key, article_id, ex=retention.dedup_s)
                add_to_index(pipe, settings, article_id, near, match, days)
                stream_id = _decode(pipe.execute()[0])
            except redis.WatchError:
                continue
            outcome = PublishOutcome.UPDATED if published_sha else PublishOutcome.CREATED
            return PublishResult(
                outcome,
                article_id,
                stream_id=stream_id,
                duplicate_of=match.duplicate_of,
                cluster=match.cluster,
            )
    raise StoreUnavailable(f"article {article_id}: its dedup record kept changing; gave up after retries")


# KEYS: the once-marker, the dead-letter stream. ARGV: the marker's TTL, the stream's retention in
# ms and maxlen, then the letter's fields and values.
_DEAD_LETTER_ONCE = (
    APPEND_LUA
    + """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return append(KEYS[2], ARGV[2], ARGV[3], 4)
end
return false
"""
)


@dataclass(frozen=True, slots=True)
class DeadLetter:
    reason: DeadLetterReason
    error: str
    task: str
    source: str
    input: str | bytes

    def fields(self) -> dict[str, str]:
        raw = self.input if isinstance(self.input, bytes) else self.input.encode("utf-8", "replace")
        return {
            "reason": str(self.reason),
            "error": self.error[:2000],
            "task": self.task,
            "source": self.source,
            "input": raw[:INPUT_EXCERPT_BYTES].decode("utf-8", "replace"),
            "input_bytes": str(len(raw)),
        }


def publish_dead_letter(
    client: redis.Redis, settings: Settings, letter: DeadLetter, *, once_key: str | None = None
) -> str | None:
    """Append a dead letter. With `once_key` (a task id), a redelivered task cannot write it twice."""
    retention = Retention.of(settings)
    argv = [item for pair in letter.fields().items() for item in pair]
    trim = retention.append_args(dead_letter=True)
    with redis_errors(f"recording a dead letter ({letter.reason})"):
        if once_key is None:
            entry_id = _decode(client.eval(APPEND_SCRIPT, 1, settings.dead_letter_stream, *trim, *argv))
        else:
            keys = [settings.key("dead", once_key), settings.dead_letter_stream]
            entry_id = _decode(client.eval(_DEAD_LETTER_ONCE, 2, *keys, retention.marker_s, *trim, *argv))
    if entry_id is not None:  # a redelivered task's second letter was not written: not counted
        count_dead_letter(letter.reason)
    return entry_id
