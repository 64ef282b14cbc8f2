"""A message whose worker process dies under it (the hard time limit, an OOM kill) runs at most
NEWSWORKER_MAX_DELIVERIES times, then ends as one `worker_lost` dead letter: never an endless requeue.
A message past its `expires` ends as one `expired` dead letter: never a silent drop.

Each test runs a real prefork `celery worker` subprocess on the test Redis, under a key prefix and
queue of its own."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis

from tests.conftest import FIXTURES
from tests.helpers import prefork_worker_running, settle, wait_for_entries
from tests.redis_servers import WorkerProcess, producer, worker_environment
from worker.config import Settings
from worker.retry import ROUTINE_EXPIRY_TASKS, RetryPolicy, expired_is_dead_letter, lost_run_decision

MAX_DELIVERIES = 2
HARD_LIMIT_S = 2
# The hard limit of the tasks that must end: a fresh pool child's first extraction loaded the models,
# 0.8 s on an idle machine and past HARD_LIMIT_S on a loaded one, where it was killed twice and
# dead-lettered as worker_lost (the policy working, on a limit too short for the test's own work).
# The worker now loads them before the pool forks (worker/warmup.py); the margin stays.
ENDING_TASK_LIMIT_S = 60
TEXT = (FIXTURES / "wire_story.txt").read_text()


@dataclass
class SilentServer:
    """Accepts connections and never answers: a fetch from it hangs until a limit ends it."""

    sock: socket.socket = field(default_factory=socket.socket)
    accepted: list[socket.socket] = field(default_factory=list)

    def start(self) -> SilentServer:
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(connection)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/news/story"

    def close(self) -> None:
        self.sock.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer().start()
    yield server
    server.close()


@pytest.fixture
def prefork(redis_url: str, tmp_path: Path) -> Iterator[tuple[WorkerProcess, Settings, redis.Redis]]:
    """A prefork worker with a hard time limit of 2 s and no soft one: a task stuck where the soft
    limit cannot reach it (in C code, say) meets the hard limit, which kills its process."""
    prefix = f"nwtest:{uuid.uuid4().hex[:8]}:"
    env = worker_environment(
        redis_url,
        prefix,
        NEWSWORKER_TASK_TIME_LIMIT_S=str(HARD_LIMIT_S),
        NEWSWORKER_TASK_SOFT_TIME_LIMIT_S="0",
        NEWSWORKER_MAX_DELIVERIES=str(MAX_DELIVERIES),
        NEWSWORKER_CONSUME_CELERY_QUEUE="false",
    )
    with prefork_worker_running(env, tmp_path / "worker.log", redis_url, prefix) as running:
        yield running


def _letters(client: redis.Redis, stream: str) -> list[dict[str, str]]:
    return [{k.decode(): v.decode() for k, v in fields.items()} for _id, fields in client.xrange(stream)]


def _unacked_ids(client: redis.Redis) -> set[str]:
    """Task ids kombu holds as delivered and not acknowledged (its `unacked` hash, shared by all)."""
    ids = set()
    for raw in client.hvals("unacked"):
        payload = json.loads(raw)[0]
        ids.add(payload.get("headers", {}).get("id"))
    return ids


def _send_text(settings: Settings, text: str, **options: str) -> None:
    """An ingest_text message that must end, with a hard limit no loaded machine reaches."""
    producer(settings).send_task(
        "worker.tasks.ingest_text",
        args=[text],
        queue=settings.queue,
        time_limit=ENDING_TASK_LIMIT_S,
        **options,
    )


def _worker_children(worker: WorkerProcess) -> list[int]:
    pid = worker.process.pid
    return [
        int(c)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for c in (task / "children").read_text().split()
    ]


def test_lost_runs_are_bounded_by_max_deliveries():
    policy = RetryPolicy(max_retries=3, backoff_s=1.0, max_deliveries=3)
    assert [lost_run_decision(runs, policy) for runs in (1, 2, 3)] == [None, None, None]
    decision = lost_run_decision(4, policy)
    assert decision is not None and not decision.retry and decision.reason == "worker_lost"
    assert "3 times" in decision.error


def test_only_beats_tick_expires_without_a_dead_letter():
    from worker.feed_tasks import SCHEDULE_TASK

    assert {SCHEDULE_TASK} == ROUTINE_EXPIRY_TASKS
    assert not expired_is_dead_letter(SCHEDULE_TASK)
    assert expired_is_dead_letter("worker.tasks.ingest_url")


def test_task_killed_at_its_hard_time_limit_is_dead_lettered_after_max_deliveries(prefork, silent_server):
    worker, settings, client = prefork
    task_id = str(uuid.uuid4())
    producer(settings).send_task(
        "worker.tasks.ingest_url", args=[silent_server.url], queue=settings.queue, task_id=task_id
    )
    [letter] = wait_for_entries(client, settings.dead_letter_stream, 1, timeout_s=90)
    assert letter["reason"] == "worker_lost"
    assert letter["task"] == "worker.tasks.ingest_url" and letter["source"] == silent_server.url
    assert len(silent_server.accepted) == MAX_DELIVERIES  # run twice, not a third time
    _send_text(settings, TEXT)
    wait_for_entries(client, settings.stream, 1, timeout_s=60)  # the worker goes on
    settle(1.0)
    assert len(silent_server.accepted) == MAX_DELIVERIES and client.xlen(settings.dead_letter_stream) == 1
    assert client.llen(settings.queue) == 0 and task_id not in _unacked_ids(client)
    assert worker.alive


def test_task_whose_process_is_killed_is_dead_lettered_after_max_deliveries(prefork, silent_server):
    worker, settings, client = prefork
    producer(settings).send_task(
        "worker.tasks.ingest_url",
        args=[silent_server.url],
        queue=settings.queue,
        time_limit=60,  # the kill below comes first, as an OOM killer's would
        soft_time_limit=50,
    )
    for run in range(MAX_DELIVERIES):
        deadline = time.monotonic() + 60
        while len(silent_server.accepted) <= run:
            assert time.monotonic() < deadline, worker.log()[-3000:]
            time.sleep(0.05)
        [child] = _worker_children(worker)
        os.kill(child, signal.SIGKILL)
    [letter] = wait_for_entries(client, settings.dead_letter_stream, 1, timeout_s=60)
    assert letter["reason"] == "worker_lost" and "2 times" in letter["error"]
    assert len(silent_server.accepted) == MAX_DELIVERIES
    assert worker.alive


def test_task_that_ends_is_not_counted_as_a_lost_run(prefork):
    _worker, settings, client = prefork
    for _ in range(MAX_DELIVERIES + 1):  # the same task id each time: only lost runs add up
        _send_text(settings, TEXT, task_id="same-task")
    wait_for_entries(client, settings.stream, 1, timeout_s=60)
    # All three acknowledged (off the queue and out of kombu's unacked hash): each run has ended.
    deadline = time.monotonic() + 60
    while client.llen(settings.queue) or "same-task" in _unacked_ids(client):
        assert time.monotonic() < deadline, "the three messages were not all acknowledged"
        time.sleep(0.1)
    settle(1.0)
    assert client.xlen(settings.dead_letter_stream) == 0
    assert not list(client.scan_iter(match=settings.key("runs", "*")))


def test_message_past_its_expires_gets_an_expired_dead_letter(prefork):
    _worker, settings, client = prefork
    app = producer(settings)
    past = datetime.now(UTC) - timedelta(minutes=5)
    app.send_task("worker.tasks.ingest_text", args=["An old story."], queue=settings.queue, expires=past)
    _send_text(settings, TEXT)
    wait_for_entries(client, settings.stream, 1, timeout_s=60)
    [letter] = wait_for_entries(client, settings.dead_letter_stream, 1, timeout_s=10)
    assert letter["reason"] == "expired" and letter["task"] == "worker.tasks.ingest_text"
    assert "An old story." in letter["input"] and "expired" in letter["error"]
    assert client.llen(settings.queue) == 0


def test_expired_tick_of_beat_gets_no_dead_letter(prefork):
    from worker.feed_tasks import SCHEDULE_TASK

    _worker, settings, client = prefork
    app = producer(settings)
    past = datetime.now(UTC) - timedelta(minutes=5)
    app.send_task(SCHEDULE_TASK, queue=settings.queue, expires=past)
    _send_text(settings, TEXT)
    wait_for_entries(client, settings.stream, 1, timeout_s=60)
    settle(1.0)
    assert client.xlen(settings.dead_letter_stream) == 0 and client.llen(settings.queue) == 0


def test_message_that_expires_while_it_waits_for_its_eta_gets_an_expired_dead_letter(prefork):
    _worker, settings, client = prefork
    expires = datetime.now(UTC) + timedelta(seconds=8)  # received before it expires, due after
    producer(settings).send_task(
        "worker.tasks.ingest_text",
        args=["A story for later."],
        queue=settings.queue,
        countdown=12,
        expires=expires,
    )
    [letter] = wait_for_entries(client, settings.dead_letter_stream, 1, timeout_s=30)
    assert letter["reason"] == "expired" and "A story for later." in letter["input"]
    assert "while it waited" in letter["error"]
    settle(1.0)
    assert client.xlen(settings.stream) == 0 and client.llen(settings.queue) == 0
