"""On a machine with no Redis, `newsworker run` starts one, and the other commands find it with no
configuration: each command runs in a network namespace of the test's own (`unshare -n`), where
nothing listens on 127.0.0.1:6379, under a fresh HOME with no REDIS_URL and no NEWSWORKER_* variable.
They run in a folder holding a decoy `worker/` package that fails on import, as a source checkout or
an image's /app would shadow the installed package if anything imported from the working directory."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "worker" / "samples" / "harbour_wind_farm.txt"
NEWSWORKER = str(Path(sys.executable).parent / "newsworker")
COMMAND_TIMEOUT_S = 120


def _namespaces_work() -> bool:
    if not (shutil.which("unshare") and shutil.which("nsenter") and shutil.which("ip")):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _namespaces_work(), reason="needs unshare -n (root, util-linux, iproute2)"),
]


class NoRedisMachine:
    """A network namespace with only a loopback interface, kept alive by a sleeping process."""

    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.tmp = root / "tmp"
        self.home.mkdir()
        self.tmp.mkdir()
        self.logs = root / "logs"
        self.logs.mkdir()
        self.cwd = root / "checkout"
        (self.cwd / "worker").mkdir(parents=True)
        (self.cwd / "worker" / "__init__.py").write_text(
            'raise ImportError("the decoy worker/ was imported")\n'
        )
        self.holder = subprocess.Popen(["unshare", "-n", "sleep", "600"])
        own = os.readlink("/proc/self/ns/net")
        while os.readlink(f"/proc/{self.holder.pid}/ns/net") == own:
            time.sleep(0.01)
        subprocess.run(self.enter(["ip", "link", "set", "lo", "up"]), check=True)

    @property
    def state_dir(self) -> Path:
        return self.home / ".local" / "state" / "newsworker"

    @property
    def runtime_file(self) -> Path:
        return self.state_dir / "embedded-redis.url"

    def enter(self, command: list[str]) -> list[str]:
        return ["nsenter", f"--net=/proc/{self.holder.pid}/ns/net", "--", *command]

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL" and not k.startswith("NEWSWORKER_")}
        env.pop("XDG_STATE_HOME", None)
        env.update(HOME=str(self.home), TMPDIR=str(self.tmp))
        return env

    def newsworker(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            self.enter([NEWSWORKER, *args]),
            env=self.environment(),
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
        )

    def start_run(self, name: str) -> subprocess.Popen:
        """`newsworker run` (worker and beat), ready once its runtime file names its Redis."""
        log = (self.logs / f"{name}.log").open("w")
        process = subprocess.Popen(
            self.enter([NEWSWORKER, "run", "--concurrency", "1"]),
            env=self.environment(),
            cwd=self.cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + COMMAND_TIMEOUT_S
        while not self.runtime_file.exists():
            assert process.poll() is None, (self.logs / f"{name}.log").read_text()
            assert time.monotonic() < deadline, "newsworker run never advertised its Redis"
            time.sleep(0.1)
        return process

    def stop_run(self, process: subprocess.Popen) -> int:
        """Ctrl-C: the worker shuts down warm, then the embedded Redis; `run` exits 130 (128 + SIGINT)."""
        process.send_signal(signal.SIGINT)
        return process.wait(timeout=COMMAND_TIMEOUT_S)

    def close(self) -> None:
        self.holder.kill()
        self.holder.wait()


@pytest.fixture
def machine(tmp_path: Path) -> Iterator[NoRedisMachine]:
    machine = NoRedisMachine(tmp_path)
    yield machine
    machine.close()


def test_submit_and_tail_find_the_embedded_redis_of_run_and_a_restart_keeps_the_data(machine):
    assert "is not reachable" in machine.newsworker("tail", "--count", "1").stderr

    run = machine.start_run("first")
    try:
        submitted = machine.newsworker("submit", str(SAMPLE))
        assert submitted.returncode == 0, submitted.stderr
        tailed = machine.newsworker("tail", "--count", "1", "--follow", "--compact")
        assert tailed.returncode == 0, tailed.stderr
    finally:
        assert machine.stop_run(run) == 130
    event = json.loads(tailed.stdout)
    assert event["type"] == "dev.newsworker.article.created.v2"
    assert not machine.runtime_file.exists()
    assert (machine.state_dir / "beat-schedule").exists() or list(machine.state_dir.glob("beat-schedule*"))
    assert list(machine.tmp.iterdir()) == []

    run = machine.start_run("second")
    try:
        again = machine.newsworker("tail", "--group", "after-restart", "--count", "1", "--compact")
    finally:
        assert machine.stop_run(run) == 130
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["id"] == event["id"]
