"""clean + extract as one pure function: a `Document` in, an `Article` or a typed InputError out.

The worker's tasks and `newsworker extract` both call `extract_article`, so the CLI shows exactly
what the service would publish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from lxml.html import HtmlElement

from worker.article import Article, Metadata, SourceKind
from worker.clean import clean_html, clean_text
from worker.clean.html_declared import declared_body, declared_instead, shows_little
from worker.clean.html_fallback import candidate_lines, marked_body_lines, prose_paragraphs
from worker.config import DEFAULT_PARSE_LIMITS, ParseLimits
from worker.document import Document, InputKind
from worker.errors import NotAnArticle
from worker.extract import complete, extract_html_metadata, text_metadata
from worker.metrics import StageClock
from worker.parse import parse_html

# Refuse only a page with nothing to read: when the cleaner keeps nothing, these read the page again,
# in this order, until one finds something. The page read the jusText way (prose anywhere); the
# marked-up article body's own short lines; the body the page declares for search engines; the best
# container's own words.
_READINGS_BEFORE_REFUSING: tuple[Callable[[HtmlElement], list[str]], ...] = (
    prose_paragraphs,
    marked_body_lines,
    declared_body,
    candidate_lines,
)


def extract_article(
    document: Document,
    *,
    source_kind: SourceKind | None = None,
    hints: Metadata | None = None,
    now: datetime | None = None,
    limits: ParseLimits = DEFAULT_PARSE_LIMITS,
) -> Article:
    now = now or datetime.now(UTC)
    with StageClock() as clock:
        if document.kind is InputKind.HTML:
            with clock.stage("parse"):
                root = parse_html(document.text, limits)
            with clock.stage("extract"):
                metadata = extract_html_metadata(root, url=document.url, now=now)  # reads the tree only
            with clock.stage("clean"):
                paragraphs = clean_html(root, url=document.url, authors=metadata.authors)
                if paragraphs and shows_little(paragraphs):  # a caption shown, the article in script
                    paragraphs = declared_instead(paragraphs, parse_html(document.text, limits))
                for reading in _READINGS_BEFORE_REFUSING:
                    if paragraphs:
                        break
                    paragraphs = reading(parse_html(document.text, limits))  # each cuts its own tree
            default_kind = SourceKind.HTML
            told_language = None
        else:
            with clock.stage("clean"):
                layout = clean_text(document.text)
            paragraphs = layout.paragraphs
            with clock.stage("extract"):
                metadata = text_metadata(layout, url=document.url, now=now)
            default_kind = SourceKind.TEXT
            told_language = layout.language  # told once, from the page's prose, when told with confidence
        if not paragraphs:
            raise NotAnArticle("no article text found on the page")
        with clock.stage("extract"):
            metadata, from_hints = complete(
                metadata, paragraphs, url=document.url, now=now, hints=hints, told_language=told_language
            )
    return Article(
        url=document.url,
        metadata=metadata,
        paragraphs=paragraphs,
        source_kind=source_kind or default_kind,
        fields_from_hints=from_hints,
    )
