"""Retention: how long everything newsworker writes to Redis lives. The one place for that policy.

Nothing is kept forever by default (keys under `settings.key_prefix`):

    the article stream      entries older than `retention_s` (NEWSWORKER_RETENTION_S, 7 days) are
                            trimmed by the XADD that appends the next one; NEWSWORKER_STREAM_MAXLEN,
                            when set, caps the entry count as well
    the dead-letter stream  the same, after `dead_letter_retention_s` (30 days)
    article:, text:         dedup records: `dedup_s` (NEWSWORKER_DEDUP_TTL_S, default the retention)
    near:...                the near-duplicate index: one set of buckets per day, expiring whole
                            `dedup_s` after their day ends (`day_expires_at`); a lookup reads the
                            buckets of every day still alive (`days_within`)
    dead:<task>             a task's dead-letter once-marker: the retention (a redelivery comes
                            within minutes; the marker outlives it by days)
    feedstate:<sha>         a polled document's validators: the retention, renewed by each poll
    warc:<sha256>           the records `submit` queued from a WARC file (offset -> batch task id):
                            the retention, renewed by each submit of the file (`submitted_s`)
    seen:, robots:, host:   their own TTLs (NEWSWORKER_SEEN_TTL_S, a day, a fetch slot or backoff)
    sources, sources:due    configuration (the followed sources): kept until removed

Streams are trimmed on Redis's clock (TIME inside the script that appends), the clock that stamps
their entry IDs, so a worker with a wrong clock cannot cut the stream short. The trim is exact
(`MINID =`, not `~`): Redis drops whole nodes of old entries and marks the few older entries of the
first node deleted, a walk of at most one node's entries (100) per XADD, and a reader never sees an
entry past its retention. Day buckets use the worker's clock: a worker minutes off writes into a
neighbouring day's buckets, which lookups read as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.config import Settings

DAY_S = 86_400

# `append(stream, retention_ms, maxlen, first)`: XADD the field/value pairs ARGV[first..] to
# `stream`, trimming entries older than `retention_ms` on Redis's clock, then to about `maxlen`
# entries when `maxlen` > 0. Returns the new entry's ID.
APPEND_LUA = """
local function append(stream, retention_ms, maxlen, first)
  local now = redis.call('TIME')
  local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
  local cut = string.format('%.0f-0', math.max(0, now_ms - tonumber(retention_ms)))
  local id = redis.call('XADD', stream, 'MINID', '=', cut, '*', unpack(ARGV, first))
  if tonumber(maxlen) > 0 then redis.call('XTRIM', stream, 'MAXLEN', '~', maxlen) end
  return id
end
"""
# KEYS: the stream. ARGV: retention in ms, maxlen (0: none), then the entry's fields and values.
APPEND_SCRIPT = APPEND_LUA + "return append(KEYS[1], ARGV[1], ARGV[2], 3)\n"


@dataclass(frozen=True, slots=True)
class Retention:
    """How long each kind of record lives, in seconds, read from the settings once."""

    stream_s: int
    dead_letter_s: int
    dedup_s: int
    stream_maxlen: int = 0

    @classmethod
    def of(cls, settings: Settings) -> Retention:
        return cls(
            stream_s=settings.retention_s,
            dead_letter_s=settings.dead_letter_retention_s,
            dedup_s=settings.dedup_ttl_s if settings.dedup_ttl_s > 0 else settings.retention_s,
            stream_maxlen=settings.stream_maxlen,
        )

    @property
    def marker_s(self) -> int:
        """A dead-letter once-marker: guards redeliveries, which come within the task's retries."""
        return self.stream_s

    @property
    def submitted_s(self) -> int:
        """What `submit` queued from a WARC file: as long as the events, so a file submitted again
        within that time queues nothing twice; after it, its pages are deduplicated as any page."""
        return self.stream_s

    @property
    def feed_state_s(self) -> int:
        """A polled document's ETag and Last-Modified: renewed at every poll, gone with the source."""
        return self.stream_s

    def append_args(self, *, dead_letter: bool = False) -> list[int]:
        """APPEND_SCRIPT's first two ARGV for the article stream or the dead-letter stream."""
        age_s = self.dead_letter_s if dead_letter else self.stream_s
        return [age_s * 1000, self.stream_maxlen]


def min_id(now_ms: int, retention_s: int) -> str:
    """The oldest entry ID a stream keeps at `now_ms` (what APPEND_LUA computes on Redis's clock)."""
    return f"{max(0, now_ms - retention_s * 1000)}-0"


def day_of(now_s: float) -> int:
    """The day number (days since the epoch, UTC) of a moment."""
    return int(now_s // DAY_S)


def day_expires_at(day: int, window_s: int) -> int:
    """When a day's near-duplicate keys expire: `window_s` after the day's last moment, so an
    article indexed at any time of its day is found for at least `window_s`, at most a day more."""
    return (day + 1) * DAY_S + window_s


def days_within(now_s: float, window_s: int) -> list[int]:
    """The days whose keys are still alive at `now_s`, today first."""
    return list(range(day_of(now_s), day_of(now_s - window_s) - 1, -1))
