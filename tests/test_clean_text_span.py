"""Plain-text body: where a long review or listicle starts when spec rows part its sections.

The fixtures are written for these tests: a buyer's guide whose first pick's paragraphs sit above a
block of spec rows and labels, and whose heavier second pick follows; the page's masthead and footer
are `tests.test_clean_text`'s.
"""

from __future__ import annotations

from tests.test_clean_text import EN_FOOTER, EN_HEADER, _body, _page, _paragraphs
from worker.clean.text import clean_text

FIRST_PICK = [
    "The lightest kettle we tested boils a full litre in under four minutes, and its handle stays cool "
    "enough to hold even when the water inside has just come to the boil.",
    "It is not the cheapest model on the list, but the steel body has held up well after a year of daily "
    "use in our kitchen, and the lid still closes as firmly as it did on the first day, which matters more "
    "than it sounds when a loose lid lets steam out and the kettle keeps boiling.",
    "We would like a longer cord, since the base has to sit close to the wall socket, which is the one "
    "thing that kept it from a perfect score in our tests this year.",
]
SPECS = [
    "Capacity 1.0 l",
    "Weight 0.9 kg",
    "Power 2200 W",
    "Cord 0.7 m",
    "Body Steel",
    "Lid Hinged",
    "Filter Yes",
    "Warranty 2 years",
    "PROS",
    "Light",
    "Quick",
    "Cool Handle",
    "CONS",
    "Short Cord",
    "Pricey",
    "Noisy",
]
SECOND_PICK = [
    "Our runner-up costs half as much and boils water almost as quickly, although its plastic body gets "
    "warm to the touch and it feels less solid on the base when you lift it with one hand.",
    "The window on the side shows the water level clearly, which helps when you only want one cup, and "
    "the filter in the spout kept the limescale out of our tea during the whole test.",
    "Over six weeks we boiled water in it four times a day, and it never failed to switch off on its own, "
    "which is more than we can say for two of the other kettles on this list.",
    "It is loud, though: the rumble as the water heats is the loudest of the group, and the click when it "
    "switches off could wake someone sleeping in the next room of a small flat.",
    "If you want a kettle for an office or a holiday home, where price matters more than looks, this is "
    "the one we would buy, and it comes in four colours to match most kitchens.",
    "The base turns all the way round, so left-handed testers found it as easy to use as everyone else, "
    "and the cord tucks into a groove underneath when you want to put the kettle away.",
    "We descaled it twice during the test with nothing more than vinegar and water, and the inside still "
    "looked new at the end, without the brown marks that cheaper models tend to collect.",
    "The maker sells a spare filter for a few euros, and its support team answered our question about the "
    "warranty within a day, which is not something we can say about every brand here.",
]
# A menu of teasers: each a sentence, none as long as an article's paragraph.
MENU = [
    "Kitchen",
    "Our guide to the small appliances that are worth the space on your counter, tested at home by the "
    "team over many months.",
    "Garden",
    "Tools, hoses and mowers that survived a whole summer of use in our own gardens this year, from the "
    "cheapest to the best.",
    "Workshop",
    "The drills, saws and sanders we would buy again after a year of building shelves, sheds and a boat "
    "in the garage.",
    "Travel",
    "Bags, chargers and pillows that made the long trips of our testers easier, whether by train, by car "
    "or by plane.",
]


def test_first_section_above_spec_rows_is_kept() -> None:
    text = _page(
        EN_HEADER, *_paragraphs(FIRST_PICK), SPECS, ["Runner-up"], *_paragraphs(SECOND_PICK), EN_FOOTER
    )
    body = _body(clean_text(text))
    assert body[: len(FIRST_PICK)] == FIRST_PICK
    assert body[-len(SECOND_PICK) :] == SECOND_PICK


def test_spec_rows_between_the_sections_are_not_body() -> None:
    text = _page(
        EN_HEADER, *_paragraphs(FIRST_PICK), SPECS, ["Runner-up"], *_paragraphs(SECOND_PICK), EN_FOOTER
    )
    assert not set(SPECS) & set(_body(clean_text(text)))


def test_menu_teasers_above_the_article_are_not_joined() -> None:
    text = _page(EN_HEADER, MENU, SPECS, *_paragraphs(SECOND_PICK), EN_FOOTER)
    assert _body(clean_text(text)) == SECOND_PICK
