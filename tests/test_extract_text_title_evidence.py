"""Evidence for the headline of a page copied as text: a breadcrumb whose crumbs lost their spaces,
and a header that stands above a contents list the body classifier did not keep.

The pages here are written for the purpose.
"""

from __future__ import annotations

from worker.extract.text_header import read_header, read_header_by_rules
from worker.extract.text_labels import LineLabel, PageView, WindowLabels, window
from worker.extract.text_page_words import (
    PageWords,
    glued_crumbs,
)
from worker.extract.text_title_rank import CHAIN_ONLY

HEADLINE = "Ferry terminal approved after two years"
LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = (
    "Residents had argued that the terminal would bring traffic to the old quarter and its narrow streets."
)


def test_a_line_glued_to_the_crumbs_before_it_is_their_last_crumb() -> None:
    lines = ["HomeHarbourFerry terminal approved after two years", HEADLINE]
    assert glued_crumbs(lines) == {HEADLINE.lower()}


def test_a_line_after_a_space_is_no_glued_crumb() -> None:
    """The glued words stand elsewhere on the line; the headline follows a space: no lost separator."""
    lines = ["HomeHarbour news: Ferry terminal approved after two years", HEADLINE]
    assert glued_crumbs(lines) == set()


def test_a_single_word_tail_is_no_glued_crumb() -> None:
    lines = ["HomeHarbourFerries", "Ferries"]
    assert glued_crumbs(lines) == set()


def test_page_words_count_a_glued_crumb_among_the_crumbs() -> None:
    lines = ["HomeHarbourFerry terminal approved after two years", HEADLINE, LEAD, SECOND]
    assert HEADLINE.lower() in PageWords(lines, 2).crumbs


def test_the_glued_breadcrumb_marks_the_headline_over_a_subheading_above_the_lead() -> None:
    """Between the headline and the lead a share line and the first subheading: only the breadcrumb,
    its crumbs run together, says which line heads the page."""
    lines = [
        "News",
        "HomeHarbourWhat the new quay means",
        "What the new quay means",
        "Share this story",
        "Timetables for every weekday",
        LEAD,
        SECOND,
    ]
    assert read_header_by_rules(lines, [5, 6]).title == "What the new quay means"


class _WindowLabeller:
    """Unsure in the window over the body (a subheading at 0.4); sure of the headline in a window led
    by the paragraph under the byline cluster higher up."""

    def __init__(self, sure_top: int) -> None:
        self.sure_top = sure_top

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        marginals = []
        for i in lines:
            if view.lines[i] == HEADLINE:
                p = 0.9 if view.top == self.sure_top else 0.2
            else:
                p = 0.4 if i == view.top - 1 else 0.05
            marginals.append({LineLabel.HEADLINE: p, LineLabel.BYLINE: 0.0})
        return WindowLabels(lines, [LineLabel.OTHER] * len(lines), marginals)


def test_an_unsure_window_gives_way_to_the_header_above_a_contents_list() -> None:
    """The body classifier kept the text from the first section on; the header, its byline cluster
    and its opening paragraph stand above the contents list, inside the same window."""
    intro = (
        "Here is everything the harbour's new ferry terminal changes for the people who live in the "
        "old quarter, and what it will cost them."
    )
    lines = [
        "Guides",
        HEADLINE,
        "Jane Doe",
        "March 4, 2025",
        intro,
        "Contents",
        "What the terminal changes",
        "When the first boats dock",
        "Who pays for the terminal",
        "What the terminal changes",
        LEAD,
        SECOND,
    ]
    header = read_header(lines, [10, 11], labeller=_WindowLabeller(sure_top=4))
    assert header.title == HEADLINE


def test_a_cluster_over_no_paragraph_inside_the_window_leads_no_second_window() -> None:
    """Under the date a menu line, not prose: the window over the body keeps its headline."""
    lines = [
        "Guides",
        HEADLINE,
        "Jane Doe",
        "March 4, 2025",
        "Share on Facebook Share on X",
        "What the terminal changes",
        LEAD,
        SECOND,
    ]
    # The rules' chain alone, as the labeller's window gives it (the re-ranker weighs the cluster too).
    header = read_header(lines, [6, 7], labeller=_WindowLabeller(sure_top=4), ranker=CHAIN_ONLY)
    assert header.title == "What the terminal changes"
