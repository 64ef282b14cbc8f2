"""A text page's headline set in title case with a short capitalised tag after a dash ("Headline –
Strength Training", "Headline - Part 2") names the page's kind or series, not the headline: the title
is the headline alone, as an HTML page's is (`titles.without_tagline`). Only where the page's language
sets headlines in title case: a German headline capitalises every noun, so its tag stays.

The pages here are written for the purpose.
"""

from __future__ import annotations

from worker.clean.text import clean_text
from worker.extract.text import extract_text_metadata
from worker.extract.titles import sets_title_case

LEAD = (
    "The kettle is the first thing most people buy for a new kitchen, and the one they think about "
    "least, although it is used more often than the oven and the hob together in a typical week."
)
SECOND = (
    "We boiled a litre of water in each of the twelve models three times and noted how long it took, "
    "how loud it was and whether the lid could be opened with one hand."
)
GERMAN_LEAD = (
    "Die Fähre über den kleinen See fährt seit diesem Frühjahr wieder jeden Tag, und die Gemeinde "
    "hat dafür einen neuen Steg aus Lärchenholz bauen lassen, der auch bei Hochwasser hält."
)
GERMAN_SECOND = (
    "Die Bürger hatten lange darauf gewartet, denn der alte Steg war seit drei Jahren gesperrt und "
    "der Umweg über die Brücke kostete eine halbe Stunde."
)


def page(headline: str, lead: str = LEAD, second: str = SECOND) -> str:
    return "\n\n".join(["Kettle Corner", "Reviews Guides Deals", headline, lead, second])


def test_a_capitalised_tag_after_a_title_case_headline_is_dropped() -> None:
    text = page("Twelve Kettles Tested for Speed – Buying Guide")
    assert extract_text_metadata(clean_text(text)).title == "Twelve Kettles Tested for Speed"


def test_a_part_number_after_a_title_case_headline_is_dropped() -> None:
    text = page("Twelve Kettles Tested for Speed - Part 2")
    assert extract_text_metadata(clean_text(text)).title == "Twelve Kettles Tested for Speed"


def test_a_dash_in_a_sentence_case_headline_stays() -> None:
    text = page("Twelve kettles tested for speed – and the quietest one")
    assert (
        extract_text_metadata(clean_text(text)).title
        == "Twelve kettles tested for speed – and the quietest one"
    )


def test_a_tag_after_a_german_headline_stays() -> None:
    text = page("Neuer Steg für die Fähre am Dorfsee – Ortsgeschehen", GERMAN_LEAD, GERMAN_SECOND)
    assert (
        extract_text_metadata(clean_text(text)).title == "Neuer Steg für die Fähre am Dorfsee – Ortsgeschehen"
    )


def test_english_and_an_unknown_language_set_title_case_german_does_not() -> None:
    assert sets_title_case("en-GB") and sets_title_case(None) and not sets_title_case("de")
