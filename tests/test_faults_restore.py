"""A Redis that goes away while a worker holds messages unacknowledged: the worker stays up, and the
messages stay in Redis's unacknowledged hash until the visibility timeout brings them back.

kombu hands a channel's unacknowledged messages back as the channel closes. After a lost connection,
Celery's consumer closes the connection twice, and the task channel may be closed only by the second
close, after kombu detached the transport: kombu then failed on `'NoneType' object has no attribute
'hostname'` and the worker exited (`worker.broker_transport`).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from kombu import Connection

from bench.load import make_inputs
from bench.loadrun import QUEUE, TASK, LoadRun
from tests.test_faults import _drained_audit
from tests.test_hostile_messages import GOOD_TEXT, raw_entry, task_envelope
from tests.test_unacked_copy import take_without_ack
from worker.config import Settings

VISIBILITY_S = 6
COUNTDOWN_S = 10  # the held task's ETA: well after Redis is killed


@pytest.fixture
def one_worker() -> Iterator[LoadRun]:
    run = LoadRun(workers=1, visibility_timeout_s=VISIBILITY_S)
    yield run
    run.close()


def _send(run: LoadRun, item, **options) -> None:
    kwargs = {"content": item.content, "kind": item.kind, "url": item.url, "content_encoding": item.encoding}
    sent = run.producer_app().send_task(TASK, kwargs=kwargs, queue=QUEUE, **options)
    run.task_ids.append(sent.id)


def _wait_until(condition, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _waits_on_the_queue(client: redis.Redis) -> bool:
    """A client of the worker is blocked on the empty queue (the channel's take is in flight)."""
    return any(entry.get("cmd") == "blmove" for entry in client.client_list())


@pytest.mark.slow
def test_worker_holding_a_countdown_task_outlives_a_killed_redis(one_worker):
    """A countdown task is held unacknowledged while the channel waits on the queue for more: the
    state in which the task channel's close stopped half-way. Before the guard, every run exited."""
    inputs = make_inputs(6, seed=6)
    one_worker.start().wait_ready()
    client = one_worker.client()
    _send(one_worker, inputs[0], countdown=COUNTDOWN_S)
    _wait_until(lambda: client.hlen("unacked") == 1, 20, "the countdown task to be taken")
    _wait_until(lambda: _waits_on_the_queue(client), 20, "the worker to wait on the queue")
    time.sleep(1.2)  # the take's record reaches the AOF (fsync every second)
    one_worker.kill_redis()  # SIGKILL
    time.sleep(2)
    one_worker.restart_redis()
    _wait_until(lambda: _waits_on_the_queue(one_worker.client()), 60, "the worker to wait on the queue again")
    for item in inputs[1:]:
        _send(one_worker, item)
    audit = _drained_audit(one_worker, inputs)
    assert audit["events"] + audit["dead_letters"] == len(inputs), audit
    assert audit["article_ids_twice"] == 0 and audit["event_ids_twice"] == 0, audit
    worker = one_worker.processes[0]
    log = (Path(one_worker.folder) / "worker0.log").read_text(errors="replace")
    assert worker.poll() is None and "Unrecoverable error" not in log, log[-3000:]
    assert "unacknowledged message(s) stay in Redis" in log


@pytest.fixture
def queue_name(settings: Settings) -> str:
    return f"{settings.key_prefix}restore-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def taken(
    settings: Settings, redis_client: redis.Redis, queue_name: str
) -> Iterator[tuple[Connection, object]]:
    """A message taken by a consumer on the newsworker transport and not acknowledged."""
    redis_client.lpush(
        queue_name, raw_entry(task_envelope("worker.tasks.ingest_text", [GOOD_TEXT]), queue_name)
    )
    connection, message = take_without_ack(settings, queue_name)
    key = connection.default_channel.qos.record_key(message.delivery_tag)
    yield connection, message
    connection.collect()
    redis_client.hdel("unacked", key)
    redis_client.zrem("unacked_index", key)
    redis_client.delete(queue_name)


def _detach_transport(connection: Connection) -> None:
    """What kombu's `Connection.collect` does last, before the task channel may be closed."""
    connection.transport.client = None


def test_closing_a_channel_after_its_transport_was_detached_keeps_the_message_in_redis(
    taken, redis_client, queue_name
):
    connection, message = taken
    channel = connection.default_channel
    key = channel.qos.record_key(message.delivery_tag)
    _detach_transport(connection)
    channel.close()  # kombu restores the unacknowledged messages here; it raised AttributeError
    assert channel.closed
    assert redis_client.hexists("unacked", key)  # for the visibility timeout to bring back
    assert redis_client.llen(queue_name) == 0  # not handed back, not lost: left where it was


def test_an_ack_on_a_channel_closed_after_the_detach_is_a_connection_error(taken):
    """The message of a task that ends after the connection was lost and its channel closed."""
    connection, message = taken
    _detach_transport(connection)
    connection.default_channel.close()
    with pytest.raises(connection.connection_errors):  # Celery logs "Couldn't ack" and goes on
        message.ack()
