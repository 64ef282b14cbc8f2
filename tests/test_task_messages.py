"""The pure checks of a queued message (`worker.task_messages`): what Celery itself sends passes."""

from __future__ import annotations

import base64
import json
import uuid

import pytest
import redis

from worker.task_messages import read_envelope, read_task_message, task_message_problem, task_shapes


@pytest.fixture(scope="module")
def shapes(celery_app_configured):
    import worker.feed_tasks  # registers the feed tasks
    import worker.tasks  # noqa: F401

    return task_shapes({name: task.run for name, task in celery_app_configured.tasks.items()})


def celery_message(app, task: str, args: list, kwargs: dict, **options) -> tuple[dict, bytes]:
    message = app.amqp.as_task_v2(str(uuid.uuid4()), task, args=args, kwargs=kwargs, **options)
    return message.headers, json.dumps(list(message.body)).encode()


def test_message_celery_sends_with_countdown_expiry_and_time_limits_passes(celery_app_configured, shapes):
    headers, body = celery_message(
        celery_app_configured,
        "worker.tasks.ingest_html",
        ["<p>x</p>"],
        {"url": "https://example.com/a"},
        countdown=5,
        expires=60,
        time_limit=10,
        soft_time_limit=5,
    )
    assert task_message_problem(headers, "application/json", "utf-8", body, shapes) is None


def test_feed_entry_as_the_poller_queues_it_passes(celery_app_configured, shapes):
    hints = {"title": "Night bus", "published": "2025-03-04T08:00:00+00:00", "authors": ["Jane Doe"]}
    source = {"kind": "feed", "feed_url": "https://example.com/rss.xml"}
    kwargs = {"url": "https://example.com/news/night-bus", "hints": hints, "source": source}
    headers, body = celery_message(celery_app_configured, "worker.tasks.ingest_url", [], kwargs)
    assert task_message_problem(headers, "application/json", "utf-8", body, shapes) is None


def test_file_submitted_by_the_cli_passes(celery_app_configured, shapes):
    kwargs = {
        "kind": "html",
        "url": None,
        "content_encoding": "base64",
        "source": {"kind": "cli", "path": "a.html"},
    }
    headers, body = celery_message(
        celery_app_configured, "worker.tasks.ingest_document", ["PHA+eDwvcD4="], kwargs
    )
    assert task_message_problem(headers, "application/json", "utf-8", body, shapes) is None


def test_argument_problem_names_the_argument():
    from worker.celery_app import app

    headers, body = celery_message(app, "worker.tasks.ingest_document", ["x"], {"kind": "bogus"})
    problem = task_message_problem(
        headers,
        "application/json",
        "utf-8",
        body,
        task_shapes({"worker.tasks.ingest_document": app.tasks["worker.tasks.ingest_document"].run}),
    )
    assert problem is not None and problem.reason == "bad_arguments" and problem.error.startswith("kind:")


@pytest.mark.parametrize("entry", [b"", b"{}", b'{"properties": []}', b'"just a string"'])
def test_entry_that_kombu_cannot_read_is_refused(entry):
    envelope, problem = read_envelope(entry)
    assert envelope is None and problem.reason == "bad_message"


def _envelope(body: str, body_encoding: str | None) -> bytes:
    properties = {
        "delivery_tag": "tag-1",
        "delivery_info": {"exchange": "", "routing_key": "q"},
        "body_encoding": body_encoding,
    }
    return json.dumps({"properties": properties, "headers": {}, "body": body}).encode()


def test_base64_body_is_decoded_once_and_handed_on_as_its_text():
    body = '[["Grüße aus Köln"], {}, null]'
    encoded = base64.b64encode(body.encode("utf-8")).decode("ascii")
    envelope, problem = read_envelope(_envelope(encoded, "base64"))
    assert problem is None
    assert envelope["body"] == body
    assert envelope["properties"]["body_encoding"] is None


def test_base64_body_that_is_not_utf8_stays_base64_for_the_task_check_to_refuse():
    encoded = base64.b64encode(b"\xff\xfe pickled").decode("ascii")
    envelope, problem = read_envelope(_envelope(encoded, "base64"))
    assert problem is None and envelope["body"] == encoded


def test_body_that_is_not_base64_is_refused():
    envelope, problem = read_envelope(_envelope("not base64 at all!", "base64"))
    assert envelope is None and problem.reason == "bad_message" and "base64" in problem.error


def test_task_message_check_hands_on_the_body_it_decoded(celery_app_configured, shapes):
    headers, body = celery_message(celery_app_configured, "worker.tasks.ingest_text", ["A line."], {})
    decoded, problem = read_task_message(headers, "application/json", "utf-8", body, shapes)
    assert problem is None and decoded[0] == ["A line."]


def test_this_app_sends_its_task_bodies_as_json_text_not_base64(celery_app_configured, settings):
    client = redis.Redis.from_url(settings.redis_url)
    queue = settings.key("plain-body-queue")
    celery_app_configured.send_task("worker.tasks.ingest_text", args=["A line."], queue=queue)
    [entry] = client.lrange(queue, 0, -1)
    client.delete(queue)
    envelope = json.loads(entry)
    assert envelope["properties"]["body_encoding"] is None
    assert json.loads(envelope["body"])[0] == ["A line."]
