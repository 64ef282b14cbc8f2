"""The followed sources, kept in Redis so every beat, worker and CLI sees one list.

Keys (under `settings.key_prefix`):
    sources             hash: URL -> JSON {"interval_s": float|null, "origin": "file"|"cli"}
    sources:due         zset: URL -> next due time (epoch seconds)
    feedstate:<sha>     hash: a polled document's ETag, Last-Modified and the feed's own ttl,
                        expiring after the retention (renewed by every poll)

`sources` and `sources:due` are configuration: they carry no TTL and stay until a source is removed.

A source's interval of null means "the configured default" (`NEWSWORKER_POLL_INTERVAL_S`), so
changing the default reaches every source that did not ask for its own.

The file at `NEWSWORKER_SOURCES` (YAML or TOML) is loaded into Redis when beat starts: its sources
are added or updated, and sources that came from an earlier version of the file but are no longer
in it are removed. Sources added with `newsworker sources add` are never touched by the file.

Claiming due sources is one Lua script, so two beats (or two schedulers racing) each see a due
source at most once: the script moves a claimed source's due time one interval ahead (a lease)
before it returns, and Redis runs scripts one at a time. A poll that never runs (a lost message)
leaves the source due again once that lease has passed.
"""

from __future__ import annotations

import hashlib
import json
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import redis
import yaml

from worker.config import ConfigError, Settings


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    interval_s: float | None = None  # None: the configured default
    origin: str = "cli"

    def effective_interval_s(self, settings: Settings) -> float:
        return self.interval_s if self.interval_s else settings.poll_interval_s

    def to_json(self) -> str:
        return json.dumps({"interval_s": self.interval_s, "origin": self.origin})

    @classmethod
    def from_json(cls, url: str, raw: str | bytes) -> Source:
        data = json.loads(raw)
        return cls(url=url, interval_s=data.get("interval_s"), origin=data.get("origin", "cli"))


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    removed: tuple[str, ...]


def sources_key(settings: Settings) -> str:
    return settings.key("sources")


def due_key(settings: Settings) -> str:
    return settings.key("sources", "due")


def state_key(settings: Settings, url: str) -> str:
    return settings.key("feedstate", hashlib.sha256(url.encode()).hexdigest()[:32])


def check_source_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"a source must be an http(s) URL, got {url!r}")
    return url


def add_source(
    client: redis.Redis,
    settings: Settings,
    url: str,
    *,
    interval_s: float | None = None,
    origin: str = "cli",
) -> Source:
    """Add or update a source. A new one is due at once; an existing one keeps its due time."""
    if interval_s is not None and interval_s <= 0:
        raise ConfigError(f"interval must be positive, got {interval_s}")
    source = Source(url=check_source_url(url), interval_s=interval_s, origin=origin)
    with client.pipeline(transaction=True) as pipe:
        pipe.hset(sources_key(settings), source.url, source.to_json())
        pipe.zadd(due_key(settings), {source.url: time.time()}, nx=True)
        pipe.execute()
    return source


def remove_source(client: redis.Redis, settings: Settings, url: str) -> bool:
    """Forget a source, its schedule and its conditional-GET state. False if it was not followed."""
    with client.pipeline(transaction=True) as pipe:
        pipe.hdel(sources_key(settings), url)
        pipe.zrem(due_key(settings), url)
        pipe.delete(state_key(settings, url))
        removed, _, _ = pipe.execute()
    return bool(removed)


def get_source(client: redis.Redis, settings: Settings, url: str) -> Source | None:
    raw = client.hget(sources_key(settings), url)
    return Source.from_json(url, raw) if raw is not None else None


def list_sources(client: redis.Redis, settings: Settings) -> list[tuple[Source, float | None]]:
    """Every source with its next due time (epoch seconds), sorted by URL."""
    raw = client.hgetall(sources_key(settings))
    due = dict(client.zrange(due_key(settings), 0, -1, withscores=True))
    out = []
    for url_raw, value in raw.items():
        url = url_raw.decode() if isinstance(url_raw, bytes) else url_raw
        score = due.get(url_raw, due.get(url))
        out.append((Source.from_json(url, value), score))
    return sorted(out, key=lambda pair: pair[0].url)


def schedule_next(client: redis.Redis, settings: Settings, url: str, due_at: float) -> bool:
    """Set a followed source's next due time; does nothing for a URL that is not a source."""
    return bool(client.zadd(due_key(settings), {url: due_at}, xx=True, ch=True))


_CLAIM_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local claimed = {}
for _, url in ipairs(due) do
  local raw = redis.call('HGET', KEYS[2], url)
  if raw then
    local interval = tonumber(cjson.decode(raw)['interval_s']) or tonumber(ARGV[3])
    redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + interval, url)
    table.insert(claimed, url)
  else
    redis.call('ZREM', KEYS[1], url)
  end
end
return claimed
"""


def claim_due(
    client: redis.Redis, settings: Settings, *, now: float | None = None, limit: int = 100
) -> list[str]:
    """Atomically take the sources due by `now`, leasing each for one interval (see module doc)."""
    now = time.time() if now is None else now
    keys = [due_key(settings), sources_key(settings)]
    claimed = client.eval(_CLAIM_DUE, 2, *keys, repr(now), limit, repr(settings.poll_interval_s))
    return [u.decode() if isinstance(u, bytes) else u for u in claimed]


def load_sources_file(path: str | Path) -> list[Source]:
    """Read a YAML or TOML source list. Either a list or a `sources` key holding one; each item a
    URL or a table with `url` and optional `interval` (seconds)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data: Any = tomllib.loads(text) if path.suffix.lower() == ".toml" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the source list: {exc}") from exc
    items = data.get("sources", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(f"{path}: expected a list of sources")
    sources = []
    for item in items:
        if isinstance(item, str):
            sources.append(Source(check_source_url(item), origin="file"))
        elif isinstance(item, dict) and isinstance(item.get("url"), str):
            interval = item.get("interval", item.get("interval_s"))
            if interval is not None and (not isinstance(interval, int | float) or interval <= 0):
                raise ConfigError(f"{path}: interval of {item['url']} must be a positive number")
            sources.append(Source(check_source_url(item["url"]), interval and float(interval), "file"))
        else:
            raise ConfigError(f"{path}: each source is a URL or a table with `url`, got {item!r}")
    return sources


def sync_sources_file(client: redis.Redis, settings: Settings, path: str | Path | None = None) -> SyncResult:
    """Make Redis hold the file's sources (see module doc); a no-op when no file is configured."""
    path = path or settings.sources_file
    if not path:
        return SyncResult((), (), ())
    wanted = {s.url: s for s in load_sources_file(path)}
    current = {s.url: s for s, _ in list_sources(client, settings)}
    added, updated = [], []
    for url, source in wanted.items():
        before = current.get(url)
        if before == source:
            continue
        add_source(client, settings, url, interval_s=source.interval_s, origin="file")
        (updated if before else added).append(url)
    removed = [u for u, s in current.items() if s.origin == "file" and u not in wanted]
    for url in removed:
        remove_source(client, settings, url)
    return SyncResult(tuple(added), tuple(updated), tuple(removed))
