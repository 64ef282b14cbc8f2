"""Metadata steps shared by the HTML and text paths, run once the body is known."""

from __future__ import annotations

from datetime import datetime

from worker.article import Metadata


def complete_metadata(
    metadata: Metadata, paragraphs: list[str], *, url: str | None, now: datetime
) -> Metadata:
    """Fill what the body itself tells (language, dateline) and drop what cannot be right."""
    return metadata
