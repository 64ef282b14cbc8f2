"""Polling against a loopback HTTP server and the real Redis; end-to-end ones through a real worker.

One behaviour each. Poll-level tests hand `poll` an enqueue that records what it was given; the
end-to-end ones hand it the real `enqueue_ingest`, so entries cross the broker and become events.
"""

from __future__ import annotations

import gzip
import itertools
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis

from tests.feed_server import FeedServer, article_html, rss, sitemap, sitemap_index
from tests.helpers import events, settle, wait_for_entries
from worker.errors import FetchHTTPStatus
from worker.fetch import new_client
from worker.polite import policy_from, reserve_fetch_slot
from worker.poll import PollContext, SkipReason, poll
from worker.sources import add_source, claim_due, due_key

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def _ago(**delta: float) -> datetime:
    return datetime.now(UTC) - timedelta(**delta)


@pytest.fixture
def fast(settings):
    """The session settings with a short per-host interval, so tests do not wait a second a fetch."""
    return replace(settings, host_min_interval_s=0.02)


@pytest.fixture
def server():
    feed_server = FeedServer()
    yield feed_server
    feed_server.close()


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict, dict]] = []

    def __call__(self, url: str, hints: dict, source: dict) -> None:
        self.calls.append((url, hints, source))

    @property
    def urls(self) -> list[str]:
        return [url for url, _, _ in self.calls]


def _context(settings, http, enqueue) -> PollContext:
    client = redis.Redis.from_url(settings.redis_url)
    return PollContext(
        redis=client, settings=settings, http=http, policy=policy_from(settings), enqueue=enqueue
    )


@pytest.fixture
def http():
    with new_client() as client:
        yield client


def _articles(server: FeedServer, *slugs: str) -> list[tuple[str, str, datetime]]:
    items = []
    for index, slug in enumerate(slugs):
        server.route(f"/news/{slug}", article_html(slug), "text/html; charset=utf-8")
        items.append(
            (server.url(f"/news/{slug}?utm_source=feed#comments"), f"Story {slug}", _ago(hours=index + 1))
        )
    return items


# --- end to end: poll -> broker -> real worker -> events ------------------------------------------


@pytest.mark.usefixtures("celery_worker")
def test_new_entries_become_events_exactly_once_across_two_polls(fast, redis_client, server, http):
    items = _articles(server, "harbour", "bridge", "market")
    server.route("/feed.xml", rss(items), "application/rss+xml", etag='"v1"')
    ctx = _context(fast, http, _enqueue_ingest())
    first = poll(server.url("/feed.xml"), ctx)
    assert len(first.new) == 3
    events(redis_client, fast.stream, 3)
    items += _articles(server, "lighthouse")
    server.route("/feed.xml", rss(items), "application/rss+xml", etag='"v2"')
    second = poll(server.url("/feed.xml"), ctx)
    assert (len(second.new), second.seen) == (1, 3)
    published = events(redis_client, fast.stream, 4)
    settle(1.0)
    assert redis_client.xlen(fast.stream) == 4
    assert {e["data"]["source"]["kind"] for e in published} == {"feed"}
    assert len({e["data"]["url"] for e in published}) == 4


@pytest.mark.usefixtures("celery_worker")
def test_news_sitemap_date_reaches_the_event(fast, redis_client, server, http):
    server.route("/news/storm", article_html("storm"), "text/html; charset=utf-8")
    stamp = _ago(hours=2).replace(microsecond=0)
    news = [(server.url("/news/storm"), "Storm warning for the coast", stamp)]
    server.route("/news-sitemap.xml", sitemap(news, news=True), "application/xml")
    poll(server.url("/news-sitemap.xml"), _context(fast, http, _enqueue_ingest()))
    [event] = events(redis_client, fast.stream, 1)
    assert datetime.fromisoformat(event["data"]["published"]) == stamp
    assert event["data"]["source"]["kind"] == "sitemap"
    assert "published" in event["data"]["source"]["fields_from_feed"]


@pytest.mark.usefixtures("celery_worker")
def test_malformed_feed_gives_a_dead_letter(settings, redis_client, server):
    from worker.feed_tasks import poll_source

    server.route("/broken.xml", (FEEDS / "malformed.xml").read_bytes(), "application/rss+xml")
    poll_source.delay(server.url("/broken.xml"))
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == "feed_invalid"
    assert letter["task"] == "worker.feed_tasks.poll_source"
    assert letter["source"] == server.url("/broken.xml")
    assert letter["input"].startswith('<?xml version="1.0"')


@pytest.mark.usefixtures("celery_worker")
def test_xml_bomb_gives_a_dead_letter_not_a_hang(settings, redis_client, server):
    from worker.feed_tasks import poll_source

    server.route("/bomb.xml", (FEEDS / "billion_laughs.xml").read_bytes(), "application/rss+xml")
    poll_source.delay(server.url("/bomb.xml"))
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=20)
    assert letter["reason"] == "feed_invalid"
    assert "entity" in letter["error"]
    assert "<!ENTITY lol" in letter["input"]


# --- poll level: what a poll queues ---------------------------------------------------------------


def test_unchanged_feed_costs_a_304(fast, server, http):
    server.route("/feed.xml", rss(_articles(server, "a", "b")), "application/rss+xml", etag='"same"')
    recorder = Recorder()
    ctx = _context(fast, http, recorder)
    poll(server.url("/feed.xml"), ctx)
    again = poll(server.url("/feed.xml"), ctx)
    assert again.not_modified == 1
    assert (again.new, again.seen) == ([], 0)
    assert server.requests("/feed.xml")[-1]["if-none-match"] == '"same"'
    assert len(recorder.calls) == 2


def test_changed_feed_with_only_seen_entries_is_not_parsed_again(fast, server, http, monkeypatch):
    items = _articles(server, "c1", "c2", "c3")
    server.route("/feed.xml", rss(items, ttl_minutes=30), "application/rss+xml", etag='"v1"')
    ctx = _context(fast, http, Recorder())
    poll(server.url("/feed.xml"), ctx)
    server.route("/feed.xml", rss(items[::-1], ttl_minutes=30), "application/rss+xml", etag='"v2"')

    def parse_must_not_run(*_args, **_kwargs):
        raise AssertionError("the full parse ran although every entry was seen")

    monkeypatch.setattr("worker.poll.parse_document", parse_must_not_run)
    again = poll(server.url("/feed.xml"), ctx)
    assert (again.new, again.seen, again.not_modified) == ([], 3, 0)
    assert again.suggested_interval_s == 1800  # the feed's ttl, remembered from the last full parse


def test_entry_urls_are_normalized_and_hints_passed(fast, server, http):
    server.route("/feed.xml", rss(_articles(server, "ferry")), "application/rss+xml")
    recorder = Recorder()
    poll(server.url("/feed.xml"), _context(fast, http, recorder))
    [(url, hints, source)] = recorder.calls
    assert url == server.url("/news/ferry")
    assert hints["title"] == "Story ferry"
    assert source == {"kind": "feed", "feed_url": server.url("/feed.xml")}


def test_sitemap_index_polls_recent_children_and_skips_archives(fast, server, http):
    server.route("/sm/recent.xml", sitemap(_articles(server, "one", "two")), "application/xml")
    server.route("/sm/also.xml.gz", gzip.compress(sitemap(_articles(server, "three"))), "application/x-gzip")
    children = [
        (server.url("/sm/recent.xml"), _ago(hours=1)),
        (server.url("/sm/also.xml.gz"), _ago(hours=3)),
        (server.url("/sm/archive-2019.xml"), datetime(2019, 12, 31, tzinfo=UTC)),
    ]
    server.route("/sitemap.xml", sitemap_index(children), "application/xml")
    recorder = Recorder()
    report = poll(server.url("/sitemap.xml"), _context(fast, http, recorder))
    assert sorted(recorder.urls) == sorted(server.url(f"/news/{s}") for s in ("one", "two", "three"))
    assert report.children == [server.url("/sm/recent.xml"), server.url("/sm/also.xml.gz")]
    assert (server.url("/sm/archive-2019.xml"), SkipReason.TOO_OLD) in [
        (s.url, s.reason) for s in report.skipped
    ]
    assert server.requests("/sm/archive-2019.xml") == []


def test_gzipped_sitemap_entries_are_queued(fast, server, http):
    server.route(
        "/sitemap.xml.gz", gzip.compress(sitemap(_articles(server, "gz1", "gz2"))), "application/x-gzip"
    )
    recorder = Recorder()
    poll(server.url("/sitemap.xml.gz"), _context(fast, http, recorder))
    assert sorted(recorder.urls) == [server.url("/news/gz1"), server.url("/news/gz2")]
    assert recorder.calls[0][2]["kind"] == "sitemap"


def test_robots_disallowed_entries_are_skipped_not_queued(fast, server, http):
    server.route("/robots.txt", b"User-agent: newsworker\nDisallow: /news/private\n", "text/plain")
    server.route("/feed.xml", rss(_articles(server, "public", "private")), "application/rss+xml")
    recorder = Recorder()
    report = poll(server.url("/feed.xml"), _context(fast, http, recorder))
    assert recorder.urls == [server.url("/news/public")]
    assert [(s.url, s.reason) for s in report.skipped] == [(server.url("/news/private"), SkipReason.ROBOTS)]


def test_robots_txt_server_error_disallows_everything_for_now(fast, server, http):
    server.route("/robots.txt", b"down", "text/plain", status=500)
    server.route("/feed.xml", rss(_articles(server, "x")), "application/rss+xml")
    recorder = Recorder()
    report = poll(server.url("/feed.xml"), _context(fast, http, recorder))
    assert recorder.calls == []
    assert [s.reason for s in report.skipped] == [SkipReason.ROBOTS]
    assert server.requests("/feed.xml") == []


def test_robots_crawl_delay_longer_than_ours_spaces_fetches(fast, server, http):
    server.route("/robots.txt", b"User-agent: *\nCrawl-delay: 2\n", "text/plain")
    server.route("/feed.xml", rss(_articles(server, "y")), "application/rss+xml")
    ctx = _context(fast, http, Recorder())
    poll(server.url("/feed.xml"), ctx)
    assert 1.5 < reserve_fetch_slot(ctx.redis, fast, server.url("/news/y")) <= 2.0


def test_entries_older_than_the_horizon_are_skipped(fast, server, http):
    items = [*_articles(server, "fresh"), (server.url("/news/stale"), "Stale", _ago(days=30))]
    server.route("/feed.xml", rss(items), "application/rss+xml")
    recorder = Recorder()
    report = poll(server.url("/feed.xml"), _context(replace(fast, entry_horizon_s=7 * 86400), http, recorder))
    assert recorder.urls == [server.url("/news/fresh")]
    assert [s.reason for s in report.skipped] == [SkipReason.TOO_OLD]


def test_two_polls_at_once_queue_each_entry_once(fast, server, http):
    server.route("/feed.xml", rss(_articles(server, *(f"s{i}" for i in range(40)))), "application/rss+xml")
    recorders = [Recorder(), Recorder()]

    def run(recorder: Recorder) -> None:
        with new_client() as own_http:
            poll(server.url("/feed.xml"), _context(fast, own_http, recorder))

    threads = [threading.Thread(target=run, args=(r,)) for r in recorders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queued = recorders[0].urls + recorders[1].urls
    assert len(queued) == len(set(queued)) == 40


def test_rate_limit_spaces_fetches_of_one_host_across_two_workers(settings, server):
    limited = replace(settings, host_min_interval_s=0.3)
    server.route("/a.xml", rss(_articles(server, "a1")), "application/rss+xml")
    server.route("/b.xml", rss(_articles(server, "b1")), "application/rss+xml")

    def worker(path: str) -> None:
        with new_client() as own_http:
            poll(server.url(path), _context(limited, own_http, Recorder()))

    threads = [threading.Thread(target=worker, args=(p,)) for p in ("/a.xml", "/b.xml")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(r["at"] for r in server.log)
    assert len(times) in (3, 4)  # two feeds and robots.txt (fetched twice if both missed the cache)
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.3 - 0.02


def test_reserve_fetch_slot_gives_one_slot_per_interval(settings):
    limited = replace(settings, host_min_interval_s=0.5)
    one, two = (redis.Redis.from_url(settings.redis_url) for _ in range(2))
    assert reserve_fetch_slot(one, limited, "https://slow.example/a") == 0
    wait = reserve_fetch_slot(two, limited, "https://slow.example/b")
    assert 0.3 < wait <= 0.5
    assert reserve_fetch_slot(two, limited, "https://other.example/") == 0


def test_429_with_retry_after_backs_the_host_off(fast, server, http):
    add_source(redis.Redis.from_url(fast.redis_url), fast, server.url("/feed.xml"), interval_s=5)
    server.route("/feed.xml", b"slow down", "text/plain", status=429, headers={"Retry-After": "120"})
    ctx = _context(fast, http, Recorder())
    with pytest.raises(FetchHTTPStatus):
        poll(server.url("/feed.xml"), ctx)
    assert 110 < reserve_fetch_slot(ctx.redis, fast, server.url("/other")) <= 120
    assert ctx.redis.zscore(due_key(fast), server.url("/feed.xml")) >= time.time() + 110


def test_feed_ttl_longer_than_the_interval_sets_the_next_due_time(fast, server, http):
    client = redis.Redis.from_url(fast.redis_url)
    add_source(client, fast, server.url("/feed.xml"), interval_s=60)
    server.route("/feed.xml", rss(_articles(server, "t"), ttl_minutes=30), "application/rss+xml")
    report = poll(server.url("/feed.xml"), _context(fast, http, Recorder()))
    assert report.next_due_at == pytest.approx(time.time() + 1800, abs=5)


def test_two_schedulers_claim_each_due_source_once(fast):
    client = redis.Redis.from_url(fast.redis_url)
    for i in range(200):
        add_source(client, fast, f"https://s{i}.example/feed")
    claims: list[list[str]] = [[], []]

    def scheduler(index: int) -> None:
        own = redis.Redis.from_url(fast.redis_url)
        for _ in range(20):
            claims[index] += claim_due(own, fast, limit=7)

    threads = [threading.Thread(target=scheduler, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = claims[0] + claims[1]
    assert len(everything) == len(set(everything)) == 200


def _enqueue_ingest():
    from worker.feed_tasks import enqueue_ingest

    return enqueue_ingest
