"""A list of amounts (a recipe's ingredients, a dish's nutrients) is part of the article, though each
item is a few words: the figures leading its items say what it is in any language
(`worker.clean.html_quantities`). Pages written here."""

from __future__ import annotations

from tests.html_articles import clean
from worker.clean.html_quantities import is_amount_led

METHOD = [
    "Heat the oven to two hundred degrees and rub the chicken all over with the oil, the cinnamon "
    "and a good pinch of salt before it goes into the roasting tin.",
    "While it roasts, soften the onion in a wide pan for five minutes, then stir in the rice and "
    "pour over the stock, and let it simmer with the lid on until the liquid is gone.",
    "Carve the chicken once it has rested for ten minutes and lay the pieces over the rice, with the "
    "juices from the tin spooned over the top just before it goes to the table.",
]
INGREDIENTS = [
    "1 whole chicken, about 1.5 kg",
    "2 tablespoons olive oil",
    "1½ teaspoons ground cinnamon",
    "250 g long-grain rice",
    "500 ml chicken stock",
]


def _recipe(ingredient_boxes: int = 1, items: list[str] = INGREDIENTS, linked: bool = False) -> str:
    def item(text: str) -> str:
        return f"<li><a href='/shop'>{text}</a></li>" if linked else f"<li>{text}</li>"

    box = "<div class='tab-panel'><h3>Ingredients</h3><ul>" + "".join(map(item, items)) + "</ul></div>"
    method = "".join(f"<p>{p}</p>" for p in METHOD)
    return (
        "<html><head><title>Roast chicken with rice</title></head><body><main>"
        "<h1>Roast chicken with rice</h1>" + box * ingredient_boxes + f"<div class='method'>{method}</div>"
        "</main></body></html>"
    )


def test_a_recipes_ingredient_list_is_kept_with_its_method() -> None:
    kept = clean(_recipe())
    assert kept[: len(INGREDIENTS)] == INGREDIENTS
    assert kept[-1] == METHOD[-1]


def test_an_ingredient_list_the_page_repeats_in_another_tab_is_read_once() -> None:
    kept = clean(_recipe(ingredient_boxes=2))
    assert kept.count(INGREDIENTS[0]) == 1


def test_a_list_whose_numbered_items_are_links_is_not_a_list_of_amounts() -> None:
    kept = clean(_recipe(linked=True))
    assert INGREDIENTS[0] not in kept


def test_an_amount_is_figures_or_a_fraction_then_a_word() -> None:
    assert is_amount_led("8-9 ripe pears, cored")
    assert is_amount_led("¼ cup lemon juice")
    assert is_amount_led("390 kcal")
    assert not is_amount_led("Salt and pepper to taste")
    assert not is_amount_led("2023 12 14")


def test_a_price_list_beside_the_article_is_not_a_list_of_amounts() -> None:
    prices = ["£5 a month for the website", "£9 a month for the paper", "£12 a month for both"]
    plans = (
        "<div class='tab-panel'><h3>Our plans</h3><ul>"
        + "".join(f"<li>{p}</li>" for p in prices)
        + "</ul></div>"
    )
    method = "".join(f"<p>{p}</p>" for p in METHOD)
    page = (
        "<html><head><title>Roast chicken with rice</title></head><body><main>"
        f"<h1>Roast chicken with rice</h1>{plans}<div class='method'>{method}</div></main></body></html>"
    )
    kept = clean(page)
    assert kept[-1] == METHOD[-1]
    assert not any(p in kept for p in prices)


def test_a_price_is_not_an_amount() -> None:
    assert not is_amount_led("€12 a ticket")
