"""The per-page memory of what a line's text alone says (`worker.extract.line_memo`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from worker.extract import line_memo
from worker.extract.line_memo import forget_lines, remembered


def _counting() -> tuple[list[str], Callable[[str], bool]]:
    """A question that records every line it is really asked about."""
    asked: list[str] = []

    @remembered
    def shouts(line: str) -> bool:
        asked.append(line)
        return line.isupper()

    return asked, shouts


def test_a_line_is_asked_about_once_while_a_page_is_read() -> None:
    asked, shouts = _counting()
    answers = [shouts("HELLO"), shouts("HELLO"), shouts("hello")]
    assert answers == [True, True, False]
    assert asked == ["HELLO", "hello"]


def test_a_new_page_asks_again() -> None:
    asked, shouts = _counting()
    shouts("HELLO")
    forget_lines()
    shouts("HELLO")
    assert asked == ["HELLO", "HELLO"]


def test_the_memory_never_holds_more_than_a_page_of_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(line_memo, "_MAX_ANSWERS", 3)
    asked, shouts = _counting()
    for line in ("a", "b", "c", "d"):
        shouts(line)
    shouts("a")  # forgotten when the fourth answer needed room
    assert asked == ["a", "b", "c", "d", "a"]
