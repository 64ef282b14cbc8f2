"""Whole-page plain text boilerplate removal (first version: long lines are body)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextLayout:
    """The page's non-empty lines, and which of them are the article body, in order."""

    lines: list[str]
    body: list[int]

    @property
    def paragraphs(self) -> list[str]:
        return [self.lines[i] for i in self.body]


def clean_text(text: str) -> TextLayout:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = [i for i, line in enumerate(lines) if len(line.split()) >= 12]
    return TextLayout(lines=lines, body=body)
