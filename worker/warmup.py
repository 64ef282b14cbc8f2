"""Load what a task needs once, in the worker's main process, before the pool forks.

A pool process that starts cold pays for its models, language data, compiled patterns and parser on
its first task (seconds on a loaded core): every process the pool starts, and each one it starts
again after a task's hard time limit killed the last or `max-tasks-per-child` retired it. Extracting
the bundled samples once before the fork loads all of it where every pool process inherits it; the
heap is then settled (`celery_app.settle_heap`) before the fork, so that no child's garbage collection
walks the inherited objects and copies their pages.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from importlib import resources

from worker.article import Article, SourceKind
from worker.clean import clean_html, clean_text
from worker.config import DEFAULT_PARSE_LIMITS
from worker.events import EventType, article_data, build_event
from worker.extract import complete, extract_html_metadata, text_metadata
from worker.http_deadline import verifying_context
from worker.parse import parse_html

SAMPLES = "worker.samples"
HTML_SAMPLE = "night_bus.html"
TEXT_SAMPLE = "harbour_wind_farm.txt"


def _sample(name: str) -> str:
    return resources.files(SAMPLES).joinpath(name).read_text(encoding="utf-8")


def _articles(now: datetime) -> list[Article]:
    root = parse_html(_sample(HTML_SAMPLE), DEFAULT_PARSE_LIMITS)
    metadata = extract_html_metadata(root, url=None, now=now)
    paragraphs = clean_html(root, url=None, authors=metadata.authors)
    from_html, _ = complete(metadata, paragraphs, url=None, now=now)
    layout = clean_text(_sample(TEXT_SAMPLE))
    from_text, _ = complete(
        text_metadata(layout, url=None, now=now),
        layout.paragraphs,
        url=None,
        now=now,
        told_language=layout.language,
    )
    return [
        Article(url=None, metadata=from_html, paragraphs=paragraphs, source_kind=SourceKind.HTML),
        Article(url=None, metadata=from_text, paragraphs=layout.paragraphs, source_kind=SourceKind.TEXT),
    ]


def warm_up() -> float:
    """Extract one HTML and one plain-text sample and build their events (the schema compiled), outside
    the task path: no metrics observed, nothing published. The fetch's TLS context is built too.
    Returns the seconds it took."""
    started = time.perf_counter()
    for article in _articles(datetime.now(UTC)):
        build_event(article_data(article), EventType.CREATED)
    verifying_context()
    return time.perf_counter() - started
