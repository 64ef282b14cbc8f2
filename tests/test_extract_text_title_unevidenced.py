"""When no sign speaks for the rules' headline (a language menu's entry that merely stands nearest the
lead), a headline the labeller is less sure of replaces it; a pick with evidence needs the labeller's
usual belief to give way. The pages here are written for the purpose."""

from __future__ import annotations

from worker.extract.text_header import read_header, read_header_by_rules
from worker.extract.text_labels import LineLabel, PageView, WindowLabels, window

HEADLINE = "Learn harbour navigation"  # opens with a menu's word: the rules pass it over
LEAD = (
    "Our course on harbour navigation walks you through tides, buoys and the signals a harbour master "
    "gives, one short lesson a week."
)
SECOND = "Each lesson ends with an exercise you can try on the water or on a chart at home."
MENU_PAGE = ["Deutsch", "Español – América Latina", "Français", "Italiano", "Sign in", HEADLINE, LEAD, SECOND]


class _UnsureLabeller:
    """Believes the line `index` a headline with `belief`, no other line."""

    def __init__(self, index: int, belief: float) -> None:
        self.index, self.belief = index, belief

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        marginals = [
            {LineLabel.HEADLINE: self.belief if i == self.index else 0.0, LineLabel.BYLINE: 0.0}
            for i in lines
        ]
        return WindowLabels(lines, [LineLabel.OTHER for _ in lines], marginals)


def test_the_rules_pick_a_menu_entry_with_no_evidence() -> None:
    header = read_header_by_rules(MENU_PAGE, [6, 7])
    assert header.title == "Español – América Latina"
    assert header.title_evidence <= 0


def test_an_unsure_labeller_headline_replaces_a_pick_with_no_evidence() -> None:
    header = read_header(MENU_PAGE, [6, 7], labeller=_UnsureLabeller(5, 0.15))
    assert header.title == HEADLINE


def test_a_pick_over_its_byline_stands_against_the_same_unsure_belief() -> None:
    headline = "Harbour Master Retires After Forty Years"
    lines = ["Deutsch", "Français", headline, "By Ana Ruiz", "Mar 4, 2025", "Sign in", LEAD, SECOND]
    assert read_header_by_rules(lines, [6, 7]).title_evidence > 0
    assert read_header(lines, [6, 7], labeller=_UnsureLabeller(5, 0.15)).title == headline
