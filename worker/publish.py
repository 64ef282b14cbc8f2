"""Redis Streams I/O: article events appended once, dead letters recorded once, consumer groups.

Exactly-once publication rests on one rule: the XADD of an event and the write of its dedup
record happen in one MULTI/EXEC, guarded by WATCH on the records it depends on. A retried or
redelivered task that already published finds its record and appends nothing.

Keys (under `settings.key_prefix`):
    article:<id>   sha256 of the text last published for that article id
    text:<sha256>  the article id that first published this exact text
    dead:<dedup>   marks a dead letter already written for that task id
    near:...       the near-duplicate index (see `dedup`), written in the same MULTI as the event
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import redis

from worker.config import Settings
from worker.dedup import add_to_index, lookup, near_fingerprint
from worker.errors import DeadLetterReason, StoreUnavailable
from worker.events import EventType, build_event, serialize_event
from worker.redis_weather import describe_refusal, refusal_code

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


def _xadd_args(settings: Settings) -> dict[str, Any]:
    """No trimming unless asked for: nothing is lost by default."""
    if settings.stream_maxlen > 0:
        return {"maxlen": settings.stream_maxlen, "approximate": True}
    return {}


def publish_article(client: redis.Redis, settings: Settings, data: dict[str, Any]) -> PublishResult:
    """Append one event for `data` unless this exact article text is already on the stream.

    A near duplicate of an earlier article is still appended, with `duplicate_of` and `cluster` set.
    The band keys are watched with the dedup records, so two workers publishing the same story at
    once cannot both found a cluster: one EXEC fails, retries, and finds the other's article."""
    article_id = data["id"]
    text_sha = data["fingerprints"]["sha256"]
    article_key = settings.key("article", article_id)
    text_key = settings.key("text", text_sha)
    ttl = settings.dedup_ttl_s or None
    near = near_fingerprint(data["text"], settings.near_duplicate_threshold)
    band_keys = near.band_keys(settings)
    with redis_errors(f"publishing article {article_id}"), client.pipeline(transaction=True) as pipe:
        for _ in range(_WATCH_RETRIES):
            try:
                pipe.watch(article_key, text_key, *band_keys)
                published_sha, text_owner = (_decode(v) for v in pipe.mget(article_key, text_key))
                if published_sha == text_sha:
                    pipe.unwatch()
                    return PublishResult(PublishOutcome.DUPLICATE, article_id)
                if published_sha is None and text_owner not in (None, article_id):
                    pipe.unwatch()
                    return PublishResult(PublishOutcome.DUPLICATE_TEXT, article_id, duplicate_of=text_owner)
                match = lookup(client, settings, article_id, near)
                event_type = EventType.UPDATED if published_sha else EventType.CREATED
                placed = {**data, "duplicate_of": match.duplicate_of, "cluster": match.cluster}
                event = serialize_event(build_event(placed, event_type))
                pipe.multi()
                pipe.xadd(settings.stream, {"event": event}, **_xadd_args(settings))
                pipe.set(article_key, text_sha, ex=ttl)
                pipe.set(text_key, article_id, ex=ttl)
                add_to_index(pipe, settings, article_id, near, match, ttl)
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


_DEAD_LETTER_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX') then
  return redis.call('XADD', KEYS[2], '*', unpack(ARGV))
end
return false
"""


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
    fields = letter.fields()
    with redis_errors(f"recording a dead letter ({letter.reason})"):
        if once_key is None:
            return _decode(client.xadd(settings.dead_letter_stream, fields))
        argv = [item for pair in fields.items() for item in pair]
        keys = [settings.key("dead", once_key), settings.dead_letter_stream]
        return _decode(client.eval(_DEAD_LETTER_ONCE, 2, *keys, *argv))


class StreamReader:
    """A consumer in a consumer group, as thin as walrus's ConsumerGroupStream: one method a command."""

    def __init__(self, client: redis.Redis, stream: str, group: str, consumer: str) -> None:
        self.client, self.stream, self.group, self.consumer = client, stream, group, consumer

    def create_group(self, start_id: str = "0") -> None:
        try:
            self.client.xgroup_create(self.stream, self.group, id=start_id, mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read(
        self, count: int = 10, block_ms: int | None = None, pending: bool = False
    ) -> list[tuple[str, dict]]:
        """New entries, or with `pending` this consumer's delivered-but-unacknowledged ones."""
        start = "0" if pending else ">"
        reply = self.client.xreadgroup(
            self.group, self.consumer, {self.stream: start}, count=count, block=block_ms
        )
        entries = []
        for _stream, items in reply or []:
            for entry_id, fields in items:
                entries.append((_decode(entry_id), {_decode(k): _decode(v) for k, v in fields.items()}))
        return entries

    def ack(self, *entry_ids: str) -> int:
        return self.client.xack(self.stream, self.group, *entry_ids)


def event_from_entry(fields: dict[str, str]) -> dict[str, Any]:
    return json.loads(fields["event"])
