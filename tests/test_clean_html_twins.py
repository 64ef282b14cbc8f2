"""An article split over one template's boxes: a recipe's (or product's) items under a heading in the
first box, its prose in the next. The items box scores as loss (short items), yet the template says it
is the article's; a box of the same template that is the page's header or a list of links is not.
Each page is written here."""

from __future__ import annotations

import lxml.html

from tests.html_articles import clean as _clean
from tests.test_clean_html_shapes import _paragraphs
from worker.clean import clean_html, html_twins
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
OTHER_RECIPES = ["Quick apple crumble", "Pear and ginger cake", "Cherry clafoutis for four"]
MENU = "<ul class='menu'><li><a href='/'>Home</a></li><li><a href='/recipes'>Recipes</a></li></ul>"


def _items(heading: str = "What you need") -> str:
    return f"<h2>{heading}</h2><ul>" + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>"


def _page(body: str) -> str:
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<div class='recipe'>"
        f"<h1>{HEADLINE}</h1>{body}</div></body></html>"
    )


def test_the_ingredients_in_a_box_of_the_method_boxs_template_before_it_are_kept() -> None:
    body = (
        f"<section class='card card--ingredients'>{_items()}</section>"
        f"<section class='card card--method'><h2>Method</h2>{_paragraphs(METHOD)}</section>"
    )
    kept = _clean(_page(body))
    assert [text for text in kept if text in ITEMS] == ITEMS
    assert "What you need" in kept
    assert METHOD[-1] in kept


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


def test_listed_twins_takes_the_listed_boxes_of_the_best_containers_template_right_before_it() -> None:
    root = lxml.html.fromstring(
        "<div><div class='box a'><h3>Items</h3><table><tr><td>one</td></tr></table></div>"
        "<div class='box b'><p>no list here</p></div>"
        "<div class='box c'><p id='best'>the prose</p></div>"
        "<div class='box d'><h3>After</h3><ul><li>later</li></ul></div></div>"
    )
    best = root.find(".//div[@class='box c']")
    assert [twin.get("class") for twin in listed_twins(best)] == ["box a"]
    assert listed_twins(root[0]) == []


def test_listed_twins_never_looks_beside_the_best_containers_wrapper() -> None:
    root = lxml.html.fromstring(
        "<div><div class='panel'><h3>Items</h3><ul><li>one</li><li>two</li></ul></div>"
        "<div class='panel'><div class='method' id='best'><p>the prose</p></div></div></div>"
    )
    assert listed_twins(root.get_element_by_id("best")) == []


def test_a_same_template_box_of_linked_headlines_before_the_article_is_not_joined() -> None:
    related = [
        f"<li><a href='/recipes/{i}'>{title}</a> ready in under an hour</li>"
        for i, title in enumerate(OTHER_RECIPES)
    ]
    body = (
        f"<section class='card card--related'><h2>Autumn baking</h2><ul>{''.join(related)}</ul></section>"
        f"<section class='card card--method'><h2>Method</h2>{_paragraphs(METHOD)}</section>"
    )
    kept = _clean(_page(body))
    assert not any(title in text for title in OTHER_RECIPES for text in kept)
    assert "Autumn baking" not in kept
    assert METHOD[0] in kept


def test_listed_twins_refuses_a_box_whose_entries_are_led_by_links() -> None:
    related = "".join(
        f"<li><a href='/r/{i}'>{title}</a> ready in an hour</li>" for i, title in enumerate(OTHER_RECIPES)
    )
    root = lxml.html.fromstring(
        f"<div><section class='card card--related'><h2>Autumn baking</h2><ul>{related}</ul></section>"
        f"<section class='card card--method' id='best'>{_paragraphs(METHOD)}</section></div>"
    )
    assert listed_twins(root.get_element_by_id("best")) == []


def test_a_list_inside_the_article_box_above_its_first_paragraph_is_not_promoted_by_the_rules() -> None:
    notes = "<h3>Good to know</h3><ul><li>Serves eight</li><li>Keeps two days</li><li>Freezes well</li></ul>"
    body = (
        f"<section class='card card--ingredients'>{_items()}</section>"
        f"<section class='card card--method'>{notes}{_paragraphs(METHOD)}</section>"
    )
    kept = clean_html(parse_html(_page(body)), rules_only=True)
    assert [text for text in kept if text in ITEMS] == ITEMS
    assert not {"Good to know", "Serves eight", "Keeps two days", "Freezes well"} & set(kept)


def test_a_listed_twin_with_a_box_of_another_template_between_is_not_the_best_containers() -> None:
    root = lxml.html.fromstring(
        f"<div><section class='card card--ingredients'>{_items()}</section>"
        "<aside class='note'><p>Our kitchen team tested this recipe twice in a home oven.</p></aside>"
        f"<section class='card card--method' id='best'>{_paragraphs(METHOD)}</section></div>"
    )
    assert listed_twins(root.get_element_by_id("best")) == []


def test_thirty_thousand_template_twins_before_the_article_are_looked_at_only_next_to_it(monkeypatch) -> None:
    seen: list[object] = []
    looked = html_twins._items_under_heading
    monkeypatch.setattr(html_twins, "_items_under_heading", lambda box: seen.append(box) or looked(box))
    listed = html_twins._listed
    judged: list[object] = []
    monkeypatch.setattr(
        html_twins, "_listed", lambda members, level: judged.append(1) or listed(members, level)
    )
    twin = f"<section class='card card--x'>{_items()}</section>"
    body = twin * 30000 + f"<section class='card card--method'>{_paragraphs(METHOD)}</section>"
    kept = _clean(_page(body))
    assert METHOD[0] in kept
    assert len(seen) <= html_twins.TWIN_MAX
    assert len(judged) <= html_twins.TWIN_MAX * (html_twins.TWIN_LEVELS + 1)


def test_a_related_stories_box_of_the_articles_template_before_it_is_not_joined() -> None:
    walks = ["Harbour walk number one, two hours", "Cliff path to the old light", "Dunes at low tide"]
    related = "<h2>Related stories</h2><ul>" + "".join(f"<li>{walk}</li>" for walk in walks) + "</ul>"
    body = (
        f"<section class='card card--list'>{related}</section>"
        f"<section class='card card--method'>{_paragraphs(METHOD)}</section>"
    )
    kept = _clean(_page(body))
    assert not set(walks) & set(kept)
    assert METHOD[0] in kept


def test_an_excerpt_of_the_method_above_its_listed_twin_is_not_said_twice() -> None:
    # The excerpt is read against the best container (the method), not the twin first in document order.
    excerpt = METHOD[0][:90] + " […]"
    links = "".join(
        f"<li><a href='/r/{n}'>Another recipe for a summer evening number {n}</a></li>" for n in range(12)
    )
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<div class='story'>"
        f"<div class='head'><h1>{HEADLINE}</h1><p>{excerpt}</p></div><div class='cards'>"
        f"<section class='card card--ingredients'>{_items()}</section>"
        f"<section class='card card--method'><h2>Method</h2>{_paragraphs(METHOD)}</section></div>"
        f"<ul class='more'>{links}</ul></div></body></html>"
    )
    kept = _clean(page)
    assert excerpt not in kept
    assert [text for text in kept if text in ITEMS] == ITEMS
    assert kept.count(METHOD[0]) == 1
