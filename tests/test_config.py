"""Settings come from the environment once, with sane defaults and clear errors."""

from __future__ import annotations

import pytest

from worker.config import ConfigError, Settings, mask_url_password


def test_defaults_need_no_environment():
    settings = Settings.from_env({})
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert not settings.redis_url_explicit
    assert settings.stream == "newsworker:articles"
    assert settings.dead_letter_stream == "newsworker:dead-letter"
    assert settings.stream_maxlen == 0
    assert not settings.allow_private_networks


def test_key_prefix_moves_every_default_key():
    settings = Settings.from_env({"NEWSWORKER_KEY_PREFIX": "acme:"})
    assert settings.stream == "acme:articles"
    assert settings.key("seen", "x") == "acme:seen:x"


def test_limits_are_read_into_their_own_objects():
    settings = Settings.from_env(
        {"NEWSWORKER_FETCH_MAX_BYTES": "1000", "NEWSWORKER_FETCH_MAX_REDIRECTS": "2"}
    )
    assert settings.fetch.max_bytes == 1000
    assert settings.fetch.max_redirects == 2


def test_wrong_number_is_a_config_error_naming_the_variable():
    with pytest.raises(ConfigError, match="NEWSWORKER_FETCH_TIMEOUT_S"):
        Settings.from_env({"NEWSWORKER_FETCH_TIMEOUT_S": "soon"})


def test_wrong_boolean_is_a_config_error():
    with pytest.raises(ConfigError, match="NEWSWORKER_ALLOW_PRIVATE_NETWORKS"):
        Settings.from_env({"NEWSWORKER_ALLOW_PRIVATE_NETWORKS": "perhaps"})


def test_redis_password_is_masked_in_repr():
    settings = Settings.from_env({"REDIS_URL": "redis://user:hunter2@cache.example:6379/1"})
    assert "hunter2" not in repr(settings)
    assert "user:***@cache.example:6379" in repr(settings)
    assert settings.redis_url_explicit


def test_url_without_password_is_shown_as_is():
    assert mask_url_password("redis://cache:6379/0") == "redis://cache:6379/0"


def test_consumer_settings_default_to_five_minutes_idle_and_a_rejected_stream_under_the_prefix():
    settings = Settings.from_env({"NEWSWORKER_KEY_PREFIX": "acme:"})
    assert settings.claim_idle_ms == 5 * 60 * 1000
    assert settings.rejected_stream == "acme:rejected"
    assert settings.rejected_maxlen == 10_000


def test_claim_idle_time_and_rejected_bound_are_read_from_the_environment():
    settings = Settings.from_env({"NEWSWORKER_CLAIM_IDLE_MS": "1500", "NEWSWORKER_REJECTED_MAXLEN": "50"})
    assert (settings.claim_idle_ms, settings.rejected_maxlen) == (1500, 50)
