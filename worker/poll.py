"""One poll of one source, with every piece of I/O handed in (`PollContext`).

    robots.txt allows it? -> wait for the host's slot -> conditional GET (ETag/Last-Modified)
    -> 304: done | 200: every entry link already seen (cheap read)? done
                 | parse -> sitemap index: poll each child (depth-capped)
                         -> feed/sitemap: for each entry:
                            normalize URL -> seen? -> too old? -> robots? -> claim -> enqueue

An entry is claimed with SET NX on its seen-key before it is queued, so two polls of one source
running at once (two workers, a beat and the CLI) queue each URL once. If queueing fails, the
claims not yet queued are released and the document's validators are not stored, so the next
poll sees those entries again. A document that cannot be parsed is reported as a failure (the
task turns it into a dead letter) and its validators are stored, so an unchanged broken feed
costs a 304 rather than a dead letter per poll.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import httpx
import redis
from protego import Protego

from worker.config import Settings
from worker.errors import FeedError, FetchError, NewsworkerError
from worker.feeds import DocumentKind, FeedEntry, ParsedFeed, feed_links, parse_document, parse_iso
from worker.fetch import FetchPolicy, fetch
from worker.polite import handle_fetch_error, host_backoff_s, origin_of, robots_for, wait_for_fetch_slot
from worker.retention import Retention
from worker.sources import get_source, schedule_next, state_key
from worker.urls import normalize_url

log = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 2  # index -> child sitemaps -> (an index inside an index) -> stop
MAX_CHILDREN_PER_INDEX = 100
EXCERPT_BYTES = 1024
HOST_BUSY_RETRY_S = 60.0

Enqueue = Callable[[str, dict[str, Any], dict[str, Any]], None]  # (url, hints, source)


class SkipReason(StrEnum):
    TOO_OLD = "too_old"
    ROBOTS = "robots"
    NOT_HTTP = "not_http"
    DEPTH = "depth"
    HOST_BUSY = "host_busy"


@dataclass(frozen=True, slots=True)
class Skip:
    url: str
    reason: SkipReason


@dataclass(frozen=True, slots=True)
class PollFailure:
    """A document that could not be fetched or parsed; `excerpt` is the start of its body."""

    url: str
    error: NewsworkerError
    excerpt: bytes = b""


@dataclass(slots=True)
class PollReport:
    source: str
    new: list[str] = field(default_factory=list)
    seen: int = 0
    skipped: list[Skip] = field(default_factory=list)
    not_modified: int = 0
    children: list[str] = field(default_factory=list)
    failures: list[PollFailure] = field(default_factory=list)
    suggested_interval_s: float | None = None
    next_due_at: float | None = None

    def summary(self) -> str:
        return (
            f"{self.source}: {len(self.new)} new, {self.seen} seen, {len(self.skipped)} skipped, "
            f"{self.not_modified} not modified, {len(self.children)} child sitemaps, "
            f"{len(self.failures)} failed"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "new": len(self.new),
            "seen": self.seen,
            "skipped": len(self.skipped),
            "not_modified": self.not_modified,
            "children": len(self.children),
            "failures": [f"{f.url}: {f.error.reason}: {f.error}" for f in self.failures],
            "next_due_at": self.next_due_at,
        }


@dataclass(slots=True)
class PollContext:
    """What a poll needs from outside: clients, settings, where entries go, and the clock."""

    redis: redis.Redis
    settings: Settings
    http: httpx.Client
    policy: FetchPolicy
    enqueue: Enqueue
    now: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    robots: dict[str, Protego] = field(default_factory=dict)  # per poll, by origin


def seen_key(settings: Settings, normalized_url: str) -> str:
    return settings.key("seen", hashlib.sha256(normalized_url.encode()).hexdigest()[:32])


def poll(url: str, ctx: PollContext) -> PollReport:
    """Poll `url` once, then (if it is a followed source) set its next due time.

    Fetch errors of the source itself propagate (after a 429/503 backoff is recorded);
    those of child sitemaps and every parse error are in `report.failures`."""
    report = PollReport(source=url)
    try:
        _poll_document(url, ctx, report, depth=0)
    except FetchError as error:
        handle_fetch_error(ctx.redis, ctx.settings, url, error)
        raise
    finally:
        report.next_due_at = _schedule(url, ctx, report)
    return report


def _schedule(url: str, ctx: PollContext, report: PollReport) -> float | None:
    """Next due = now + the longer of the source's interval and the feed's ttl (and any backoff)."""
    source = get_source(ctx.redis, ctx.settings, url)
    if source is None:
        return None
    interval = max(source.effective_interval_s(ctx.settings), report.suggested_interval_s or 0.0)
    if Skip(url, SkipReason.HOST_BUSY) in report.skipped:  # not polled at all: try again soon
        interval = min(interval, HOST_BUSY_RETRY_S)
    interval = max(interval, host_backoff_s(ctx.redis, ctx.settings, url))
    due_at = ctx.now() + interval
    schedule_next(ctx.redis, ctx.settings, url, due_at)
    return due_at


def _poll_document(url: str, ctx: PollContext, report: PollReport, *, depth: int) -> None:
    if not _robots(url, ctx).can_fetch(url, ctx.settings.user_agent):
        report.skipped.append(Skip(url, SkipReason.ROBOTS))
        return
    if not wait_for_fetch_slot(ctx.redis, ctx.settings, url, sleep=ctx.sleep):
        report.skipped.append(Skip(url, SkipReason.HOST_BUSY))
        return
    state_name = state_key(ctx.settings, url)
    state = {_s(k): _s(v) for k, v in ctx.redis.hgetall(state_name).items()}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    result = fetch(url, policy=ctx.policy, client=ctx.http, headers=headers)
    stored_interval_s = float(state["suggested_interval_s"]) if state.get("suggested_interval_s") else None
    if result.not_modified:
        report.not_modified += 1
        if depth == 0:
            report.suggested_interval_s = stored_interval_s
        log.debug("poll %s: not modified", url)
        return
    validators = {"etag": result.etag or "", "last_modified": result.last_modified or ""}
    known = _count_if_all_seen(result.body, result.final_url, ctx)
    if known is not None:  # changed, but nothing new: the full parse is not needed
        report.seen += known
        if depth == 0:
            report.suggested_interval_s = stored_interval_s
        _store_state(ctx, state_name, validators, stored_interval_s)
        return
    try:
        parsed = parse_document(result.body, url=result.final_url)
    except FeedError as error:
        _store_state(ctx, state_name, validators, None)
        report.failures.append(PollFailure(url, error, result.body[:EXCERPT_BYTES]))
        log.warning("poll %s: %s", url, error)
        return
    if depth == 0:
        report.suggested_interval_s = parsed.suggested_interval_s
    if parsed.kind is DocumentKind.SITEMAP_INDEX:
        _poll_children(parsed, ctx, report, depth=depth)
    else:
        _take_entries(parsed, result.final_url, ctx, report)
    _store_state(ctx, state_name, validators, parsed.suggested_interval_s)


def _store_state(
    ctx: PollContext, name: str, validators: dict[str, str], suggested_interval_s: float | None
) -> None:
    mapping = {**validators, "polled_at": repr(ctx.now()), "suggested_interval_s": suggested_interval_s or ""}
    with ctx.redis.pipeline(transaction=True) as pipe:  # a removed source's state expires with it
        pipe.hset(name, mapping=mapping)
        pipe.expire(name, Retention.of(ctx.settings).feed_state_s)
        pipe.execute()


def _poll_children(parsed: ParsedFeed, ctx: PollContext, report: PollReport, *, depth: int) -> None:
    """Newest children first; those last changed before the horizon (archives) are not fetched."""
    horizon = ctx.now() - ctx.settings.entry_horizon_s
    children = sorted(parsed.children, key=lambda c: c.lastmod or "9999", reverse=True)
    for child in children[:MAX_CHILDREN_PER_INDEX]:
        if depth + 1 > MAX_SITEMAP_DEPTH:
            report.skipped.append(Skip(child.url, SkipReason.DEPTH))
            continue
        if _older_than(child.lastmod, horizon):
            report.skipped.append(Skip(child.url, SkipReason.TOO_OLD))
            continue
        report.children.append(child.url)
        try:
            _poll_document(child.url, ctx, report, depth=depth + 1)
        except FetchError as error:
            handle_fetch_error(ctx.redis, ctx.settings, child.url, error)
            report.failures.append(PollFailure(child.url, error))
            log.warning("poll %s: child sitemap failed: %s", child.url, error)


def _count_if_all_seen(body: bytes, document_url: str, ctx: PollContext) -> int | None:
    """How many entries a feed has when every one is already seen (read cheaply by `feed_links`);
    None when any is not, or when the cheap reading cannot be trusted."""
    links = feed_links(body, url=document_url)
    if not links:
        return None
    urls = {normalize_url(link) for link in links}
    if not all(url.startswith(("http://", "https://")) for url in urls):
        return None
    with ctx.redis.pipeline(transaction=False) as pipe:
        for url in urls:
            pipe.exists(seen_key(ctx.settings, url))
        flags = pipe.execute()
    return len(urls) if all(flags) else None


def _take_entries(parsed: ParsedFeed, document_url: str, ctx: PollContext, report: PollReport) -> None:
    entries: dict[str, FeedEntry] = {}
    for entry in parsed.entries:
        url = normalize_url(entry.url, base=document_url)
        if not url.startswith(("http://", "https://")):
            report.skipped.append(Skip(entry.url, SkipReason.NOT_HTTP))
            continue
        entries.setdefault(url, entry)
    if not entries:
        return
    urls = list(entries)
    with ctx.redis.pipeline(transaction=False) as pipe:
        for url in urls:
            pipe.exists(seen_key(ctx.settings, url))
        already = pipe.execute()
    report.seen += sum(1 for flag in already if flag)
    horizon = ctx.now() - ctx.settings.entry_horizon_s
    candidates = []
    for url, flag in zip(urls, already, strict=True):
        if flag:
            continue
        entry = entries[url]
        if _older_than(entry.published or entry.updated, horizon):
            report.skipped.append(Skip(url, SkipReason.TOO_OLD))
        elif not _robots(url, ctx).can_fetch(url, ctx.settings.user_agent):
            report.skipped.append(Skip(url, SkipReason.ROBOTS))
        else:
            candidates.append(url)
    kind = "sitemap" if parsed.kind is DocumentKind.SITEMAP else "feed"
    _claim_and_enqueue(candidates, entries, {"kind": kind, "feed_url": document_url}, ctx, report)


def _claim_and_enqueue(
    urls: list[str],
    entries: dict[str, FeedEntry],
    source: dict[str, Any],
    ctx: PollContext,
    report: PollReport,
) -> None:
    """SET NX each seen-key; queue only what this poll claimed; release unqueued claims on failure."""
    if not urls:
        return
    keys = [seen_key(ctx.settings, url) for url in urls]
    with ctx.redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.set(key, "1", nx=True, ex=ctx.settings.seen_ttl_s)
        claimed = pipe.execute()
    mine = [(url, key) for url, key, ok in zip(urls, keys, claimed, strict=True) if ok]
    report.seen += len(urls) - len(mine)
    for index, (url, _key) in enumerate(mine):
        try:
            ctx.enqueue(url, entries[url].hints(), source)
        except Exception:
            ctx.redis.delete(*(key for _url, key in mine[index:]))
            raise
        report.new.append(url)


def _robots(url: str, ctx: PollContext) -> Protego:
    origin = origin_of(url)
    if origin not in ctx.robots:
        ctx.robots[origin] = robots_for(ctx.redis, ctx.settings, ctx.http, url, policy=ctx.policy)
    return ctx.robots[origin]


def _older_than(value: str | None, horizon_epoch: float) -> bool:
    """Unknown dates are never too old: a sitemap without lastmod still gets polled."""
    moment = parse_iso(value)
    if moment is None:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment < datetime.fromtimestamp(horizon_epoch, UTC)


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
