"""Shared fixtures: the real Redis on this machine (database 15, a key prefix of the session's own),
or an embedded real Redis when none answers; and a real Celery worker thread on that broker."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import redis

from tests.feed_server import FeedServer
from worker.config import Settings
from worker.connections import redis_is_up
from worker.embedded import EmbeddedRedis

FIXTURES = Path(__file__).parent / "fixtures"
DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get("NEWSWORKER_TEST_REDIS_URL", DEFAULT_TEST_REDIS_URL)
    if redis_is_up(url):
        yield url
        return
    with EmbeddedRedis() as server:
        yield server.url


@pytest.fixture(scope="session")
def session_settings(redis_url: str) -> Settings:
    prefix = f"nwtest:{uuid.uuid4().hex[:8]}:"
    return replace(
        Settings(),
        redis_url=redis_url,
        redis_url_explicit=True,
        key_prefix=prefix,
        stream=prefix + "articles",
        dead_letter_stream=prefix + "dead-letter",
        rejected_stream=prefix + "rejected",
        allow_private_networks=True,
        queue=prefix + "queue",
        host_min_interval_s=0.0,
        max_retries=2,
        retry_backoff_s=0.1,
    )


def delete_prefix(client: redis.Redis, prefix: str) -> None:
    keys = list(client.scan_iter(match=prefix + "*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture
def settings(session_settings: Settings) -> Iterator[Settings]:
    """Session settings on an empty stream: every test starts with no events and no dedup records."""
    client = redis.Redis.from_url(session_settings.redis_url)
    delete_prefix(client, session_settings.key_prefix)
    yield session_settings
    delete_prefix(client, session_settings.key_prefix)
    client.close()


@pytest.fixture
def redis_client(settings: Settings) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    yield client
    client.close()


@pytest.fixture(scope="session")
def celery_app_configured(session_settings: Settings):
    from worker.celery_app import app, apply_settings

    apply_settings(app, session_settings)
    return app


@pytest.fixture(scope="session")
def celery_worker(celery_app_configured, session_settings):
    """A real worker consuming from the real Redis broker, in a thread of the test process."""
    from celery.contrib.testing.worker import start_worker

    import worker.tasks  # noqa: F401  (registers the tasks)

    with start_worker(
        celery_app_configured,
        pool="threads",
        concurrency=2,
        perform_ping_check=False,
        shutdown_timeout=30,
        queues=[session_settings.queue],
    ) as running:
        yield running


@pytest.fixture
def page_server() -> Iterator[FeedServer]:
    """A loopback server with an article page, a 404 and a 500."""
    server = FeedServer()
    server.route("/news/night-bus", (FIXTURES / "wire_story.html").read_bytes(), "text/html; charset=utf-8")
    server.route("/missing", "<h1>Not found</h1>", "text/html", status=404)
    server.route("/broken", "<h1>Server error</h1>", "text/html", status=500)
    yield server
    server.close()
