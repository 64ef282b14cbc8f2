"""The plain-text line labeller: what it calls the lines of a header, and that its training reproduces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.line_labels import Truth, labelled_text, norm
from bench.train_lines import SHIPPED, evaluate, train_to_temp
from worker.clean.text import TextLayout, clean_text
from worker.extract.text import extract_text_metadata
from worker.extract.text_anchors import anchors
from worker.extract.text_header import read_header_by_rules
from worker.extract.text_labels import LineLabel, default_labeller, features, page_view, window

MENU = [
    "Home",
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sports",
    "Culture",
    "Travel",
    "Opinion",
    "Podcasts",
    "Newsletters",
    "Subscribe",
    "Sign in",
]
PROSE = [
    "The harbour authority voted on Tuesday evening to approve the new ferry terminal, ending a dispute "
    "that has divided the town council for more than three years and delayed the project twice.",
    "Supporters of the terminal said the decision would bring more visitors to the old quarter, while "
    "residents near the quay worried about the noise of the engines and the traffic on the narrow roads.",
    "Work on the foundations is expected to begin in the spring, and the first crossings could run by "
    "the end of next summer if the weather allows the builders to keep to their plans.",
]


def _page(*header: str, menu: list[str] = MENU) -> str:
    return "\n\n".join([*menu, *header, *PROSE, "© 2025 Example Harbour Gazette. All rights reserved."])


def _labels(text: str) -> dict[str, LineLabel]:
    """Each window line's label by the shipped model, by the line's text."""
    layout = clean_text(text)
    top, lead = anchors(layout.lines, layout.body)
    rule_title = read_header_by_rules(layout.lines, layout.body).title_line
    view = page_view(layout.lines, layout.body, top, lead, layout.stopwords, rule_title)
    verdict = default_labeller().label(view)
    return {layout.lines[i]: label for i, label in zip(verdict.lines, verdict.labels, strict=True)}


def test_headline_after_a_long_menu_is_labelled_headline() -> None:
    headline = "Harbour Authority Approves New Ferry Terminal After Long Dispute"
    text = _page(headline, "By Jane Doe", "March 4, 2025", menu=MENU * 3)
    assert _labels(text)[headline] is LineLabel.HEADLINE
    assert extract_text_metadata(clean_text(text)).title == headline


def test_german_byline_is_labelled_byline() -> None:
    text = _page(
        "Hafenbehörde genehmigt neues Fährterminal nach langem Streit", "Von Anna Schmidt", "4. März 2025"
    )
    assert _labels(text)["Von Anna Schmidt"] is LineLabel.BYLINE


def test_french_byline_gives_the_author() -> None:
    text = _page("Le port approuve un nouveau terminal de ferry", "Par Jean Dupont", "4 mars 2025")
    assert _labels(text)["Par Jean Dupont"] is LineLabel.BYLINE
    assert extract_text_metadata(clean_text(text)).authors == ["Jean Dupont"]


def test_date_line_is_labelled_date() -> None:
    text = _page("Harbour Authority Approves New Ferry Terminal", "By Jane Doe", "Published March 4, 2025")
    assert _labels(text)["Published March 4, 2025"] is LineLabel.DATE


# A small corpus written for these tests: pages of one shape (menu, headline, byline, date, prose)
# with their truth, from invented headlines and names.
_HEADLINES = [
    "Harbour Authority Approves New Ferry Terminal",
    "City Council Delays Vote on Riverside Park",
    "Local Bakery Wins Regional Bread Award",
    "Storm Closes Mountain Pass for Second Day",
    "School Board Backs Longer Summer Break",
    "Museum Opens Wing Devoted to Old Maps",
    "Farmers Report Early Start to Cherry Harvest",
    "Cycling Lane Plan Splits Downtown Traders",
    "Library Extends Opening Hours Over Winter",
    "Volunteers Clean Up Beach After Spring Tides",
    "Rail Operator Adds Night Trains to Coast",
    "Town Hall Clock Restored After Ten Years",
]
_NAMES = ["Jane Doe", "Omar Haddad", "Lena Berg", "Tomas Novak", "Aiko Tanaka", "Priya Raman"]


def _fixture_pages(start: int, count: int) -> list:
    pages = []
    for k in range(start, start + count):
        headline, name = _HEADLINES[k % len(_HEADLINES)], _NAMES[k % len(_NAMES)]
        day = f"2025-03-{k % 27 + 1:02d}"
        menu = MENU[: 4 + k % 10]
        text = _page("Home > News > Local", headline, f"By {name}", f"March {k % 27 + 1}, 2025", menu=menu)
        truth = Truth(
            title=norm(headline),
            authors=(frozenset(name.lower().split()),),
            day=day,
            body=norm(" ".join(PROSE)),
        )
        if (page := labelled_text(f"fixture-{k}", "fixture", text, truth)) is not None:
            pages.append(page)
    return pages


def test_retrained_fixture_model_finds_headlines_of_pages_it_never_saw() -> None:
    model = train_to_temp(_fixture_pages(0, 24))
    scores = evaluate(model, _fixture_pages(24, 12))
    assert scores.headline >= 0.9
    assert scores.f1(LineLabel.BYLINE)[2] >= 0.9


def test_training_twice_gives_the_same_model() -> None:
    pages = _fixture_pages(0, 12)
    assert train_to_temp(pages).read_bytes() == train_to_temp(pages).read_bytes()


@pytest.mark.slow
def test_shipped_model_reproduces_from_the_permitted_sets() -> None:
    from bench.datasets import data_dir
    from bench.line_labels import TRAIN_SETS, labelled_pages

    root = Path(os.environ.get("NEWSWORKER_BENCH_DATA") or data_dir())
    missing = [name for name in TRAIN_SETS if not (root / name / "ground-truth.json").is_file()]
    if missing:
        pytest.skip(
            f"benchmark sets absent under {root} ({', '.join(missing)}): cannot retrain the shipped model"
        )
    pages = list(labelled_pages(str(root), TRAIN_SETS))
    model = train_to_temp(pages)
    retrained, shipped = evaluate(model, pages), evaluate(SHIPPED, pages)
    assert retrained.headline == pytest.approx(shipped.headline, abs=0.005)
    assert retrained.f1(LineLabel.BYLINE)[2] == pytest.approx(shipped.f1(LineLabel.BYLINE)[2], abs=0.01)


def test_header_far_above_the_prose_stays_in_the_window() -> None:
    """A header pushed down by a box of links (24 lines between it and the first paragraph) is still
    among the lines the labeller reads."""
    headline = "Harbour Authority Approves New Ferry Terminal After Long Dispute"
    links = [f"Ferry timetable for route {n}" for n in range(1, 25)]
    layout = clean_text(_page(headline, "By Jane Doe", "March 4, 2025", *links))
    top, lead = anchors(layout.lines, layout.body)
    view = page_view(layout.lines, layout.body, top, lead, layout.stopwords)
    assert layout.lines.index(headline) in window(view)


def _window_signs(layout: TextLayout) -> dict[str, list[str]]:
    """Each line of the labeller's window, with the signs it reads for it."""
    top, lead = anchors(layout.lines, layout.body)
    view = page_view(layout.lines, layout.body, top, lead, layout.stopwords)
    lines = window(view)
    return dict(zip((layout.lines[i] for i in lines), features(view, lines), strict=True))


def test_a_line_printed_as_one_part_of_the_window_title_is_marked() -> None:
    """A window title copied at the top ("Site – Headline") marks the line it names after its
    separator, whichever side of it the site's name stands."""
    headline = "Harbour Authority Approves New Ferry Terminal"
    layout = clean_text(
        _page(headline, "By Jane Doe", "March 4, 2025", menu=[f"Harbour Gazette – {headline}", *MENU])
    )
    signs = _window_signs(layout)
    assert "toppart" in signs[headline]
    assert "toppart" not in signs["By Jane Doe"]


def test_a_line_a_window_title_at_the_top_starts_with_is_marked() -> None:
    """ "Headline | Site" copied at the top marks the headline line (the window title starts with it),
    long or short: the prefix looked up first covers a line longer than it. A line the title does not
    start with is not marked."""
    short, long_ = "Ferry Vote Passes", "Harbour Authority Approves New Ferry Terminal After Long Dispute"
    for headline in (short, long_):
        layout = clean_text(
            _page(headline, "By Jane Doe", "March 4, 2025", menu=[f"{headline} | Harbour Gazette", *MENU])
        )
        signs = _window_signs(layout)
        assert "toptitle" in signs[headline]
        assert "toptitle" not in signs["By Jane Doe"]


def test_the_clean_stage_hands_over_its_reading_of_each_line() -> None:
    """The header reads the lines as the clean stage measured and classed them: one reading a line."""
    layout = clean_text(_page("Harbour Authority Approves New Ferry Terminal", "By Jane Doe"))
    assert [row.text for row in layout.measured] == layout.lines
    assert {layout.measured[i].kind for i in layout.body} <= {"good", "near-good", "short"}


def test_a_view_without_the_clean_stage_reading_reads_the_lines_as_it_does() -> None:
    """A caller with the lines alone gets the signs the clean stage's handed-over reading gives."""
    layout = clean_text(
        _page("Harbour Authority Approves New Ferry Terminal", "By Jane Doe", "March 4, 2025")
    )
    top, lead = anchors(layout.lines, layout.body)
    shared = page_view(layout.lines, layout.body, top, lead, layout.stopwords, measured=layout.measured)
    alone = page_view(layout.lines, layout.body, top, lead, layout.stopwords)
    lines = window(shared)
    assert features(shared, lines) == features(alone, lines)


def test_the_labeller_reads_the_clean_stage_class_of_each_line() -> None:
    """Body and header read one classification: each window line carries its clean-stage class, and
    a furniture line why it is one."""
    layout = clean_text(
        _page("Harbour Authority Approves New Ferry Terminal", "By Jane Doe", "March 4, 2025")
    )
    signs = _window_signs(layout)
    assert "k:good" in signs[PROSE[0]]
    assert "k:short" in signs["By Jane Doe"]
    assert {"k:bad", "f:chrome"} <= set(signs["Subscribe"])


def test_a_bucket_sign_names_the_first_edge_the_value_does_not_exceed_past_the_table_too() -> None:
    from worker.extract.text_label_signs import CHAR_EDGES, CHARS_SIGN, OFFSET_EDGES, TOP_SIGN, bucket_name

    for sign, name, edges in ((CHARS_SIGN, "c", CHAR_EDGES), (TOP_SIGN, "t", OFFSET_EDGES)):
        for value in range(edges[0] - 50, edges[-1] + 50):
            assert sign(value) == f"{name}:{bucket_name(value, edges)}"
    assert CHARS_SIGN(10_000) == "c:gt200"
    assert TOP_SIGN(-1_000) == "t:le-30"
