"""`newsworker status`: the operator's screen and the healthcheck's exit code, against real Redis
servers and a real worker."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
import redis
from celery import Celery

from worker.celery_app import celery_config
from worker.cli import main
from worker.config import Settings
from worker.connections import redis_is_up
from worker.embedded import free_port
from worker.errors import DeadLetterReason
from worker.publish import DeadLetter, publish_dead_letter
from worker.status import ping_workers


def use_settings(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    """`newsworker` reads its settings from the environment, as a healthcheck's command does."""
    for name in list(os.environ):
        if name.startswith("NEWSWORKER_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("REDIS_URL", settings.redis_url)
    monkeypatch.setenv("NEWSWORKER_KEY_PREFIX", settings.key_prefix)
    monkeypatch.setenv("NEWSWORKER_QUEUE", settings.queue)


@pytest.fixture(scope="module")
def lone_redis(tmp_path_factory) -> Iterator[str]:
    """A Redis 7 of this module's own (XINFO GROUPS reports lag from 7.0), where no worker of any
    test session listens."""
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    args = ["/usr/bin/redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
    server = subprocess.Popen([*args, "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while not redis_is_up(url) and time.monotonic() < deadline:
        time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def lone_settings(session_settings: Settings, lone_redis: str) -> Iterator[Settings]:
    settings = replace(session_settings, redis_url=lone_redis)
    yield settings
    redis.Redis.from_url(lone_redis).flushdb()


@pytest.mark.usefixtures("celery_worker")
def test_status_exits_0_and_names_the_worker_that_answers(monkeypatch, settings, capsys):
    use_settings(monkeypatch, settings)
    assert main(["status", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert f"gen{os.getpid()}@" in out  # the name of this session's worker (celery's anon_nodename)


@pytest.mark.usefixtures("celery_worker")
def test_status_with_worker_names_only_the_named_worker_counts(monkeypatch, settings, capsys):
    use_settings(monkeypatch, settings)
    this_worker = next(n for n in ping_workers(settings, 2.0) if n.startswith(f"gen{os.getpid()}@"))
    assert main(["status", "--timeout", "2", "--worker", this_worker]) == 0
    assert main(["status", "--timeout", "0.5", "--worker", "nobody@nowhere"]) == 1
    assert "workers answering: 0" in capsys.readouterr().out


def test_status_exits_1_when_no_worker_answers(monkeypatch, lone_settings, capsys):
    use_settings(monkeypatch, lone_settings)
    assert main(["status", "--timeout", "0.5"]) == 1
    assert "workers answering: 0" in capsys.readouterr().out


def test_status_exits_3_when_redis_does_not_answer(monkeypatch, settings, capsys):
    use_settings(monkeypatch, replace(settings, redis_url=f"redis://127.0.0.1:{free_port()}/0"))
    assert main(["status"]) == 3
    assert "is not reachable" in capsys.readouterr().err


def test_status_help_documents_its_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["status", "--help"])
    out = capsys.readouterr().out
    for line in ("0    ok: a worker answered", "1    no worker answered", "3    Redis unreachable"):
        assert line in out


def test_status_prints_queue_depth_stream_lengths_lag_and_recent_dead_letters_by_reason(
    monkeypatch, lone_settings, capsys
):
    settings = lone_settings
    client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    producer = Celery("newsworker-test-producer", set_as_current=False)
    producer.conf.update(celery_config(settings))
    for text in ("one", "two"):
        producer.send_task("worker.tasks.ingest_text", args=[text], queue=settings.queue)
    producer.close()
    for n in range(3):
        client.xadd(settings.stream, {"event": str(n)})
    client.xgroup_create(settings.stream, "search-indexer", id="0")
    client.xreadgroup("search-indexer", "indexer-1", {settings.stream: ">"}, count=1)
    two_hours_ago_ms = int((time.time() - 7200) * 1000)
    client.xadd(settings.dead_letter_stream, {"reason": "empty"}, id=f"{two_hours_ago_ms}-0")
    for reason in (DeadLetterReason.FETCH_FAILED, DeadLetterReason.FETCH_FAILED, DeadLetterReason.EMPTY):
        letter = DeadLetter(reason=reason, error="x", task="t", source="s", input="i")
        publish_dead_letter(client, settings, letter)
    use_settings(monkeypatch, settings)

    main(["status", "--timeout", "0.5"])

    out = capsys.readouterr().out
    assert f"queue {settings.queue}: 2 waiting" in out
    assert f"{settings.stream}     3 entries" in out
    assert f"{settings.dead_letter_stream}  4 entries" in out
    assert f"{settings.stream} search-indexer: lag 2, pending 1, consumers 1" in out
    assert "dead letters in the last hour: 3\n  fetch_failed: 2\n  empty: 1" in out


def _send_without_a_queue(settings: Settings, *texts: str) -> None:
    """What a plain-Celery producer that names no queue does: its tasks land in `celery`."""
    producer = Celery("plain-producer", broker=settings.redis_url, set_as_current=False)
    for text in texts:
        producer.send_task("worker.tasks.ingest_text", args=[text])
    producer.close()


def test_status_counts_the_default_celery_queue_the_workers_also_read(monkeypatch, lone_settings, capsys):
    settings = lone_settings
    _send_without_a_queue(settings, "one", "two", "three")
    use_settings(monkeypatch, settings)

    main(["status", "--timeout", "0.5"])

    out = capsys.readouterr().out
    assert f"queue {settings.queue}: 0 waiting\nqueue celery: 3 waiting" in out


def test_status_leaves_out_the_celery_queue_when_workers_do_not_read_it(monkeypatch, lone_settings, capsys):
    _send_without_a_queue(lone_settings, "one")
    use_settings(monkeypatch, lone_settings)
    monkeypatch.setenv("NEWSWORKER_CONSUME_CELERY_QUEUE", "false")

    main(["status", "--timeout", "0.5"])

    out = capsys.readouterr().out
    assert f"queue {lone_settings.queue}: 0 waiting" in out and "queue celery" not in out
