"""The headline re-ranker (`text_title_rank`): the lines the header's rules and the line labeller
propose are weighed on all their signs at once, by weights learnt from the benchmark sets' truth
(`python -m bench.train_titles`). The pages here are written for the purpose.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from bench.train_titles import Group, accuracy, fit
from tests.title_signs import header_proposal, sign
from worker.clean.text import clean_text
from worker.extract.text import extract_text_metadata, read_layout_header, reading_text_page
from worker.extract.text_title_rank import FEATURES, TitleRanker, default_ranker, ranker_from

LEAD = (
    "Picture an empty raised bed in early spring, the soil turned and the paths swept, and think about "
    "how you would fill each square of it with mixed planting before the summer comes."
)
SECOND = "Most gardeners fill a bed with one crop, and the soil lies bare between the rows for half the year."
THIRD = "Here is how we plan a bed of four squares, crop by crop, with the tall plants on the north side."


def _ranker(**weights: float) -> TitleRanker:
    return TitleRanker(tuple(weights.get(name, 0.0) for name in FEATURES))


def _header(lines: list[str], ranker: TitleRanker | None = None):
    layout = clean_text("\n\n".join(lines))
    with reading_text_page(layout):
        return layout.lines, read_layout_header(layout, ranker)


def test_the_shipped_weights_are_for_the_signs_this_code_reads() -> None:
    assert len(default_ranker().weights) == len(FEATURES)


def test_weights_learnt_on_other_signs_are_refused() -> None:
    with pytest.raises(ValueError, match="retrain"):
        ranker_from({"features": ["bias", "likely"], "weights": [0.0, 1.0]})


def test_the_headline_over_its_date_and_byline_wins_over_the_first_section_question() -> None:
    # The first section's question stands right over the first paragraph, whose words it echoes; the
    # headline stands higher, under its date and byline, with the post's categories between.
    lines = [
        "Green Plot",
        "Shop",
        "Courses",
        "Blog",
        "Published March 3, 2025 by Jane Doe",
        "Mixed Planting Versus Row Planting",
        "Filed Under:",
        "raised beds",
        "kitchen garden",
        "Share This Post",
        "What Is Mixed Planting?",
        LEAD,
        SECOND,
        THIRD,
    ]
    assert extract_text_metadata(clean_text("\n\n".join(lines))).title == "Mixed Planting Versus Row Planting"


PROMO_PAGE = [
    "Green Plot",
    "Shop",
    "Courses",
    "Join our spring course and learn how to plan, sow and tend a kitchen garden of your own this year.",
    "Mixed Planting Versus Row Planting",
    "By Jane Doe",
    LEAD,
    SECOND,
    THIRD,
]


def test_the_headline_over_a_byline_under_the_lead_is_proposed() -> None:
    # A promo read as the first paragraph: the header stands under it, a byline under its headline.
    _lines, header = _header(PROMO_PAGE, _ranker(signed=5.0))
    assert header.title == "Mixed Planting Versus Row Planting"


def test_a_ranker_that_trusts_the_rules_chain_changes_nothing() -> None:
    page = [
        "Green Plot",
        "Shop",
        "Blog",
        "Mixed Planting Versus Row Planting",
        "By Jane Doe",
        "March 3, 2025",
        LEAD,
        SECOND,
    ]
    trusting = _header(page, _ranker(chosen=1.0))[1]
    assert trusting.title == "Mixed Planting Versus Row Planting"
    assert trusting == _header(page)[1]


def test_the_bylines_stay_those_read_under_the_rules_pick() -> None:
    page = [
        "Green Plot",
        "Shop",
        "Blog",
        "Garden Notes From the Allotment",
        "Mixed Planting Versus Row Planting",
        "By Jane Doe",
        LEAD,
        SECOND,
    ]
    chain = _header(page, _ranker(chosen=1.0))[1]
    other = _header(page, _ranker(far=5.0))[1]  # the line furthest up
    assert other.title != chain.title
    assert other.bylines == chain.bylines


def _group(right_sign: int, lines: int = 3) -> Group:
    rows = np.zeros((lines, len(FEATURES)))
    rows[:, 0] = 1.0
    rows[0, FEATURES.index("chosen")] = 1.0  # the chain's pick is the first line, and wrong
    rows[right_sign, FEATURES.index("set_apart")] = 1.0
    right = np.zeros(lines, dtype=bool)
    right[right_sign] = True
    return Group(rows, right, 0)


def test_training_learns_the_sign_that_marks_the_right_line_and_is_reproducible() -> None:
    train = [_group(1), _group(2), _group(1, 4), _group(0)]
    weights = fit(train)
    assert weights[FEATURES.index("set_apart")] > 0
    assert np.array_equal(weights, fit(train))
    rules, ranked, total = accuracy(weights, [_group(1), _group(2)])
    assert (rules, ranked, total) == (0, 2, 2)


def test_retraining_on_the_shared_sets_reproduces_the_shipped_weights(tmp_path) -> None:
    """`python -m bench.train_titles` run again writes the shipped file byte for byte (skips without
    the shared sets)."""
    from bench.datasets import data_dir
    from bench.train_titles import SETS, SHIPPED, main

    root = data_dir(os.environ.get("NEWSWORKER_BENCH_DATA"))
    if not all((root / name / "ground-truth.json").is_file() for name in SETS):
        pytest.skip(f"shared training sets not under {root}: only the fixture training runs")
    out = tmp_path / "text_titles.json"
    assert main(["--data", str(root), "--out", str(out)]) == 0
    assert out.read_bytes() == SHIPPED.read_bytes()


def test_a_line_outside_the_labellers_window_is_marked_unweighed() -> None:
    # Forty menu entries over the header: the labeller reads the thirty lines over the lead only, so
    # it holds no belief about the first entries (their `likely` is 0 for want of one).
    page = [f"Garden Topic {n}" for n in range(40)] + ["Mixed Planting Versus Row Planting", LEAD, SECOND]
    with header_proposal(page) as (proposal, reading):
        headline = proposal.lines.index("Mixed Planting Versus Row Planting")
        assert 0 not in proposal.window and headline in proposal.window
        assert sign(reading, 0, "unweighed") == 1.0
        assert sign(reading, headline, "unweighed") == 0.0


def test_a_headline_among_other_posts_headlines_is_marked_listed() -> None:
    from worker.extract.text_title_shapes import listed

    promos = [
        "Five Crops That Thrive in a Cold Frame",
        "How to Build a Raised Bed From Old Pallets",
        "Mixed Planting Versus Row Planting",
        "Why Your Tomatoes Split After Heavy Rain",
        "The Best Mulch for a Small Kitchen Garden",
    ]
    alone = ["Green Plot", "Blog", "Mixed Planting Versus Row Planting", "By Jane Doe", LEAD]
    assert listed(promos, 2) > listed(alone, 2) == 0.0


def test_the_articles_own_byline_and_date_lines_are_no_list_around_its_headline() -> None:
    from worker.extract.text_title_shapes import listed

    header = [
        "Green Plot",
        "Mixed Planting Versus Row Planting",
        "By Jane Doe and John Roe for Green Plot Weekly",
        "Published 12 March 2025 at 10:00 GMT",
        LEAD,
    ]
    assert listed(header, 1) == 0.0
