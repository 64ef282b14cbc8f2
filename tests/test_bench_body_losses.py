"""`python -m bench.body_losses` reads only the tuning sets: the held-out ones are measured, never
opened, so asking for one is refused before any page is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.body_losses import _edge_verdicts, main


@pytest.mark.parametrize("held_out", ["dragnet", "cleaneval"])
def test_a_held_out_set_is_refused(held_out: str, tmp_path: Path) -> None:
    assert main(["--data", str(tmp_path), "--sets", f"scrapinghub,{held_out}"]) == 2


class _Scorer:
    """The reference scorer's tokens and 4-token shingles, as `bench.body_losses` reads them."""

    N = 4

    @staticmethod
    def tokens(text: str) -> list[str]:
        return text.split()


def test_a_shingle_over_a_block_edge_counts_with_the_dropped_block_it_spans() -> None:
    verdicts = _edge_verdicts(
        _Scorer(), ["alpha beta gamma", "delta epsilon"], ["kept_but_lost", "model_dropped"]
    )
    assert verdicts[("alpha", "beta", "gamma", "delta")] == "model_dropped"
    assert verdicts[("beta", "gamma", "delta", "epsilon")] == "model_dropped"


def test_a_shingle_inside_one_block_is_not_an_edge_shingle() -> None:
    verdicts = _edge_verdicts(_Scorer(), ["alpha beta gamma delta", "epsilon"], ["kept_but_lost"] * 2)
    assert ("alpha", "beta", "gamma", "delta") not in verdicts
    assert verdicts[("beta", "gamma", "delta", "epsilon")] == "kept_but_lost"
