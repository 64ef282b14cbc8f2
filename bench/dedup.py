"""Near-duplicate clustering: one wire story on many sites against unrelated articles.

    python -m bench.dedup [--unrelated 1000] [--followups 20] [--seed 1] [--redis-url URL]

The story (bench/synth.py) is rendered with the five site templates and small edits (a changed
figure, a credit line, a dropped or added sentence, an editor's note, a split paragraph), twice each
(HTML and whole-page text). Unrelated articles from the word bank are rendered with the same
templates, so shared chrome is in play; follow-ups quote one paragraph of the story and add their
own, the nearest an unrelated article comes. Every page goes through the service's code
(`load_document` → `extract_article` → `article_data` → `publish_article`) into a Redis of the
script's own (embedded, no persistence) unless `--redis-url` names one; the clusters are read back
from the events on the stream.

Reported: pairwise precision and recall of the clustering (a pair is "together" when both events carry
the same `cluster`), whether any unrelated article joined the story, and the cost per article: the
MinHash fingerprint in ms, the index lookup alone (ms and round trips, run once more read-only before
publishing), `publish_article` in ms (fingerprint, lookup, schema validation and the MULTI together),
and Redis round trips per `publish_article`, counted on the connection.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, replace
from itertools import combinations

import redis

from bench.synth import Story, as_plain_text, render, unrelated_story, wire_story
from worker.config import Settings
from worker.dedup import lookup, near_fingerprint
from worker.document import load_document
from worker.embedded import EmbeddedRedis
from worker.events import article_data, article_text
from worker.pipeline import extract_article
from worker.publish import publish_article

STORY = "story"


def _edit(story: Story, number: int) -> Story:
    """The `number`-th small edit a syndicating site makes; 0 leaves the dispatch as it came."""
    paras = list(story.paragraphs)
    title = story.title
    if number % 5 == 1:
        paras[0] = paras[0].replace("41,000", "41,500")
        paras.append("(Reporting by Tomas Leitner; editing by Ana Ruiz)")
    elif number % 5 == 2:
        paras = paras[:-1]
        paras[3] = paras[3].replace("told reporters", "said")
    elif number % 5 == 3:
        paras.insert(0, "Updated at 14:20 with reaction from the city council.")
        title = "Portmere's floating solar farm goes live"
    elif number % 5 == 4:
        first, second = paras[1].split(", according", 1)
        paras[1:2] = [first + ".", "That is according" + second]
        paras[0] = paras[0].replace("on Tuesday", "on Tuesday morning")
    if number >= 5:  # the second round adds a sentence of local colour as well
        paras.append("Residents can visit the site on open days announced on the city's website.")
    return Story(title=title, paragraphs=tuple(paras))


def _followup(story: Story, rng: random.Random) -> Story:
    """A different article about the same subject: one quoted paragraph, the rest its own."""
    own = unrelated_story(rng, paragraphs=6)
    quoted = rng.choice(story.paragraphs)
    return Story(title="Solar farm row: " + own.title, paragraphs=(quoted, *own.paragraphs))


@dataclass(frozen=True, slots=True)
class Page:
    label: str  # STORY or "unrelated-N" / "followup-N": the true cluster
    url: str
    raw: str


def build_pages(unrelated: int, followups: int, seed: int) -> list[Page]:
    rng = random.Random(seed)
    story = wire_story()
    pages = []
    for number in range(10):
        edited = _edit(story, number)
        url = f"https://site{number}.example.com/news/solar-{number}"
        if number < 5:
            pages.append(Page(STORY, url, render(edited, number, url, rng)))
        else:
            pages.append(Page(STORY, url, as_plain_text(edited, f"Site {number}", rng)))
    for i in range(unrelated):
        url = f"https://unrelated{i % 37}.example.org/a/{i}"
        other = unrelated_story(rng)
        raw = render(other, i, url, rng) if i % 4 else as_plain_text(other, f"Site {i}", rng)
        pages.append(Page(f"unrelated-{i}", url, raw))
    for i in range(followups):
        url = f"https://follow{i}.example.net/b/{i}"
        pages.append(Page(f"followup-{i}", url, render(_followup(story, rng), i, url, rng)))
    rng.shuffle(pages)
    return pages


class CountingConnection(redis.Connection):
    """Counts round trips: one `send_packed_command` per command or per pipeline."""

    round_trips = 0

    def send_packed_command(self, command, check_health=True):  # type: ignore[no-untyped-def]
        CountingConnection.round_trips += 1
        return super().send_packed_command(command, check_health)


def pairwise_scores(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, int, int]:
    """Precision and recall over pairs of articles, with the counts of true and predicted pairs."""
    ids = sorted(truth)
    same_true = {(a, b) for a, b in combinations(ids, 2) if truth[a] == truth[b]}
    by_cluster: dict[str, list[str]] = {}
    for article, cluster in predicted.items():
        by_cluster.setdefault(cluster, []).append(article)
    same_pred = {tuple(sorted(p)) for group in by_cluster.values() for p in combinations(group, 2)}
    hits = len(same_true & same_pred)
    precision = hits / len(same_pred) if same_pred else 1.0
    recall = hits / len(same_true) if same_true else 1.0
    return precision, recall, len(same_true), len(same_pred)


def run(args: argparse.Namespace, url: str) -> dict:
    prefix = f"bench-dedup:{uuid.uuid4().hex[:8]}:"
    settings = replace(
        Settings(),
        redis_url=url,
        key_prefix=prefix,
        stream=prefix + "articles",
        dead_letter_stream=prefix + "dead",
    )
    pool = redis.ConnectionPool.from_url(url, connection_class=CountingConnection)
    client = redis.Redis(connection_pool=pool)
    pages = build_pages(args.unrelated, args.followups, args.seed)
    truth: dict[str, str] = {}
    fingerprint_ms, lookup_ms, publish_ms, trips, lookup_trips = [], [], [], [], []
    outcomes: dict[str, int] = {}
    try:
        for page in pages:
            article = extract_article(load_document(page.raw, url=page.url))
            data = article_data(article, source={"kind": "html"})
            start = time.perf_counter()
            near = near_fingerprint(article_text(data), settings.near_duplicate_threshold)
            fingerprint_ms.append((time.perf_counter() - start) * 1000)
            before = CountingConnection.round_trips
            start = time.perf_counter()
            lookup(client, settings, data["id"], near)  # read-only: the index lookup alone
            lookup_ms.append((time.perf_counter() - start) * 1000)
            lookup_trips.append(CountingConnection.round_trips - before)
            before = CountingConnection.round_trips
            start = time.perf_counter()
            result = publish_article(client, settings, data)
            publish_ms.append((time.perf_counter() - start) * 1000)
            trips.append(CountingConnection.round_trips - before)
            outcomes[str(result.outcome)] = outcomes.get(str(result.outcome), 0) + 1
            if result.appended:
                truth[result.article_id] = page.label
        events = [json.loads(f[b"event"]) for _id, f in client.xrange(settings.stream)]
        predicted = {e["data"]["id"]: e["data"]["cluster"] for e in events}
        story_ids = {a for a, label in truth.items() if label == STORY}
        story_clusters = {predicted[a] for a in story_ids}
        intruders = [a for a, c in predicted.items() if c in story_clusters and a not in story_ids]
        precision, recall, true_pairs, predicted_pairs = pairwise_scores(truth, predicted)
        return {
            "pages": len(pages),
            "events": len(events),
            "outcomes": outcomes,
            "story_events": len(story_ids),
            "story_clusters": len(story_clusters),
            "story_duplicate_of_set": sum(
                1 for e in events if e["data"]["id"] in story_ids and e["data"]["duplicate_of"]
            ),
            "unrelated_in_story_cluster": len(intruders),
            "pairwise_precision": round(precision, 4),
            "pairwise_recall": round(recall, 4),
            "true_pairs": true_pairs,
            "predicted_pairs": predicted_pairs,
            "fingerprint_ms_median": round(statistics.median(fingerprint_ms), 3),
            "lookup_ms_median": round(statistics.median(lookup_ms), 3),
            "lookup_round_trips_mean": round(statistics.mean(lookup_trips), 2),
            "publish_ms_median": round(statistics.median(publish_ms), 3),
            "publish_ms_p95": round(sorted(publish_ms)[int(0.95 * len(publish_ms))], 3),
            "round_trips_per_publish_mean": round(statistics.mean(trips), 2),
            "round_trips_per_publish_max": max(trips),
            "threshold": settings.near_duplicate_threshold,
        }
    finally:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        for i in range(0, len(keys), 1000):
            client.delete(*keys[i : i + 1000])
        client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unrelated", type=int, default=1000)
    parser.add_argument("--followups", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--redis-url", help="a Redis to use (a key prefix of the run's own, removed after)")
    args = parser.parse_args(argv)
    if args.redis_url:
        report = run(args, args.redis_url)
    else:
        with EmbeddedRedis() as server:
            report = run(args, server.url)
    print(json.dumps(report, indent=2))
    ok = report["story_clusters"] == 1 and report["unrelated_in_story_cluster"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
