"""An article split over one template's boxes: a recipe's (or product's) items under a heading in the
first box, its prose in the next. The items box scores as loss (short items), yet the template says it
is the article's; a box of the same template that is the page's header or a list of links is not.
Each page is written here."""

from __future__ import annotations

import lxml.html

from tests.test_clean_html_shapes import _paragraphs
from worker.clean import clean_html
from worker.clean.html_twins import listed_twins
from worker.parse import parse_html

HEADLINE = "Plum and almond tart for a late summer evening"
ITEMS = ["250 g plain flour", "125 g cold butter", "1 egg yolk", "6 ripe plums", "50 g ground almonds"]
METHOD = [
    "Rub the butter into the flour until it looks like breadcrumbs, then bind it with the egg yolk "
    "and a spoonful of cold water, and rest the pastry in the fridge for half an hour.",
    "Roll the pastry out thinly, line a tart tin with it and scatter the ground almonds over the base, "
    "which soaks up the juice of the plums as they bake and keeps the pastry crisp.",
    "Halve and stone the plums, lay them cut side up in circles over the almonds and bake the tart in "
    "a hot oven for about forty minutes, until the pastry is golden and the fruit is soft.",
]
MENU = "<ul class='menu'><li><a href='/'>Home</a></li><li><a href='/recipes'>Recipes</a></li></ul>"


def _items(heading: str = "What you need") -> str:
    return f"<h2>{heading}</h2><ul>" + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>"


def _page(body: str) -> str:
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<div class='recipe'>"
        f"<h1>{HEADLINE}</h1>{body}</div></body></html>"
    )


def _clean(html: str) -> list[str]:
    return clean_html(parse_html(html))


def test_the_ingredients_in_a_box_of_the_method_boxs_template_before_it_are_kept() -> None:
    body = (
        f"<section class='card card--ingredients'>{_items()}</section>"
        f"<section class='card card--method'><h2>Method</h2>{_paragraphs(METHOD)}</section>"
    )
    kept = _clean(_page(body))
    assert [text for text in kept if text in ITEMS] == ITEMS
    assert "What you need" in kept
    assert METHOD[-1] in kept


def test_the_ingredients_in_a_twin_of_the_method_boxs_wrapper_are_kept() -> None:
    body = (
        f"<div class='panel is-open'><div class='panel-head'><h2>Ingredients</h2></div>"
        f"<div class='panel-body'><div class='ingredients'>{_items('For the tart')}</div></div></div>"
        f"<div class='panel  is-open'><div class='panel-head'><h2>Method</h2></div>"
        f"<div class='panel-body'><div class='method'>{_paragraphs(METHOD)}</div></div></div>"
    )
    kept = _clean(_page(body))
    assert [text for text in kept if text in ITEMS] == ITEMS
    assert METHOD[0] in kept


def test_a_box_of_the_template_holding_the_headline_over_a_list_is_not_joined() -> None:
    header = (
        f"<section class='card card--head'><h2>Breaking</h2><h1>{HEADLINE}</h1>"
        "<ul><li>Photo one of six</li><li>Photo two of six</li><li>Photo three of six</li></ul></section>"
    )
    body = header + f"<section class='card card--method'>{_paragraphs(METHOD)}</section>"
    kept = _clean(_page(body))
    assert "Photo one of six" not in kept
    assert METHOD[0] in kept


def test_a_box_of_another_template_listing_under_a_heading_is_not_joined() -> None:
    body = (
        f"<aside class='shop-links'>{_items('From our shop')}</aside>"
        f"<section class='card card--method'>{_paragraphs(METHOD)}</section>"
    )
    kept = _clean(_page(body))
    assert not set(ITEMS) & set(kept)
    assert METHOD[1] in kept


def test_listed_twins_finds_the_template_box_before_the_best_container_or_its_wrapper() -> None:
    root = lxml.html.fromstring(
        "<div><div class='box a'><h3>Items</h3><table><tr><td>one</td></tr></table></div>"
        "<div class='box b'><p>no list here</p></div>"
        "<div class='box c'><p id='best'>the prose</p></div>"
        "<div class='box d'><h3>After</h3><ul><li>later</li></ul></div></div>"
    )
    best = root.get_element_by_id("best")
    twins, box = listed_twins(best)
    assert box is best.getparent()
    assert [twin.get("class") for twin in twins] == ["box a"]
    assert listed_twins(root.find(".//div[@class='box b']")) == ([root[0]], root[1])
    assert listed_twins(root[0]) == ([], root[0])
