"""`python -m bench.text_title_misses` puts each plain-text title miss in one class: where the truth
stands among the lines the header proposed. Only the page's lines, the candidates and the re-ranker's
pick decide it."""

from __future__ import annotations

from bench.text_title_misses import classify


def test_a_truth_no_line_reads_as_is_not_printed() -> None:
    assert classify(printed=[], inside=[], proposed=[3, 7], best=3) == "not printed"


def test_a_truth_held_within_a_longer_line_is_inside_a_line() -> None:
    assert classify(printed=[], inside=[4], proposed=[3, 7], best=3) == "inside a line"


def test_a_printed_truth_the_candidates_leave_out_is_not_proposed() -> None:
    assert classify(printed=[40], inside=[40], proposed=[3, 7], best=3) == "not proposed"


def test_a_proposed_truth_scored_under_another_line_is_out_ranked() -> None:
    assert classify(printed=[7], inside=[7], proposed=[3, 7], best=3) == "out-ranked"


def test_a_truth_the_re_ranker_picks_that_still_misses_was_changed_later() -> None:
    assert classify(printed=[7], inside=[7], proposed=[3, 7], best=7) == "ranked, then changed"
