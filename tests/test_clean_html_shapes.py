"""Text the block classifier reads by its shape: sentences closed by any language's quotation marks,
paragraphs an editor set in heading tags, ad labels. Each page is written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.clean.html_blocks import Block, BlockClass, classify_block, looks_like_prose
from worker.parse import parse_html

LEAD = [
    "The valley's last working mill reopened on Saturday after three years of repairs, and the "
    "miller said the first flour would be sold at the market in the square next week.",
    "The repairs were paid for by a fund the village set up after the flood, when the water wheel "
    "was torn from its axle and the lower floor of the mill stood under a metre of mud.",
    "Volunteers rebuilt the wheel from oak felled on the hillside above the river, following "
    "drawings kept in the parish archive since the mill was last rebuilt a century ago.",
]


def _page(body: str) -> str:
    return f"<html><head><title>Mill reopens</title></head><body><div class='wrap'>{body}</div></body></html>"


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_a_sentence_closed_by_a_german_quotation_mark_reads_as_prose() -> None:
    assert looks_like_prose("„Wir haben lange darauf gewartet, dass das Rad sich wieder dreht.“")


def test_a_sentence_closed_by_guillemets_reads_as_prose() -> None:
    assert looks_like_prose("Er sagte nur: »Das Wasser kommt jedes Jahr wieder.«")


def test_a_paragraph_set_in_a_heading_tag_is_text_beside_the_article() -> None:
    aside = (
        "The mill will open to visitors every Sunday afternoon. Children can watch the wheel "
        "turn from the footbridge, and the miller will explain how the stones grind the grain."
    )
    html = _page(f"<h1>Mill reopens</h1>{_paragraphs(LEAD)}<h3>{aside}</h3>")
    assert aside in clean_html(parse_html(html), rules_only=True)


def test_a_paragraph_in_a_heading_tag_reads_as_text_not_as_a_subheading() -> None:
    block = Block(
        text="The mill opens on Sundays. Children can watch the wheel turn from the footbridge above it.",
        tag="h4",
    )
    assert classify_block(block) is BlockClass.NEAR_GOOD


def test_a_subheading_of_one_sentence_stays_a_heading() -> None:
    block = Block(text="How the villagers rebuilt the wheel from oak felled on the hillside above", tag="h3")
    assert classify_block(block) is BlockClass.HEADING


def test_a_promotion_set_in_a_heading_away_from_the_article_is_dropped() -> None:
    promo = "Thank you for signing up. Check your inbox to confirm the address you gave us today!"
    html = _page(
        f"<h1>Mill reopens</h1>{_paragraphs(LEAD)}<div class='signup-box'><div>Newsletter</div>"
        f"<div><a href='/a'>Archive</a></div><h4>{promo}</h4></div>"
    )
    assert promo not in clean_html(parse_html(html), rules_only=True)


def test_an_advertising_label_inside_the_article_is_dropped() -> None:
    html = _page(f"<h1>Mill reopens</h1>{_paragraphs(LEAD[:2])}<div>ADVERTISING</div>{_paragraphs(LEAD[2:])}")
    paragraphs = clean_html(parse_html(html), rules_only=True)
    assert "ADVERTISING" not in paragraphs
    assert paragraphs == LEAD


def test_a_sentence_ending_in_an_emoji_reads_as_prose() -> None:
    assert looks_like_prose("Nach dem Lauf fühlt man sich wie neu geboren und das gefällt mir 😉")


def test_a_sentence_ending_in_an_emoticon_reads_as_prose() -> None:
    assert looks_like_prose("We will be back at the market next Saturday with fresh bread :D")


def test_a_name_alone_is_not_prose() -> None:
    assert not looks_like_prose("x Franzi")


def test_a_german_similar_articles_heading_ends_the_article() -> None:
    teaser = (
        "Die Feuerwehr lädt am Sonntag zum Tag der offenen Tür ein, mit Vorführungen am Gerätehaus "
        "und einer Fahrt mit der Drehleiter für alle Kinder aus dem Dorf."
    )
    related = f"<h2>Ähnliche Artikel</h2><h3><a href='/tag'>Tag der offenen Tür</a></h3><p>{teaser}</p>"
    html = _page(f"<h1>Mill reopens</h1>{_paragraphs(LEAD)}{related}")
    assert clean_html(parse_html(html), rules_only=True) == LEAD


def test_a_short_closing_sentence_in_the_article_box_is_kept() -> None:
    post = f"<div class='post'>{_paragraphs(LEAD)}<p>See you at the mill!</p></div>"
    html = _page(f"<h1>Mill reopens</h1>{post}")
    assert clean_html(parse_html(html), rules_only=True) == [*LEAD, "See you at the mill!"]


def test_a_short_sentence_in_a_box_of_its_own_after_the_article_is_dropped() -> None:
    html = _page(
        f"<h1>Mill reopens</h1><div class='post'>{_paragraphs(LEAD)}</div>"
        "<div class='after'><p>Thanks for stopping by!</p></div>"
    )
    assert clean_html(parse_html(html), rules_only=True) == LEAD


def test_a_short_linked_line_after_the_article_is_dropped() -> None:
    closing = "<p>More on <a href='/mills'>the mills of the valley</a>.</p>"
    html = _page(f"<h1>Mill reopens</h1><div class='post'>{_paragraphs(LEAD)}{closing}</div>")
    assert clean_html(parse_html(html), rules_only=True) == LEAD
