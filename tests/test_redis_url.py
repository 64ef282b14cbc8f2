"""REDIS_URL is checked once, in Settings.from_env: a malformed one is a ConfigError naming the problem,
with the password masked; a rediss:// URL gets verified TLS unless the opt-out says otherwise."""

from __future__ import annotations

import ssl

import pytest

from worker.config import ConfigError, Settings


def _problem(url: str) -> str:
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({"REDIS_URL": url})
    assert "s3cret" not in str(raised.value)
    return str(raised.value)


@pytest.mark.parametrize("char", ["#", "?", "/"])
def test_unencoded_character_in_the_password_is_named(char):
    message = _problem(f"redis://user:s3cret{char}tail@cache:6379/0")
    assert f"unencoded {char!r}" in message and "REDIS_URL=redis://user:***@cache:6379/0" in message


def test_port_that_is_not_a_number_is_named():
    assert "port" in _problem("redis://:s3cret@cache:63o9/0")


def test_database_that_is_not_a_number_is_named():
    assert "database" in _problem("redis://:s3cret@cache:6379/news")


def test_unknown_scheme_is_named():
    assert "scheme" in _problem("http://:s3cret@cache:6379/0")


def test_tls_options_in_the_url_point_to_the_settings():
    assert "NEWSWORKER_REDIS_TLS_CA_FILE" in _problem("rediss://:s3cret@cache:6379/0?ssl_cert_reqs=none")


def test_percent_encoded_password_is_accepted():
    settings = Settings.from_env({"REDIS_URL": "redis://user:s3cret%23%3F%2F@cache:6379/0"})
    assert settings.redis_url.endswith("@cache:6379/0")


def test_rediss_url_is_verified_by_default():
    tls = Settings.from_env({"REDIS_URL": "rediss://cache:6380/0"}).redis_tls
    assert tls["ssl_cert_reqs"] == ssl.CERT_REQUIRED and tls["ssl_check_hostname"]


def test_only_the_explicit_opt_out_turns_verification_off():
    env = {"REDIS_URL": "rediss://cache:6380/0", "NEWSWORKER_REDIS_TLS_INSECURE": "true"}
    assert Settings.from_env(env).redis_tls["ssl_cert_reqs"] == ssl.CERT_NONE


def test_plain_redis_url_has_no_tls_options():
    assert Settings.from_env({"REDIS_URL": "redis://cache:6379/0"}).redis_tls is None


def test_redis_url_given_on_the_command_line_is_checked_too():
    with pytest.raises(ConfigError, match="unencoded '#'"):
        Settings().with_redis_url("redis://:s3cret#x@cache:6379/0")
