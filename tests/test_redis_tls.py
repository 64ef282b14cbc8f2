"""TLS to Redis is verified by default, for the stream client (redis-py) and the broker (kombu): an
unknown CA is refused; the CA named by NEWSWORKER_REDIS_TLS_CA_FILE is trusted; only
NEWSWORKER_REDIS_TLS_INSECURE=true skips the check. A throwaway CA and server certificate are made
with the openssl command, for a redis-server listening on TLS only."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from kombu.exceptions import OperationalError

from tests.certificates import make_certificates
from tests.redis_servers import RedisServer, producer, require_redis_7, worker_environment
from worker.config import Settings
from worker.connections import connect_redis

QUEUE = "tls:queue"


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[RedisServer]:
    require_redis_7()
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is not installed")
    make_certificates(tmp_path)
    args = ["--tls-cert-file", str(tmp_path / "server.crt"), "--tls-key-file", str(tmp_path / "server.key")]
    args += ["--tls-ca-cert-file", str(tmp_path / "ca.crt"), "--tls-auth-clients", "no"]
    server = RedisServer(tmp_path, extra_args=args, tls=True).start()
    yield server
    server.stop()


def _settings(server: RedisServer, **extra: str) -> Settings:
    return Settings.from_env(worker_environment(server.url, prefix="tls:", **extra))


def _send_one_task(settings: Settings) -> None:
    app = producer(settings)
    # kombu's default channel would otherwise retry a failing connection without end
    app.conf.broker_transport_options = {**app.conf.broker_transport_options, "max_retries": 1}
    app.send_task("worker.tasks.ingest_text", args=["An article."], queue=QUEUE, retry=False)


def test_stream_client_refuses_a_server_certificate_from_an_unknown_ca(tls_server):
    with pytest.raises(redis.ConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        connect_redis(_settings(tls_server)).ping()


def test_broker_refuses_a_server_certificate_from_an_unknown_ca(tls_server):
    with pytest.raises(OperationalError, match="CERTIFICATE_VERIFY_FAILED"):
        _send_one_task(_settings(tls_server))
    assert tls_server.admin().llen(QUEUE) == 0


def test_stream_client_and_broker_trust_the_configured_ca(tls_server, tmp_path):
    settings = _settings(tls_server, NEWSWORKER_REDIS_TLS_CA_FILE=str(tmp_path / "ca.crt"))
    assert connect_redis(settings).ping()
    _send_one_task(settings)
    assert tls_server.admin().llen(QUEUE) == 1


def test_explicit_opt_out_skips_the_certificate_check(tls_server):
    settings = _settings(tls_server, NEWSWORKER_REDIS_TLS_INSECURE="true")
    assert connect_redis(settings).ping()
    _send_one_task(settings)
    assert tls_server.admin().llen(QUEUE) == 1
