"""A short label the page prints more than once ("All Products", the site's name) is a menu's entry or
a masthead: the labeller's pick gives way to a longer headline the page prints once, when that is about
as likely. Pages written for the purpose; the labeller's beliefs are given."""

from __future__ import annotations

from tests.labeller_beliefs import labeller_beliefs
from worker.extract.text_headline import instead_of_menu_entry
from worker.extract.text_page_words import PageWords

LEAD = (
    "The hardware catalogue is split into ten sections this year, so that each can be read on its own "
    "without downloading the whole book."
)
LINES = [
    "Harbour Supply",
    "All Products",
    "Hinges and Latches",
    "All Products",
    "Contact",
    "Marine Hardware Catalogue 2025",
    LEAD,
]


def test_a_short_label_printed_twice_gives_way_to_the_headline_printed_once() -> None:
    likely = labeller_beliefs({3: 0.6, 5: 0.4})
    assert instead_of_menu_entry(LINES, 3, range(7), likely, PageWords(LINES, 6)) == 5


def test_the_label_stays_when_no_headline_printed_once_is_about_as_likely() -> None:
    likely = labeller_beliefs({3: 0.6, 5: 0.1})
    assert instead_of_menu_entry(LINES, 3, range(7), likely, PageWords(LINES, 6)) is None


def test_a_short_headline_printed_once_is_no_menu_entry() -> None:
    lines = [*LINES[:5], "Hinge Recall", LEAD]
    likely = labeller_beliefs({5: 0.6, 2: 0.5})
    assert instead_of_menu_entry(lines, 5, range(7), likely, PageWords(lines, 6)) is None


def test_a_short_headline_over_its_paragraph_is_no_menu_entry_though_printed_twice() -> None:
    lines = [
        "Harbour Supply",
        "Hinge Recall",
        "Contact",
        "Hinge Recall",
        LEAD,
        "Marine Hardware Catalogue 2025",
    ]
    likely = labeller_beliefs({3: 0.6, 5: 0.5})
    assert instead_of_menu_entry(lines, 3, range(6), likely, PageWords(lines, 4)) is None
