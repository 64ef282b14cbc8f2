"""`python -m bench.body_losses` reads only the tuning sets: the held-out ones are measured, never
opened, so asking for one is refused before any page is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.body_losses import main


@pytest.mark.parametrize("held_out", ["dragnet", "cleaneval"])
def test_a_held_out_set_is_refused(held_out: str, tmp_path: Path) -> None:
    assert main(["--data", str(tmp_path), "--sets", f"scrapinghub,{held_out}"]) == 2
