"""A line the labeller is unsure of, above the headline that stands over the page's byline ("Newsletter
Name / Subscribe / Headline / Standfirst / Jane Doe / Oct 28, 2024"), is the site's name or a menu's:
the signed headline wins when about as likely. Pages written for the purpose; the labeller's beliefs
are given, except on the whole page read end to end."""

from __future__ import annotations

from tests.labeller_beliefs import labeller_beliefs
from worker.document import InputKind, load_document
from worker.extract.text_headline import signed_headline_below
from worker.extract.text_page_words import PageWords
from worker.pipeline import extract_article

LEAD = (
    "Welcome back to the Tidewater Notes letter, where every fortnight we read the harbour's records and "
    "tell you what the tides did to them."
)
STANDFIRST = (
    "A short list of the records kept by harbour masters along the coast, and what they tell of the sea."
)
LINES = [
    "Tidewater Notes",
    "SubscribeSign in",
    "Seven Harbour Logs Worth Reading This Winter",
    STANDFIRST,
    "Marta Kowalczyk",
    "Oct 28, 2024",
    "Share",
    LEAD,
]


def test_the_headline_over_the_byline_wins_over_an_unsure_pick_above_it() -> None:
    likely = labeller_beliefs({0: 0.3, 2: 0.12})
    assert signed_headline_below(LINES, 0, 7, likely, PageWords(LINES, 7)) == 2


def test_a_pick_the_labeller_is_sure_of_stays() -> None:
    likely = labeller_beliefs({0: 0.8, 2: 0.4})
    assert signed_headline_below(LINES, 0, 7, likely, PageWords(LINES, 7)) is None


def test_the_signed_headline_needs_to_be_about_as_likely() -> None:
    likely = labeller_beliefs({0: 0.3, 2: 0.05})
    assert signed_headline_below(LINES, 0, 7, likely, PageWords(LINES, 7)) is None


def test_a_caption_over_the_byline_is_no_headline_under_the_picks_standfirst() -> None:
    lines = [
        "Seven Harbour Logs Worth Reading This Winter",
        STANDFIRST,
        "The Harbour Master at the Quay Last Winter",
        "By Marta Kowalczyk",
        "Oct 28, 2024",
        LEAD,
    ]
    likely = labeller_beliefs({0: 0.3, 2: 0.2})
    assert signed_headline_below(lines, 0, 5, likely, PageWords(lines, 5)) is None


def test_a_whole_page_newsletter_gives_the_signed_headline_not_the_letters_name_as_title() -> None:
    """End to end, as a page copied whole as plain text: the labeller leans, unsure, to the letter's
    name, which has a headline's shape; the headline over "By Jane Doe" is the title."""
    lines = [
        "Notes From the Coast",
        "Subscribe",
        "Seven Harbour Logs Worth Reading This Winter",
        STANDFIRST,
        "By Jane Doe",
        "Oct 28, 2024",
        LEAD,
        "The oldest of them, kept at the north quay since 1790, records every ship that sheltered from a "
        "gale, and the keeper's notes on the weather read like a diary of the coast.",
        "We also looked at the ledgers of the smaller ports, where a single clerk wrote down the catch, "
        "the price of salt and the names of the boats that never came home.",
    ]
    document = load_document("\n".join(lines).encode(), kind=InputKind.TEXT)
    assert extract_article(document).metadata.title == "Seven Harbour Logs Worth Reading This Winter"
