"""The consumer API downstream services import: article events read from the stream by a consumer group.

As thin as walrus's ConsumerGroupStream, one method a command (`create_group`, `read`, `ack`,
`claim`), with the rules Redis's own documentation gives for consumer groups:

- `read` hands out this consumer's own pending entries first (those it was given before a restart
  and never acknowledged), then entries idle longer than `claim_idle_ms` in any consumer of the
  group (XAUTOCLAIM, Redis >= 6.2: what a dead consumer left), then new ones.
- Every delivered entry carries its event, parsed and validated: the CloudEvents envelope's
  required attributes, and `data` against the schema its `dataschema` names (by file name, among
  those `worker.schemas` ships; an unknown schema is invalid).
- An entry that is not a valid event is acknowledged, reported and set aside on the rejected
  stream (one MULTI, bounded by an approximate MAXLEN), never handed out and never retried.
- A pending entry whose stream entry is gone (trimmed, XDEL'ed) is acknowledged and reported.
- An entry handed out `max_deliveries` times and never acknowledged (a handler that keeps failing
  on it, or crashes its process) is not handed out again: when XPENDING counts more deliveries
  than that, it is set aside on the rejected stream (`too_many_deliveries`) and acknowledged, in
  one MULTI, like an invalid entry.

Acknowledge a delivery after handling it; one not acknowledged comes back after `claim_idle_ms`,
to this consumer or another one.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis

from worker.config import (
    DEFAULT_CLAIM_IDLE_MS,
    DEFAULT_MAX_DELIVERIES,
    DEFAULT_REJECTED_MAXLEN,
    DEFAULT_REJECTED_STREAM,
    Settings,
)
from worker.errors import EntryRejected, EventInvalid, RejectReason
from worker.events import SPEC_VERSION, schema_name, schema_validator, validate_data

__all__ = [
    "Delivery",
    "EventConsumer",
    "RejectReason",
    "Rejection",
    "check_envelope",
    "consumer_name",
    "decode_fields",
    "parse_event",
]

log = logging.getLogger(__name__)

REQUIRED_ATTRIBUTES = ("id", "source", "specversion", "type")  # CloudEvents 1.0
ERROR_CHARS = 500
SET_ASIDE_PREFIX = "entry:"  # the rejected entry's own fields, copied byte for byte under this prefix

RawFields = Mapping[bytes, bytes]


def consumer_name() -> str:
    """`<hostname>-<pid>-<random>`: unique per process, so two readers never share pending entries."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def decode_fields(fields: RawFields) -> dict[str, str]:
    """An entry's fields as text, for entries that are not events (dead letters, rejected entries)."""
    return {_text(k): _text(v) for k, v in fields.items()}


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_event(fields: RawFields) -> dict[str, Any]:
    """The event an entry holds, checked as a consumer must; EntryRejected says what is wrong."""
    raw = fields.get(b"event")
    if raw is None:
        names = ", ".join(sorted(_text(k) for k in fields)[:10])
        raise EntryRejected(RejectReason.NO_EVENT_FIELD, f"no `event` field (fields: {names})")
    try:
        event = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise EntryRejected(RejectReason.NOT_JSON, f"`event` is not UTF-8 JSON: {error}") from None
    check_envelope(event)
    name = schema_name(event["dataschema"])
    if schema_validator(name) is None:
        raise EntryRejected(RejectReason.UNKNOWN_SCHEMA, f"unknown dataschema {event['dataschema']!r}")
    try:
        validate_data(event["data"], name)
    except EventInvalid as error:
        raise EntryRejected(RejectReason.SCHEMA_VIOLATION, str(error), path=error.path) from None
    except RecursionError:
        raise EntryRejected(RejectReason.SCHEMA_VIOLATION, "event data nested too deep") from None
    return event


def check_envelope(event: Any) -> None:
    """A CloudEvents 1.0 envelope in structured JSON mode, with JSON `data` and a `dataschema`."""
    if not isinstance(event, dict):
        raise EntryRejected(RejectReason.NOT_CLOUDEVENT, f"`event` is a JSON {type(event).__name__}")
    missing = [name for name in REQUIRED_ATTRIBUTES if not (isinstance(event.get(name), str) and event[name])]
    if missing:
        raise EntryRejected(RejectReason.NOT_CLOUDEVENT, f"required attributes missing: {', '.join(missing)}")
    if event["specversion"] != SPEC_VERSION:
        raise EntryRejected(RejectReason.NOT_CLOUDEVENT, f"specversion {event['specversion']!r} is not 1.0")
    if event.get("datacontenttype", "application/json") != "application/json":
        raise EntryRejected(RejectReason.NOT_CLOUDEVENT, "datacontenttype is not application/json")
    if not isinstance(event.get("dataschema"), str) or "data" not in event:
        raise EntryRejected(RejectReason.NOT_CLOUDEVENT, "no dataschema or no data")


@dataclass(frozen=True, slots=True)
class Delivery:
    """One entry handed to this consumer: acknowledge `entry_id` once `event` is handled."""

    entry_id: str
    event: dict[str, Any]
    claimed: bool = False  # taken over from a consumer that left it idle


@dataclass(frozen=True, slots=True)
class Rejection:
    """An entry acknowledged without being delivered, and why; `set_aside_as` is its id on the
    rejected stream (None for an entry that was already gone)."""

    stream: str
    entry_id: str
    reason: RejectReason
    error: str
    set_aside_as: str | None = None


def log_rejection(rejection: Rejection) -> None:
    log.warning(
        "entry %s of %s acknowledged without delivery: %s: %s%s",
        rejection.entry_id,
        rejection.stream,
        rejection.reason,
        rejection.error,
        f" (set aside as {rejection.set_aside_as})" if rejection.set_aside_as else "",
    )


EntryParser = Callable[[RawFields], dict[str, Any]]


class EventConsumer:
    """A consumer of one group on one stream. Give it a client without `decode_responses`: an
    entry that is not UTF-8 would otherwise make redis-py itself fail, on every read."""

    def __init__(
        self,
        client: redis.Redis,
        stream: str,
        group: str,
        name: str | None = None,
        *,
        claim_idle_ms: int = DEFAULT_CLAIM_IDLE_MS,
        rejected_stream: str = DEFAULT_REJECTED_STREAM,
        rejected_maxlen: int = DEFAULT_REJECTED_MAXLEN,
        max_deliveries: int = DEFAULT_MAX_DELIVERIES,
        parse: EntryParser = parse_event,
        on_reject: Callable[[Rejection], None] = log_rejection,
    ) -> None:
        if client.connection_pool.connection_kwargs.get("decode_responses"):
            raise ValueError("EventConsumer needs a Redis client without decode_responses")
        self.client, self.stream, self.group = client, stream, group
        self.name = name or consumer_name()
        self.claim_idle_ms = claim_idle_ms
        self.rejected_stream, self.rejected_maxlen = rejected_stream, rejected_maxlen
        if max_deliveries < 1:
            raise ValueError("max_deliveries must be at least 1")
        self.max_deliveries = max_deliveries
        self.parse, self.on_reject = parse, on_reject
        self._history_cursor: str | None = "0-0"  # own pending entries still to hand out again
        self._claim_cursor = "0-0"
        self._group_start_id = "0"

    @classmethod
    def from_settings(
        cls, client: redis.Redis, settings: Settings, group: str, name: str | None = None, **options: Any
    ) -> EventConsumer:
        """A consumer of `settings.stream` (or `stream=`), with the configured idle time, rejected
        stream and most deliveries of one entry."""
        options.setdefault("claim_idle_ms", settings.claim_idle_ms)
        options.setdefault("rejected_stream", settings.rejected_stream)
        options.setdefault("rejected_maxlen", settings.rejected_maxlen)
        options.setdefault("max_deliveries", settings.max_deliveries)
        stream = options.pop("stream", settings.stream)
        return cls(client, stream, group, name, **options)

    def create_group(self, start_id: str = "0") -> None:
        """Create the group (and the stream) unless it exists: BUSYGROUP is success."""
        self._group_start_id = start_id
        try:
            self.client.xgroup_create(self.stream, self.group, id=start_id, mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read(self, count: int = 10, block_ms: int | None = None) -> list[Delivery]:
        """Up to `count` events: own pending first, then idle ones claimed, then new ones (waiting
        up to `block_ms` for those). Invalid and vanished entries are dealt with on the way, so an
        empty list means there was nothing to read."""
        while True:
            try:
                deliveries, done = self._read_once(count, block_ms)
            except redis.ResponseError as exc:
                if "NOGROUP" not in str(exc):
                    raise
                log.warning(
                    "group %s of %s is gone (stream deleted?): creating it again", self.group, self.stream
                )
                self.create_group(self._group_start_id)
                continue
            if deliveries or done:
                return deliveries

    def _read_once(self, count: int, block_ms: int | None) -> tuple[list[Delivery], bool]:
        """One pass of pending, claimed, new; done when there was nothing at all to read. Each part is
        dealt with before the next is asked for, so XAUTOCLAIM never sees a vanished entry twice."""
        history = self._history(count)
        deliveries = self._deliver(history, counted=True)
        seen = {entry_id for entry_id, _fields in history}  # with claim_idle_ms=0 both may return one
        claimed = [e for e in self._claim_entries(count - len(history)) if e[0] not in seen]
        deliveries += self._deliver(claimed, claimed=True, counted=True)
        fresh: list[tuple[bytes, RawFields | None]] = []
        if len(history) + len(claimed) < count:
            wait = None if history or claimed else block_ms
            fresh = self._new(count - len(history) - len(claimed), wait)
        deliveries += self._deliver(fresh)
        return deliveries, not (history or claimed or fresh)

    def claim(self, count: int = 10) -> list[Delivery]:
        """Take over up to `count` entries idle longer than `claim_idle_ms` (XAUTOCLAIM)."""
        return self._deliver(self._claim_entries(count), claimed=True, counted=True)

    def ack(self, *entry_ids: str) -> int:
        return self.client.xack(self.stream, self.group, *entry_ids)

    def leave(self) -> bool:
        """Remove this consumer from the group if nothing is pending on it (XGROUP DELCONSUMER would
        drop pending entries, so a consumer with some stays for others to claim from)."""
        for consumer in self.client.xinfo_consumers(self.stream, self.group):
            if _text(consumer["name"]) == self.name:
                if consumer["pending"]:
                    return False
                self.client.xgroup_delconsumer(self.stream, self.group, self.name)
                return True
        return False

    def _history(self, count: int) -> list[tuple[bytes, RawFields | None]]:
        if self._history_cursor is None or count <= 0:
            return []
        entries = self._xreadgroup(self._history_cursor, count, None)
        if entries:
            self._history_cursor = _text(entries[-1][0])
        else:
            self._history_cursor = None
        return entries

    def _new(self, count: int, block_ms: int | None) -> list[tuple[bytes, RawFields | None]]:
        return self._xreadgroup(">", count, block_ms)

    def _xreadgroup(
        self, start: str, count: int, block_ms: int | None
    ) -> list[tuple[bytes, RawFields | None]]:
        reply = self.client.xreadgroup(
            self.group, self.name, {self.stream: start}, count=count, block=block_ms
        )
        return [entry for _stream, items in reply or [] for entry in items]

    def _claim_entries(self, count: int) -> list[tuple[bytes, RawFields | None]]:
        if count <= 0:
            return []
        reply = self.client.xautoclaim(
            self.stream, self.group, self.name, self.claim_idle_ms, start_id=self._claim_cursor, count=count
        )
        self._claim_cursor = _text(reply[0])
        gone = reply[2] if len(reply) > 2 else []  # Redis >= 7: trimmed entries, already off the PEL
        for entry_id in gone:
            self._report_gone(_text(entry_id))
        return [(entry_id, fields) for entry_id, fields in reply[1] if entry_id is not None]

    def _deliver(
        self, entries: list[tuple[bytes, RawFields | None]], *, claimed: bool = False, counted: bool = False
    ) -> list[Delivery]:
        """Entries as deliveries; `counted` when they were handed out before (own pending, claimed):
        their delivery counts are read, and an entry past `max_deliveries` is set aside."""
        deliveries = []
        times = (
            self._times_delivered([_text(raw_id) for raw_id, fields in entries if fields]) if counted else {}
        )
        for raw_id, fields in entries:
            entry_id = _text(raw_id)
            if not fields:  # XADD refuses an entry without fields: this one was trimmed or deleted
                self._report_gone(entry_id)
                continue
            if times.get(entry_id, 0) > self.max_deliveries:
                given = times[entry_id] - 1  # this delivery is not handed out
                self._set_aside(
                    entry_id,
                    fields,
                    EntryRejected(
                        RejectReason.TOO_MANY_DELIVERIES,
                        f"handed out {given} times and never acknowledged (max_deliveries "
                        f"{self.max_deliveries}): the handler keeps failing on it",
                    ),
                )
                continue
            try:
                event = self.parse(fields)
            except EntryRejected as error:
                self._set_aside(entry_id, fields, error)
                continue
            deliveries.append(Delivery(entry_id, event, claimed))
        return deliveries

    def _times_delivered(self, entry_ids: list[str]) -> dict[str, int]:
        """How many times each entry has been delivered, this delivery included (XPENDING's count:
        XREADGROUP and XAUTOCLAIM each add one), in one round trip."""
        if not entry_ids:
            return {}
        with self.client.pipeline(transaction=False) as pipe:
            for entry_id in entry_ids:
                pipe.xpending_range(self.stream, self.group, min=entry_id, max=entry_id, count=1)
            replies = pipe.execute()
        return {
            _text(row["message_id"]): int(row["times_delivered"]) for reply in replies for row in reply or []
        }

    def _report_gone(self, entry_id: str) -> None:
        self.ack(entry_id)
        self.on_reject(
            Rejection(
                self.stream,
                entry_id,
                RejectReason.ENTRY_DELETED,
                "trimmed or deleted before it was acknowledged",
            )
        )

    def _set_aside(self, entry_id: str, fields: RawFields, error: EntryRejected) -> None:
        """Copy the entry to the rejected stream and acknowledge it in one MULTI: neither without the
        other."""
        record: dict[str | bytes, str | bytes] = {
            "reason": str(error.rejection),
            "error": str(error)[:ERROR_CHARS],
            "stream": self.stream,
            "entry_id": entry_id,
            "group": self.group,
            "consumer": self.name,
            "rejected_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        for key, value in fields.items():
            record[SET_ASIDE_PREFIX.encode() + (key if isinstance(key, bytes) else key.encode())] = value
        with self.client.pipeline(transaction=True) as pipe:
            pipe.xadd(self.rejected_stream, record, maxlen=self.rejected_maxlen, approximate=True)
            pipe.xack(self.stream, self.group, entry_id)
            set_aside_as = _text(pipe.execute()[0])
        self.on_reject(
            Rejection(self.stream, entry_id, error.rejection, str(error)[:ERROR_CHARS], set_aside_as)
        )
