"""Each task from submit to stream entry, through the real Redis broker and a real worker."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

import pytest

from tests.helpers import events, settle, wait_for_entries
from worker.events import validate_data
from worker.tasks import ingest_document, ingest_html, ingest_text, ingest_url

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.usefixtures("celery_worker")


def test_ingest_text_appends_one_created_event(settings, redis_client):
    ingest_text.delay((FIXTURES / "wire_story.txt").read_text())
    [event] = events(redis_client, settings.stream, 1)
    assert event["type"] == "dev.newsworker.article.created.v2"
    assert event["data"]["source"]["kind"] == "text"
    assert any("floating wind farm" in p for p in event["data"]["paragraphs"])


def test_ingest_html_appends_event_keyed_by_canonical_url(settings, redis_client):
    ingest_html.delay((FIXTURES / "wire_story.html").read_text(), url="https://courier.example.com/x")
    [event] = events(redis_client, settings.stream, 1)
    assert event["data"]["canonical_url"].startswith("https://courier.example.com/news/2025/03/14/")
    assert event["subject"] == event["data"]["id"]


def test_ingest_url_fetches_the_page_and_publishes_it(settings, redis_client, page_server):
    url = page_server.url("/news/night-bus")
    ingest_url.delay(url)
    [event] = events(redis_client, settings.stream, 1)
    assert event["data"]["url"] == url
    assert event["data"]["source"]["kind"] == "url"


def test_every_published_event_validates_against_the_schema(settings, redis_client):
    ingest_text.delay((FIXTURES / "wire_story.txt").read_text())
    ingest_html.delay((FIXTURES / "wire_story.html").read_text())
    for event in events(redis_client, settings.stream, 2):
        assert event["specversion"] == "1.0"
        assert event["dataschema"].endswith("article.v2.json")
        validate_data(event["data"])


def test_same_article_ingested_twice_is_published_once(settings, redis_client):
    text = (FIXTURES / "wire_story.txt").read_text()
    ingest_text.delay(text)
    events(redis_client, settings.stream, 1)
    ingest_text.delay(text)
    wait_for_task_count(redis_client, settings, 2)
    assert redis_client.xlen(settings.stream) == 1


def test_redelivered_message_publishes_once(settings, redis_client):
    """A redelivery is the same message (same task id) arriving again."""
    html = (FIXTURES / "wire_story.html").read_text()
    task_id = str(uuid.uuid4())
    ingest_html.apply_async(args=[html], task_id=task_id)
    ingest_html.apply_async(args=[html], task_id=task_id)
    wait_for_task_count(redis_client, settings, 2)
    assert redis_client.xlen(settings.stream) == 1


def test_changed_text_of_a_known_article_gives_one_updated_event(settings, redis_client):
    html = (FIXTURES / "wire_story.html").read_text()
    ingest_html.delay(html)
    events(redis_client, settings.stream, 1)
    edited = html.replace("twelve night bus routes", "fourteen night bus routes")
    ingest_html.delay(edited)
    created, updated = events(redis_client, settings.stream, 2)
    assert created["data"]["id"] == updated["data"]["id"]
    assert updated["type"] == "dev.newsworker.article.updated.v2"
    ingest_html.delay(edited)
    wait_for_task_count(redis_client, settings, 3)
    assert redis_client.xlen(settings.stream) == 2


def wait_for_task_count(redis_client, settings, count: int) -> None:
    """Tasks leave a trace only when they publish; wait for the worker to drain the queue instead."""
    import time

    deadline = time.monotonic() + 30
    queue = settings.queue
    while time.monotonic() < deadline:
        if redis_client.llen(queue) == 0 and not redis_client.hlen("unacked"):
            break
        time.sleep(0.05)
    settle()


@pytest.mark.parametrize(
    ("content", "encoding", "reason"),
    [
        ("", "text", "empty"),
        ("   \n\t  ", "text", "empty"),
        (base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(200)).decode(), "base64", "binary"),
        (base64.b64encode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").decode(), "base64", "binary"),
        ("<html><body><script>var a = 1;</script></body></html>", "text", "not_article"),
        ("not base64 at all !!!", "base64", "undecodable"),
    ],
)
def test_bad_document_gives_one_dead_letter_with_its_reason(
    settings, redis_client, content, encoding, reason
):
    ingest_document.delay(content, content_encoding=encoding)
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == reason
    assert letter["task"] == "worker.tasks.ingest_document"
    assert letter["error"]
    assert redis_client.xlen(settings.stream) == 0


def test_document_over_the_size_cap_is_dead_lettered_as_too_large(settings, redis_client):
    huge = "<p>" + "word " * (settings.parse.max_document_bytes // 5 + 10) + "</p>"
    ingest_html.delay(huge)
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == "too_large"
    assert int(letter["input_bytes"]) > 1024 >= len(letter["input"].encode())


def test_url_with_forbidden_scheme_is_dead_lettered_as_refused(settings, redis_client):
    ingest_url.delay("file:///etc/passwd")
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == "fetch_refused"
    assert letter["source"] == "file:///etc/passwd"


def test_missing_page_is_dead_lettered_without_retry(settings, redis_client, page_server):
    ingest_url.delay(page_server.url("/missing"))
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == "http_status"
    assert len(page_server.requests("/missing")) == 1


def test_failing_server_is_retried_then_dead_lettered(settings, redis_client, page_server):
    ingest_url.delay(page_server.url("/broken"))
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=60)
    assert letter["reason"] == "http_status"
    assert "500" in letter["error"]
    assert len(page_server.requests("/broken")) == settings.max_retries + 1


def test_event_data_that_breaks_the_schema_is_dead_lettered(settings, redis_client):
    ingest_html.delay((FIXTURES / "wire_story.html").read_text(), url="not-an-absolute-url")
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == "schema_violation"
    assert "url" in letter["error"]
