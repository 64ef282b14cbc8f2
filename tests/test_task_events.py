"""Task events start off (they cost the worker about 1 ms a task) and flow once a monitor turns them
on, as Flower does by itself and `celery control enable_events` does for `celery events`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from celery.utils import uuid

from worker.celery_app import celery_config
from worker.tasks import ingest_text


def _events_of_one_task(app, *, queue: str, timeout_s: float) -> set[str]:
    """The event types seen for one `ingest_text` task sent once the receiver listens."""
    task_id = uuid()
    seen: list[str] = []
    deadline = time.monotonic() + timeout_s

    def on_event(event: dict) -> None:
        if event.get("uuid") == task_id:
            seen.append(event["type"])

    with app.connection_for_read() as connection:
        receiver = app.events.Receiver(connection, handlers={"*": on_event})
        capture = receiver.itercapture(limit=None, timeout=None, wakeup=False)
        next(capture)  # subscribed: from here on no event is missed
        ingest_text.apply_async(args=["An article of one line."], task_id=task_id, queue=queue)
        for _ in capture:  # one step per second of draining
            if "task-succeeded" in seen or time.monotonic() > deadline:
                break
    return set(seen)


def _enable_events(app, worker: str, timeout_s: float = 60) -> None:
    """What Flower sends when it starts (and again now and then), here to this test's worker only
    (others may share the Redis), until it answers."""
    deadline = time.monotonic() + timeout_s
    while not app.control.broadcast("enable_events", reply=True, timeout=1.0, destination=[worker]):
        assert time.monotonic() < deadline, "no worker answered enable_events"


def test_task_events_are_off_by_default_and_on_with_the_setting(settings):
    assert celery_config(settings)["worker_send_task_events"] is False
    assert celery_config(replace(settings, task_events=True))["worker_send_task_events"] is True


@pytest.fixture
def worker_on_its_own_queue(settings) -> Iterator[tuple[str, str]]:
    """`celery worker` as deployed (a process of its own, heartbeats on), reading a queue of its own:
    (the queue, the worker's name)."""
    queue, name = settings.key("events-queue"), f"events-{uuid()}@newsworker-test"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
    env.update(
        REDIS_URL=settings.redis_url,
        NEWSWORKER_KEY_PREFIX=settings.key_prefix,
        NEWSWORKER_STREAM=settings.stream,
        NEWSWORKER_DEAD_LETTER_STREAM=settings.dead_letter_stream,
        NEWSWORKER_QUEUE=queue,
        NEWSWORKER_CONSUME_CELERY_QUEUE="false",
    )
    command = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "-Q", queue]
    command += ["--concurrency", "1", "--loglevel", "WARNING", "--hostname", name]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield queue, name
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_a_monitor_that_enables_events_sees_sent_received_started_and_succeeded(
    celery_app_configured, worker_on_its_own_queue
):
    queue, worker = worker_on_its_own_queue
    _enable_events(celery_app_configured, worker)
    seen = _events_of_one_task(celery_app_configured, queue=queue, timeout_s=60)
    assert {"task-sent", "task-received", "task-started", "task-succeeded"} <= seen, seen
