"""Metadata extraction: title, authors, dates, dateline, site, language, URLs, description, image, tags.

Each field's order of trust is in `metadata`; the other modules produce its candidates."""

from worker.extract.metadata import complete, complete_metadata, extract_html_metadata, text_metadata
from worker.extract.text import extract_text_metadata

__all__ = ["complete", "complete_metadata", "extract_html_metadata", "extract_text_metadata", "text_metadata"]
