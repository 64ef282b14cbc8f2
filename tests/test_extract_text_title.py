"""Which line of a page copied as text is the headline: a picture's caption or credit never is.

Between a headline and its first paragraph many pages print the lead picture's caption, often with
the photographer and agency; it has a headline's shape. The pages here are written for the purpose.
"""

from __future__ import annotations

import pytest

from worker.clean.text import clean_text
from worker.extract.text import extract_text_metadata
from worker.extract.text_header import read_header
from worker.extract.text_headline import weigh_title, without_glued_kicker
from worker.extract.text_labels import LineLabel, PageView, WindowLabels, window
from worker.extract.text_not_headline import is_trail_or_row
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import is_picture_credit

LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = (
    "Residents had argued that the terminal would bring traffic to the old quarter and its narrow streets."
)


@pytest.mark.parametrize(
    "line",
    [
        "The old quay at dawn. Photograph: Jane Doe for the Harbour Times",
        "Fähre im Hafen von Kiel. Foto: Max Muster",
        "Jane Doe | Getty Images",
        "The harbour master on Tuesday (John Roe / Associated Press)",
        "Dockers at the old quay / Shutterstock",
        "Ferries waiting outside the harbour (FILE)",
        "Media caption The harbour master explains the new timetable",
    ],
)
def test_a_caption_or_credit_line_is_a_picture_credit(line: str) -> None:
    assert is_picture_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ferry terminal approved after two years",
        "Exclusive: Harbour board tells Reuters it will sell the quay",
        "Photos: the harbour's new terminal in pictures",
    ],
)
def test_a_headline_is_no_picture_credit(line: str) -> None:
    assert not is_picture_credit(line)


def test_a_credit_line_between_the_headline_and_the_lead_is_not_the_title() -> None:
    lines = [
        "News",
        "Ferry terminal approved after two years",
        "The old quay at dawn, where the new terminal will stand. Credit: Jane Doe",
        LEAD,
        SECOND,
    ]
    assert read_header(lines, [3, 4]).title == "Ferry terminal approved after two years"


def test_a_header_pushed_above_the_window_by_a_long_contents_list_is_found_under_its_byline() -> None:
    stops = ["North Quay", "Old Harbour", "Fish Market", "Lighthouse Point", "Ferry Hill", "Custom House"]
    stops += ["Salt Pier", "Boat Yard", "Canal Gate", "Rope Walk", "Dry Dock", "West Jetty"]
    contents = [row for stop in stops for row in (stop, "Departs every 20 minutes", "See timetable")]
    headline = "The Harbour Ferry Guide: Every Stop on the New Line"
    lines = ["Home", "News", "Travel", headline, "By Jane Doe", "March 4, 2025", "Contents"]
    lines += [*contents, "Timetables as of: March 2025", LEAD, SECOND]
    assert read_header(lines, [len(lines) - 2, len(lines) - 1]).title == headline


def test_a_headline_copied_with_utf8_read_as_latin1_is_put_back() -> None:
    """ "Investorâ\\x80\\x99s": the page's UTF-8 was read as Latin-1 before it was copied as text."""
    headline = "A Ferry Investor’s Guide to the New Harbour Terminal"
    broken = headline.encode().decode("latin-1")
    text = "\n\n".join(["News", broken, "By Jane Doe", "March 4, 2025", LEAD, SECOND])
    assert extract_text_metadata(clean_text(text)).title == headline


@pytest.mark.parametrize(
    "line",
    ["Blog > Weight Loss > Weight Loss Tips", "Home » News » World", "Pos\tPlayer\tPlays\tStats"],
)
def test_a_breadcrumb_trail_or_a_table_row_is_never_a_headline(line: str) -> None:
    assert is_trail_or_row(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ferry terminal approved after two years",
        "Harbour board » sells the quay",  # one step: "Headline » Section" is a window title, not a trail
        "Écrans : « Vape Wave » et « 6 Days » cette semaine",  # French quotation marks, no trail
    ],
)
def test_a_headline_is_no_trail(line: str) -> None:
    assert not is_trail_or_row(line)


class _TrailLabeller:
    """A labeller sure that the breadcrumb trail is the headline."""

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        marginals = [
            {LineLabel.HEADLINE: 0.9 if ">" in view.lines[i] else 0.3 * (i == 1), LineLabel.BYLINE: 0.0}
            for i in lines
        ]
        return WindowLabels(lines, [LineLabel.OTHER] * len(lines), marginals)


def test_a_breadcrumb_trail_the_labeller_is_sure_of_is_not_the_title() -> None:
    lines = ["News", "Ferry terminal approved after two years", "Blog > Harbour > Ferry News", LEAD, SECOND]
    assert read_header(lines, [3, 4], labeller=_TrailLabeller()).title == lines[1]


def test_the_rules_pass_over_a_breadcrumb_trail_above_the_byline() -> None:
    pieces = [(0, "Ferry News"), (1, "Blog > Harbour > Ferry Terminal Plans"), (2, "By Jane Doe")]
    lines = [text for _, text in pieces] + [LEAD, SECOND]
    found = weigh_title(pieces, {2}, set(), 3, LEAD, PageWords(lines, 3))
    assert found is None or found[0] != 1


def test_the_headline_printed_alone_under_its_kicker_glued_copy_is_taken() -> None:
    lines = [
        "HomeHarbourBreaking: Ferry terminal approved after two years",
        "Breaking: Ferry terminal approved after two years",
    ]
    assert without_glued_kicker(lines, 0) == 1


def test_a_breadcrumb_crumb_over_a_kickered_headline_is_not_taken() -> None:
    """ "Ferry terminal approved" over "Harbour: Ferry terminal approved": the upper is the last crumb."""
    lines = ["Ferry terminal approved", "Harbour: Ferry terminal approved", LEAD]
    assert without_glued_kicker(lines, 1) is None


def test_a_short_tail_is_no_headline_alone() -> None:
    lines = ["The harbour's new ferry terminal", "Ferry terminal"]
    assert without_glued_kicker(lines, 0) is None


class _GluedLabeller:
    """A labeller sure of the kicker-glued copy of the headline."""

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        marginals = [
            {LineLabel.HEADLINE: 0.9 if view.lines[i].startswith("Guides") else 0.1, LineLabel.BYLINE: 0.0}
            for i in lines
        ]
        return WindowLabels(lines, [LineLabel.OTHER] * len(lines), marginals)


def test_the_header_takes_the_headline_without_its_glued_kicker() -> None:
    headline = "Ferry terminal approved after two years"
    lines = ["News", f"Guides {headline}", headline, "By Jane Doe", LEAD, SECOND]
    assert read_header(lines, [4, 5], labeller=_GluedLabeller()).title == headline
