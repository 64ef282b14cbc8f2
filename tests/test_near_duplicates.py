"""Near duplicates: the same story on other sites joins the first article's cluster, on the real Redis."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import replace

import pytest
import redis

from bench.synth import Story, as_plain_text, render, unrelated_story, wire_story
from tests.helpers import events
from worker.dedup import (
    band_rows,
    doc_key,
    find_near_duplicate,
    near_fingerprint,
    overlap,
    read_index_days,
    short_id,
)
from worker.document import load_document
from worker.events import article_data, article_text
from worker.pipeline import extract_article
from worker.publish import PublishOutcome, RunMark, publish_article


def _data(story: Story, site: int, *, url: str | None = None, plain: bool = False) -> dict:
    """A story as one site publishes it, through the service's own load and extract."""
    rng = random.Random(site)
    url = url or f"https://site{site}.example.com/news/{site}"
    raw = as_plain_text(story, f"Site {site}", rng) if plain else render(story, site, url, rng)
    return article_data(extract_article(load_document(raw, url=url)), source={"kind": "html"})


def _edited(story: Story, *, drop_last: bool = False, credit: bool = False, figure: bool = False) -> Story:
    paras = list(story.paragraphs)
    if drop_last:
        paras = paras[:-1]
    if credit:
        paras.append("(Reporting by Tomas Leitner; editing by Ana Ruiz)")
    if figure:
        paras[0] = paras[0].replace("41,000", "41,500")
    return Story(title=story.title, paragraphs=tuple(paras))


def test_first_article_of_a_story_is_its_own_cluster(settings, redis_client):
    data = _data(wire_story(), 0)
    result = publish_article(redis_client, settings, data)
    [event] = events(redis_client, settings.stream, 1)
    assert result.outcome is PublishOutcome.CREATED
    assert event["data"]["cluster"] == data["id"]
    assert event["data"]["duplicate_of"] is None


def test_same_story_on_other_sites_with_small_edits_joins_the_first_cluster(settings, redis_client):
    story = wire_story()
    first = _data(story, 0)
    copies = [
        _data(_edited(story, credit=True), 1),
        _data(_edited(story, drop_last=True), 2),
        _data(_edited(story, figure=True, credit=True), 3, plain=True),
    ]
    for data in (first, *copies):
        assert publish_article(redis_client, settings, data).appended
    published = events(redis_client, settings.stream, 4)
    assert [e["data"]["cluster"] for e in published] == [first["id"]] * 4
    assert [e["data"]["duplicate_of"] for e in published] == [None] + [first["id"]] * 3


def test_unrelated_articles_in_the_same_template_stay_apart(settings, redis_client):
    rng = random.Random(5)
    stories = [unrelated_story(rng) for _ in range(20)]
    for i, story in enumerate(stories):
        publish_article(redis_client, settings, _data(story, 0, url=f"https://one.example.com/{i}"))
    published = events(redis_client, settings.stream, 20)
    assert all(e["data"]["cluster"] == e["data"]["id"] for e in published)
    assert all(e["data"]["duplicate_of"] is None for e in published)


def test_article_quoting_one_paragraph_of_a_story_is_not_its_duplicate(settings, redis_client):
    story = wire_story()
    publish_article(redis_client, settings, _data(story, 0))
    own = unrelated_story(random.Random(9), paragraphs=6)
    followup = Story(title="Solar row", paragraphs=(story.paragraphs[3], *own.paragraphs))
    result = publish_article(redis_client, settings, _data(followup, 1))
    assert result.duplicate_of is None
    assert result.cluster == result.article_id


def test_exact_same_text_on_another_url_still_publishes_once(settings, redis_client):
    story = wire_story()
    first = publish_article(redis_client, settings, _data(story, 0))
    again = publish_article(redis_client, settings, _data(story, 1))
    assert again.outcome is PublishOutcome.DUPLICATE_TEXT
    assert again.duplicate_of == first.article_id
    assert redis_client.xlen(settings.stream) == 1


def test_updated_article_keeps_its_cluster(settings, redis_client):
    story = wire_story()
    root = publish_article(redis_client, settings, _data(story, 0))
    copy = _data(_edited(story, credit=True), 1)
    publish_article(redis_client, settings, copy)
    update = {**_data(_edited(story, credit=True, figure=True), 1), "id": copy["id"]}
    result = publish_article(redis_client, settings, update)
    assert result.outcome is PublishOutcome.UPDATED
    assert (result.cluster, result.duplicate_of) == (root.article_id, root.article_id)


def test_rewrite_below_the_threshold_is_a_new_story_and_above_it_a_duplicate(settings, redis_client):
    story = wire_story()
    publish_article(redis_client, settings, _data(story, 0))
    half = Story(
        title=story.title, paragraphs=story.paragraphs[:4] + unrelated_story(random.Random(3)).paragraphs
    )
    data = _data(half, 1)
    assert find_near_duplicate(redis_client, settings, data)[0] is None
    lenient = replace(settings, near_duplicate_threshold=0.3)
    publish_article(redis_client, lenient, _data(_edited(story, credit=True), 2))  # its own bands
    assert find_near_duplicate(redis_client, lenient, data)[0] is not None


def test_near_duplicates_published_at_once_by_many_workers_found_one_cluster(settings, redis_client):
    """The band keys are watched: concurrent copies of a new story cannot each start a cluster."""
    story = wire_story()
    copies = [_data(_edited(story, credit=i % 2 == 1, drop_last=i >= 2), i) for i in range(4)]
    barrier = threading.Barrier(len(copies))

    def publish(data: dict) -> None:
        barrier.wait(timeout=10)
        publish_article(redis_client, settings, data)

    threads = [threading.Thread(target=publish, args=(d,)) for d in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    published = events(redis_client, settings.stream, len(copies))
    assert len({e["data"]["cluster"] for e in published}) == 1
    assert sum(e["data"]["duplicate_of"] is None for e in published) == 1


def test_index_is_written_only_with_the_event(settings, redis_client):
    data = _data(wire_story(), 0)
    publish_article(redis_client, settings, data)
    publish_article(redis_client, settings, data)  # a redelivery: DUPLICATE, nothing written
    near = near_fingerprint(article_text(data), settings.near_duplicate_threshold)
    days = read_index_days(redis_client, settings, time.time())
    keys = near.band_keys(settings, days.today, days.today_width)
    buckets = zip(keys, near.band_fields(days.today_width), strict=True)
    assert all(redis_client.hget(key, field) == short_id(data["id"]) for key, field in buckets)
    bad = {**_data(unrelated_story(random.Random(4)), 1), "url": "not-absolute"}
    with pytest.raises(ValueError):  # the schema refuses it: no event, and no index record either
        publish_article(redis_client, settings, bad)
    assert redis_client.xlen(settings.stream) == 1
    assert not redis_client.exists(doc_key(settings, bad["id"]))


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9])
def test_bands_give_a_pair_at_the_candidate_similarity_a_99_percent_chance(threshold):
    rows = band_rows(threshold)
    candidate = threshold * 0.75
    assert 1 - (1 - candidate**rows) ** (128 // rows) >= 0.99


def test_overlap_forgives_a_trimmed_copy_but_not_a_short_quote_in_a_long_article():
    assert overlap(0.8, 100, 100) == pytest.approx(0.889, abs=0.01)
    assert overlap(0.1, 20, 400) == 0.1


class _CountingRedis(redis.Redis):
    """A real client that counts the commands it sends (each one a round trip here)."""

    sent: list[str]

    def execute_command(self, *args, **options):
        self.sent.append(str(args[0]))
        return super().execute_command(*args, **options)


def test_a_new_story_is_read_looked_up_and_appended_in_one_round_trip(settings):
    client = _CountingRedis.from_url(settings.redis_url, decode_responses=True)
    client.sent = []
    rng = random.Random(11)
    stories = [_data(unrelated_story(rng), 0, url=f"https://one.example.com/{i}") for i in range(3)]
    publish_article(client, settings, stories[0])  # this process learns today's index width
    for data in stories[1:]:
        client.sent.clear()
        assert publish_article(client, settings, data).outcome is PublishOutcome.CREATED
        assert len(client.sent) == 1, client.sent
    client.close()


def test_a_duplicate_found_by_the_one_round_trip_is_not_appended(settings, redis_client):
    data = _data(wire_story(), 0)
    publish_article(redis_client, settings, _data(unrelated_story(random.Random(3)), 1))
    assert publish_article(redis_client, settings, data).outcome is PublishOutcome.CREATED
    assert publish_article(redis_client, settings, data).outcome is PublishOutcome.DUPLICATE
    moved = {**data, "id": "0" * 32}
    assert publish_article(redis_client, settings, moved).outcome is PublishOutcome.DUPLICATE_TEXT
    assert redis_client.xlen(settings.stream) == 2


def test_a_new_storys_append_removes_the_task_runs_mark(settings, redis_client):
    mark = RunMark(settings.key("runs", "task-1:0"))
    redis_client.set(mark.key, 1)
    for site in (1, 2):  # the process learns today's index width: the one-round-trip case from here
        publish_article(redis_client, settings, _data(unrelated_story(random.Random(site)), site))
    fresh = _data(unrelated_story(random.Random(7)), 3)
    result = publish_article(redis_client, settings, fresh, run_mark=mark)
    assert result.outcome is PublishOutcome.CREATED and mark.ended
    assert not redis_client.exists(mark.key)


def test_a_duplicate_leaves_the_runs_mark_to_its_task(settings, redis_client):
    data = _data(wire_story(), 0)
    publish_article(redis_client, settings, data)
    mark = RunMark(settings.key("runs", "task-2:0"))
    redis_client.set(mark.key, 1)
    result = publish_article(redis_client, settings, data, run_mark=mark)  # a redelivery
    assert result.outcome is PublishOutcome.DUPLICATE and not mark.ended
    assert redis_client.exists(mark.key)
