"""Metadata extraction: title, authors, dates, dateline, site, language, URLs, description, image, tags."""

from worker.extract.common import complete_metadata
from worker.extract.html import extract_html_metadata
from worker.extract.text import extract_text_metadata

__all__ = ["complete_metadata", "extract_html_metadata", "extract_text_metadata"]
