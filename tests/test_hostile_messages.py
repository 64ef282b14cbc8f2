"""Hostile producers: whatever lands in the queue's Redis list ends as one event or one dead letter,
and the worker keeps consuming. Messages are pushed raw, in kombu's Redis envelope, as a producer
that does not use Celery (or means harm) would write them."""

from __future__ import annotations

import base64
import json
import pickle
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis

from tests.conftest import FIXTURES
from tests.helpers import prefork_worker_running, wait_for_entries
from tests.redis_servers import WorkerProcess, worker_environment
from worker.config import Settings
from worker.task_messages import task_schema

GOOD_TEXT = (FIXTURES / "wire_story.txt").read_text()
PACKAGE_TASK_SCHEMAS = Path(__file__).resolve().parent.parent / "worker" / "schemas" / "tasks"


def task_envelope(
    task: Any,
    args: Any = (),
    kwargs: Any = None,
    *,
    body: bytes | None = None,
    content_type: str = "application/json",
    routing_key: str = "",
    **headers: Any,
) -> dict[str, Any]:
    """The envelope `app.send_task` writes (read back with LRANGE), with any part replaceable."""
    task_id = str(uuid.uuid4())
    if body is None:
        embed = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}
        body = json.dumps([list(args), kwargs or {}, embed]).encode()
    return {
        "body": base64.b64encode(body).decode(),
        "content-encoding": "utf-8",
        "content-type": content_type,
        "headers": {
            "lang": "py",
            "task": task,
            "id": task_id,
            "eta": None,
            "expires": None,
            "retries": 0,
            "timelimit": [None, None],
            "root_id": task_id,
            "parent_id": None,
            "ignore_result": True,
            **headers,
        },
        "properties": {
            "correlation_id": task_id,
            "delivery_mode": 2,
            "delivery_info": {"exchange": "", "routing_key": routing_key},
            "priority": 0,
            "body_encoding": "base64",
            "delivery_tag": str(uuid.uuid4()),
        },
    }


def without(envelope: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in envelope.items() if k != key}


class Pwned:
    """Unpickling this would create a file: proof that a pickled body is never loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple:
        return (Path.touch, (self.path,))


PWNED = Path(f"/tmp/newsworker-pwned-{uuid.uuid4().hex[:8]}")
HTML = "worker.tasks.ingest_html"


@dataclass(frozen=True)
class Poison:
    """A malformed queue entry and the dead-letter reason it must give."""

    name: str
    entry: Callable[[], bytes | str | dict[str, Any]]
    reason: str


POISON = [
    Poison("body_object", lambda: task_envelope(HTML, body=b'{"a": 1}'), "bad_message"),
    Poison("body_one_element_list", lambda: task_envelope(HTML, body=b"[1]"), "bad_message"),
    Poison("body_null", lambda: task_envelope(HTML, body=b"null"), "bad_message"),
    Poison("body_not_json", lambda: task_envelope(HTML, body=b"<html>not json"), "bad_message"),
    Poison("body_invalid_utf8", lambda: task_envelope(HTML, body=b'[["\xff\xfe"], {}, {}]'), "bad_message"),
    Poison("entry_not_json", lambda: "hello, worker", "bad_message"),
    Poison("entry_invalid_utf8", lambda: b"\xff\xfe\xfd", "bad_message"),
    Poison("entry_json_list", lambda: json.dumps([1, 2, 3]), "bad_message"),
    Poison(
        "entry_without_properties",
        lambda: without(task_envelope(HTML, ["<p>x</p>"]), "properties"),
        "bad_message",
    ),
    Poison(
        "entry_without_headers", lambda: without(task_envelope(HTML, ["<p>x</p>"]), "headers"), "bad_message"
    ),
    Poison(
        "body_not_base64",
        lambda: {**task_envelope(HTML, ["<p>x</p>"]), "body": "%%% not base64"},
        "bad_message",
    ),
    Poison(
        "timelimit_not_a_pair", lambda: task_envelope(HTML, ["<p>x</p>"], timelimit="soon"), "bad_message"
    ),
    Poison("timelimit_one_number", lambda: task_envelope(HTML, ["<p>x</p>"], timelimit=[5]), "bad_message"),
    Poison("eta_not_a_time", lambda: task_envelope(HTML, ["<p>x</p>"], eta="tomorrow"), "bad_message"),
    Poison("expires_not_a_time", lambda: task_envelope(HTML, ["<p>x</p>"], expires={"in": 5}), "bad_message"),
    Poison(
        "stamped_headers_not_a_list",
        lambda: task_envelope(HTML, ["<p>x</p>"], stamped_headers=5),
        "bad_message",
    ),
    Poison(
        "group_index_not_a_count", lambda: task_envelope(HTML, ["<p>x</p>"], group_index="a"), "bad_message"
    ),
    Poison("id_missing", lambda: task_envelope(HTML, ["<p>x</p>"], id=None), "bad_message"),
    Poison(
        "pickle_content",
        lambda: task_envelope(
            HTML, body=pickle.dumps(([Pwned(PWNED)], {}, {})), content_type="application/x-python-serialize"
        ),
        "bad_message",
    ),
    Poison(
        "yaml_content",
        lambda: task_envelope(
            HTML,
            body=b"- [!!python/object/apply:os.getpid []]\n- {}\n- {}\n",
            content_type="application/x-yaml",
        ),
        "bad_message",
    ),
    Poison(
        "workflow_callback",
        lambda: task_envelope(
            HTML, body=json.dumps([["<p>x</p>"], {}, {"callbacks": [{"task": "celery.ping"}]}]).encode()
        ),
        "bad_message",
    ),
    Poison("unknown_task", lambda: task_envelope("worker.tasks.format_disk", ["/"]), "unknown_task"),
    Poison("null_task_name", lambda: task_envelope(None, ["<p>x</p>"]), "unknown_task"),
    Poison("celery_builtin_task", lambda: task_envelope("celery.ping"), "unknown_task"),
    Poison("html_not_a_string", lambda: task_envelope(HTML, [12345]), "bad_arguments"),
    Poison("url_missing", lambda: task_envelope("worker.tasks.ingest_url"), "bad_arguments"),
    Poison(
        "extra_positional", lambda: task_envelope(HTML, ["<p>x</p>", None, None, "extra"]), "bad_arguments"
    ),
    Poison(
        "unknown_keyword", lambda: task_envelope(HTML, ["<p>x</p>"], {"shell": "rm -rf /"}), "bad_arguments"
    ),
    Poison(
        "kind_bogus",
        lambda: task_envelope("worker.tasks.ingest_document", ["<p>x</p>"], {"kind": "bogus"}),
        "bad_arguments",
    ),
    Poison(
        "content_not_a_string",
        lambda: task_envelope("worker.tasks.ingest_document", [{"html": "<p>x</p>"}]),
        "bad_arguments",
    ),
    Poison(
        "source_kind_bogus",
        lambda: task_envelope(HTML, ["<p>x</p>"], {"source": {"kind": "telepathy"}}),
        "bad_arguments",
    ),
    Poison(
        "poll_url_not_absolute",
        lambda: task_envelope("worker.feed_tasks.poll_source", ["feed.xml"]),
        "bad_arguments",
    ),
]


def raw_entry(entry: bytes | str | dict[str, Any], queue: str) -> bytes | str:
    if isinstance(entry, dict):
        if isinstance(entry.get("properties"), dict):
            entry["properties"]["delivery_info"]["routing_key"] = queue
        return json.dumps(entry)
    return entry


def push(client: redis.Redis, queue: str, entry: bytes | str | dict[str, Any]) -> None:
    """What a producer does: LPUSH onto the queue's list (kombu reads it with BRPOP)."""
    client.lpush(queue, raw_entry(entry, queue))


def good_entry() -> dict[str, Any]:
    return task_envelope("worker.tasks.ingest_text", [GOOD_TEXT])


@pytest.fixture
def broker(settings: Settings, celery_worker) -> Iterator[redis.Redis]:
    """The test Redis as raw bytes, with the shared thread-pool worker consuming its queue."""
    client = redis.Redis.from_url(settings.redis_url)
    yield client
    client.close()


def _dead_letters(client: redis.Redis, stream: str) -> list[dict[str, str]]:
    return [{k.decode(): v.decode() for k, v in fields.items()} for _id, fields in client.xrange(stream)]


@pytest.mark.parametrize("poison", POISON, ids=[p.name for p in POISON])
def test_malformed_message_gives_one_dead_letter_and_the_worker_goes_on(broker, settings, poison):
    push(broker, settings.queue, poison.entry())
    push(broker, settings.queue, good_entry())  # read after the poison: its event proves the worker lives
    wait_for_entries(broker, settings.stream, 1)
    letters = _dead_letters(broker, settings.dead_letter_stream)
    assert [letter["reason"] for letter in letters] == [poison.reason]
    assert letters[0]["error"] and letters[0]["input"]
    assert broker.llen(settings.queue) == 0


def test_pickled_body_is_never_unpickled(broker, settings):
    push(
        broker,
        settings.queue,
        task_envelope(HTML, body=pickle.dumps(Pwned(PWNED)), content_type="application/x-python-serialize"),
    )
    push(broker, settings.queue, good_entry())
    wait_for_entries(broker, settings.stream, 1)
    assert not PWNED.exists()


def test_dead_letter_of_a_message_names_its_task_and_carries_its_body(broker, settings):
    push(broker, settings.queue, task_envelope(HTML, [12345]))
    [letter] = wait_for_entries(broker, settings.dead_letter_stream, 1)
    assert letter["task"] == HTML
    assert "12345" in letter["input"] and "html" in letter["error"]


def test_entry_that_is_not_an_envelope_is_kept_in_its_dead_letter(broker, settings):
    push(broker, settings.queue, "hello, worker")
    [letter] = wait_for_entries(broker, settings.dead_letter_stream, 1)
    assert (letter["reason"], letter["input"], letter["task"]) == ("bad_message", "hello, worker", "message")


def test_same_poison_message_delivered_twice_gives_one_dead_letter(broker, settings):
    entry = raw_entry(task_envelope(HTML, body=b"[1]"), settings.queue)
    push(broker, settings.queue, entry)
    push(broker, settings.queue, entry)
    push(broker, settings.queue, good_entry())
    wait_for_entries(broker, settings.stream, 1)
    assert broker.xlen(settings.dead_letter_stream) == 1


def test_poison_message_is_not_left_unacknowledged(broker, settings):
    envelope = task_envelope(HTML, body=b'{"a": 1}')
    push(broker, settings.queue, envelope)
    push(broker, settings.queue, good_entry())
    wait_for_entries(broker, settings.stream, 1)
    assert not broker.hexists("unacked", envelope["properties"]["delivery_tag"])


def test_well_formed_raw_message_with_keyword_arguments_is_ingested(broker, settings):
    push(
        broker,
        settings.queue,
        task_envelope("worker.tasks.ingest_text", [], {"text": GOOD_TEXT, "url": None}),
    )
    wait_for_entries(broker, settings.stream, 1)
    assert broker.xlen(settings.dead_letter_stream) == 0


@pytest.mark.parametrize(
    "task",
    [
        "worker.tasks.ingest_url",
        "worker.tasks.ingest_html",
        "worker.tasks.ingest_text",
        "worker.tasks.ingest_document",
        "worker.feed_tasks.poll_source",
        "worker.feed_tasks.schedule_due_sources",
    ],
)
def test_every_task_schema_lists_its_parameters_in_positional_order(celery_app_configured, task):
    import inspect

    import worker.feed_tasks  # noqa: F401  (registers the feed tasks)

    parameters = list(inspect.signature(celery_app_configured.tasks[task].run).parameters)
    assert list(task_schema(task)["properties"]) == parameters


def test_every_registered_newsworker_task_has_an_argument_schema(celery_app_configured):
    import worker.feed_tasks  # noqa: F401

    ours = sorted(name for name in celery_app_configured.tasks if name.startswith("worker."))
    assert ours == sorted(p.stem for p in PACKAGE_TASK_SCHEMAS.glob("*.json"))


# --- a real `celery worker` process (prefork): the bug was a process exit -------------------------


@pytest.fixture
def prefork_worker(redis_url: str, tmp_path: Path) -> Iterator[tuple[WorkerProcess, Settings, redis.Redis]]:
    prefix = f"nwtest:{uuid.uuid4().hex[:8]}:"
    with prefork_worker_running(
        worker_environment(redis_url, prefix), tmp_path / "worker.log", redis_url, prefix
    ) as running:
        yield running


def test_prefork_worker_survives_a_batch_of_poison_messages(prefork_worker, tmp_path):
    worker, settings, client = prefork_worker
    for poison in POISON:
        push(client, settings.queue, poison.entry())
    push(client, settings.queue, good_entry())
    wait_for_entries(client, settings.stream, 1, timeout_s=120)
    letters = _dead_letters(client, settings.dead_letter_stream)
    assert sorted(letter["reason"] for letter in letters) == sorted(p.reason for p in POISON)
    assert worker.alive, worker.log()[-3000:]
