"""The line labeller's second window led by the page's first paragraph
(`text_second_window._first_paragraph_above`): a form, a product table or a contents list the body
classifier kept pushed the first prose line far below the header, and no byline or date cluster
marks where the header stood. The pages here are written for the purpose.
"""

from __future__ import annotations

from worker.extract.text_header import read_header
from worker.extract.text_labels import LineLabel, PageView, WindowLabels, window
from worker.extract.text_second_window import _first_paragraph_above
from worker.extract.text_title_rank import CHAIN_ONLY

HEADLINE = "A Checklist for Lending Your Sailboat to Friends"
INTRO = (
    "Lending your sailboat to a friend for a weekend takes more than a handshake on the pontoon, and "
    "this checklist walks through each thing to settle before the lines are cast off."
)
FORM = [
    "First Name*",
    "Last Name*",
    "Email*",
    "Marina*",
    "Length of Boat*",
    "This field is for checking only and should stay empty.",
    "Send me the checklist",
] * 5
NOTICE = (
    "This checklist is general guidance only and does not replace the advice of a qualified marine "
    "surveyor, an insurer or a lawyer who knows the waters where you sail."
)
TAIL = "Rules differ between harbours, so read the local bylaws of every port the boat will call at."


def _page() -> list[str]:
    return [
        "Harbour Mutual",
        "Guides",
        "Contact",
        HEADLINE,
        "Get the free checklist",
        INTRO,
        *FORM,
        NOTICE,
        TAIL,
    ]


class _WindowLabeller:
    """Unsure in the window over the body (a form's line at 0.4); sure of the headline in a window
    led by the page's first paragraph."""

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        marginals = []
        for i in lines:
            if view.lines[i] == HEADLINE:
                p = 0.9 if view.lines[view.top] == INTRO else 0.2
            else:
                p = 0.4 if i == view.top - 1 else 0.05
            marginals.append({LineLabel.HEADLINE: p, LineLabel.BYLINE: 0.0})
        return WindowLabels(lines, [LineLabel.OTHER] * len(lines), marginals)


def test_the_first_paragraph_with_a_headline_over_it_leads_the_second_window() -> None:
    """A button stands between the headline and the paragraph: one line between is allowed."""
    page = _page()
    assert _first_paragraph_above(page, len(page) - 2) == page.index(INTRO)


def test_a_paragraph_with_no_headline_over_it_leads_no_second_window() -> None:
    page = ["Harbour Mutual", "Guides", INTRO, *FORM, NOTICE]
    assert _first_paragraph_above(page, len(page) - 1) is None


def test_a_paragraph_inside_the_first_window_leads_no_second_window() -> None:
    page = _page()
    assert _first_paragraph_above(page, page.index(INTRO)) is None


def test_an_unsure_window_under_a_form_gives_way_to_the_headline_over_the_first_paragraph() -> None:
    """No byline or date on the page: the body classifier kept only the notice under the form, and
    the labeller, unsure over it, is sure of the headline over the page's first paragraph."""
    page = _page()
    body = [page.index(NOTICE), page.index(TAIL)]
    header = read_header(page, body, labeller=_WindowLabeller(), ranker=CHAIN_ONLY)
    assert header.title == HEADLINE
