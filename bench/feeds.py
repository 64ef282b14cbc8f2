"""Feed polling: one source followed over three polls, and what a poll costs with 1,000 entries.

    python -m bench.feeds [--redis-url URL] [--entries 1000] [--repeat 30]

A loopback HTTP server serves an RSS 2.0 feed with an ETag; polls run through `worker.poll.poll`
(the code the `poll_source` task runs) against the real Redis at `--redis-url`, under a key prefix
of the run's own (deleted at the end). Queued entries go to a real Celery queue on that Redis
(`<prefix>queue`, counted with LLEN, then deleted); no worker consumes it.

The per-host rate limit is set to 0 for the timings (its Redis round trip is still made), so the
numbers are the cost of the poll itself, not of a politeness wait.
"""

from __future__ import annotations

import argparse
import http.server
import statistics
import threading
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import redis

from worker.celery_app import app, apply_settings
from worker.config import Settings
from worker.feeds import parse_document
from worker.fetch import new_client
from worker.polite import policy_from
from worker.poll import PollContext, poll
from worker.sources import add_source


class _Feed:
    """The feed being served. `touch` changes its body (lastBuildDate) and ETag, not its entries."""

    def __init__(self) -> None:
        self.base = ""
        self.items = ""
        self.body = b""
        self.etag = ""
        self.version = 0

    def set_entries(self, count: int, start: int = 0) -> None:
        now = datetime.now(UTC)
        self.items = "".join(
            f"<item><title>Story {i}</title><link>{self.base}/news/story-{i}?utm_source=rss</link>"
            f"<pubDate>{format_datetime(now - timedelta(minutes=i))}</pubDate>"
            f"<description>Summary of story {i}, with a few words.</description></item>"
            for i in range(start, start + count)
        )
        self.touch()

    def touch(self) -> None:
        self.version += 1
        self.etag = f'"v{self.version}"'
        built = format_datetime(datetime.now(UTC) + timedelta(seconds=self.version))
        self.body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>'
            f"<link>{self.base}/</link><description>bench</description><lastBuildDate>{built}</lastBuildDate>"
            f"{self.items}</channel></rss>"
        ).encode()


def _serve(feed: _Feed) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path != "/feed.xml":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == feed.etag:
                self.send_response(304)
                self.send_header("ETag", feed.etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", feed.etag)
            self.send_header("Content-Length", str(len(feed.body)))
            self.end_headers()
            self.wfile.write(feed.body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _timed(ctx: PollContext, url: str, repeat: int, before_each=None) -> list[float]:
    costs = []
    for _ in range(repeat):
        if before_each:
            before_each()
        started = time.perf_counter()
        poll(url, ctx)
        costs.append((time.perf_counter() - started) * 1000)
    return costs


def _describe(costs: list[float]) -> str:
    ordered = sorted(costs)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    median = statistics.median(costs)
    return f"median {median:.1f} ms, p90 {p90:.1f} ms, min {ordered[0]:.1f} ms (n={len(costs)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)

    prefix = f"nwbench:{uuid.uuid4().hex[:8]}:"
    settings = replace(
        Settings(),
        redis_url=args.redis_url,
        redis_url_explicit=True,
        key_prefix=prefix,
        stream=prefix + "articles",
        dead_letter_stream=prefix + "dead-letter",
        allow_private_networks=True,
        host_min_interval_s=0.0,
    )
    apply_settings(app, settings)
    queue = prefix + "queue"
    app.conf.task_default_queue = queue
    client = redis.Redis.from_url(args.redis_url)
    feed = _Feed()
    server = _serve(feed)
    feed.base = f"http://127.0.0.1:{server.server_address[1]}"
    url = feed.base + "/feed.xml"

    from worker.feed_tasks import enqueue_ingest

    try:
        with new_client() as http_client:
            ctx = PollContext(
                redis=client,
                settings=settings,
                http=http_client,
                policy=policy_from(settings),
                enqueue=enqueue_ingest,
            )
            add_source(client, settings, url, interval_s=60)
            print(f"one source followed over three polls ({url}):")
            print("  poll  change                      queued  seen  not-modified  broker queue")
            feed.set_entries(20)
            for number, change in ((1, "first poll, 20 entries"), (2, "unchanged"), (3, "5 new on top")):
                if number == 3:
                    feed.set_entries(25)
                report = poll(url, ctx)
                print(
                    f"  {number:>4}  {change:<26}  {len(report.new):>6}  {report.seen:>4}  "
                    f"{report.not_modified:>12}  {client.llen(queue):>12}"
                )

            feed.set_entries(args.entries, start=1000)
            poll(url, ctx)  # first sight: every entry queued and marked seen
            print(
                f"\n{args.entries}-entry feed ({len(feed.body)} bytes), "
                f"{client.llen(queue)} messages queued so far"
            )
            unchanged = _timed(ctx, url, args.repeat)
            print(f"  unchanged (304):          {_describe(unchanged)}")
            all_seen = _timed(ctx, url, args.repeat, before_each=feed.touch)
            print(f"  changed, all seen (200):  {_describe(all_seen)}")
            parse_costs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                parse_document(feed.body, url=url)
                parse_costs.append((time.perf_counter() - started) * 1000)
            print(f"  full parse alone (for comparison, skipped when all seen): {_describe(parse_costs)}")
    finally:
        server.shutdown()
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        keys += list(client.scan_iter(match=f"_kombu.binding*{queue}", count=1000))
        if keys:
            client.delete(*keys)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
