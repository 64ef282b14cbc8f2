"""Task events are on from the start, so Flower (or `celery events`) sees every task as installed."""

from __future__ import annotations

import time

import pytest
from celery.utils import uuid

from worker.tasks import ingest_text


@pytest.mark.usefixtures("celery_worker")
def test_a_task_sends_sent_received_started_and_succeeded_events(celery_app_configured, settings):
    task_id = uuid()
    seen: list[str] = []
    deadline = time.monotonic() + 60

    def on_event(event: dict) -> None:
        if event.get("uuid") == task_id:
            seen.append(event["type"])

    with celery_app_configured.connection_for_read() as connection:
        receiver = celery_app_configured.events.Receiver(connection, handlers={"*": on_event})
        capture = receiver.itercapture(limit=None, timeout=None, wakeup=False)
        next(capture)  # subscribed: from here on no event is missed
        ingest_text.apply_async(args=["An article of one line."], task_id=task_id)
        for _ in capture:  # one step per second of draining
            if "task-succeeded" in seen or time.monotonic() > deadline:
                break

    assert {"task-sent", "task-received", "task-started", "task-succeeded"} <= set(seen), seen
