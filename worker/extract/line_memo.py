"""What a line's text alone says, remembered for the page being read.

The header's rules and its line labeller ask the same questions of the same lines (is it a name, a
headline's shape, a byline, a date line): each answer depends on the line's text only, so it is
worked out once a page. The memory is emptied when a page starts (`forget_lines`) and whenever it
grows past a page's worth, so a long-running worker holds no more than one page of answers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")

_MAX_ANSWERS = 4096  # a header window asks about a few dozen lines per question
_memories: list[dict[str, object]] = []


def remembered(question: Callable[[str], T]) -> Callable[[str], T]:
    """`question` (a pure function of a line's text), answered once per text while a page is read."""
    memory: dict[str, T] = {}
    _memories.append(memory)  # type: ignore[arg-type]
    missing = object()

    @wraps(question)
    def ask(line: str) -> T:
        answer = memory.get(line, missing)
        if answer is missing:
            if len(memory) >= _MAX_ANSWERS:
                memory.clear()
            answer = memory[line] = question(line)
        return answer  # type: ignore[return-value]

    return ask


def forget_lines() -> None:
    """Drop the remembered answers: a new page's lines are about to be read."""
    for memory in _memories:
        memory.clear()
