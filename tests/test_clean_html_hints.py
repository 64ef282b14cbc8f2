"""The page's marked-up body (<article>) is its article when the headline the page's <title> repeats
stands in a header set just above it, outside it, and a stream of other stories' teasers around it
holds more text than it does. Each page is written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.parse import parse_html

TITLE = "Tram line to the harbour opens in spring"
STORY = [
    "The new tram line to the harbour will carry its first passengers in April, the city's transport "
    "board said on Tuesday, two years after the tracks were first laid along the old quay.",
    "Trams will run every ten minutes on weekdays and every quarter of an hour at weekends, and the "
    "fare will be the same as on the rest of the network, the board added in its statement.",
]
TEASER = (
    "Readers in the valley towns will find a longer report on the market's new opening hours, the "
    "stalls that moved to the square and what the traders said about the winter season, item"
)


def _teasers(count: int) -> str:
    return "".join(
        f"<div class='card'><div><a href='/s/{n}'>Other story {n}</a></div><p>{TEASER} {n}.</p>"
        f"<div>Section</div></div>"
        for n in range(count)
    )


def _page(between: str = "") -> str:
    article = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<html><head><title>{TITLE}</title></head><body><div class='stream'>{_teasers(3)}</div>"
        f"<div class='col'><div><header><h1>{TITLE}</h1></header></div>{between}"
        f"<div class='canvas'><article>{article}</article></div></div>"
        f"<div class='stream'>{_teasers(6)}</div></body></html>"
    )


def test_an_article_under_the_headline_of_a_header_outside_it_is_the_body() -> None:
    assert clean_html(parse_html(_page()), rules_only=True) == STORY


def test_an_article_with_other_text_between_it_and_the_headline_is_not_taken_on_that_ground() -> None:
    between = f"<div class='lead'><p>{TEASER} between.</p></div>"
    paragraphs = clean_html(parse_html(_page(between)), rules_only=True)
    assert all(text in paragraphs for text in STORY)
    # Not the <article> alone: the best-scoring container, with the box between, is the body.
    assert paragraphs != STORY
    assert any(p.startswith(TEASER) for p in paragraphs)


def test_a_teaser_article_in_a_column_beside_the_body_under_the_header_does_not_take_the_page() -> None:
    teaser = "".join(f"<p>{TEASER} {n}.</p>" for n in range(3))
    story = "".join(f"<p>{text}</p>" for text in STORY * 2)
    page = (
        f"<html><head><title>{TITLE}</title></head><body><header><h1>{TITLE}</h1></header>"
        f"<div class='cols'><div class='left'><article class='teaser'><h3><a href='/t'>Another story</a></h3>"
        f"{teaser}</article></div><div class='content'>{story}</div></div></body></html>"
    )
    paragraphs = clean_html(parse_html(page), rules_only=True)
    assert all(text in paragraphs for text in STORY)


def test_the_comments_after_an_article_under_the_headline_do_not_undo_it() -> None:
    article = "".join(f"<p>{text}</p>" for text in STORY)
    comments = "".join(f"<p>{TEASER} comment {n}.</p>" for n in range(8))
    page = (
        f"<html><head><title>{TITLE}</title></head><body><div class='head'><h1>{TITLE}</h1></div>"
        f"<article>{article}</article><section class='discussion'>{comments}</section></body></html>"
    )
    paragraphs = clean_html(parse_html(page), rules_only=True)
    assert paragraphs == STORY
