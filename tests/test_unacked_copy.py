"""The record kept of a message taken off the queue and not yet acknowledged (the `unacked` hash,
which the visibility timeout restores from) is the queue entry as it was read: the message comes
back exactly as its producer queued it. It is the take's own record, found by the delivery tag."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
import redis
from kombu import Connection, Consumer, Exchange, Queue

from tests.test_hostile_messages import GOOD_TEXT, raw_entry, task_envelope
from worker.config import Settings

TRANSPORT = "worker.broker_transport:Transport"


@pytest.fixture
def queue_name(settings: Settings) -> str:
    return f"{settings.key_prefix}unacked-copy-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def client(settings: Settings) -> Iterator[redis.Redis]:
    raw = redis.Redis.from_url(settings.redis_url)
    yield raw
    raw.close()


def take_without_ack(settings: Settings, queue_name: str) -> tuple[Connection, object]:
    """A kombu consumer on the newsworker transport takes one message and leaves it unacknowledged."""
    connection = Connection(settings.redis_url, transport=TRANSPORT)
    taken = []
    queue = Queue(queue_name, Exchange(queue_name), routing_key=queue_name)
    consumer = Consumer(
        connection.default_channel, [queue], callbacks=[lambda _body, message: taken.append(message)]
    )
    consumer.consume()
    connection.drain_events(timeout=10)
    assert len(taken) == 1
    return connection, taken[0]


def test_the_unacknowledged_copy_is_the_queue_entry_as_read(settings, client, queue_name):
    entry = raw_entry(task_envelope("worker.tasks.ingest_text", [GOOD_TEXT]), queue_name)
    client.lpush(queue_name, entry)
    connection, message = take_without_ack(settings, queue_name)
    key = connection.default_channel.qos.record_key(message.delivery_tag)
    try:
        copy = client.hget("unacked", key)
        assert json.loads(copy) == [json.loads(entry), "", queue_name]
        assert message.payload[1] == {}  # the consumer still got the base64 body decoded
    finally:
        message.ack()
        connection.release()
    assert not client.hexists("unacked", key)
    assert client.zscore("unacked_index", key) is None


def test_a_restored_message_goes_back_as_it_was_queued(settings, client, queue_name):
    envelope = task_envelope("worker.tasks.ingest_text", [GOOD_TEXT])
    entry = raw_entry(envelope, queue_name)
    client.lpush(queue_name, entry)
    connection, message = take_without_ack(settings, queue_name)
    key = connection.default_channel.qos.record_key(message.delivery_tag)
    try:
        connection.default_channel.qos.restore_by_tag(message.delivery_tag)
        [back] = client.lrange(queue_name, 0, -1)
    finally:
        client.delete(queue_name)
        connection.release()
    expected = json.loads(entry)
    expected["headers"]["redelivered"] = True
    expected["properties"]["delivery_info"]["redelivered"] = True
    assert json.loads(back) == expected
    assert not client.hexists("unacked", key)
