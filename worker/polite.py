"""Politeness every worker shares through Redis: robots.txt, a per-host rate limit, backoff.

Keys (under `settings.key_prefix`):
    robots:<origin>         the origin's robots.txt ("" allows all), expiring after a day
    host:<host>:slot        exists while the last fetch's slot lasts (`host_min_interval_s`)
    host:<host>:delay       the host's robots.txt Crawl-delay (seconds), when longer than ours
    host:<host>:not-before  exists while the host asked us to back off (429/503, Retry-After)

The rate limit is a Lua script: it answers "fetch now" to exactly one caller per slot, and
everyone else learns how long to wait. No clocks are compared: every deadline is a key's expiry,
so workers on machines whose clocks disagree still share one limit.

robots.txt follows RFC 9309: a 4xx means no rules (allow all); a 5xx, 429 or an unreachable
host means "assume everything is disallowed" for a short while, then ask again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx
import redis
from protego import Protego

from worker.config import Settings
from worker.errors import FetchError, FetchHTTPStatus
from worker.fetch import FetchPolicy, fetch
from worker.publish import redis_errors
from worker.retry import host_backoff_after

log = logging.getLogger(__name__)

ROBOTS_TTL_S = 24 * 3600
ROBOTS_UNREACHABLE_TTL_S = 600
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
MAX_CRAWL_DELAY_S = 60.0
MAX_SLOT_WAIT_S = 30.0
_DISALLOW_ALL = "User-agent: *\nDisallow: /\n"
_BACKOFF_STATUSES = frozenset({429, 503})


def host_of(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def origin_of(url: str) -> str:
    return f"{urlsplit(url).scheme.lower()}://{host_of(url)}"


def policy_from(settings: Settings) -> FetchPolicy:
    return FetchPolicy(
        limits=settings.fetch,
        allow_private_networks=settings.allow_private_networks,
        user_agent=settings.user_agent,
    )


_RESERVE_SLOT = """
local backoff = redis.call('PTTL', KEYS[2])
if backoff > 0 then return backoff end
local interval = math.max(tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[3]) or '0'))
if interval <= 0 then return 0 end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', interval) then return 0 end
return math.max(1, redis.call('PTTL', KEYS[1]))
"""


def _host_keys(settings: Settings, url: str) -> list[str]:
    host = host_of(url)
    return [settings.key("host", host, name) for name in ("slot", "not-before", "delay")]


def reserve_fetch_slot(client: redis.Redis, settings: Settings, url: str) -> float:
    """Seconds to wait before fetching from `url`'s host; 0 means the slot is ours, fetch now.

    Every worker calling this for one host gets at most one 0 per `host_min_interval_s` (or the
    host's Crawl-delay, when longer), and none while the host has asked us to back off."""
    interval_ms = int(settings.host_min_interval_s * 1000)
    with redis_errors(f"reserving a fetch slot for {host_of(url)}"):
        wait_ms = client.eval(_RESERVE_SLOT, 3, *_host_keys(settings, url), interval_ms)
    return int(wait_ms) / 1000.0


def wait_for_fetch_slot(
    client: redis.Redis,
    settings: Settings,
    url: str,
    *,
    max_wait_s: float = MAX_SLOT_WAIT_S,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Block until the host's slot is ours (True) or waiting would pass `max_wait_s` (False)."""
    waited = 0.0
    while True:
        wait = reserve_fetch_slot(client, settings, url)
        if wait == 0:
            return True
        if waited + wait > max_wait_s:
            return False
        sleep(wait)
        waited += wait


def note_backoff(client: redis.Redis, settings: Settings, url: str, retry_after_s: float | None) -> float:
    """After a 429/503: nobody fetches from the host for Retry-After (or a default), capped.
    A longer backoff already in place is kept. Returns the backoff applied, in seconds."""
    backoff_s = host_backoff_after(retry_after_s)
    key = _host_keys(settings, url)[1]
    with redis_errors(f"recording a backoff for {host_of(url)}"), client.pipeline(transaction=True) as pipe:
        pipe.set(key, "1", nx=True, px=int(backoff_s * 1000))
        pipe.pexpire(key, int(backoff_s * 1000), gt=True)
        pipe.execute()
    log.warning("host %s asked us to back off: no fetches for %.0fs", host_of(url), backoff_s)
    return backoff_s


def host_backoff_s(client: redis.Redis, settings: Settings, url: str) -> float:
    """How much longer the host's backoff lasts (0 when none)."""
    with redis_errors(f"reading the backoff of {host_of(url)}"):
        remaining_ms = client.pttl(_host_keys(settings, url)[1])
    return max(0, remaining_ms) / 1000.0


def handle_fetch_error(client: redis.Redis, settings: Settings, url: str, error: FetchError) -> None:
    """Record a backoff when the error is a host telling us to slow down."""
    if isinstance(error, FetchHTTPStatus) and error.status in _BACKOFF_STATUSES:
        note_backoff(client, settings, url, error.retry_after_s)


def robots_for(
    client: redis.Redis,
    settings: Settings,
    http: httpx.Client,
    url: str,
    *,
    policy: FetchPolicy | None = None,
) -> Protego:
    """The rules of `url`'s origin: from the shared cache, else fetched (politely) and cached."""
    key = settings.key("robots", origin_of(url))
    with redis_errors(f"reading robots.txt of {origin_of(url)}"):
        cached = client.get(key)
    if cached is not None:
        return Protego.parse(cached.decode("utf-8", "replace") if isinstance(cached, bytes) else cached)
    body, ttl_s = _fetch_robots(client, settings, http, url, policy or policy_from(settings))
    rules = Protego.parse(body)
    delay = rules.crawl_delay(settings.user_agent)
    with redis_errors(f"caching robots.txt of {origin_of(url)}"):
        client.set(key, body, ex=ttl_s)
        if delay and delay > settings.host_min_interval_s:
            delay_key = _host_keys(settings, url)[2]
            client.set(delay_key, int(min(delay, MAX_CRAWL_DELAY_S) * 1000), ex=ttl_s)
    return rules


def robots_allows(client: redis.Redis, settings: Settings, http: httpx.Client, url: str) -> bool:
    """May our User-Agent fetch `url`? (robots.txt of its origin, shared by all workers)."""
    return robots_for(client, settings, http, url).can_fetch(url, settings.user_agent)


def _fetch_robots(
    client: redis.Redis, settings: Settings, http: httpx.Client, url: str, policy: FetchPolicy
) -> tuple[str, int]:
    robots_url = origin_of(url) + "/robots.txt"
    if not wait_for_fetch_slot(client, settings, robots_url):
        log.info("robots.txt of %s: host busy, treating as disallowed for now", origin_of(url))
        return _DISALLOW_ALL, 60
    try:
        result = fetch(robots_url, policy=policy, client=http)
    except FetchHTTPStatus as error:
        handle_fetch_error(client, settings, robots_url, error)
        if 400 <= error.status < 500 and error.status != 429:
            return "", ROBOTS_TTL_S
        log.info("robots.txt of %s: HTTP %s, disallowing all for now", origin_of(url), error.status)
        return _DISALLOW_ALL, ROBOTS_UNREACHABLE_TTL_S
    except FetchError as error:
        log.info("robots.txt of %s unreachable (%s), disallowing all for now", origin_of(url), error)
        return _DISALLOW_ALL, ROBOTS_UNREACHABLE_TTL_S
    return result.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace"), ROBOTS_TTL_S
