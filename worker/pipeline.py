"""clean + extract as one pure function: a `Document` in, an `Article` or a typed InputError out.

The worker's tasks and `newsworker extract` both call `extract_article`, so the CLI shows exactly
what the service would publish.
"""

from __future__ import annotations

from datetime import UTC, datetime

from worker.article import Article, Metadata, SourceKind
from worker.clean import clean_html, clean_text
from worker.clean.html_declared import declared_body
from worker.clean.html_fallback import candidate_lines, marked_body_lines, prose_paragraphs
from worker.config import DEFAULT_PARSE_LIMITS, ParseLimits
from worker.document import Document, InputKind
from worker.errors import NotAnArticle
from worker.extract import complete, extract_html_metadata, text_metadata
from worker.metrics import StageClock
from worker.parse import parse_html


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
                if not paragraphs:  # refuse only a page with no prose at all: read it again, looser
                    paragraphs = prose_paragraphs(parse_html(document.text, limits))
                if not paragraphs:  # no prose anywhere: the marked-up article body's own short lines
                    paragraphs = marked_body_lines(parse_html(document.text, limits))
                if not paragraphs:  # nothing shown: the body the page declares for search engines
                    paragraphs = declared_body(parse_html(document.text, limits))
                if not paragraphs:  # when in doubt, the best container's own words: refuse only none
                    paragraphs = candidate_lines(parse_html(document.text, limits))
            default_kind = SourceKind.HTML
        else:
            with clock.stage("clean"):
                layout = clean_text(document.text)
            paragraphs = layout.paragraphs
            with clock.stage("extract"):
                metadata = text_metadata(layout, url=document.url, now=now)
            default_kind = SourceKind.TEXT
        if not paragraphs:
            raise NotAnArticle("no article text found on the page")
        with clock.stage("extract"):
            metadata, from_hints = complete(metadata, paragraphs, url=document.url, now=now, hints=hints)
    return Article(
        url=document.url,
        metadata=metadata,
        paragraphs=paragraphs,
        source_kind=source_kind or default_kind,
        fields_from_hints=from_hints,
    )
