"""Small helpers for tests that wait on the real stream."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import redis


def wait_for_entries(client: redis.Redis, stream: str, count: int, timeout_s: float = 30.0) -> list[dict]:
    """The stream's entries once it holds at least `count` of them (fails after `timeout_s`)."""
    deadline = time.monotonic() + timeout_s
    while True:
        entries = client.xrange(stream)
        if len(entries) >= count or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(entries) >= count, f"{stream} holds {len(entries)} entries, expected {count}"
    return [{_s(k): _s(v) for k, v in fields.items()} for _id, fields in entries]


def events(client: redis.Redis, stream: str, count: int, timeout_s: float = 30.0) -> list[dict[str, Any]]:
    return [json.loads(entry["event"]) for entry in wait_for_entries(client, stream, count, timeout_s)]


def settle(seconds: float = 0.5) -> None:
    """Give a worker time to (wrongly) publish more, before asserting that it did not."""
    time.sleep(seconds)


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


@contextmanager
def prefork_worker_running(
    env: dict[str, str], log: Path, redis_url: str, prefix: str, *worker_args: str
) -> Iterator[tuple[Any, Any, redis.Redis]]:
    """A real `celery worker --pool prefork` with `env` (and `worker_args`), its settings and a client;
    stopped and its keys (`prefix`) deleted afterwards."""
    from tests.conftest import delete_prefix
    from tests.redis_servers import WorkerProcess

    running = WorkerProcess(env, log)
    running.extra_args = ["--pool", "prefork", "--without-gossip", "--without-mingle", *worker_args]
    client = redis.Redis.from_url(redis_url)
    try:
        yield running.start(), running.settings, client
    finally:
        running.stop()
        delete_prefix(client, prefix)
        client.close()
