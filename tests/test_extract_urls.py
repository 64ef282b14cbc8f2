"""What a page's URLs become in the event: absolute http(s) URLs with a host, or nothing."""

from __future__ import annotations

from worker.document import InputKind, load_document
from worker.events import article_data, validate_data
from worker.extract.urls import MAX_URL_CHARS, absolute_url
from worker.pipeline import extract_article

BASE = "https://news.example.org/2026/12/harbour-reopens"


def test_a_relative_image_is_made_absolute_against_the_page() -> None:
    assert absolute_url("/img/harbour.jpg", BASE) == "https://news.example.org/img/harbour.jpg"


def test_a_url_with_a_scheme_but_no_host_is_left_out() -> None:
    assert absolute_url("http:/cdn.example.org/harbour.jpg", None) is None


def test_spaces_inside_a_url_are_percent_encoded() -> None:
    assert absolute_url("/img/the harbour.jpg", BASE) == "https://news.example.org/img/the%20harbour.jpg"


def test_a_url_longer_than_the_schema_allows_is_left_out() -> None:
    assert absolute_url("https://cdn.example.org/" + "a" * MAX_URL_CHARS, None) is None


def test_an_unclosed_ipv6_bracket_is_left_out_not_raised() -> None:
    assert absolute_url("http://[::1/harbour.jpg", None) is None


def test_a_page_whose_image_url_has_no_host_still_gives_a_valid_event() -> None:
    paragraph = "<p>The harbour reopened on Monday after three weeks of repairs to the old sea wall.</p>"
    html = (
        "<html><head><title>Harbour reopens</title>"
        '<meta property="og:image" content="http:/cdn.example.org/harbour.jpg"></head>'
        f"<body><article><h1>Harbour reopens</h1>{paragraph * 6}</article></body></html>"
    )
    article = extract_article(load_document(html, kind=InputKind.HTML))
    data = article_data(article)
    validate_data(data)
    assert data["image"] is None
