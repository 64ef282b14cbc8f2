"""What a line's text alone says, remembered for the page being read.

The header's rules and its line labeller ask the same questions of the same lines (is it a name, a
headline's shape, a byline, a date line): each answer depends on the line's text only, so it is
worked out once a page. The memory is emptied when a page starts (`forget_lines`) and whenever it
grows past a page's worth, so a long-running worker holds no more than one page of answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_MAX_ANSWERS = 4096  # a header window asks about a few dozen lines per question
_memories: list[dict[str, object]] = []


class _Memory(dict[str, T], Generic[T]):
    """The answers to one question by line; a line not yet asked about is answered (`__missing__`) and
    kept. A line asked about again is a plain dict look-up, no Python call: the header asks a hundred
    thousand questions over a few hundred pages."""

    def __init__(self, question: Callable[[str], T]) -> None:
        super().__init__()
        self.question = question

    def __missing__(self, line: str) -> T:
        if len(self) >= _MAX_ANSWERS:
            self.clear()
        answer = self[line] = self.question(line)
        return answer


def remembered(question: Callable[[str], T]) -> Callable[[str], T]:
    """`question` (a pure function of a line's text), answered once per text while a page is read."""
    memory = _Memory(question)
    _memories.append(memory)  # type: ignore[arg-type]
    return memory.__getitem__


def forget_lines() -> None:
    """Drop the remembered answers: a new page's lines are about to be read."""
    for memory in _memories:
        memory.clear()
