"""Configuration: the environment is read once into one `Settings` object and passed down.

Limits are explicit, frozen objects with module-level defaults (httpx's `Timeout`/`Limits` style),
so a caller can see every cap that applies to a fetch or a parse and override one without touching
the others. Nothing here reads the environment at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from worker.redis_url import masked_url, redis_url_problem, tls_options, uses_tls
from worker.state import advertised_redis_url, default_state_dir

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_USER_AGENT = "newsworker/0.1 (+https://github.com/newsworker/newsworker)"
DEFAULT_REJECTED_STREAM = "newsworker:rejected"
DEFAULT_REJECTED_MAXLEN = 10_000
DEFAULT_CLAIM_IDLE_MS = 5 * 60 * 1000  # a consumer silent this long with entries pending is presumed dead
DEFAULT_BATCH_MAX_DOCUMENTS = 50
DEFAULT_BATCH_MAX_BYTES = 8 * 1024 * 1024
# A task message, or a consumer group's stream entry, is handed out at most this many times when each
# time ends without an outcome (a worker lost mid-task, a consumer's handler failing): then set aside.
DEFAULT_MAX_DELIVERIES = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchLimits:
    """Caps on one HTTP fetch. `total_timeout_s` bounds the whole exchange, so a slow-drip server
    that sends a byte every few seconds cannot hold a worker forever."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 10.0
    total_timeout_s: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseLimits:
    """Caps on one document before and during parsing: checked before any tree is built."""

    max_document_bytes: int = 5 * 1024 * 1024
    max_nesting_depth: int = 200
    min_text_chars: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchLimits:
    """Caps on one `ingest_batch` message: its documents run one after another inside one task's
    time limit, so a batch must stay small enough to finish well within it."""

    max_documents: int = DEFAULT_BATCH_MAX_DOCUMENTS
    max_bytes: int = DEFAULT_BATCH_MAX_BYTES  # the documents' `content` strings, summed
    max_s: float = 45.0  # after this long, the documents not started go on as a batch of their own


DEFAULT_FETCH_LIMITS = FetchLimits()
DEFAULT_PARSE_LIMITS = ParseLimits()
DEFAULT_BATCH_LIMITS = BatchLimits()


def mask_url_password(url: str) -> str:
    """`redis://user:secret@host/0` -> `redis://user:***@host/0`, for logs and reprs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable url>"
    if parts.password is None:
        return url
    userinfo = f"{parts.username or ''}:***"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, f"{userinfo}@{host}", parts.path, parts.query, parts.fragment))


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the worker, beat and CLI need to know about their surroundings."""

    redis_url: str = field(default=DEFAULT_REDIS_URL, repr=False)
    redis_url_explicit: bool = False
    key_prefix: str = "newsworker:"
    stream: str = "newsworker:articles"
    dead_letter_stream: str = "newsworker:dead-letter"
    stream_maxlen: int = 0
    rejected_stream: str = DEFAULT_REJECTED_STREAM
    rejected_maxlen: int = DEFAULT_REJECTED_MAXLEN
    claim_idle_ms: int = DEFAULT_CLAIM_IDLE_MS
    retention_s: int = 7 * 24 * 3600
    dead_letter_retention_s: int = 30 * 24 * 3600
    queue: str = "newsworker"
    consume_celery_queue: bool = True
    task_events: bool = False  # Celery task events from the start (monitors can turn them on)
    allow_private_networks: bool = False
    user_agent: str = DEFAULT_USER_AGENT
    fetch: FetchLimits = DEFAULT_FETCH_LIMITS
    parse: ParseLimits = DEFAULT_PARSE_LIMITS
    batch: BatchLimits = DEFAULT_BATCH_LIMITS
    max_retries: int = 3
    max_deliveries: int = DEFAULT_MAX_DELIVERIES
    retry_backoff_s: float = 2.0
    task_soft_time_limit_s: float = 90.0
    task_time_limit_s: float = 120.0
    visibility_timeout_s: int = 300
    sentinel_master: str | None = None
    worker_concurrency: int = 0
    dedup_ttl_s: int = 0
    near_duplicate_threshold: float = 0.8
    sources_file: str | None = None
    poll_interval_s: float = 900.0
    seen_ttl_s: int = 30 * 24 * 3600
    entry_horizon_s: float = 7 * 24 * 3600.0
    host_min_interval_s: float = 1.0
    state_dir: str = field(default_factory=lambda: default_state_dir(os.environ))
    embedded_redis_dir: str | None = None
    metrics_port: int = 0
    metrics_addr: str = "0.0.0.0"
    redis_tls_ca_file: str | None = None
    redis_tls_cert_file: str | None = None
    redis_tls_key_file: str | None = None
    redis_tls_insecure: bool = False

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name != "redis_url"
        )
        return f"Settings(redis_url={mask_url_password(self.redis_url)!r}, {shown})"

    @property
    def redis_url_masked(self) -> str:
        return mask_url_password(self.redis_url)

    @property
    def redis_tls(self) -> dict[str, Any] | None:
        """redis-py's (and kombu's `broker_use_ssl`) TLS options for a rediss:// URL, else None."""
        if not uses_tls(self.redis_url):
            return None
        return tls_options(
            ca_file=self.redis_tls_ca_file,
            cert_file=self.redis_tls_cert_file,
            key_file=self.redis_tls_key_file,
            insecure=self.redis_tls_insecure,
        )

    def key(self, *parts: str) -> str:
        """A Redis key under this deployment's prefix: `key("seen", "abc")` -> `newsworker:seen:abc`."""
        return self.key_prefix + ":".join(parts)

    @property
    def embedded_redis_data_dir(self) -> str:
        """Where the embedded Redis keeps its AOF: stable across restarts, never a temporary folder."""
        return self.embedded_redis_dir or os.path.join(self.state_dir, "redis")

    def with_redis_url(self, url: str) -> Settings:
        """These settings with another Redis (a command-line option), checked as REDIS_URL is."""
        problem = redis_url_problem(url)
        if problem:
            raise ConfigError(f"the Redis URL {masked_url(url)} is malformed: {problem}")
        return replace(self, redis_url=url, redis_url_explicit=True)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = _Env(os.environ if environ is None else environ)
        prefix = env.str("NEWSWORKER_KEY_PREFIX", "newsworker:")
        state_dir = env.str("NEWSWORKER_STATE_DIR", "") or default_state_dir(env.values)
        redis_url = env.redis_url("REDIS_URL", DEFAULT_REDIS_URL)
        if "REDIS_URL" not in env.values:
            # Not configured: the embedded Redis a `newsworker run` started, if one is up; else the default.
            redis_url = advertised_redis_url(state_dir) or DEFAULT_REDIS_URL
        soft_time_limit_s = env.float("NEWSWORKER_TASK_SOFT_TIME_LIMIT_S", 90.0)
        return cls(
            redis_url=redis_url,
            redis_url_explicit="REDIS_URL" in env.values,
            key_prefix=prefix,
            stream=env.str("NEWSWORKER_STREAM", prefix + "articles"),
            dead_letter_stream=env.str("NEWSWORKER_DEAD_LETTER_STREAM", prefix + "dead-letter"),
            stream_maxlen=env.int("NEWSWORKER_STREAM_MAXLEN", 0),
            rejected_stream=env.str("NEWSWORKER_REJECTED_STREAM", prefix + "rejected"),
            rejected_maxlen=env.int("NEWSWORKER_REJECTED_MAXLEN", DEFAULT_REJECTED_MAXLEN),
            claim_idle_ms=env.int("NEWSWORKER_CLAIM_IDLE_MS", DEFAULT_CLAIM_IDLE_MS),
            retention_s=env.positive_int("NEWSWORKER_RETENTION_S", 7 * 24 * 3600),
            dead_letter_retention_s=env.positive_int("NEWSWORKER_DEAD_LETTER_RETENTION_S", 30 * 24 * 3600),
            queue=env.str("NEWSWORKER_QUEUE", "newsworker"),
            consume_celery_queue=env.bool("NEWSWORKER_CONSUME_CELERY_QUEUE", True),
            task_events=env.bool("NEWSWORKER_TASK_EVENTS", False),
            allow_private_networks=env.bool("NEWSWORKER_ALLOW_PRIVATE_NETWORKS", False),
            user_agent=env.str("NEWSWORKER_USER_AGENT", DEFAULT_USER_AGENT),
            fetch=FetchLimits(
                connect_timeout_s=env.float("NEWSWORKER_FETCH_CONNECT_TIMEOUT_S", 5.0),
                read_timeout_s=env.float("NEWSWORKER_FETCH_READ_TIMEOUT_S", 10.0),
                total_timeout_s=env.float("NEWSWORKER_FETCH_TIMEOUT_S", 30.0),
                max_bytes=env.int("NEWSWORKER_FETCH_MAX_BYTES", 10 * 1024 * 1024),
                max_redirects=env.int("NEWSWORKER_FETCH_MAX_REDIRECTS", 5),
            ),
            parse=ParseLimits(
                max_document_bytes=env.int("NEWSWORKER_MAX_DOCUMENT_BYTES", 5 * 1024 * 1024),
                max_nesting_depth=env.int("NEWSWORKER_MAX_NESTING_DEPTH", 200),
            ),
            batch=BatchLimits(
                max_documents=env.positive_int("NEWSWORKER_BATCH_MAX_DOCUMENTS", DEFAULT_BATCH_MAX_DOCUMENTS),
                max_bytes=env.positive_int("NEWSWORKER_BATCH_MAX_BYTES", DEFAULT_BATCH_MAX_BYTES),
                max_s=env.float("NEWSWORKER_BATCH_MAX_S", soft_time_limit_s / 2),
            ),
            max_retries=env.int("NEWSWORKER_MAX_RETRIES", 3),
            max_deliveries=env.positive_int("NEWSWORKER_MAX_DELIVERIES", DEFAULT_MAX_DELIVERIES),
            retry_backoff_s=env.float("NEWSWORKER_RETRY_BACKOFF_S", 2.0),
            task_soft_time_limit_s=soft_time_limit_s,
            task_time_limit_s=env.float("NEWSWORKER_TASK_TIME_LIMIT_S", 120.0),
            visibility_timeout_s=env.int("NEWSWORKER_VISIBILITY_TIMEOUT_S", 300),
            sentinel_master=env.str("NEWSWORKER_SENTINEL_MASTER", "") or None,
            worker_concurrency=env.int("NEWSWORKER_CONCURRENCY", 0),
            dedup_ttl_s=env.int("NEWSWORKER_DEDUP_TTL_S", 0),
            near_duplicate_threshold=env.float("NEWSWORKER_NEAR_DUPLICATE_THRESHOLD", 0.8),
            sources_file=env.str("NEWSWORKER_SOURCES", "") or None,
            poll_interval_s=env.float("NEWSWORKER_POLL_INTERVAL_S", 900.0),
            seen_ttl_s=env.int("NEWSWORKER_SEEN_TTL_S", 30 * 24 * 3600),
            entry_horizon_s=env.float("NEWSWORKER_ENTRY_HORIZON_S", 7 * 24 * 3600.0),
            host_min_interval_s=env.float("NEWSWORKER_HOST_MIN_INTERVAL_S", 1.0),
            state_dir=state_dir,
            embedded_redis_dir=env.str("NEWSWORKER_EMBEDDED_REDIS_DIR", "") or None,
            metrics_port=env.int("NEWSWORKER_METRICS_PORT", 0),
            metrics_addr=env.str("NEWSWORKER_METRICS_ADDR", "0.0.0.0"),
            redis_tls_ca_file=env.str("NEWSWORKER_REDIS_TLS_CA_FILE", "") or None,
            redis_tls_cert_file=env.str("NEWSWORKER_REDIS_TLS_CERT_FILE", "") or None,
            redis_tls_key_file=env.str("NEWSWORKER_REDIS_TLS_KEY_FILE", "") or None,
            redis_tls_insecure=env.bool("NEWSWORKER_REDIS_TLS_INSECURE", False),
        )


class ConfigError(ValueError):
    """An environment variable holds a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class _Env:
    values: Mapping[str, str]

    def str(self, name: str, default: str) -> str:
        return self.values.get(name, default).strip() or default

    def redis_url(self, name: str, default: str) -> str:
        url = self.str(name, default)
        problem = redis_url_problem(url)
        if problem:
            raise ConfigError(f"{name}={masked_url(url)} is malformed: {problem}")
        return url

    def int(self, name: str, default: int) -> int:
        raw = self.values.get(name, "").strip()
        try:
            return int(raw) if raw else default
        except ValueError:
            raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None

    def positive_int(self, name: str, default: int) -> int:
        value = self.int(name, default)
        if value <= 0:
            raise ConfigError(f"{name} must be a positive whole number, got {value}")
        return value

    def float(self, name: str, default: float) -> float:
        raw = self.values.get(name, "").strip()
        try:
            return float(raw) if raw else default
        except ValueError:
            raise ConfigError(f"{name} must be a number, got {raw!r}") from None

    def bool(self, name: str, default: bool) -> bool:
        raw = self.values.get(name, "").strip().lower()
        if not raw:
            return default
        if raw in {"1", "true", "yes", "on"}:
            return True
        if raw in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{name} must be true or false, got {raw!r}")
