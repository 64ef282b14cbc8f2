"""A text page's headline that ends with a full stop, and a headline a promo printed as prose pushed
below the first prose line. Pages written for the purpose."""

from __future__ import annotations

from worker.extract.text_header import read_header
from worker.extract.text_headline import is_titled_sentence

LEAD = (
    "The valley's orchards lost half their blossom to a late frost this spring, and growers say the "
    "harvest will be the smallest in twenty years."
)
SECOND = "Some farms have already hired fewer pickers, and the cooperative has asked the region for help."


def test_a_title_case_line_ending_with_a_full_stop_is_a_titled_sentence() -> None:
    assert is_titled_sentence("What Growers Learned From the Coldest Spring in Years.")


def test_a_sentence_in_lowercase_ending_with_a_full_stop_is_not_a_titled_sentence() -> None:
    assert not is_titled_sentence("Growers say the harvest will be the smallest in years.")


def test_a_headline_ending_with_a_full_stop_over_the_byline_is_the_title() -> None:
    lines = [
        "Orchard Diaries",
        "Recipes",
        "Travel",
        "What Growers Learned From the Coldest Spring in Years.",
        "By Ana Ruiz",
        "April 3, 2025",
        LEAD,
        SECOND,
    ]
    assert read_header(lines, [6, 7]).title == "What Growers Learned From the Coldest Spring in Years."


def test_a_headline_under_a_newsletter_promo_read_as_prose_is_the_title() -> None:
    lines = [
        "Menu",
        "Find a Grower",
        "Markets",
        "Newsletter",
        "Get our weekly letter with seasonal recipes, market days and farm stories straight to your inbox!",
        "Sign Up",
        "Share Your Story",
        "If you have a story from the orchards you would like to tell, we would love to hear from you.",
        "Tell us your story",
        "Late frost halves the valley's apple harvest",
        "Last Modified: April 3, 2025",
        "Farming",
        LEAD,
        SECOND,
    ]
    assert read_header(lines, [4, 8, 12, 13]).title == "Late frost halves the valley's apple harvest"


def test_a_headline_under_a_coaching_promo_read_as_prose_is_the_title_without_a_date() -> None:
    lines = [
        "Guides",
        "Orchards",
        "Markets",
        "About Us",
        "Contact",
        "Limited Offer",
        "Personal plans, soil tests and weekly calls with our growers, built for your orchard alone.",
        "Apply Now",
        "Orchards",
        "Late frost leaves valley orchards with the smallest harvest in twenty years",
        LEAD,
        SECOND,
    ]
    assert read_header(lines, [6, 7, 8, 9, 10, 11]).title == (
        "Late frost leaves valley orchards with the smallest harvest in twenty years"
    )
