"""Redis connections from settings: a plain URL (redis://, rediss://, unix://) or Sentinel.

Sentinel URLs use Celery's form, `sentinel://host:26379;sentinel://host2:26379/0`, with the
master's name in NEWSWORKER_SENTINEL_MASTER, so the broker and the stream writer agree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import redis
from redis.sentinel import Sentinel

from worker.config import Settings

SOCKET_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5.0


def connect_redis(settings: Settings) -> redis.Redis:
    """A client that retries a command once on a dropped connection and checks idle ones."""
    options = {
        "socket_timeout": SOCKET_TIMEOUT_S,
        "socket_connect_timeout": CONNECT_TIMEOUT_S,
        "health_check_interval": 10,
        "retry_on_timeout": True,
    }
    if settings.redis_url.startswith("sentinel://"):
        return _sentinel_master(settings, options)
    return redis.Redis.from_url(settings.redis_url, **options, **(settings.redis_tls or {}))


def _sentinel_master(settings: Settings, options: dict) -> redis.Redis:
    if not settings.sentinel_master:
        raise ValueError("a sentinel:// REDIS_URL needs NEWSWORKER_SENTINEL_MASTER (the master's name)")
    hosts, db, password = [], 0, None
    for part in settings.redis_url.split(";"):
        parts = urlsplit(part.strip())
        hosts.append((parts.hostname or "127.0.0.1", parts.port or 26379))
        password = parts.password or password
        if parts.path.strip("/").isdigit():
            db = int(parts.path.strip("/"))
    sentinel = Sentinel(hosts, sentinel_kwargs={"password": password} if password else None, **options)
    return sentinel.master_for(settings.sentinel_master, db=db, password=password)


def redis_is_up(url: str, timeout_s: float = 1.0, *, tls: dict | None = None) -> bool:
    """Does something answer PING at `url`? (`tls`: `Settings.redis_tls`, for a rediss:// URL.)"""
    try:
        client = redis.Redis.from_url(
            url, socket_connect_timeout=timeout_s, socket_timeout=timeout_s, **(tls or {})
        )
        return bool(client.ping())
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return False
