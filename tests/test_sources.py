"""The source list in Redis, the source file, the beat tick and the `sources`/`poll` commands."""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import redis

from tests.feed_server import FeedServer, article_html, rss
from tests.helpers import events, settle
from worker.cli_feeds import register
from worker.config import ConfigError
from worker.sources import add_source, claim_due, list_sources, load_sources_file, sync_sources_file


@pytest.fixture
def client(settings):
    own = redis.Redis.from_url(settings.redis_url)
    yield own
    own.close()


@pytest.fixture
def server():
    feed_server = FeedServer()
    yield feed_server
    feed_server.close()


def _cli(settings, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="newsworker")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args, settings)


def test_new_source_is_due_at_once_and_claimed_for_one_interval(settings, client):
    add_source(client, settings, "https://a.example/feed", interval_s=300)
    assert claim_due(client, settings) == ["https://a.example/feed"]
    assert claim_due(client, settings) == []
    assert claim_due(client, settings, now=time.time() + 301) == ["https://a.example/feed"]


def test_source_without_interval_uses_the_configured_default(settings, client):
    add_source(client, settings, "https://a.example/feed")
    claim_due(client, settings)
    [(source, due_at)] = list_sources(client, settings)
    assert source.interval_s is None
    assert due_at == pytest.approx(time.time() + settings.poll_interval_s, abs=5)


def test_yaml_and_toml_source_files_read_alike(tmp_path):
    (tmp_path / "s.yaml").write_text(
        "sources:\n  - https://a.example/feed\n  - url: https://b.example/sitemap.xml\n    interval: 600\n"
    )
    (tmp_path / "s.toml").write_text(
        '[[sources]]\nurl = "https://a.example/feed"\n\n[[sources]]\nurl = "https://b.example/sitemap.xml"\n'
        "interval = 600\n"
    )
    assert load_sources_file(tmp_path / "s.yaml") == load_sources_file(tmp_path / "s.toml")
    assert [s.interval_s for s in load_sources_file(tmp_path / "s.yaml")] == [None, 600.0]


def test_bad_source_file_is_a_config_error(tmp_path):
    (tmp_path / "s.yaml").write_text("sources:\n  - ftp://a.example/feed\n")
    with pytest.raises(ConfigError, match="http"):
        load_sources_file(tmp_path / "s.yaml")


def test_file_sync_adds_updates_and_removes_only_file_sources(settings, client, tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("- https://a.example/feed\n- https://b.example/feed\n")
    add_source(client, settings, "https://cli.example/feed")
    assert sync_sources_file(client, settings, path).added == (
        "https://a.example/feed",
        "https://b.example/feed",
    )
    path.write_text("- url: https://a.example/feed\n  interval: 60\n")
    result = sync_sources_file(client, settings, path)
    assert (result.updated, result.removed) == (("https://a.example/feed",), ("https://b.example/feed",))
    assert [s.url for s, _ in list_sources(client, settings)] == [
        "https://a.example/feed",
        "https://cli.example/feed",
    ]


def test_cli_sources_add_list_remove(settings, capsys):
    assert _cli(settings, "sources", "add", "https://a.example/feed", "--interval", "120") == 0
    assert _cli(settings, "sources", "list") == 0
    assert "https://a.example/feed\tevery 120s" in capsys.readouterr().out
    assert _cli(settings, "sources", "remove", "https://a.example/feed") == 0
    assert _cli(settings, "sources", "remove", "https://a.example/feed") == 1


def test_cli_reports_redis_down_plainly(settings, capsys):
    down = replace(settings, redis_url="redis://127.0.0.1:1/0")
    assert _cli(down, "sources", "list") == 3
    assert "not reachable" in capsys.readouterr().err


@pytest.mark.usefixtures("celery_worker")
def test_cli_poll_queues_new_entries_and_prints_them(settings, redis_client, server, capsys):
    server.route("/news/kiosk", article_html("kiosk"), "text/html; charset=utf-8")
    from datetime import UTC, datetime

    server.route(
        "/feed.xml", rss([(server.url("/news/kiosk"), "Kiosk", datetime.now(UTC))]), "application/rss+xml"
    )
    assert _cli(settings, "poll", server.url("/feed.xml")) == 0
    out = capsys.readouterr().out
    assert f"new\t{server.url('/news/kiosk')}" in out
    assert "1 new, 0 seen" in out
    events(redis_client, settings.stream, 1)


@pytest.mark.usefixtures("celery_worker")
def test_beat_tick_twice_at_once_polls_each_due_source_once(settings, client, redis_client, server):
    """Two beats send the tick at the same moment; each due source is polled once."""
    from worker.feed_tasks import schedule_due_sources

    for name in ("north", "south"):
        server.route(f"/news/{name}", article_html(name), "text/html; charset=utf-8")
        entry = [(server.url(f"/news/{name}"), name, datetime.now(UTC))]
        server.route(f"/{name}.xml", rss(entry), "application/rss+xml")
        add_source(client, settings, server.url(f"/{name}.xml"), interval_s=3600)
    schedule_due_sources.delay()
    schedule_due_sources.delay()
    events(redis_client, settings.stream, 2)
    settle(1.5)
    assert [len(server.requests(f"/{n}.xml")) for n in ("north", "south")] == [1, 1]
    assert redis_client.xlen(settings.stream) == 2
