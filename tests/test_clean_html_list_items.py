"""A list the article keeps most of is kept whole, its linked items too. Pages written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.parse import parse_html

LEAD = (
    "The town's allotment society met on Thursday to plan the season, and its chair read out the list "
    "of what had changed since the autumn, item by item, to a full hall."
)
POINTS = [
    "The water troughs on the lower terrace were replaced in February, and each plot now has its own "
    "tap within twenty steps of the shed.",
    "<a href='/report'>Read the society's report on the year</a>",
    "Seed swapping moves from the church porch to the old dairy, which stays open on Sunday mornings "
    "from March until the end of June.",
    "The waiting list is down to eleven names, the shortest it has been since the society was founded "
    "in the years after the war.",
    "<a href='/plots'>Our new plot map</a>",
    "Bonfires are allowed again on the first Saturday of each month, as long as the wind blows away "
    "from the houses on Mill Lane.",
]


def _page(items: list[str]) -> str:
    listed = "".join(f"<li>{item}</li>" for item in items)
    return (
        "<html><head><title>Allotments</title></head><body><article>"
        f"<p>{LEAD}</p><ul>{listed}</ul></article></body></html>"
    )


def test_a_linked_item_of_a_list_the_article_keeps_is_kept() -> None:
    kept = clean_html(parse_html(_page(POINTS)))
    assert "Read the society's report on the year" in kept
    assert "Our new plot map" in kept


def test_a_list_of_links_beside_the_article_is_not_kept_for_it() -> None:
    links = [f"<a href='/p{i}'>Another story number {i} from the allotments</a>" for i in range(4)]
    kept = clean_html(parse_html(_page(POINTS[:1] + links)))
    assert not any(text.startswith("Another story") for text in kept)


REVIEWS = [
    (
        "The Brambling kettle",
        "It boiled a full litre in just under three minutes on our test hob, and the handle stayed cool "
        "enough to hold without a cloth through a whole week of morning tea.",
    ),
    (
        "The Harrier kettle",
        "Its spout poured cleanly even when the kettle was brim full, though the lid rattled loudly as "
        "soon as the water came close to the boil on the larger ring.",
    ),
    (
        "The Whinchat kettle",
        "The cheapest of the three was also the slowest, but the enamel kept its colour after a month "
        "by the window and the whistle could be heard from the garden.",
    ),
]


def _card(name: str, verdict: str, offer: str) -> str:
    return f"<li><h3>{name}</h3><p>{verdict}</p>{offer}</li>"


def _kept_with_offer(offer: str) -> list[str]:
    """The text kept from a page whose article is a list of review cards, each ending in `offer`."""
    cards = "".join(_card(name, verdict, offer) for name, verdict in REVIEWS)
    page = (
        "<html><head><title>Kettles</title></head><body><article>"
        f"<p>{LEAD}</p><ul>{cards}</ul></article></body></html>"
    )
    return clean_html(parse_html(page))


def test_a_shop_link_in_a_box_of_a_kept_lists_item_stays_out() -> None:
    link = "<a href='/shop'>Compare prices at the shop</a>"
    offer = f"<div class='card-foot'><div class='shop-link'>{link}</div></div>"
    kept = _kept_with_offer(offer)
    assert all(any(verdict in text for text in kept) for _, verdict in REVIEWS)
    assert not any("Compare prices" in text for text in kept)


def test_a_button_in_a_kept_lists_item_stays_out() -> None:
    offer = "<div class='buy-btn'><a href='/shop'>Buy it at the shop</a></div>"
    kept = _kept_with_offer(offer)
    assert all(any(verdict in text for text in kept) for _, verdict in REVIEWS)
    assert not any("Buy it at the shop" in text for text in kept)


def test_a_pointer_to_another_page_in_a_kept_list_stays_out() -> None:
    pointer = "Compare: <a href='/show'>How the village show judged its marrows last summer</a>"
    kept = clean_html(parse_html(_page([*POINTS[:3], pointer, *POINTS[3:]])))
    assert "Read the society's report on the year" in kept
    assert not any("marrows" in text for text in kept)
