"""Redis Streams writes: article events appended once, dead letters recorded once (reading: `consume`).

Exactly-once publication rests on one rule: the XADD of an event and the write of its dedup
record happen in one Lua script (`_PUBLISH_ONCE`), which first checks that the records it depends on
still hold what the task read (the article's and the text's dedup records, today's index width and
the near-duplicate fields the lookup read) and appends nothing otherwise; the task then reads again.
A retried or redelivered task that already published finds its record and appends nothing. Redis
runs a script whole: a refusal (OOM, READONLY) comes at its first write, the XADD, before anything
is written. A new article takes two round trips (three with near-duplicate candidates to verify):
the dedup records read with the near-duplicate lookup, then the script; WATCH, the reads and
MULTI/EXEC took five.

Keys (under `settings.key_prefix`), each with the TTL `retention` gives it:
    article:<id>   sha256 of the text last published for that article id
    text:<sha256>  the article id that first published this exact text
    dead:<dedup>   marks a dead letter already written for that task id
    near:...       the near-duplicate index (see `dedup`), written by the script that appends the event

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
from worker.dedup import (
    IndexDays,
    RecordedWidths,
    index_writes,
    lookup,
    lookup_command,
    match_of,
    near_fingerprint,
)
from worker.dedup_scripts import BANDS_READ_LUA, INDEX_LUA
from worker.errors import DeadLetterReason, StoreUnavailable
from worker.events import EventType, article_text, build_event, serialize_event
from worker.metrics import count_dead_letter
from worker.redis_weather import describe_refusal, refusal_code
from worker.retention import APPEND_LUA, APPEND_SCRIPT, Retention

log = logging.getLogger(__name__)

INPUT_EXCERPT_BYTES = 1024
_PUBLISH_RETRIES = 20
# This process's knowledge of the days' index widths, which never change once recorded: lets the
# near-duplicate lookup ride in the round trip that reads the dedup records (checked by that read).
_RECORDED_WIDTHS = RecordedWidths()

# KEYS: 1 the stream, 2 the article's dedup record, 3 the text's, then INDEX_LUA's from 4 (the near
# record, today's count, 6 today's width, 7... today's band buckets). ARGV: 1-3 what the article
# record, the text record and today's width held when read ('' for nothing), 4 the digest of today's
# band fields as the lookup read them, 5-6 the stream's retention in ms and maxlen, 7 the text's
# sha256, 8 the article id, 9 the records' TTL, INDEX_LUA's from 10 (its band fields from 15), and
# last 'event' and the event. Returns the entry ID, or false when something changed since the read.
_PUBLISH_ONCE = (
    APPEND_LUA
    + BANDS_READ_LUA
    + INDEX_LUA
    + """
local function value(key) return redis.call('GET', key) or '' end
if value(KEYS[2]) ~= ARGV[1] or value(KEYS[3]) ~= ARGV[2] or value(KEYS[6]) ~= ARGV[3]
    or bands_read(7, #KEYS, 15) ~= ARGV[4] then
  return false
end
local id = append(KEYS[1], ARGV[5], ARGV[6], 15 + #KEYS - 6)
redis.call('SET', KEYS[2], ARGV[7], 'EX', ARGV[9])
redis.call('SET', KEYS[3], ARGV[8], 'EX', ARGV[9])
index(4, 10)
return id
"""
)


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
    The append checks today's band fields are as the lookup read them, so two workers publishing the
    same story at once cannot both found a cluster: one script finds a change, and its task reads
    again and finds the other's article. `now_s` (default: now) picks the near-duplicate index's day;
    the stream is trimmed on Redis's clock whatever it says."""
    article_id = data["id"]
    text_sha = data["fingerprints"]["sha256"]
    article_key = settings.key("article", article_id)
    text_key = settings.key("text", text_sha)
    retention = Retention.of(settings)
    now_s = time.time() if now_s is None else now_s
    day_keys = IndexDays.read_keys(settings, now_s)
    near = near_fingerprint(article_text(data), settings.near_duplicate_threshold)
    with redis_errors(f"publishing article {article_id}"):
        for _ in range(_PUBLISH_RETRIES):
            guess = _RECORDED_WIDTHS.guess(settings, now_s, day_keys)
            with client.pipeline(transaction=False) as pipe:  # one round trip
                pipe.mget(article_key, text_key, *day_keys)
                if guess is not None:
                    pipe.eval(*lookup_command(settings, article_id, near, guess))
                replies = pipe.execute()
            values = [_decode(v) for v in replies[0]]
            published_sha, text_owner, _yesterday_count, today_width = values[:4]
            if published_sha == text_sha:
                return PublishResult(PublishOutcome.DUPLICATE, article_id)
            if published_sha is None and text_owner not in (None, article_id):
                return PublishResult(PublishOutcome.DUPLICATE_TEXT, article_id, duplicate_of=text_owner)
            days = IndexDays.resolve(settings, now_s, values[2:])
            _RECORDED_WIDTHS.remember(day_keys, values[2:])
            if guess == days:
                match = match_of(client, settings, article_id, near, replies[1])
            else:  # first article of the day in this process, or a width it did not know
                match = lookup(client, settings, article_id, near, days)
            event_type = EventType.UPDATED if published_sha else EventType.CREATED
            placed = {**data, "duplicate_of": match.duplicate_of, "cluster": match.cluster}
            event = serialize_event(build_event(placed, event_type))
            index_keys, index_args = index_writes(settings, article_id, near, match, days)
            keys = [settings.stream, article_key, text_key, *index_keys]
            args = [
                published_sha or "",
                text_owner or "",
                today_width or "",
                match.bands_read,
                *retention.append_args(),
                text_sha,
                article_id,
                retention.dedup_s,
                *index_args,
                "event",
                event,
            ]
            stream_id = _decode(client.eval(_PUBLISH_ONCE, len(keys), *keys, *args))
            if stream_id is None:
                continue  # a record changed since the read: read again
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
