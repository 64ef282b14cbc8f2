"""The worker `newsworker run` starts never outlives it: however `run` dies, its worker stops too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from worker.celery_app import RUN_PID_VARIABLE

WAIT_S = 60.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tie uses Linux's PR_SET_PDEATHSIG")
def test_worker_stops_when_newsworker_run_is_killed(settings, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_") and k != "REDIS_URL"}
    env.update(
        REDIS_URL=settings.redis_url,
        NEWSWORKER_KEY_PREFIX=settings.key_prefix,
        NEWSWORKER_QUEUE=settings.queue,
        NEWSWORKER_STATE_DIR=str(tmp_path / "state"),
    )
    log = (tmp_path / "run.log").open("w")
    run = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "run", "--no-beat", "--concurrency", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until(lambda: "ready." in (tmp_path / "run.log").read_text(), "the worker never got ready")
        [worker] = _children(run.pid)
        assert RUN_PID_VARIABLE + f"={run.pid}" in Path(f"/proc/{worker}/environ").read_text().replace(
            "\0", "\n"
        )
        run.send_signal(signal.SIGKILL)  # `run` gets no chance to stop its worker itself
        run.wait(timeout=10)
        _wait_until(lambda: not _alive(worker), "the worker outlived newsworker run")
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        log.close()
