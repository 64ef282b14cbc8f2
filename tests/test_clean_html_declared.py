"""A page that shows no article text (rendered in the reader's browser) but declares its article in
its JSON-LD is read from there before it is refused (`worker.clean.html_declared`). Pages written here."""

from __future__ import annotations

import json

import pytest

from worker.clean.html_declared import paragraphs_of
from worker.document import InputKind, load_document
from worker.errors import NotAnArticle
from worker.pipeline import extract_article

FIRST = (
    "The ferry to the island will run every hour from the first of May, the harbour office said on Tuesday."
)
SECOND = "Fishermen had asked for more crossings for years, and the new boat carries twice as many cars."
THIRD = "Tickets bought before the change stay valid until the end of the summer timetable."


def app_shell(linked_data: dict, shown: str = "") -> bytes:
    """A page whose visible body is an empty application root (plus `shown`), with JSON-LD."""
    script = f'<script type="application/ld+json">{json.dumps(linked_data)}</script>'
    return (
        f"<html><head><title>Ferry timetable</title>{script}</head>"
        f'<body><div id="root"></div><noscript>Please enable JavaScript.</noscript>{shown}</body></html>'
    ).encode()


def paragraphs_from(page: bytes) -> list[str]:
    return extract_article(load_document(page, kind=InputKind.HTML)).paragraphs


def news_article(body: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry timetable",
        "articleBody": body,
    }


def test_a_page_showing_nothing_gives_the_article_body_its_json_ld_declares() -> None:
    page = app_shell(news_article(f"{FIRST}\n\n{SECOND}\n{THIRD}"))
    assert paragraphs_from(page) == [FIRST, SECOND, THIRD]


def test_a_declared_body_written_in_html_gives_its_paragraphs_without_markup() -> None:
    linked = SECOND.replace("more crossings", '<a href="/x">more crossings</a>')
    body = f"<p>{FIRST}</p><p>{linked}</p>"
    assert paragraphs_from(app_shell(news_article(body))) == [FIRST, SECOND]


def test_a_how_to_gives_its_introduction_then_its_steps_through_sections() -> None:
    how_to = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": "How to hem a tablecloth",
        "description": f"<p>{FIRST}</p>",
        "step": [
            {"@type": "HowToSection", "itemListElement": [{"@type": "HowToStep", "text": SECOND}]},
            {"@type": "HowToStep", "itemListElement": {"@type": "HowToDirection", "text": f"<p>{THIRD}</p>"}},
        ],
    }
    assert paragraphs_from(app_shell(how_to)) == [FIRST, SECOND, THIRD]


def test_the_visible_article_wins_over_the_declared_one() -> None:
    shown = f"<article><h1>Ferry timetable</h1><p>{FIRST}</p><p>{SECOND}</p></article>"
    page = app_shell(
        news_article("A summary written for search engines only, never shown on the page."), shown
    )
    assert paragraphs_from(page) == [FIRST, SECOND]


def test_a_page_that_shows_and_declares_nothing_is_still_refused() -> None:
    with pytest.raises(NotAnArticle):
        paragraphs_from(app_shell({"@context": "https://schema.org", "@type": "WebPage", "name": "Ferry"}))


def test_a_line_break_inside_a_declared_html_paragraph_joins_its_two_words() -> None:
    assert paragraphs_of("<p>Harbour<br>office</p><p>Timetable</p>") == ["Harbour office", "Timetable"]


def test_a_description_written_as_html_is_given_as_its_text() -> None:
    declared = news_article(f"{FIRST}\n{SECOND}") | {
        "description": f"<p>{FIRST}</p><p>Tickets&nbsp;stay valid.</p>"
    }
    page = app_shell(declared)
    description = extract_article(load_document(page, kind=InputKind.HTML)).metadata.description
    assert description == f"{FIRST} Tickets stay valid."


def test_a_title_in_angle_brackets_is_text_not_markup() -> None:
    assert paragraphs_of("Fans queued to see <The Palace> again.") == [
        "Fans queued to see <The Palace> again."
    ]


def test_a_how_to_typed_by_its_full_vocabulary_address_is_read_too() -> None:
    how_to = {"@type": "https://schema.org/HowTo", "name": "How to hem a tablecloth", "step": [FIRST, SECOND]}
    assert paragraphs_from(app_shell(how_to)) == [FIRST, SECOND]


def test_a_page_showing_only_a_caption_gives_the_long_body_it_declares() -> None:
    body = "\n".join([FIRST, SECOND, THIRD] * 5)  # 15 paragraphs, some 1,450 characters: 10 times the caption
    caption = (
        "<figure><img src='ferry.jpg'><figcaption>The new ferry at the harbour wall.</figcaption></figure>"
    )
    shown = f"<article><h1>Ferry timetable</h1>{caption}<p>The new ferry at the harbour wall.</p></article>"
    assert paragraphs_from(app_shell(news_article(body), shown))[:3] == [FIRST, SECOND, THIRD]


def test_a_short_article_shown_on_the_page_is_kept_beside_a_longer_declared_one() -> None:
    body = "\n".join([FIRST, SECOND, THIRD] * 4)
    shown = f"<article><h1>Ferry timetable</h1><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
    assert paragraphs_from(app_shell(news_article(body), shown)) == [FIRST, SECOND, THIRD]


def test_a_related_storys_body_declared_first_is_not_read_for_a_page_showing_a_caption() -> None:
    related = {
        "@type": "NewsArticle",
        "headline": "Lighthouse keeper retires",
        "articleBody": "\n".join([THIRD] * 15),
    }
    graph = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "ItemList", "itemListElement": [related]}],
    }
    caption = (
        "<figure><img src='ferry.jpg'><figcaption>The new ferry at the harbour wall.</figcaption></figure>"
    )
    shown = f"<article><h1>Ferry timetable</h1>{caption}<p>The new ferry at the harbour wall.</p></article>"
    assert THIRD not in paragraphs_from(app_shell(graph, shown))


def test_an_article_declared_not_free_to_read_gives_only_the_teaser_the_page_shows() -> None:
    # The full text a paywalled page declares for search engines is not what its readers see.
    paywalled = {**news_article("\n".join([FIRST, SECOND, THIRD] * 5)), "isAccessibleForFree": "False"}
    gate = "<div class='paywall'>Subscribe to read on.</div>"
    shown = f"<article><h1>Ferry timetable</h1><p>{FIRST}</p>{gate}</article>"
    assert SECOND not in paragraphs_from(app_shell(paywalled, shown))


def test_a_page_showing_nothing_of_an_article_declared_not_free_to_read_is_refused() -> None:
    paywalled = {**news_article(f"{FIRST}\n\n{SECOND}\n{THIRD}"), "isAccessibleForFree": False}
    with pytest.raises(NotAnArticle):
        paragraphs_from(app_shell(paywalled))
