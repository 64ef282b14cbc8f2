"""Redis Streams writes: article events appended once, dead letters recorded once (reading: `consume`).

Exactly-once publication rests on one rule: the XADD of an event and the write of its dedup
record happen in one Lua script, which first checks that the records it depends on still hold what
the task read (the article's and the text's dedup records, today's index width and the
near-duplicate fields the lookup read) and appends nothing otherwise; the task then reads again.
A retried or redelivered task that already published finds its record and appends nothing. Redis
runs a script whole: a refusal (OOM, READONLY) comes at its first write, the XADD, before anything
is written.

A new story (no dedup record, no near-duplicate candidate: the common case) takes one round trip:
`_READ_OR_PUBLISH` reads the dedup records, looks the bands up and, finding nothing, appends the
event the task built for that case, all in one script. Anything else (a duplicate, an update, a
candidate to verify, a day whose index width this process has not read yet) comes back as what
the script read, and the task goes on as before: verify candidates (one more round trip), then
`_PUBLISH_ONCE`. WATCH, the reads and MULTI/EXEC took five round trips; two scripts took two.
Scripts run by EVALSHA (sent whole only when Redis does not hold them yet).

Keys (under `settings.key_prefix`), each with the TTL `retention` gives it:
    article:<id>   sha256 of the text last published for that article id
    text:<sha256>  the article id that first published this exact text
    dead:<dedup>   marks a dead letter already written for that task id
    near:...       the near-duplicate index (see `dedup`), written by the script that appends the event

Both streams are trimmed by age as they are appended to (`retention.APPEND_SCRIPT`).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import redis

from worker.config import Settings
from worker.dedup import (
    MIN_SHARED_BANDS,
    IndexDays,
    NearFingerprint,
    NearMatch,
    RecordedWidths,
    index_writes,
    lookup,
    match_of,
    near_fingerprint,
    short_id,
)
from worker.dedup_scripts import BANDS_READ_LUA, INDEX_LUA, LOOKUP_FUNCTION_LUA
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
# sha256, 8 the article id, 9 the records' TTL, INDEX_LUA's from 10 (15 today's band fields, packed),
# and last 'event' and the event. Returns the entry ID, or false when something changed since the read.
_PUBLISH_ONCE = (
    APPEND_LUA
    + BANDS_READ_LUA
    + INDEX_LUA
    + """
local held = redis.call('MGET', KEYS[2], KEYS[3], KEYS[6])
if (held[1] or '') ~= ARGV[1] or (held[2] or '') ~= ARGV[2] or (held[3] or '') ~= ARGV[3]
    or bands_read(7, #KEYS, ARGV[15]) ~= ARGV[4] then
  return false
end
local id = append(KEYS[1], ARGV[5], ARGV[6], 16)
redis.call('SET', KEYS[2], ARGV[7], 'EX', ARGV[9])
redis.call('SET', KEYS[3], ARGV[8], 'EX', ARGV[9])
index(4, 10, #KEYS, ARGV[15])
return id
"""
)

# KEYS: 1 the stream, 2-3 the article's and the text's dedup records, 4-6 the near record, today's
# count and width, from 7 the band buckets of every day read (today's first: INDEX_LUA's), then the
# keys of `IndexDays.read_keys`. ARGV: 1 the article id, 2 the text's sha256, 3 the records' TTL,
# 4-5 the stream's retention in ms and maxlen, 6 the fewest shared bands that make a candidate,
# 7 the bands a day, 8 the article's short id, 9 how many band buckets, 10 how many read keys, from
# 11 INDEX_LUA's (16 today's band fields, packed), 17 every bucket's field packed in the keys' order,
# from 18 what each read key should hold (the widths this process knows), and last 'event' and the
# event. Last among the KEYS, when given, the task's run mark (`deliveries`): deleted with the append,
# so the run's end rides in this round trip. Returns {1, entry ID} when it
# appended, else {0, the read keys' values ('' for none) after the two records, the lookup's reply}.
_READ_OR_PUBLISH = (
    APPEND_LUA
    + BANDS_READ_LUA
    + LOOKUP_FUNCTION_LUA
    + INDEX_LUA
    + """
local bands, band_keys, read_keys = tonumber(ARGV[7]), tonumber(ARGV[9]), tonumber(ARGV[10])
local fields, first_expected = ARGV[17], 18
local read = redis.call('MGET', KEYS[2], KEYS[3], unpack(KEYS, 7 + band_keys, 6 + band_keys + read_keys))
local values, as_known = {}, true
for i = 1, #read do values[i] = read[i] or '' end
for i = 2, read_keys do
  if values[2 + i] ~= ARGV[first_expected + i - 1] then as_known = false end
end
local found, today = lookup(4, 7, 6 + band_keys, fields, tonumber(ARGV[6]), bands)
local new_story = values[1] == '' and (values[2] == '' or values[2] == ARGV[1]) and as_known
    and found[1] == ''
for i = 4, #found, 2 do
  if found[i] ~= ARGV[8] then new_story = false end
end
if not new_story then return {0, values, found} end
local id = append(KEYS[1], ARGV[4], ARGV[5], first_expected + read_keys)
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[3], ARGV[1], 'EX', ARGV[3])
index(4, 11, 6 + bands, ARGV[16], today)
local run_mark = KEYS[7 + band_keys + read_keys]
if run_mark then redis.call('DEL', run_mark) end
return {1, id}
"""
)


@cache
def _sha1(script: str) -> str:
    return hashlib.sha1(script.encode("utf-8")).hexdigest()


def run_script(client: redis.Redis, script: str, keys: list[str], args: list[Any]) -> Any:
    """EVALSHA, and EVAL (which caches the script) when Redis does not hold it yet."""
    try:
        return client.evalsha(_sha1(script), len(keys), *keys, *args)
    except redis.exceptions.NoScriptError:
        return client.eval(script, len(keys), *keys, *args)


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


@dataclass(slots=True)
class RunMark:
    """A task run's start mark (`deliveries`). When the article is a new story (the common case),
    the script that appends its event deletes the mark too: the run ends in that round trip, and
    `ended` tells the task it has nothing left to remove."""

    key: str
    ended: bool = False


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
    client: redis.Redis,
    settings: Settings,
    data: dict[str, Any],
    *,
    now_s: float | None = None,
    run_mark: RunMark | None = None,
) -> PublishResult:
    """Append one event for `data` unless this exact article text is already on the stream.

    A near duplicate of an earlier article is still appended, with `duplicate_of` and `cluster` set.
    The append checks today's band fields are as the lookup read them, so two workers publishing the
    same story at once cannot both found a cluster: one script finds a change, and its task reads
    again and finds the other's article. `now_s` (default: now) picks the near-duplicate index's day;
    the stream is trimmed on Redis's clock whatever it says. `run_mark`: the task run's mark, deleted
    with a new story's append (then marked `ended`)."""
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
            lookup_reply = None
            if guess is None:  # the first article of the day in this process
                values = [_decode(v) for v in client.mget(article_key, text_key, *day_keys)]
            else:
                keys, args = _new_story_command(settings, data, near, guess, day_keys, retention)
                if run_mark is not None and not run_mark.ended:
                    keys.append(run_mark.key)
                reply = run_script(client, _READ_OR_PUBLISH, keys, args)
                if reply[0] == 1:  # a new story, appended
                    if run_mark is not None:
                        run_mark.ended = True
                    return PublishResult(
                        PublishOutcome.CREATED, article_id, stream_id=_decode(reply[1]), cluster=article_id
                    )
                values = [_decode(v) or None for v in reply[1]]
                lookup_reply = reply[2]
            published_sha, text_owner, _yesterday_count, today_width = values[:4]
            if published_sha == text_sha:
                return PublishResult(PublishOutcome.DUPLICATE, article_id)
            if published_sha is None and text_owner not in (None, article_id):
                return PublishResult(PublishOutcome.DUPLICATE_TEXT, article_id, duplicate_of=text_owner)
            days = IndexDays.resolve(settings, now_s, values[2:])
            _RECORDED_WIDTHS.remember(day_keys, values[2:])
            if guess == days and lookup_reply is not None:
                match = match_of(client, settings, article_id, near, lookup_reply)
            else:  # first article of the day in this process, or a width it did not know
                match = lookup(client, settings, article_id, near, days)
            event_type = EventType.UPDATED if published_sha else EventType.CREATED
            event = _event_json(data, match, event_type)
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
            stream_id = _decode(run_script(client, _PUBLISH_ONCE, keys, args))
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


def _event_json(data: dict[str, Any], match: NearMatch, event_type: EventType) -> str:
    placed = {**data, "duplicate_of": match.duplicate_of, "cluster": match.cluster}
    return serialize_event(build_event(placed, event_type))


def _new_story_command(
    settings: Settings,
    data: dict[str, Any],
    near: NearFingerprint,
    days: IndexDays,
    day_keys: list[str],
    retention: Retention,
) -> tuple[list[str], list[Any]]:
    """`_READ_OR_PUBLISH`'s keys and arguments, with the event built for a new story: created, the
    founder of its own cluster (what the script checks before appending it)."""
    article_id = data["id"]
    match = NearMatch(cluster=article_id)
    index_keys, index_args = index_writes(settings, article_id, near, match, days)
    band_keys, fields = [], []
    for day, width in days.widths.items():  # today first: its buckets are INDEX_LUA's too
        band_keys += index_keys[3:] if day == days.today else near.band_keys(settings, day, width)
        fields.append(index_args[-1] if day == days.today else near.packed_fields(width))
    keys = [
        settings.stream,
        settings.key("article", article_id),
        settings.key("text", data["fingerprints"]["sha256"]),
        *index_keys[:3],
        *band_keys,
        *day_keys,
    ]
    args = [
        article_id,
        data["fingerprints"]["sha256"],
        retention.dedup_s,
        *retention.append_args(),
        MIN_SHARED_BANDS,
        len(near.bands),
        short_id(article_id),
        len(band_keys),
        len(day_keys),
        *index_args,
        "".join(fields),
        *_RECORDED_WIDTHS.expected(day_keys),
        "event",
        _event_json(data, match, EventType.CREATED),
    ]
    return keys, args


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
