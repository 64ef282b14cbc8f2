"""The README's producer contract, kept by a producer that imports only Celery (no newsworker code):
each public task, sent by name to the `newsworker` queue with JSON arguments, becomes an event; a
task sent with plain Celery's defaults (to the `celery` queue) is done too.

The worker runs as compose.yaml runs it, on a redis-server of this module's own: Celery's `celery`
queue is one fixed key, and no other test run may share it."""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import yaml

from tests.feed_server import FeedServer, article_html
from worker.celery_app import CELERY_DEFAULT_QUEUE, celery_config, consumed_queues
from worker.config import Settings
from worker.embedded import EmbeddedRedis
from worker.service import worker_command

ROOT = Path(__file__).resolve().parent.parent
PRODUCER = Path(__file__).parent / "plain_celery_producer.py"
STREAM = "newsworker:articles"
DEAD_LETTERS = "newsworker:dead-letter"
WAIT_S = 120.0


@pytest.fixture(scope="module")
def broker(tmp_path_factory) -> Iterator[EmbeddedRedis]:
    with EmbeddedRedis(directory=str(tmp_path_factory.mktemp("redis"))) as server:
        yield server


@pytest.fixture(scope="module")
def deployed_worker(broker, tmp_path_factory) -> Iterator[subprocess.Popen]:
    """compose.yaml's worker command and environment, pointed at this module's Redis."""
    service = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]["worker"]
    env = {**os.environ, **service["environment"]}
    env.update(
        REDIS_URL=broker.url,
        NEWSWORKER_ALLOW_PRIVATE_NETWORKS="true",  # the page server is on loopback
        NEWSWORKER_HOST_MIN_INTERVAL_S="0",
        NEWSWORKER_CONCURRENCY="1",
    )
    for name in ("NEWSWORKER_SOURCES", "NEWSWORKER_METRICS_PORT"):  # no file here; no fixed port
        env.pop(name, None)
    log = (tmp_path_factory.mktemp("worker") / "worker.log").open("wb")
    command = [sys.executable, "-m", *service["command"]]  # `celery ...` from this venv
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


@pytest.fixture
def stream(broker) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(broker.url, decode_responses=True)
    yield client
    client.close()


@pytest.fixture(scope="module")
def pages() -> Iterator[FeedServer]:
    server = FeedServer()
    server.route("/news/ferry-timetable", article_html("ferry-timetable"), "text/html; charset=utf-8")
    yield server
    server.close()


def send_with_plain_celery(broker_url: str, messages: list[dict]) -> None:
    result = subprocess.run(
        [sys.executable, str(PRODUCER), broker_url],
        input=json.dumps(messages),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout) == [], "the producer loaded newsworker code"


def wait_for_titles(client: redis.Redis, titles: set[str]) -> dict[str, dict]:
    """The events whose title is one of `titles`, once all have arrived (fails after WAIT_S)."""
    deadline = time.monotonic() + WAIT_S
    found: dict[str, dict] = {}
    while time.monotonic() < deadline:
        for _id, fields in client.xrange(STREAM):
            data = json.loads(fields["event"])["data"]
            if data["title"] in titles:
                found[data["title"]] = data
        if set(found) == titles:
            return found
        time.sleep(0.2)
    dead = [fields for _id, fields in client.xrange(DEAD_LETTERS)]
    pytest.fail(f"events for {sorted(titles - set(found))} never came; dead letters: {dead}")


def page(slug: str) -> tuple[str, str]:
    """A unique small article page, and the title newsworker gives it."""
    return article_html(slug), f"{slug.replace('-', ' ').title()} plan agreed"


def text_page(slug: str) -> tuple[str, str]:
    """The same page as plain text: its title line, then its paragraphs."""
    html, title = page(slug)
    return "\n\n".join([title, *re.findall(r"<p>(.*?)</p>", html)]), title


@pytest.mark.usefixtures("deployed_worker")
def test_each_public_task_sent_by_name_with_plain_celery_becomes_an_event(broker, stream, pages):
    url = pages.url("/news/ferry-timetable")
    document, document_title = page("harbour-lights")
    html, html_title = page("tram-depot")
    text, text_title = text_page("river-crossing")
    batched_html, batched_html_title = page("grain-silo")
    batched_text, batched_text_title = text_page("night-market")
    send_with_plain_celery(
        broker.url,
        [
            {"task": "worker.tasks.ingest_url", "args": [url], "queue": "newsworker"},
            {
                "task": "worker.tasks.ingest_document",
                "kwargs": {
                    "content": base64.b64encode(document.encode()).decode(),
                    "content_encoding": "base64",
                    "kind": "html",
                    "url": "https://news.example.com/harbour-lights",
                },
                "queue": "newsworker",
            },
            {
                "task": "worker.tasks.ingest_html",
                "args": [html, "https://news.example.com/tram"],
                "queue": "newsworker",
            },
            {"task": "worker.tasks.ingest_text", "args": [text], "queue": "newsworker"},
            {
                "task": "worker.tasks.ingest_batch",
                "kwargs": {
                    "documents": [
                        {"content": batched_html, "kind": "html"},
                        {"content": batched_text, "kind": "text"},
                    ]
                },
                "queue": "newsworker",
            },
        ],
    )
    titles = {page("ferry-timetable")[1], document_title, html_title, text_title}
    found = wait_for_titles(stream, titles | {batched_html_title, batched_text_title})
    assert found[page("ferry-timetable")[1]]["source"]["kind"] == "url"
    assert found[document_title]["canonical_url"] == "https://news.example.com/harbour-lights"
    assert found[html_title]["source"]["kind"] == "html"
    assert found[text_title]["source"]["kind"] == "text"
    assert [found[t]["source"]["kind"] for t in (batched_html_title, batched_text_title)] == ["html", "text"]


@pytest.mark.usefixtures("deployed_worker")
def test_a_task_sent_with_plain_celerys_default_queue_is_consumed(broker, stream):
    html, title = page("lighthouse-keeper")
    send_with_plain_celery(broker.url, [{"task": "worker.tasks.ingest_html", "args": [html], "queue": None}])
    wait_for_titles(stream, {title})
    assert stream.llen(CELERY_DEFAULT_QUEUE) == 0


def test_workers_read_the_celery_queue_unless_turned_off():
    assert consumed_queues(Settings()) == ["newsworker", "celery"]
    assert consumed_queues(Settings(consume_celery_queue=False)) == ["newsworker"]
    assert [queue.name for queue in celery_config(Settings())["task_queues"]] == ["newsworker", "celery"]


def test_newsworker_run_and_compose_start_workers_on_both_queues():
    command = worker_command(Settings(), concurrency=None, beat=False, loglevel="INFO")
    assert command[command.index("-Q") + 1] == "newsworker,celery"
    compose_command = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]["worker"]["command"]
    assert compose_command[compose_command.index("-Q") + 1] == "newsworker,celery"


PUBLIC_TASKS = (
    "worker.tasks.ingest_url",
    "worker.tasks.ingest_document",
    "worker.tasks.ingest_html",
    "worker.tasks.ingest_text",
    "worker.tasks.ingest_batch",
)


def test_readme_documents_each_public_task_and_points_to_their_schemas():
    from worker.celery_app import app

    readme = (ROOT / "README.md").read_text()
    contract = readme[readme.index("## Sending work from another service") :]
    for name in PUBLIC_TASKS:
        assert name in app.tasks
        assert f"| `{name}` |" in contract
    assert "`schemas/tasks/<task name>.json`" in contract
    assert 'queue="newsworker"' in contract
