"""The headline over the page's first signed byline, when a buying guide's product table pushed the
first prose line far below its header (`text_headline.signed_headline`). The pages are written here."""

from __future__ import annotations

from worker.extract.text_header import read_header
from worker.extract.text_headline import signed_headline
from worker.extract.text_labels import LineLabel, PageView, WindowLabels, window
from worker.extract.text_page_words import PageWords

HEADLINE = "The Best Ferry Timetable Apps of 2026"
STANDFIRST = (
    "We tried every timetable app on the harbour's six routes over two winters to find the most reliable."
)
PROSE = [
    "Catching the morning ferry used to mean a paper timetable pinned by the kitchen door, and a sprint "
    "to the quay whenever the weather changed the crossing times without much warning at all.",
    "The apps we tested promise to end that, and most of them do, although a few still show sailings "
    "that were cancelled hours before and leave their users waiting on the pier in the rain.",
    "We judged each one on how quickly it told us of a change, how easy it was to read on the move, "
    "and whether it kept working when the signal on the crossing dropped away entirely.",
]
MENU = ["Home", "Guides", "Reviews", "Deals", "Newsletter", "Sign in"]
# A product table's cells: short lines, none of them prose, between the header and the first paragraph.
TABLE = [cell for n in range(1, 16) for cell in (f"Harbour App {n}", f"Rating {n}.5", "Check price")]


def _guide(*header: str) -> list[str]:
    return [*MENU, *header, *TABLE, *PROSE]


def _signed_headline(lines: list[str]) -> int | None:
    """`signed_headline` of a guide page whose lead is its first paragraph of prose."""
    lead = lines.index(PROSE[0])
    return signed_headline(lines, lead, PageWords(lines, lead))


def test_the_headline_over_the_first_signed_byline_is_found() -> None:
    lines = _guide(HEADLINE, "By Jane Doe ⋅ Review Editor ⋅ Updated March 4, 2026")
    assert _signed_headline(lines) == lines.index(HEADLINE)


def test_a_lone_opener_over_a_name_signs_the_page() -> None:
    lines = _guide(HEADLINE, "By", "Jane Doe", "March 4, 2026")
    assert _signed_headline(lines) == lines.index(HEADLINE)


def test_a_standfirst_and_a_date_between_headline_and_byline_are_passed_over() -> None:
    lines = _guide(HEADLINE, STANDFIRST, "March 4, 2026", "By Jane Doe")
    assert _signed_headline(lines) == lines.index(HEADLINE)


def test_a_long_byline_of_two_names_with_their_roles_signs_the_page() -> None:
    byline = "By Jane Doe, Harbour and Ferry Expert & John Roe, Senior Editor Last updated March 4, 2026"
    lines = _guide(HEADLINE, byline)
    assert _signed_headline(lines) == lines.index(HEADLINE)


def test_a_name_with_a_common_word_signs_after_the_opener() -> None:
    """ "By Anna Field": the page writes "field" in lowercase, but the opener vouches for the name."""
    lines = _guide(HEADLINE, "By Anna Field")
    lines.append("Out on the field of the old quay the ferry crews waited for the last sailing of the day.")
    assert _signed_headline(lines) == lines.index(HEADLINE)


def test_a_bare_name_over_a_role_and_a_date_signs_the_page() -> None:
    lines = _guide(HEADLINE, "Jane Doe", "Review Editor", "March 4, 2026")
    assert _signed_headline(lines) == lines.index(HEADLINE)


def test_a_bare_name_without_a_date_under_it_signs_nobody() -> None:
    lines = _guide(HEADLINE, "Jane Doe", "Review Editor")
    assert _signed_headline(lines) is None


def test_a_credit_that_is_no_byline_signs_nobody() -> None:
    lines = _guide(HEADLINE, "Reviewed by Jane Doe")
    assert _signed_headline(lines) is None


def test_a_menu_entry_opening_with_by_signs_nobody() -> None:
    """ "By Industry", "By Use Case": a menu's way into the same pages, no person signing them."""
    lines = [*MENU, "Solutions", "By Industry", "By Use Case", "Harbour Operators", *TABLE, *PROSE]
    assert _signed_headline(lines) is None


def test_a_byline_below_the_window_start_is_not_read() -> None:
    lines = _guide(HEADLINE, "By Jane Doe")
    byline = lines.index("By Jane Doe")
    assert signed_headline(lines, byline, PageWords(lines, byline)) is None


class _SureLabeller:
    """A labeller sure that the line above the first paragraph is the headline (at `probability`)."""

    def __init__(self, probability: float) -> None:
        self.probability = probability

    def label(self, view: PageView) -> WindowLabels:
        lines = window(view)
        chosen = view.top - 1
        marginals = [
            {LineLabel.HEADLINE: self.probability if i == chosen else 0.0, LineLabel.BYLINE: 0.0}
            for i in lines
        ]
        return WindowLabels(lines, [LineLabel.OTHER] * len(lines), marginals)


def _page_with_a_subheading() -> tuple[list[str], list[int]]:
    lines = _guide(HEADLINE, "By Jane Doe ⋅ Review Editor", *[f"Crossing notes {n}" for n in range(12)])
    at = lines.index(PROSE[0])
    lines.insert(at, "How We Tested The Apps")
    return lines, [at + 1, at + 2, at + 3]


def test_an_unsure_labeller_gives_way_to_the_signed_headline() -> None:
    lines, body = _page_with_a_subheading()
    assert read_header(lines, body, labeller=_SureLabeller(0.4)).title == HEADLINE


def test_a_sure_labeller_keeps_its_own_headline() -> None:
    lines, body = _page_with_a_subheading()
    assert read_header(lines, body, labeller=_SureLabeller(0.9)).title == "How We Tested The Apps"
