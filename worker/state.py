"""Where newsworker keeps its own files on this machine, and how the embedded Redis is found.

`newsworker run` on a machine without Redis starts one on a free port. It writes that server's URL to
a runtime file in the per-user state folder, so `submit`, `tail`, `sources`, `poll`, `celery inspect`
and Flower, all started later with no `REDIS_URL`, find it; the file is removed at shutdown, and a
stale one (its server gone after a crash) is ignored. The embedded Redis keeps its AOF under the same
folder, so its data survives a restart.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import redis

RUNTIME_FILE_NAME = "embedded-redis.url"
PING_TIMEOUT_S = 0.5


def default_state_dir(environ: Mapping[str, str]) -> str:
    """`$XDG_STATE_HOME/newsworker`, else `~/.local/state/newsworker` (the XDG base-directory default)."""
    xdg = environ.get("XDG_STATE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):
        return str(Path(xdg) / "newsworker")
    home = environ.get("HOME", "").strip() or str(Path.home())
    return str(Path(home) / ".local" / "state" / "newsworker")


def runtime_file(state_dir: str) -> Path:
    return Path(state_dir) / RUNTIME_FILE_NAME


def make_state_dir(state_dir: str) -> Path:
    """The folder, created private to the user (it holds the embedded Redis's data)."""
    path = Path(state_dir)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def advertise_redis_url(state_dir: str, url: str) -> Path:
    """Write the embedded Redis's URL where the other commands look (atomically: no half-written file)."""
    path = runtime_file(state_dir)
    make_state_dir(state_dir)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(url + "\n", encoding="utf-8")
    partial.replace(path)
    return path


def withdraw_redis_url(state_dir: str, url: str) -> None:
    """Remove the runtime file if it still names `url` (another `run` may have replaced it)."""
    path = runtime_file(state_dir)
    try:
        if path.read_text(encoding="utf-8").strip() == url:
            path.unlink()
    except FileNotFoundError:
        pass


def advertised_redis_url(state_dir: str) -> str | None:
    """The URL in the runtime file when its server answers; None when there is no file or it is stale."""
    try:
        url = runtime_file(state_dir).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return None
    if not url.startswith("redis://"):
        return None
    try:
        client = redis.Redis.from_url(
            url, socket_connect_timeout=PING_TIMEOUT_S, socket_timeout=PING_TIMEOUT_S
        )
        with client:
            return url if client.ping() else None
    except (redis.RedisError, OSError, ValueError):
        return None
