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


def _start_run(settings, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_") and k != "REDIS_URL"}
    env.update(
        REDIS_URL=settings.redis_url,
        NEWSWORKER_KEY_PREFIX=settings.key_prefix,
        NEWSWORKER_QUEUE=settings.queue,
        NEWSWORKER_CONSUME_CELERY_QUEUE="false",  # the shared test Redis's `celery` list is not ours
        NEWSWORKER_STATE_DIR=str(tmp_path / "state"),
    )
    log_path = tmp_path / "run.log"
    with log_path.open("w") as log:
        run = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "run", "--no-beat", "--concurrency", "1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    _wait_until(lambda: "ready." in log_path.read_text(), "the worker never got ready")
    return run, log_path


@pytest.mark.parametrize(
    ("stop_signal", "status"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 143)],
    ids=["ctrl-c", "sigterm"],
)
def test_run_stopped_by_a_signal_exits_with_128_plus_that_signal_after_a_warm_shutdown(
    settings, tmp_path, stop_signal, status
):
    run, log_path = _start_run(settings, tmp_path)
    try:
        [worker] = _children(run.pid)
        run.send_signal(stop_signal)
        assert run.wait(timeout=WAIT_S) == status
        assert not _alive(worker)
        assert "warm shutdown" in log_path.read_text()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()


def test_run_whose_worker_stops_cleanly_by_itself_exits_0(settings, tmp_path):
    run, _log_path = _start_run(settings, tmp_path)
    try:
        [worker] = _children(run.pid)
        os.kill(worker, signal.SIGTERM)  # what `celery control shutdown` does: a warm shutdown, exit 0
        assert run.wait(timeout=WAIT_S) == 0
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()


def test_run_whose_worker_is_killed_exits_with_128_plus_the_signal(settings, tmp_path):
    run, _log_path = _start_run(settings, tmp_path)
    try:
        [worker] = _children(run.pid)
        os.kill(worker, signal.SIGKILL)  # as the kernel's OOM killer would
        assert run.wait(timeout=WAIT_S) == 137
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
