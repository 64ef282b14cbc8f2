"""A message taken off its queue is recorded as unacknowledged before it leaves the list, so a worker
killed (-9) with the take's reply unread loses nothing: the visibility timeout brings it back.

kombu's BRPOP took the entry as Redis replied, and the worker recorded it only after reading the
reply: a worker killed in between lost the message (in no queue, in no unacknowledged set)."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import pytest
import redis
from kombu import Connection, Consumer, Exchange, Queue

from tests.test_hostile_messages import GOOD_TEXT, raw_entry, task_envelope
from tests.test_unacked_copy import take_without_ack
from worker import message_guard
from worker.config import Settings
from worker.message_guard import TAKE_TOKEN_PREFIX

TRANSPORT = "worker.broker_transport:Transport"


@pytest.fixture
def queue_name(settings: Settings) -> str:
    return f"{settings.key_prefix}safe-take-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def client(settings: Settings, queue_name: str) -> Iterator[redis.Redis]:
    raw = redis.Redis.from_url(settings.redis_url)
    yield raw
    for tag, value in raw.hgetall("unacked").items():  # this test's records only
        if queue_name.encode() in value:
            raw.zrem("unacked_index", tag)
            raw.hdel("unacked", tag)
    raw.delete(queue_name)
    raw.close()


def _consuming_channel(settings: Settings, queue_name: str) -> tuple[Connection, object]:
    connection = Connection(settings.redis_url, transport=TRANSPORT)
    channel = connection.default_channel
    queue = Queue(queue_name, Exchange(queue_name), routing_key=queue_name)
    Consumer(channel, [queue], callbacks=[lambda _body, _message: None]).consume()
    return connection, channel


def _take_records(client: redis.Redis) -> dict[bytes, bytes]:
    return {k: v for k, v in client.hgetall("unacked").items() if k.startswith(TAKE_TOKEN_PREFIX.encode())}


# A worker's main process, reduced to what matters: it sends the take, then is killed (-9) before it
# reads the reply.
_TAKER = """
import sys, time
from kombu import Connection, Consumer, Exchange, Queue
url, name = sys.argv[1:]
connection = Connection(url, transport="worker.broker_transport:Transport")
channel = connection.default_channel
Consumer(channel, [Queue(name, Exchange(name), routing_key=name)], callbacks=[print]).consume()
connection.transport.cycle._register_BRPOP(channel)
time.sleep(60)
"""


def _wait_until_empty(client: redis.Redis, queue_name: str, timeout_s: float = 20.0) -> int:
    deadline = time.monotonic() + timeout_s
    while client.llen(queue_name) and time.monotonic() < deadline:
        time.sleep(0.05)
    return client.llen(queue_name)


def test_a_worker_killed_with_the_take_unread_leaves_the_message_recorded_and_restorable(
    settings, client, queue_name
):
    entry = raw_entry(task_envelope("worker.tasks.ingest_text", [GOOD_TEXT]), queue_name)
    client.lpush(queue_name, entry)
    taker = subprocess.Popen([sys.executable, "-c", _TAKER, settings.redis_url, queue_name])
    try:
        assert _wait_until_empty(client, queue_name) == 0  # off its list, the reply unread...
    finally:
        taker.kill()
        taker.wait(timeout=10)
    [(token, record)] = [(k, v) for k, v in _take_records(client).items() if queue_name.encode() in v]
    assert json.loads(record) == [json.loads(entry), "", queue_name]  # ...but recorded
    assert client.zscore("unacked_index", token) is not None  # where the visibility sweep looks

    survivor, channel = _consuming_channel(settings, queue_name)  # another worker's sweep
    try:
        channel.qos.restore_by_tag(token)
    finally:
        survivor.release()
    [back] = client.lrange(queue_name, 0, -1)
    assert json.loads(back)["headers"]["id"] == json.loads(entry)["headers"]["id"]
    assert not client.hexists("unacked", token)


def test_a_delivered_message_has_one_record_its_take_s_until_acknowledged(settings, client, queue_name):
    entry = raw_entry(task_envelope("worker.tasks.ingest_text", [GOOD_TEXT]), queue_name)
    client.lpush(queue_name, entry)
    connection, message = take_without_ack(settings, queue_name)
    try:
        records = [k for k, v in client.hgetall("unacked").items() if queue_name.encode() in v]
        assert records == [connection.default_channel.qos.record_key(message.delivery_tag).encode()]
        assert records[0].startswith(TAKE_TOKEN_PREFIX.encode())
        message.ack()
        assert not any(queue_name.encode() in v for v in client.hgetall("unacked").values())
    finally:
        connection.release()


def test_a_redis_that_lost_the_take_script_still_gives_the_message(settings, client, queue_name, monkeypatch):
    entry = raw_entry(task_envelope("worker.tasks.ingest_text", [GOOD_TEXT]), queue_name)
    client.lpush(queue_name, entry)
    # As after a restarted Redis: the channel takes by a hash Redis does not know (NOSCRIPT).
    monkeypatch.setattr(message_guard, "_TAKE_SHA1", "0" * 40)
    connection = Connection(settings.redis_url, transport=TRANSPORT)
    connection.default_channel._take_by_sha = True
    taken = []
    queue = Queue(queue_name, Exchange(queue_name), routing_key=queue_name)
    Consumer(connection.default_channel, [queue], callbacks=[lambda _body, m: taken.append(m)]).consume()
    try:
        deadline = time.monotonic() + 10
        while not taken and time.monotonic() < deadline:
            with contextlib.suppress(socket.timeout):
                connection.drain_events(timeout=1)
        assert len(taken) == 1
        assert client.llen(queue_name) == 0
        taken[0].ack()
    finally:
        connection.release()
