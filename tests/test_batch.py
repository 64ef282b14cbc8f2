"""The batch task: many documents in one message, each with its own outcome, through the real
Redis broker and a real worker."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import pytest
import redis

from tests.conftest import delete_prefix
from tests.helpers import events, settle, wait_for_entries
from worker.batch import batch_problem, document_once_key, handed_on_task_id, pack_batches
from worker.config import BatchLimits, Settings
from worker.tasks import ingest_batch


def article_html(topic: str) -> str:
    """A small article page of its own: a title and three paragraphs naming `topic`."""
    paragraphs = "".join(
        f"<p>The {topic} committee met on day {n} and agreed that the {topic} plan needs "
        f"another {n + 2} weeks of review before the council votes on the {topic} budget.</p>"
        for n in range(1, 4)
    )
    return (
        f"<html><head><title>{topic.title()} plan delayed</title></head><body><article>"
        f"<h1>{topic.title()} plan delayed</h1>{paragraphs}</article></body></html>"
    )


def drained(redis_client, settings) -> None:
    """Wait until the worker has taken and acknowledged every queued message."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if redis_client.llen(settings.queue) == 0 and not redis_client.hlen("unacked"):
            break
        time.sleep(0.05)
    settle()


def test_batch_within_limits_has_no_problem():
    assert batch_problem([{"content": "abc"}] * 2, BatchLimits(max_documents=2, max_bytes=6)) is None


def test_batch_with_more_documents_than_allowed_is_refused():
    problem = batch_problem([{"content": "a"}] * 3, BatchLimits(max_documents=2, max_bytes=100))
    assert "NEWSWORKER_BATCH_MAX_DOCUMENTS=2" in problem


def test_batch_heavier_than_allowed_is_refused():
    problem = batch_problem([{"content": "abcd"}] * 2, BatchLimits(max_documents=10, max_bytes=7))
    assert "NEWSWORKER_BATCH_MAX_BYTES=7" in problem


def test_packing_starts_a_new_batch_at_the_document_limit():
    batches = list(pack_batches(range(5), BatchLimits(max_documents=2, max_bytes=100), lambda _: 1))
    assert batches == [[0, 1], [2, 3], [4]]


def test_packing_starts_a_new_batch_before_the_byte_limit():
    batches = list(pack_batches([4, 4, 4], BatchLimits(max_documents=10, max_bytes=8), lambda n: n))
    assert batches == [[4, 4], [4]]


def test_document_heavier_than_the_byte_limit_travels_alone():
    batches = list(pack_batches([1, 20, 1], BatchLimits(max_documents=10, max_bytes=8), lambda n: n))
    assert batches == [[1], [20], [1]]


def test_each_document_of_a_batch_has_its_own_once_key():
    assert document_once_key("task-1", 0) != document_once_key("task-1", 1)


@pytest.mark.usefixtures("celery_worker")
def test_batch_publishes_one_event_per_document(settings, redis_client):
    ingest_batch.delay([{"content": article_html("bridge")}, {"content": article_html("harbour")}])
    published = events(redis_client, settings.stream, 2)
    assert sorted(e["data"]["title"] for e in published) == ["Bridge plan delayed", "Harbour plan delayed"]


@pytest.mark.usefixtures("celery_worker")
def test_failing_document_gets_its_own_dead_letter_and_the_rest_are_published(settings, redis_client):
    ingest_batch.delay(
        [
            {"content": article_html("tram"), "kind": "html"},
            {"content": "   ", "kind": "text", "source": {"kind": "cli", "path": "blank.txt"}},
            {"content": article_html("ferry"), "kind": "html"},
        ]
    )
    published = events(redis_client, settings.stream, 2)
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert sorted(e["data"]["title"] for e in published) == ["Ferry plan delayed", "Tram plan delayed"]
    assert (letter["reason"], letter["source"], letter["task"]) == ("empty", "blank.txt", ingest_batch.name)


@pytest.mark.usefixtures("celery_worker")
def test_redelivered_batch_writes_no_second_event_and_no_second_dead_letter(settings, redis_client):
    """A redelivery is the same message (same task id) arriving again."""
    documents = [{"content": article_html("canal")}, {"content": "", "kind": "text"}]
    task_id = str(uuid.uuid4())
    ingest_batch.apply_async(args=[documents], task_id=task_id)
    ingest_batch.apply_async(args=[documents], task_id=task_id)
    drained(redis_client, settings)
    assert (redis_client.xlen(settings.stream), redis_client.xlen(settings.dead_letter_stream)) == (1, 1)


@pytest.mark.usefixtures("celery_worker")
def test_batch_over_the_document_limit_becomes_one_too_large_dead_letter(settings, redis_client):
    too_many = [{"content": f"note {n}", "kind": "text"} for n in range(settings.batch.max_documents + 1)]
    ingest_batch.delay(too_many)
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    drained(redis_client, settings)
    assert letter["reason"] == "too_large"
    assert redis_client.xlen(settings.stream) == 0


@pytest.fixture
def impatient_worker(redis_url: str, tmp_path) -> Iterator[tuple[Settings, redis.Redis]]:
    """A `celery worker` process whose batches hand on their rest after the first document
    (NEWSWORKER_BATCH_MAX_S=0), on a key prefix and queue of its own."""
    prefix = f"nwtest:{uuid.uuid4().hex[:8]}:"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
    env.update(REDIS_URL=redis_url, NEWSWORKER_KEY_PREFIX=prefix, NEWSWORKER_QUEUE=prefix + "queue")
    env.update(NEWSWORKER_BATCH_MAX_S="0")
    settings = Settings.from_env(env)
    command = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "--pool", "solo"]
    command += ["--loglevel", "WARNING", "--without-gossip", "--without-mingle"]
    with (tmp_path / "worker.log").open("w") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        client = redis.Redis.from_url(redis_url, decode_responses=True)
        try:
            yield settings, client
        finally:
            process.terminate()
            process.wait(timeout=30)
            delete_prefix(client, prefix)
            client.close()


def test_batch_past_its_time_budget_hands_on_the_rest_and_every_document_gets_one_outcome(
    impatient_worker, celery_app_configured
):
    settings, client = impatient_worker
    documents = [{"content": article_html(topic)} for topic in ("mill", "weir", "lock")]
    documents.insert(1, {"content": "", "kind": "text"})
    task_id = str(uuid.uuid4())
    celery_app_configured.send_task(
        "worker.tasks.ingest_batch", args=[documents], queue=settings.queue, task_id=task_id
    )
    published = events(client, settings.stream, 3, timeout_s=120)
    [letter] = wait_for_entries(client, settings.dead_letter_stream, 1, timeout_s=60)
    assert sorted(e["data"]["title"] for e in published) == [
        "Lock plan delayed",
        "Mill plan delayed",
        "Weir plan delayed",
    ]
    assert letter["reason"] == "empty"
    handed_on = handed_on_task_id(task_id, 1)  # the blank document came second: first of the rest
    assert client.exists(settings.key("dead", document_once_key(handed_on, 0)))
