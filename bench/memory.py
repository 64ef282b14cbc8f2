"""Redis memory per article: what one published article leaves behind, besides its stream entry.

    python -m bench.memory [--articles 500] [--dead-letters 50] [--redis-url URL] [--data DIR]

Texts come from the ground-truthed sets' plain-text pages (`../shared/bench` or
`NEWSWORKER_BENCH_DATA`, see bench/datasets.py) when present, else from bench/synth.py's word bank.
Each goes through the service's code (`load_document` → `extract_article` → `article_data` →
`publish_article`), with one dead letter (a task's once-marker included) every tenth article, into a
Redis of the script's own (embedded, no persistence) unless `--redis-url` names one.

Reported, from `MEMORY USAGE` of every key under the run's prefix (`SAMPLES 0`: exact):
keys and bytes per article by key family, excluding the two streams; how many of those keys carry a
TTL; and the stream entry (`event` field bytes, and the stream's own memory per entry) against the
article's text bytes (its paragraphs joined by a blank line, UTF-8).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import redis

from bench.datasets import SETS, data_dir, load_pages
from bench.synth import Story, render, unrelated_story
from worker.config import Settings
from worker.document import load_document
from worker.embedded import EmbeddedRedis
from worker.errors import DeadLetterReason, NewsworkerError
from worker.events import article_data
from worker.pipeline import extract_article
from worker.publish import DeadLetter, publish_article, publish_dead_letter


def _texts(root: Path, count: int) -> Iterator[tuple[str, str]]:
    """(raw page, kind): the sets' plain-text pages first, then synthetic HTML pages."""
    if all((root / name / "ground-truth.json").is_file() for name in SETS):
        for name in SETS:
            for page in load_pages(root, name):
                yield page.text(), "text"
    else:
        print(f"no benchmark data under {root}: synthetic articles only", file=sys.stderr)
    rng = random.Random(1)
    for i in range(count):
        story: Story = unrelated_story(rng, paragraphs=rng.randint(5, 12))
        yield render(story, i % 5, f"https://site{i % 5}.example.com/news/{i}", rng), "html"


def _family(key: str, prefix: str) -> str:
    """A key's family: its first name, and the kind of near-duplicate index key it is."""
    first, _, rest = key[len(prefix) :].partition(":")
    if first != "near":
        return first
    kind = rest.split(":")[0]
    return f"near:{kind}" if kind.isalpha() else "near:band"


def _seed_day_volume(client: redis.Redis, settings: Settings, articles_a_day: int) -> None:
    """Yesterday's article count, as the index reads it to size today's buckets (when it keeps one)."""
    if articles_a_day:
        yesterday = int(time.time() // 86_400) - 1
        client.set(settings.key("near", "count", str(yesterday)), articles_a_day, ex=3 * 86_400)


def measure(client: redis.Redis, settings: Settings, args: argparse.Namespace) -> dict:
    articles, dead_every, root = args.articles, args.dead_letters, data_dir(args.data)
    _seed_day_volume(client, settings, args.day_volume)
    published, text_bytes, event_bytes = 0, [], []
    for raw, kind in _texts(root, articles):
        if published >= articles:
            break
        url = None if kind == "text" else f"https://bench.example.com/{published}"
        try:
            data = article_data(extract_article(load_document(raw, url=url)), source={"kind": kind})
        except NewsworkerError:  # a page that is not an article is not what we measure
            continue
        result = publish_article(client, settings, data)
        if not result.appended:
            continue
        published += 1
        text_bytes.append(len("\n\n".join(data["paragraphs"]).encode("utf-8")))
        entry = client.xrange(settings.stream, result.stream_id, result.stream_id)[0][1]
        event_bytes.append(len(entry[b"event"]))
        if dead_every and published % dead_every == 0:
            letter = DeadLetter(DeadLetterReason.FETCH_FAILED, "bench", "bench.task", "url", "https://x/")
            publish_dead_letter(client, settings, letter, once_key=uuid.uuid4().hex)
    streams = {settings.stream, settings.dead_letter_stream}
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # keys, bytes, keys with a TTL
    for key in client.scan_iter(match=settings.key_prefix + "*", count=1000):
        name = key.decode()
        if name in streams:
            continue
        row = families[_family(name, settings.key_prefix)]
        row[0] += 1
        row[1] += client.memory_usage(name, samples=0) or 0
        row[2] += client.ttl(name) >= 0
    stream_bytes = client.memory_usage(settings.stream, samples=0) or 0
    dead_bytes = client.memory_usage(settings.dead_letter_stream, samples=0) or 0
    return {
        "articles": published,
        "families": dict(families),
        "text_bytes": statistics.mean(text_bytes),
        "event_bytes": statistics.mean(event_bytes),
        "stream_bytes_per_entry": stream_bytes / max(1, client.xlen(settings.stream)),
        "dead_letter_bytes_per_entry": dead_bytes / max(1, client.xlen(settings.dead_letter_stream)),
        "ratio_over_text": statistics.mean(e / t for e, t in zip(event_bytes, text_bytes, strict=True)),
        "over_budget": sum(e > 1.3 * t + 1024 for e, t in zip(event_bytes, text_bytes, strict=True)),
    }


def report(result: dict) -> None:
    n = result["articles"]
    print(f"{n} articles published")
    print(f"{'key family':<24}{'keys':>8}{'keys/article':>14}{'bytes/article':>15}{'with TTL':>10}")
    total_keys = total_bytes = total_ttl = 0
    for family, (keys, size, with_ttl) in sorted(result["families"].items()):
        print(f"{family:<24}{keys:>8}{keys / n:>14.2f}{size / n:>15.0f}{with_ttl:>10}")
        total_keys, total_bytes, total_ttl = total_keys + keys, total_bytes + size, total_ttl + with_ttl
    total = f"{total_keys:>8}{total_keys / n:>14.2f}{total_bytes / n:>15.0f}{total_ttl:>10}"
    print(f"{'total (no streams)':<24}{total}")
    print(
        f"stream entry: event {result['event_bytes']:.0f} B,"
        f" stream memory {result['stream_bytes_per_entry']:.0f} B per entry,"
        f" text {result['text_bytes']:.0f} B; event/text {result['ratio_over_text']:.2f}x;"
        f" entries over 1.3x text + 1 KiB: {result['over_budget']}"
    )
    print(f"dead-letter stream memory {result['dead_letter_bytes_per_entry']:.0f} B per entry")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument(
        "--dead-letters", type=int, default=10, help="one dead letter every N articles (0: none)"
    )
    parser.add_argument(
        "--day-volume",
        type=int,
        default=0,
        help="articles the day before (sizes today's near-duplicate buckets as at that volume)",
    )
    parser.add_argument("--redis-url", help="a Redis to use instead of an embedded one (keys are cleaned up)")
    parser.add_argument("--data", help="benchmark data folder (default ../shared/bench)")
    args = parser.parse_args(argv)
    prefix = f"bench-memory:{uuid.uuid4().hex[:8]}:"
    base = replace(
        Settings(), key_prefix=prefix, stream=prefix + "articles", dead_letter_stream=prefix + "dead"
    )

    def run(url: str) -> None:
        client = redis.Redis.from_url(url)
        try:
            report(measure(client, replace(base, redis_url=url), args))
        finally:
            keys = list(client.scan_iter(match=prefix + "*", count=1000))
            for start in range(0, len(keys), 1000):
                client.delete(*keys[start : start + 1000])
            client.close()

    if args.redis_url:
        run(args.redis_url)
    else:
        with EmbeddedRedis() as server:
            run(server.url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
