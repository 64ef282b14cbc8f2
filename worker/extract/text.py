"""Metadata from whole-page plain text (first version: the line before the body is the title)."""

from __future__ import annotations

from worker.article import Metadata
from worker.clean.text import TextLayout


def extract_text_metadata(layout: TextLayout, *, url: str | None = None) -> Metadata:
    if not layout.body or layout.body[0] == 0:
        return Metadata()
    return Metadata(title=layout.lines[layout.body[0] - 1])
