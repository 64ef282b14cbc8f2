"""The line labeller's beliefs as a test gives them, for the title rules that weigh them."""

from __future__ import annotations

from collections.abc import Callable


def labeller_beliefs(values: dict[int, float]) -> Callable[[int], float]:
    """The headline likelihood of each line index given; 0 for any other line (outside the window)."""
    return lambda index: values.get(index, 0.0)
