"""The consumer API (`worker.consume`) and `newsworker tail`, against the real Redis: pending entries
first, idle ones claimed from dead consumers, invalid entries set aside, vanished ones acknowledged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from worker.cli import main
from worker.consume import Delivery, EventConsumer, Rejection, consumer_name
from worker.document import InputKind, load_document
from worker.errors import RejectReason
from worker.events import EventType, build_event, serialize_event
from worker.pipeline import extract_article

FIXTURES = Path(__file__).parent / "fixtures"
GROUP = "readers"


@pytest.fixture(scope="module")
def good_event() -> str:
    """One valid article event, serialized as the publisher writes it."""
    from worker.events import article_data

    document = load_document((FIXTURES / "wire_story.txt").read_bytes(), kind=InputKind.TEXT)
    return serialize_event(build_event(article_data(extract_article(document)), EventType.CREATED))


@pytest.fixture
def raw_client(settings) -> Iterator[redis.Redis]:
    """A client as the consumer wants it: bytes in, bytes out."""
    client = redis.Redis.from_url(settings.redis_url)
    yield client
    client.close()


@pytest.fixture
def rejections() -> list[Rejection]:
    return []


def consumer(raw_client, settings, rejections, name: str, **options) -> EventConsumer:
    reader = EventConsumer.from_settings(
        raw_client, settings, GROUP, name, on_reject=rejections.append, **options
    )
    reader.create_group("0")
    return reader


def add_events(raw_client, settings, event: str, count: int) -> list[str]:
    return [raw_client.xadd(settings.stream, {"event": event}).decode() for _ in range(count)]


def pending_ids(raw_client, settings, name: str | None = None) -> list[str]:
    rows = raw_client.xpending_range(settings.stream, GROUP, "-", "+", 1000, consumername=name)
    return [row["message_id"].decode() for row in rows]


def wait_idle(milliseconds: int) -> None:
    """Let pending entries grow older than a tiny claim idle time."""
    time.sleep(milliseconds / 1000 * 2)


def tail_env(settings) -> dict[str, str]:
    return {"REDIS_URL": settings.redis_url, "NEWSWORKER_KEY_PREFIX": settings.key_prefix}


def test_read_delivers_the_parsed_event_and_ack_clears_it(raw_client, settings, rejections, good_event):
    (entry_id,) = add_events(raw_client, settings, good_event, 1)
    reader = consumer(raw_client, settings, rejections, "a")
    (delivery,) = reader.read(count=10)
    assert delivery.entry_id == entry_id
    assert delivery.event == json.loads(good_event)
    assert reader.ack(entry_id) == 1
    assert pending_ids(raw_client, settings) == []


def test_consumer_names_differ_between_consumers_of_one_process():
    assert consumer_name() != consumer_name()
    assert consumer_name().startswith(f"{os.uname().nodename}-{os.getpid()}-")


def test_a_restarted_consumer_gets_its_own_pending_entries_first(
    raw_client, settings, rejections, good_event
):
    ids = add_events(raw_client, settings, good_event, 3)
    consumer(raw_client, settings, rejections, "a").read(count=2)  # then "crashes" without acking
    add_events(raw_client, settings, good_event, 1)
    restarted = consumer(raw_client, settings, rejections, "a")
    assert [d.entry_id for d in restarted.read(count=2)] == ids[:2]


def test_entries_of_a_dead_consumer_are_claimed_once_idle_longer_than_the_claim_time(
    raw_client, settings, rejections, good_event
):
    ids = add_events(raw_client, settings, good_event, 2)
    consumer(raw_client, settings, rejections, "a").read(count=2)  # consumer a dies holding both
    wait_idle(20)
    other = consumer(raw_client, settings, rejections, "b", claim_idle_ms=20)
    deliveries = other.read(count=10)
    assert [d.entry_id for d in deliveries] == ids
    assert all(d.claimed for d in deliveries)
    assert pending_ids(raw_client, settings, "b") == ids


def test_entries_idle_less_than_the_claim_time_stay_with_their_consumer(
    raw_client, settings, rejections, good_event
):
    add_events(raw_client, settings, good_event, 2)
    consumer(raw_client, settings, rejections, "a").read(count=2)
    other = consumer(raw_client, settings, rejections, "b", claim_idle_ms=600_000)
    assert other.read(count=10) == []
    assert len(pending_ids(raw_client, settings, "a")) == 2


def _handle_with(reader: EventConsumer, handler, reads: int) -> list[str]:
    """A consumer loop: read, handle, ack what was handled; an entry whose handler raises stays
    pending and comes back (claim_idle_ms 0: at the next read)."""
    handled = []
    for _ in range(reads):
        for delivery in reader.read(count=10, block_ms=10):
            handled.append(delivery.entry_id)
            try:
                handler(delivery)
            except RuntimeError:
                continue
            reader.ack(delivery.entry_id)
    return handled


def _always_fails(_delivery: Delivery) -> None:
    raise RuntimeError("the downstream index is broken for this one")


def test_an_entry_whose_handler_always_fails_is_set_aside_after_max_deliveries(
    raw_client, settings, rejections, good_event
):
    (poison,) = add_events(raw_client, settings, good_event, 1)
    reader = consumer(raw_client, settings, rejections, "a", claim_idle_ms=0, max_deliveries=3)
    assert _handle_with(reader, _always_fails, reads=10) == [poison] * 3
    assert pending_ids(raw_client, settings) == []
    [(set_aside_id, record)] = raw_client.xrange(settings.rejected_stream)
    assert record[b"reason"] == b"too_many_deliveries" and record[b"entry_id"] == poison.encode()
    assert b"3 times" in record[b"error"] and record[b"entry:event"] == good_event.encode()
    assert [(r.entry_id, r.reason, r.set_aside_as) for r in rejections] == [
        (poison, RejectReason.TOO_MANY_DELIVERIES, set_aside_id.decode())
    ]


def test_entries_after_one_that_keeps_failing_are_handled(raw_client, settings, rejections, good_event):
    poison, *rest = add_events(raw_client, settings, good_event, 3)
    reader = consumer(raw_client, settings, rejections, "a", claim_idle_ms=0, max_deliveries=2)

    def fails_on_the_poison(delivery: Delivery) -> None:
        if delivery.entry_id == poison:
            raise RuntimeError("poison")

    handled = _handle_with(reader, fails_on_the_poison, reads=6)
    assert handled.count(poison) == 2 and sorted(set(handled) - {poison}) == sorted(rest)
    assert pending_ids(raw_client, settings) == []
    assert raw_client.xlen(settings.rejected_stream) == 1


def test_a_consumer_that_crashes_on_an_entry_at_every_restart_gets_past_it(
    raw_client, settings, rejections, good_event
):
    (poison,) = add_events(raw_client, settings, good_event, 1)
    delivered = 0
    for _restart in range(5):  # the same consumer name each time: its own pending entries come first
        deliveries = consumer(raw_client, settings, rejections, "a", max_deliveries=3).read(
            count=10, block_ms=10
        )
        delivered += len(deliveries)  # ... and the process dies before acking
    assert delivered == 3
    assert pending_ids(raw_client, settings) == [] and raw_client.xlen(settings.rejected_stream) == 1
    assert rejections[0].entry_id == poison


def test_max_deliveries_comes_from_the_settings(raw_client, settings, rejections):
    from dataclasses import replace

    reader = EventConsumer.from_settings(raw_client, replace(settings, max_deliveries=7), GROUP)
    assert reader.max_deliveries == 7


BAD_ENTRIES = {
    "no_event_field": ({"payload": b"{}"}, RejectReason.NO_EVENT_FIELD),
    "broken_json": ({"event": b'{"specversion": "1.0", '}, RejectReason.NOT_JSON),
    "not_utf8": ({"event": b'{"id": "\xff\xfe"}'}, RejectReason.NOT_JSON),
    "not_an_envelope": ({"event": b'["a", "list"]'}, RejectReason.NOT_CLOUDEVENT),
    "no_specversion": ({"event": b'{"id": "x", "source": "s", "type": "t"}'}, RejectReason.NOT_CLOUDEVENT),
}


def _bad_data_event(good_event: str) -> dict[str, bytes]:
    event = json.loads(good_event)
    event["data"]["word_count"] = "many"
    return {"event": json.dumps(event).encode()}


def _unknown_schema_event(good_event: str) -> dict[str, bytes]:
    event = json.loads(good_event)
    event["dataschema"] = "https://newsworker.dev/schemas/article.v9.json"
    return {"event": json.dumps(event).encode()}


def _bad_entry(kind: str, good_event: str) -> tuple[dict[str, bytes], RejectReason]:
    if kind == "invalid_data":
        return _bad_data_event(good_event), RejectReason.SCHEMA_VIOLATION
    if kind == "unknown_schema":
        return _unknown_schema_event(good_event), RejectReason.UNKNOWN_SCHEMA
    fields, reason = BAD_ENTRIES[kind]
    return {k: v for k, v in fields.items()}, reason


@pytest.mark.parametrize("kind", [*BAD_ENTRIES, "invalid_data", "unknown_schema"])
def test_an_invalid_entry_is_acked_reported_and_set_aside_and_the_next_is_delivered(
    raw_client, settings, rejections, good_event, kind
):
    fields, reason = _bad_entry(kind, good_event)
    bad_id = raw_client.xadd(settings.stream, fields).decode()
    (good_id,) = add_events(raw_client, settings, good_event, 1)
    reader = consumer(raw_client, settings, rejections, "a")
    assert [d.entry_id for d in reader.read(count=10)] == [good_id]
    assert [(r.entry_id, r.reason) for r in rejections] == [(bad_id, reason)]
    assert pending_ids(raw_client, settings) == [good_id]
    ((aside_id, aside),) = raw_client.xrange(settings.rejected_stream)
    assert aside_id.decode() == rejections[0].set_aside_as
    assert aside[b"reason"] == str(reason).encode()
    assert aside[b"entry_id"] == bad_id.encode()
    assert {k.removeprefix(b"entry:"): v for k, v in aside.items() if k.startswith(b"entry:")} == {
        k.encode(): v for k, v in fields.items()
    }


def test_the_rejected_stream_is_bounded(raw_client, settings, rejections, good_event):
    raw_client.xadd(settings.stream, {"junk": "1"})
    reader = consumer(raw_client, settings, rejections, "a", rejected_maxlen=5)
    for _ in range(300):
        raw_client.xadd(settings.stream, {"junk": "1"})
    add_events(raw_client, settings, good_event, 1)
    while reader.read(count=50):
        pass
    assert len(rejections) == 301
    assert raw_client.xlen(settings.rejected_stream) < 301


@pytest.mark.parametrize("removal", ["xdel", "xtrim"])
def test_a_pending_entry_deleted_from_the_stream_is_acked_on_restart(
    raw_client, settings, rejections, good_event, removal
):
    ids = add_events(raw_client, settings, good_event, 2)
    consumer(raw_client, settings, rejections, "a").read(count=2)
    if removal == "xdel":
        raw_client.xdel(settings.stream, ids[0])
    else:
        raw_client.xtrim(settings.stream, maxlen=1, approximate=False)
    restarted = consumer(raw_client, settings, rejections, "a")
    assert [d.entry_id for d in restarted.read(count=10)] == [ids[1]]
    assert [(r.entry_id, r.reason) for r in rejections] == [(ids[0], RejectReason.ENTRY_DELETED)]
    assert pending_ids(raw_client, settings) == [ids[1]]


def test_a_pending_entry_deleted_from_the_stream_is_acked_when_claimed(
    raw_client, settings, rejections, good_event
):
    ids = add_events(raw_client, settings, good_event, 2)
    consumer(raw_client, settings, rejections, "a").read(count=2)
    raw_client.xdel(settings.stream, ids[0])
    wait_idle(20)
    other = consumer(raw_client, settings, rejections, "b", claim_idle_ms=20)
    assert [d.entry_id for d in other.read(count=10)] == [ids[1]]
    assert [(r.entry_id, r.reason) for r in rejections] == [(ids[0], RejectReason.ENTRY_DELETED)]
    assert pending_ids(raw_client, settings) == [ids[1]]


def test_a_group_deleted_under_a_reader_is_created_again(raw_client, settings, rejections, good_event):
    reader = consumer(raw_client, settings, rejections, "a")
    raw_client.xgroup_destroy(settings.stream, GROUP)
    ids = add_events(raw_client, settings, good_event, 1)
    assert [d.entry_id for d in reader.read(count=10)] == ids


def test_a_client_that_decodes_responses_is_refused(settings):
    client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    with pytest.raises(ValueError, match="decode_responses"):
        EventConsumer(client, settings.stream, GROUP)
    client.close()


def test_leaving_removes_a_consumer_with_nothing_pending_only(raw_client, settings, rejections, good_event):
    add_events(raw_client, settings, good_event, 1)
    busy = consumer(raw_client, settings, rejections, "busy")
    busy.read(count=1)
    idle = consumer(raw_client, settings, rejections, "idle")
    idle.read(count=1)
    assert (busy.leave(), idle.leave()) == (False, True)
    names = [c["name"].decode() for c in raw_client.xinfo_consumers(settings.stream, GROUP)]
    assert names == ["busy"]


def test_tail_count_reads_and_acks_exactly_that_many(raw_client, settings, good_event, monkeypatch, capsys):
    for name, value in tail_env(settings).items():
        monkeypatch.setenv(name, value)
    ids = add_events(raw_client, settings, good_event, 12)
    assert main(["tail", "--count", "3", "--compact", "--group", GROUP]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    (group,) = raw_client.xinfo_groups(settings.stream)
    assert group["last-delivered-id"].decode() == ids[2]
    assert group["pending"] == 0
    assert main(["tail", "--count", "20", "--compact", "--group", GROUP, "--block-ms", "10"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 9


def test_tail_passes_over_an_entry_without_event_and_goes_on(
    raw_client, settings, good_event, monkeypatch, capsys
):
    for name, value in tail_env(settings).items():
        monkeypatch.setenv(name, value)
    bad_id = raw_client.xadd(settings.stream, {"not-event": "x"}).decode()
    add_events(raw_client, settings, good_event, 1)
    assert main(["tail", "--count", "1", "--compact", "--group", GROUP]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["type"] == "dev.newsworker.article.created.v2"
    assert f"entry {bad_id} of {settings.stream} acknowledged, not shown: no_event_field" in captured.err
    assert raw_client.xlen(settings.rejected_stream) == 1
    assert raw_client.xpending(settings.stream, GROUP)["pending"] == 0


def test_tail_claims_what_a_killed_tail_left_pending(
    raw_client, settings, rejections, good_event, monkeypatch, capsys
):
    for name, value in tail_env(settings).items():
        monkeypatch.setenv(name, value)
    ids = add_events(raw_client, settings, good_event, 2)
    consumer(raw_client, settings, rejections, "killed-tail").read(count=2)
    wait_idle(20)
    assert main(["tail", "--count", "2", "--compact", "--group", GROUP, "--claim-idle-ms", "20"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert raw_client.xpending(settings.stream, GROUP)["pending"] == 0
    assert raw_client.xinfo_groups(settings.stream)[0]["last-delivered-id"].decode() == ids[1]


def test_two_tail_processes_read_under_different_consumer_names(raw_client, settings, good_event):
    add_events(raw_client, settings, good_event, 2)
    env = {**os.environ, **tail_env(settings)}
    command = [sys.executable, "-m", "worker.cli", "tail", "--count", "1", "--compact", "--group", GROUP]
    runs = [
        subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    names = {err.rsplit("consumer ", 1)[1].split(")")[0] for _out, err in outputs}
    assert len(names) == 2
    assert raw_client.xpending(settings.stream, GROUP)["pending"] == 0
