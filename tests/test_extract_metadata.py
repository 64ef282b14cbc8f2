"""Each field's order of trust (`worker.extract.metadata`): the page, then the body's lead, then the
feed; every date, a feed's too, checked against the `now` the caller passes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from worker.article import Metadata
from worker.document import Document, InputKind
from worker.pipeline import extract_article

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
PARAGRAPHS = (
    "<p>The regional council approved a forty-turbine wind farm off the northern harbour on Monday "
    "after a two-year consultation with residents and fishermen.</p>"
    "<p>Fishing cooperatives said they would appeal, arguing that the turbines would close grounds "
    "their members have worked for generations and that the survey missed the winter catch.</p>"
    "<p>The operator said construction would begin next spring and that the first power would flow "
    "within three years, enough for about two hundred thousand homes along the coast.</p>"
)


def _html(*, head: str = "", ld: dict[str, Any] | None = None, top: str = "", lead: str = "") -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (
        f'<html lang="en"><head>{head}{script}</head><body><article>{top}'
        f"{lead}{PARAGRAPHS}</article></body></html>"
    )


def _extract(html: str, *, hints: Metadata | None = None, now: datetime = NOW) -> Metadata:
    return extract_article(Document(html, InputKind.HTML, None), hints=hints, now=now).metadata


def test_a_feed_date_after_now_is_refused() -> None:
    article = extract_article(
        Document(_html(top="<h1>Harbour wind farm approved</h1>"), InputKind.HTML, None),
        hints=Metadata(published="2025-09-01T08:00:00+00:00"),
        now=NOW,
    )
    assert article.metadata.published is None
    assert "published" not in article.fields_from_hints


def test_a_feed_date_fills_a_page_without_one() -> None:
    article = extract_article(
        Document(_html(top="<h1>Harbour wind farm approved</h1>"), InputKind.HTML, None),
        hints=Metadata(published="2025-05-30T08:00:00+00:00"),
        now=NOW,
    )
    assert article.metadata.published == "2025-05-30T08:00:00+00:00"
    assert "published" in article.fields_from_hints


def test_a_bare_year_from_the_feed_is_no_date() -> None:
    assert _extract(_html(), hints=Metadata(published="2024")).published is None


def test_an_html_date_is_judged_against_the_now_passed_in() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2025-05-20T10:00:00+00:00"}
    html = _html(head='<meta property="article:published_time" content="2025-04-10T10:00:00+00:00">', ld=ld)
    assert _extract(html, now=NOW).published == "2025-05-20T10:00:00+00:00"
    # Before 20 May the JSON-LD date is in the future: the next candidate in the chain stands.
    assert _extract(html, now=datetime(2025, 5, 1, tzinfo=UTC)).published == "2025-04-10T10:00:00+00:00"


def test_a_feed_update_before_the_publication_is_dropped() -> None:
    html = _html(head='<meta property="article:published_time" content="2025-05-20T10:00:00+00:00">')
    assert _extract(html, hints=Metadata(updated="2025-05-01T10:00:00+00:00")).updated is None


def test_published_the_page_outranks_the_lead_dateline_which_outranks_the_feed() -> None:
    lead = "<p>Oslo, Norway, May 12 (AFP) May 12, 2025 - The grid operator will connect the farm.</p>"
    meta = '<meta property="article:published_time" content="2025-05-20T10:00:00+00:00">'
    hints = Metadata(published="2025-05-25T10:00:00+00:00")
    assert _extract(_html(head=meta, lead=lead), hints=hints).published == "2025-05-20T10:00:00+00:00"
    assert _extract(_html(lead=lead), hints=hints).published.startswith("2025-05-12")
    assert _extract(_html(), hints=hints).published == "2025-05-25T10:00:00+00:00"


def test_title_the_page_outranks_the_feed() -> None:
    html = _html(top="<h1>Harbour wind farm approved</h1>")
    assert _extract(html, hints=Metadata(title="Wind farm: feed title")).title == "Harbour wind farm approved"
    assert _extract(_html(), hints=Metadata(title="Wind farm: feed title")).title == "Wind farm: feed title"


def test_authors_json_ld_outranks_author_meta() -> None:
    ld = {"@type": "NewsArticle", "headline": "Harbour wind farm approved", "author": {"name": "Jane Doe"}}
    html = _html(head='<meta name="author" content="John Roe">', ld=ld)
    assert _extract(html).authors == ["Jane Doe"]


def test_authors_the_page_outranks_the_feed() -> None:
    html = _html(head='<meta name="author" content="John Roe">')
    assert _extract(html, hints=Metadata(authors=["Ann Poe"])).authors == ["John Roe"]
    assert _extract(_html(), hints=Metadata(authors=["Ann Poe"])).authors == ["Ann Poe"]


def test_updated_the_page_outranks_the_feed() -> None:
    head = (
        '<meta property="article:published_time" content="2025-05-20T10:00:00+00:00">'
        '<meta property="article:modified_time" content="2025-05-21T10:00:00+00:00">'
    )
    hints = Metadata(updated="2025-05-22T10:00:00+00:00")
    assert _extract(_html(head=head), hints=hints).updated == "2025-05-21T10:00:00+00:00"
