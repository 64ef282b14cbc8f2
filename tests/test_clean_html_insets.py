"""Other stories set into or after the article, however well they read: a photo gallery's slides in the
middle of the text, and a grid of teaser cards under a heading that announces other pages, even when
the grid outweighs the article. Pages written here."""

from __future__ import annotations

from tests.html_articles import ARTICLES
from worker.clean import clean_html
from worker.parse import parse_html

PARAGRAPHS = ARTICLES["en"]

SLIDES = [
    (
        "Harbour ferry returns",
        "The old harbour ferry made its first crossing in ten years on Saturday, carrying three hundred "
        "passengers and a brass band across the bay while families waved from the pier.",
    ),
    (
        "Bakery wins prize",
        "A family bakery on Mill Street took the regional prize for its rye loaf, beating forty other "
        "entries in a contest judged by bakers from across the county.",
    ),
    (
        "Market hall reopens",
        "The covered market hall reopened after a long repair, with new stalls for fishmongers, "
        "cheesemakers and a flower seller who has traded there since the spring of 1988.",
    ),
    (
        "Lighthouse repainted",
        "Volunteers spent four weekends repainting the lighthouse on the north cape, scraping off old "
        "layers of paint and finishing it in the red and white bands it wore a century ago.",
    ),
]

LAST_PARAGRAPH = (
    "The council expects the new timetable to be settled by the end of the month, after a last round "
    "of talks with the operators and a public meeting in the town hall on Thursday evening."
)


def _page(body: str) -> str:
    return (
        "<html lang='en'><head><title>t</title></head><body><article><h1>A headline for the test page</h1>"
        f"<div class='body'>{body}</div></article></body></html>"
    )


def _gallery() -> str:
    items = "".join(
        f"<li><h2><span class='counter'>{n}/{len(SLIDES)}</span> {title}</h2><p>{legend}</p>"
        "<p class='credits'>Photo agency</p></li>"
        for n, (title, legend) in enumerate(SLIDES, start=1)
    )
    return f"<div class='full-gallery'><h2>Town news in pictures</h2><ul class='legends'>{items}</ul></div>"


def test_a_gallery_of_counted_slides_inside_the_article_is_not_its_text() -> None:
    before, after = PARAGRAPHS[:2], [PARAGRAPHS[2], LAST_PARAGRAPH]
    body = (
        "".join(f"<p>{text}</p>" for text in before)
        + _gallery()
        + "".join(f"<p>{text}</p>" for text in after)
    )
    assert clean_html(parse_html(_page(body))) == [*PARAGRAPHS, LAST_PARAGRAPH]


def test_counted_slides_with_no_article_text_after_them_are_the_gallery_page_itself() -> None:
    body = f"<p>{PARAGRAPHS[0]}</p>{_gallery()}"
    kept = clean_html(parse_html(_page(body)))
    assert [legend for _, legend in SLIDES] == [text for text in kept if text in dict(SLIDES).values()]


def test_cards_under_a_recommended_heading_go_however_long_their_teasers() -> None:
    cards = "".join(
        f"<div class='card'><h3><a href='/story/{n}'>{title}</a></h3><p>{legend}</p><div>Town Daily</div>"
        "</div>"
        for n, (title, legend) in enumerate(SLIDES * 2)
    )
    body = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
    announced = f"</article><section><h2>Recommended for You</h2></section>{cards}"
    page = _page(body).replace("</article>", announced)
    assert clean_html(parse_html(page)) == PARAGRAPHS[:2]


def test_a_chart_drawn_in_text_leaves_its_labels_out() -> None:
    labels = ["$915", "billion", "600", "300", "$263", "billion", "0", "’17", "’20", "’23", "’26"]
    chart = "<div class='chart'>" + "".join(f"<div><p>{label}</p></div>" for label in labels) + "</div>"
    body = f"<p>{PARAGRAPHS[0]}</p>{chart}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    assert clean_html(parse_html(_page(body))) == PARAGRAPHS


def test_a_comparison_drawn_in_boxes_keeps_its_figures() -> None:
    cells = ["Pockets", "3", "3", "2", "Zones", "4", "5", "4", "Sizes", "S", "M", "L"]
    grid = "<div class='compare'>" + "".join(f"<div><p>{cell}</p></div>" for cell in cells) + "</div>"
    body = f"<p>{PARAGRAPHS[0]}</p>{grid}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    kept = clean_html(parse_html(_page(body)))
    assert [cell for cell in kept if cell in cells] == cells


def test_a_chronology_dated_day_and_month_is_no_gallery() -> None:
    dated = [f"<li><p>{day}/11 {text}</p></li>" for day, (_, text) in zip((2, 5, 9, 10), SLIDES, strict=True)]
    chronology = f"<div class='timeline'><ul>{''.join(dated)}</ul></div>"
    body = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{chronology}<p>{PARAGRAPHS[2]}</p>"
    kept = clean_html(parse_html(_page(body)))
    assert all(any(text in k for k in kept) for _, text in SLIDES)


def test_a_box_named_as_a_button_holds_a_controls_label_not_the_articles_text() -> None:
    controls = "".join(
        f"<div class='viewer-btn'>{label}</div>" for label in ("Enlarge image", "Start slideshow", "Dismiss")
    )
    rest = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[1:])
    body = f"<p>{PARAGRAPHS[0]}</p><div class='viewer'>{controls}</div>{rest}"
    assert clean_html(parse_html(_page(body))) == PARAGRAPHS


def test_the_blocks_around_a_button_do_not_read_through_it() -> None:
    offer = (
        "<div class='offer'><div class='buy-btn'>Order now</div><p>Delivered in a paper box of twelve</p>"
        "<div class='buy-btn'>Add to basket</div></div>"
    )
    body = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{offer}<p>{PARAGRAPHS[2]}</p>"
    assert clean_html(parse_html(_page(body))) == PARAGRAPHS
