"""The headline over its byline cluster against a subheading under it: of two likely headlines with a
byline or date between them, the one over the byline heads the page.

The pages here are written for the purpose.
"""

from __future__ import annotations

from worker.extract.text_header import read_header
from worker.extract.text_headline import headline_over_cluster
from worker.extract.text_labels import LineLabel, PageView, WindowLabels, window
from worker.extract.text_page_words import PageWords

HEADLINE = "Ferry Terminal Approved After Two Years"
SUBHEADING = "What the New Quay Means for Commuters"
LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = (
    "Residents had argued that the terminal would bring traffic to the old quarter and its narrow streets."
)
PAGE = ["Menu", HEADLINE, "Ana Ruiz", "Follow", "Mar 4, 2025 · 6 min read", SUBHEADING, LEAD, SECOND]


def _likelihood(probabilities: dict[int, float]):
    return lambda index: probabilities.get(index, 0.0)


def test_the_line_over_the_byline_and_date_wins_when_about_as_likely() -> None:
    common = PageWords(PAGE, 6)
    assert headline_over_cluster(PAGE, 5, _likelihood({1: 0.7, 5: 0.8}), common) == 1


def test_a_much_less_likely_line_over_the_cluster_does_not_win() -> None:
    common = PageWords(PAGE, 6)
    assert headline_over_cluster(PAGE, 5, _likelihood({1: 0.2, 5: 0.8}), common) is None


def test_no_byline_or_date_between_means_no_cluster_to_stand_over() -> None:
    """A kicker right over the headline is no headline over a cluster."""
    lines = ["Menu", "Harbour News Today", HEADLINE, LEAD, SECOND]
    assert headline_over_cluster(lines, 2, _likelihood({1: 0.9, 2: 0.9}), PageWords(lines, 3)) is None


def test_a_name_alone_between_is_no_cluster() -> None:
    """A bare name without a date or byline under it: the chosen line may be the headline under an
    author's name printed as a kicker."""
    lines = ["Menu", "Harbour News Today", "Ana Ruiz", HEADLINE, LEAD, SECOND]
    assert headline_over_cluster(lines, 3, _likelihood({1: 0.9, 3: 0.9}), PageWords(lines, 4)) is None


class _SubheadingLabeller:
    """Surest of the subheading under the cluster, nearly as sure of the headline over it."""

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        sure = {PAGE.index(HEADLINE): 0.7, PAGE.index(SUBHEADING): 0.8}
        marginals = [{LineLabel.HEADLINE: sure.get(i, 0.0), LineLabel.BYLINE: 0.0} for i in lines]
        return WindowLabels(lines, [LineLabel.OTHER for _ in lines], marginals)


def test_the_header_takes_the_headline_over_the_cluster_not_the_subheading() -> None:
    header = read_header(PAGE, [6, 7], labeller=_SubheadingLabeller())
    assert header.title == HEADLINE
