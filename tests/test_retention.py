"""Bounded by default: streams trimmed by age, a TTL on every other key, a near-duplicate index in day
buckets that expire whole, and an event that carries its body once. On the real Redis."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import redis

from bench.synth import Story, render, unrelated_story, wire_story
from tests.feed_server import FeedServer, article_html, rss
from worker.config import ConfigError, Settings
from worker.dedup import IndexDays, find_near_duplicate, near_fingerprint, read_index_days, width_for_volume
from worker.document import load_document
from worker.errors import DeadLetterReason
from worker.events import article_data, article_text, validate_data
from worker.fetch import new_client
from worker.pipeline import extract_article
from worker.polite import policy_from
from worker.poll import PollContext, poll
from worker.publish import DeadLetter, PublishOutcome, publish_article, publish_dead_letter
from worker.retention import DAY_S, Retention, day_of
from worker.sources import add_source, due_key, sources_key

HOUR_S = 3600


def _data(story: Story, site: int) -> dict:
    url = f"https://site{site}.example.com/news/{site}"
    page = render(story, site, url, random.Random(site))
    return article_data(extract_article(load_document(page, url=url)), source={"kind": "html"})


def _with_credit(story: Story) -> Story:
    return Story(story.title, (*story.paragraphs, "(Reporting by Tomas Leitner; editing by Ana Ruiz)"))


def _unrelated(seed: int) -> dict:
    return _data(unrelated_story(random.Random(seed)), seed)


def _letter() -> DeadLetter:
    return DeadLetter(
        DeadLetterReason.FETCH_FAILED, "refused", "worker.tasks.ingest_url", "url", "https://x/"
    )


def _redis_now_ms(client: redis.Redis) -> int:
    seconds, micros = client.time()
    return seconds * 1000 + micros // 1000


def _entry_ids(client: redis.Redis, stream: str) -> list[str]:
    return [entry_id for entry_id, _fields in client.xrange(stream)]


# --- streams: trimmed by age as they are appended to ----------------------------------------------


def test_article_entries_older_than_the_retention_are_gone_after_the_next_append(settings, redis_client):
    now_ms = _redis_now_ms(redis_client)
    aged = f"{now_ms - settings.retention_s * 1000 - 60_000}-0"
    young = f"{now_ms - settings.retention_s * 1000 + 60_000}-0"
    for entry_id in (aged, young):
        redis_client.xadd(settings.stream, {"event": "{}"}, id=entry_id)
    result = publish_article(redis_client, settings, _unrelated(1))
    assert _entry_ids(redis_client, settings.stream) == [young, result.stream_id]


def test_dead_letters_keep_their_own_longer_retention(settings, redis_client):
    now_ms = _redis_now_ms(redis_client)
    past_articles = f"{now_ms - settings.retention_s * 1000 - 60_000}-0"
    past_dead_letters = f"{now_ms - settings.dead_letter_retention_s * 1000 - 60_000}-0"
    for entry_id in (past_dead_letters, past_articles):
        redis_client.xadd(settings.dead_letter_stream, {"reason": "empty"}, id=entry_id)
    appended = publish_dead_letter(redis_client, settings, _letter(), once_key="task-1")
    assert _entry_ids(redis_client, settings.dead_letter_stream) == [past_articles, appended]


def test_dead_letter_without_a_task_is_trimmed_by_age_too(settings, redis_client):
    now_ms = _redis_now_ms(redis_client)
    redis_client.xadd(settings.dead_letter_stream, {"reason": "empty"}, id="1-0")
    appended = publish_dead_letter(redis_client, settings, _letter())
    assert _entry_ids(redis_client, settings.dead_letter_stream) == [appended]
    assert int(appended.split("-")[0]) >= now_ms


def test_stream_maxlen_still_caps_the_article_stream(settings, redis_client):
    capped = replace(settings, stream_maxlen=1)
    redis_client.xadd(settings.stream, {"event": "{}"}, id="*")
    for _ in range(300):  # an approximate cap trims whole nodes: fill a few
        redis_client.xadd(settings.stream, {"event": "{}"}, id="*")
    publish_article(redis_client, capped, _unrelated(2))
    assert redis_client.xlen(settings.stream) < 200


# --- every other key expires -------------------------------------------------------------------------


@pytest.fixture
def feed_server():
    server = FeedServer()
    yield server
    server.close()


def _poll_a_feed(settings: Settings, server: FeedServer) -> None:
    """A source followed and polled once: its seen-set, feed state, robots.txt and host keys."""
    server.route("/news/harbour", article_html("harbour"), "text/html; charset=utf-8")
    server.route(
        "/feed.xml", rss([(server.url("/news/harbour"), "Harbour", datetime.now(UTC))]), "application/rss+xml"
    )
    add_source(redis.Redis.from_url(settings.redis_url), settings, server.url("/feed.xml"))
    with new_client() as http:
        ctx = PollContext(
            redis=redis.Redis.from_url(settings.redis_url),
            settings=settings,
            http=http,
            policy=policy_from(settings),
            enqueue=lambda url, hints, source: None,
        )
        assert poll(server.url("/feed.xml"), ctx).new


def test_every_key_but_the_streams_and_the_source_list_carries_a_ttl(settings, redis_client, feed_server):
    _poll_a_feed(replace(settings, host_min_interval_s=1.0), feed_server)
    story = wire_story()
    for site, data in enumerate([_data(story, 0), _data(story, 1), _unrelated(3)]):
        publish_article(redis_client, settings, data)
        publish_article(redis_client, settings, {**data, "id": f"{site:032x}"})  # same text elsewhere
    publish_dead_letter(redis_client, settings, _letter(), once_key="task-1")
    publish_dead_letter(redis_client, settings, _letter())
    configuration = {settings.stream, settings.dead_letter_stream, sources_key(settings), due_key(settings)}
    keys = set(redis_client.scan_iter(match=settings.key_prefix + "*", count=1000))
    families = {key[len(settings.key_prefix) :].split(":")[0] for key in keys - configuration}
    assert {"article", "text", "near", "dead", "seen", "feedstate", "robots"} <= families
    assert [key for key in keys - configuration if redis_client.ttl(key) < 0] == []


def test_dedup_records_live_as_long_as_the_retention(settings, redis_client):
    data = _unrelated(4)
    publish_article(redis_client, settings, data)
    ttl = redis_client.ttl(settings.key("article", data["id"]))
    assert settings.retention_s - 60 < ttl <= settings.retention_s


def test_dedup_ttl_setting_overrides_the_retention_for_dedup_records(settings, redis_client):
    longer = replace(settings, dedup_ttl_s=30 * DAY_S)
    data = _unrelated(5)
    publish_article(redis_client, longer, data)
    assert redis_client.ttl(settings.key("text", data["fingerprints"]["sha256"])) > settings.retention_s


# --- the near-duplicate index: day buckets over the window --------------------------------------------


def test_near_duplicate_is_found_until_the_end_of_the_window(settings, redis_client):
    published_at = day_of(1_900_000_000) * DAY_S + 23 * HOUR_S  # late in its day
    story = wire_story()
    root = publish_article(redis_client, settings, _data(story, 0), now_s=published_at)
    window_end = published_at + settings.retention_s
    copy = _data(_with_credit(story), 1)
    duplicate_of, cluster = find_near_duplicate(redis_client, settings, copy, now_s=window_end)
    assert (duplicate_of, cluster) == (root.article_id, root.article_id)


def test_near_duplicate_past_the_window_and_a_day_starts_a_new_story(settings, redis_client):
    published_at = day_of(1_900_000_000) * DAY_S
    story = wire_story()
    publish_article(redis_client, settings, _data(story, 0), now_s=published_at)
    later = published_at + settings.retention_s + DAY_S + 1
    result = publish_article(redis_client, settings, _data(_with_credit(story), 1), now_s=later)
    assert (result.outcome, result.duplicate_of) == (PublishOutcome.CREATED, None)


def test_day_buckets_expire_whole_at_their_day_end_plus_the_window(settings, redis_client):
    now_s = 1_900_000_000
    first = _data(wire_story(), 0)
    publish_article(redis_client, settings, first, now_s=now_s)
    days = read_index_days(redis_client, settings, now_s)
    near = near_fingerprint(article_text(first), settings.near_duplicate_threshold)
    buckets = near.band_keys(settings, days.today, days.today_width)
    expected = (day_of(now_s) + 1) * DAY_S + settings.retention_s
    assert {redis_client.expiretime(key) for key in buckets} == {expected}
    for seed in range(6, 30):  # later articles of the day share buckets: the expiry is not renewed
        publish_article(redis_client, settings, _unrelated(seed), now_s=now_s + HOUR_S)
    assert {redis_client.expiretime(key) for key in buckets} == {expected}


def test_lookup_reads_every_day_of_the_window_and_no_other():
    settings = replace(Settings(), retention_s=7 * DAY_S)
    now_s = 1_900_000_000
    days = IndexDays.resolve(settings, now_s, [None] + ["1"] * 8)
    today = day_of(now_s)
    assert list(days.widths) == list(range(today, today - 8, -1))
    assert days.expires_at == (today + 1) * DAY_S + 7 * DAY_S


def test_bucket_width_grows_with_the_day_before_volume():
    assert [width_for_volume(n) for n in (0, 1_536, 1_537, 1_000_000, 10**9)] == [1, 1, 2, 4, 4]


# --- the event carries its body once --------------------------------------------------------------


def test_v2_event_data_carries_the_body_once_as_paragraphs(settings, redis_client):
    data = _unrelated(7)
    result = publish_article(redis_client, settings, data)
    [(_id, fields)] = redis_client.xrange(settings.stream, result.stream_id, result.stream_id)
    event = json.loads(fields["event"])
    assert event["type"] == "dev.newsworker.article.created.v2"
    assert event["dataschema"].endswith("/article.v2.json")
    assert "text" not in event["data"]
    validate_data(event["data"])
    assert len(fields["event"].encode()) <= 1.3 * len(article_text(data).encode()) + 1024


def test_v1_text_is_the_paragraphs_joined_by_a_blank_line():
    data = _unrelated(8)
    assert article_text(data) == "\n\n".join(data["paragraphs"])


# --- settings -------------------------------------------------------------------------------------


def test_retention_defaults_to_a_week_and_dead_letters_to_thirty_days():
    retention = Retention.of(Settings.from_env({}))
    assert (retention.stream_s, retention.dead_letter_s, retention.dedup_s) == (
        7 * DAY_S,
        30 * DAY_S,
        7 * DAY_S,
    )


def test_retention_of_zero_is_a_config_error():
    with pytest.raises(ConfigError, match="NEWSWORKER_RETENTION_S"):
        Settings.from_env({"NEWSWORKER_RETENTION_S": "0"})


def test_retentions_are_read_from_the_environment():
    settings = Settings.from_env(
        {"NEWSWORKER_RETENTION_S": "86400", "NEWSWORKER_DEAD_LETTER_RETENTION_S": "604800"}
    )
    assert (settings.retention_s, settings.dead_letter_retention_s) == (86_400, 604_800)
