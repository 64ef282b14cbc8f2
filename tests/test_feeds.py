"""Feed and sitemap parsing: bytes in, entries out, or a FeedError. No network, no Redis."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from worker.errors import DeadLetterReason, FeedError
from worker.feeds import DocumentKind, feed_links, gunzip_capped, parse_document

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def _parse(name: str, url: str = "https://courier.example.com/feed.xml"):
    return parse_document((FEEDS / name).read_bytes(), url=url)


def test_rss2_entries_carry_title_date_author_summary_tags_image():
    parsed = _parse("rss2.xml")
    assert parsed.kind is DocumentKind.FEED
    first = parsed.entries[0]
    assert first.url.startswith("https://courier.example.com/news/ferry-winter?utm_source=rss")
    assert first.title == "Ferry timetable changes for winter"
    assert first.published == "2026-11-23T07:30:00+00:00"
    assert first.authors == ("Mara Lind",)
    assert first.summary == "The evening ferry will leave earlier from December."
    assert first.tags == ("Transport", "Harbour")
    assert first.image == "https://courier.example.com/img/ferry.jpg"


def test_rss2_relative_link_resolves_against_the_feed_url():
    assert _parse("rss2.xml").entries[1].url == "https://courier.example.com/news/fish-market"


def test_rss2_author_email_gives_the_name_and_image_enclosure_is_the_image():
    second = _parse("rss2.xml").entries[1]
    assert second.authors == ("Olle Berg",)
    assert second.image == "https://courier.example.com/img/market.png"


def test_rss2_item_without_link_is_dropped_and_counted():
    parsed = _parse("rss2.xml")
    assert len(parsed.entries) == 2
    assert parsed.dropped == 1


def test_rss2_ttl_in_minutes_becomes_suggested_interval():
    assert _parse("rss2.xml").suggested_interval_s == 30 * 60


def test_rss1_rdf_dc_date_is_the_published_date():
    parsed = _parse("rss1.rdf")
    [entry] = parsed.entries
    assert entry.url == "https://valley.example.org/2026/bridge"
    assert entry.published == "2026-11-20T12:15:00+00:00"
    assert entry.authors == ("Ines Roth",)
    assert entry.tags == ("Roads",)


def test_rss1_sy_update_period_and_frequency_give_suggested_interval():
    assert _parse("rss1.rdf").suggested_interval_s == 86400 / 4


def test_atom_published_updated_authors_and_alternate_link():
    first, second = _parse("atom.xml").entries
    assert first.url == "https://ledger.example.net/articles/library"
    assert first.published == "2026-11-22T10:00:00+00:00"
    assert first.updated == "2026-11-23T07:45:00+00:00"
    assert first.authors == ("Ada Kovac", "Per Holm")
    assert first.summary == "The vote passed 9 to 2."
    assert first.image == "https://ledger.example.net/img/library.jpg"
    assert second.published == "2026-11-23T06:00:00+00:00"  # only <updated>: it stands in


def test_hints_hold_only_known_metadata_fields():
    hints = _parse("atom.xml").entries[1].hints()
    assert hints == {"title": "Snow expected tonight", "published": "2026-11-23T06:00:00+00:00"}


def test_sitemap_gives_locs_lastmod_and_image_and_drops_url_without_loc():
    parsed = _parse("sitemap.xml")
    assert parsed.kind is DocumentKind.SITEMAP
    crane, lighthouse = parsed.entries
    assert crane.url == "https://courier.example.com/news/harbour-crane"
    assert crane.updated == "2026-11-21T12:00:00+00:00"
    assert crane.published is None
    assert crane.image == "https://courier.example.com/img/crane.jpg"
    assert lighthouse.updated == "2026-11-19"
    assert parsed.dropped == 1


def test_sitemap_index_returns_children_with_lastmod():
    parsed = _parse("sitemap_index.xml", url="https://courier.example.com/sitemap.xml")
    assert parsed.kind is DocumentKind.SITEMAP_INDEX
    assert [(c.url, c.lastmod) for c in parsed.children] == [
        ("https://courier.example.com/sitemaps/news.xml", "2026-11-23T08:00:00+00:00"),
        ("https://courier.example.com/sitemaps/archive-2019.xml.gz", "2019-12-31"),
    ]


def test_gzipped_sitemap_is_decompressed():
    parsed = parse_document(gzip.compress((FEEDS / "sitemap.xml").read_bytes()), url="https://c.example/s.gz")
    assert len(parsed.entries) == 2


def test_gzip_past_the_cap_is_refused():
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    with pytest.raises(FeedError, match="cap"):
        parse_document(bomb, url="https://c.example/s.gz", max_bytes=1_000_000)


def test_corrupt_gzip_is_a_feed_error():
    with pytest.raises(FeedError, match="gzip"):
        gunzip_capped(b"\x1f\x8b\x08\x00garbage", 1000)


def test_news_sitemap_gives_publication_date_title_and_keywords():
    [entry] = _parse("news_sitemap.xml").entries
    assert entry.published == "2026-11-23T06:10:00+01:00"
    assert entry.title == "Storm warning for the coast"
    assert entry.tags == ("weather", "coast", "storm")
    assert entry.hints()["published"] == "2026-11-23T06:10:00+01:00"


def test_malformed_feed_with_nothing_recoverable_is_a_feed_error():
    with pytest.raises(FeedError, match="not well-formed") as caught:
        _parse("malformed.xml")
    assert caught.value.reason is DeadLetterReason.FEED_INVALID


def test_feed_with_undeclared_html_entity_is_read_leniently():
    parsed = _parse("rss091_nbsp.xml")
    assert parsed.recovered
    assert [e.url for e in parsed.entries] == ["https://crier.example.com/clock-tower"]


def test_billion_laughs_is_refused_at_once():
    started = time.monotonic()
    with pytest.raises(FeedError, match="entity"):
        _parse("billion_laughs.xml")
    assert time.monotonic() - started < 1.0


def test_billion_laughs_in_a_sitemap_is_refused():
    bomb = (FEEDS / "billion_laughs.xml").read_bytes().replace(b"<!DOCTYPE rss", b"<!DOCTYPE urlset")
    bomb = bomb.split(b"]>")[0] + b"]>\n<urlset><url><loc>https://b.example/&lol9;</loc></url></urlset>"
    with pytest.raises(FeedError, match="entity"):
        parse_document(bomb, url="https://b.example/sitemap.xml")


def test_external_entity_is_refused():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&xxe;</title><link>https://x.example/a</link></item></channel></rss>"
    )
    with pytest.raises(FeedError):
        parse_document(xxe, url="https://x.example/feed")


def test_html_page_is_not_a_feed():
    with pytest.raises(FeedError, match="not a feed or sitemap"):
        parse_document(b"<!doctype html><html><body><p>Hello</p></body></html>", url="https://x.example/")


def test_empty_body_is_a_feed_error():
    with pytest.raises(FeedError, match="empty"):
        parse_document(b"  \n", url="https://x.example/feed")


def test_feed_links_reads_atom_links_without_feedparser():
    assert feed_links((FEEDS / "atom.xml").read_bytes(), url="https://ledger.example.net/atom.xml") == [
        "https://ledger.example.net/articles/library",
        "https://ledger.example.net/articles/snow",
    ]


def test_feed_links_resolves_relative_rss_links():
    body = b"<rss><channel><item><link>/a</link></item><item><link>https://x.example/b</link></item></channel></rss>"
    assert feed_links(body, url="https://x.example/feed") == ["https://x.example/a", "https://x.example/b"]


@pytest.mark.parametrize(
    "body",
    [
        (FEEDS / "rss2.xml").read_bytes(),  # an item without a link: feedparser decides
        (FEEDS / "sitemap.xml").read_bytes(),
        (FEEDS / "malformed.xml").read_bytes(),
        (FEEDS / "billion_laughs.xml").read_bytes(),
        b'<rss xml:base="https://y.example/"><channel><item><link>/a</link></item></channel></rss>',
    ],
)
def test_feed_links_gives_up_where_feedparser_might_read_otherwise(body):
    assert feed_links(body, url="https://x.example/feed") is None
