"""A Redis with `requirepass` and a least-privilege user, given exactly the ACL line the README
documents: a real worker (with beat, gossip, mingle and heartbeats) and `newsworker submit` publish
an event as that user. A malformed REDIS_URL is one line and exit 2, for newsworker and for celery."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import wait_for_entries
from tests.redis_servers import FIXTURES, RedisServer, WorkerProcess, require_redis_7, worker_environment

README = Path(__file__).parent.parent / "README.md"
USER_PASSWORD = "least-privilege-pw"
ADMIN_PASSWORD = "admin-pw"


def documented_acl_rules() -> list[str]:
    """The rules of the README's `ACL SETUSER newsworker on >PASSWORD ...` line."""
    match = re.search(r"^ACL SETUSER newsworker on >PASSWORD (.+)$", README.read_text(), re.MULTILINE)
    assert match, "the README no longer documents the ACL line"
    return match.group(1).split()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RedisServer]:
    require_redis_7()
    running = RedisServer(tmp_path, password=ADMIN_PASSWORD).start()
    running.admin().execute_command(
        "ACL", "SETUSER", "newsworker", "on", f">{USER_PASSWORD}", *documented_acl_rules()
    )
    yield running
    running.stop()


def _user_environment(server: RedisServer) -> dict[str, str]:
    """The deployment's defaults (prefix `newsworker:`, queue `newsworker`), which the ACL line fits."""
    url = f"redis://newsworker:{USER_PASSWORD}@127.0.0.1:{server.port}/0"
    env = worker_environment(url, prefix="newsworker:", NEWSWORKER_QUEUE="newsworker")
    for name in ("NEWSWORKER_KEY_PREFIX", "NEWSWORKER_STREAM", "NEWSWORKER_DEAD_LETTER_STREAM"):
        env.pop(name)
    return env


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "worker.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_worker_and_submit_publish_as_the_documented_least_privilege_user(server, tmp_path):
    env = _user_environment(server)
    worker = WorkerProcess(env, tmp_path / "worker.log", ["--beat", "--schedule", str(tmp_path / "beat")])
    try:
        worker.start()
        submitted = _cli("submit", str(FIXTURES / "wire_story.html"), env=env)
        assert submitted.returncode == 0, submitted.stderr
        [entry] = wait_for_entries(server.admin(), "newsworker:articles", 1, timeout_s=45)
        assert "wire_story.html" in entry["event"]
        assert "NOPERM" not in worker.log() and "NOPERM" not in submitted.stderr
        assert worker.alive
    finally:
        worker.stop()


def test_user_without_the_acl_line_is_refused(server):
    """The check above means something: a user with no key patterns cannot queue a task."""
    server.admin().execute_command("ACL", "SETUSER", "nobody", "on", ">pw", "+@all")
    env = _user_environment(server)
    env["REDIS_URL"] = f"redis://nobody:pw@127.0.0.1:{server.port}/0"
    result = _cli("submit", str(FIXTURES / "wire_story.html"), env=env)
    assert result.returncode != 0
    assert "no permissions" in result.stderr, result.stderr


MALFORMED = "redis://newsworker:pa#ss?w/rd@127.0.0.1:6379/0"


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "worker.cli", "submit", "page.html"],
        [sys.executable, "-m", "worker.cli", "run", "--no-beat"],
        [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "--loglevel", "WARNING"],
    ],
    ids=["submit", "run", "celery-worker"],
)
def test_malformed_redis_url_is_one_line_and_exit_2(command, tmp_path):
    env = worker_environment(MALFORMED)
    result = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "REDIS_URL=redis://newsworker:***@127.0.0.1:6379/0 is malformed" in lines[0]
    assert "pa#ss" not in result.stderr + result.stdout and "w/rd" not in result.stderr + result.stdout
