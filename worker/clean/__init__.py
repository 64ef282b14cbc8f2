"""Boilerplate removal: a page (an lxml tree, or whole-page plain text) in, the article's paragraphs out."""

from worker.clean.html import clean_html
from worker.clean.text import TextLayout, clean_text

__all__ = ["TextLayout", "clean_html", "clean_text"]
