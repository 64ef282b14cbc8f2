"""Celery tasks: thin glue from a message to load → extract → publish, or to a dead letter.

Every task ends in exactly one of: an event on the stream (or a recorded duplicate), a retry of
a retryable error, or one dead letter. `worker.retry` decides which; this module only carries it
out. Arguments reach a task already checked against its schema (`worker.message_guard`).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import httpx
import redis
from celery import Task
from celery.exceptions import Reject, Retry
from celery.signals import worker_process_init
from kombu.exceptions import OperationalError

from worker.article import Metadata, SourceKind
from worker.batch import batch_problem, document_once_key, handed_on_task_id
from worker.celery_app import app, app_settings
from worker.config import Settings
from worker.connections import connect_redis
from worker.deliveries import counted_run, current_run_mark
from worker.document import Document, InputKind, load_document, load_fetched_page
from worker.errors import DeadLetterReason, FetchError, UndecodableDocument
from worker.events import article_data
from worker.fetch import FetchPolicy, fetch, new_client
from worker.metrics import stage_timer
from worker.pipeline import extract_article
from worker.polite import handle_fetch_error, wait_for_fetch_slot
from worker.publish import DeadLetter, PublishResult, publish_article, publish_dead_letter
from worker.redis_weather import wait_out_redis
from worker.retry import RetryPolicy, decide

log = logging.getLogger(__name__)

_MAX_SLOT_WAIT_S = 20.0  # waiting for a host's fetch slot, inside the task's time limit


@dataclass(slots=True)
class Resources:
    """Clients a worker process creates once and every task in it shares (arq's `ctx`)."""

    settings: Settings
    redis: redis.Redis
    http: httpx.Client
    policy: FetchPolicy


class NewsworkerTask(Task):
    """Base task: per-process resources, created on first use after the fork."""

    _resources: Resources | None = None
    # The pool child gets the arguments the main process decoded, not the body to decode again.
    Request = "worker.task_request:DecodedBodyRequest"

    @property
    def resources(self) -> Resources:
        if NewsworkerTask._resources is None:
            settings = app_settings(self.app)
            NewsworkerTask._resources = Resources(
                settings=settings,
                redis=connect_redis(settings),
                http=new_client(),
                policy=FetchPolicy.from_settings(settings),
            )
        return NewsworkerTask._resources

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Every run is counted: a message whose worker process keeps dying under it (hard time
        limit, out of memory) ends as a `worker_lost` dead letter, not in an endless requeue."""
        return counted_run(self, lambda: super(NewsworkerTask, self).__call__(*args, **kwargs), args, kwargs)


@worker_process_init.connect
def _fresh_resources_after_fork(**_: Any) -> None:
    """A forked child must not share its parent's sockets."""
    NewsworkerTask._resources = None


def hints_from_dict(hints: dict[str, Any] | None) -> Metadata | None:
    if not hints:
        return None
    known = {f.name for f in fields(Metadata)} - {"dateline"}
    return Metadata(**{k: v for k, v in hints.items() if k in known})


def redis_wait_budget_s(settings: Settings) -> float:
    """How long a task waits for a Redis that refuses work or is gone, holding its message: half its
    soft time limit, leaving the other half for the work itself."""
    return settings.task_soft_time_limit_s / 2


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def _ingest(
    task: NewsworkerTask,
    load: Callable[[Resources], Document],
    *,
    source: dict[str, Any],
    hints: dict[str, Any] | None,
    dead_letter_input: str,
    once_key: str | None = None,
) -> dict[str, Any]:
    """Load, extract and publish one document, ending in an event (or a recorded duplicate), a
    retry, a held message, or one dead letter (written once per `once_key`, default the task id)."""
    res = task.resources
    task_id = task.request.id or "local"
    source_label = source.get("url") or source.get("path") or source.get("kind", "")

    def extracted() -> dict[str, Any]:
        document = load(res)  # touches Redis too: the host's fetch slot
        article = extract_article(
            document,
            source_kind=SourceKind(source["kind"]),
            hints=hints_from_dict(hints),
            limits=res.settings.parse,
        )
        return article_data(article, source=source)

    # A one-document task's run ends with its event (`deliveries`); a batch's runs on past it.
    run_mark = current_run_mark() if once_key is None else None

    def published(data: dict[str, Any]) -> PublishResult:
        with stage_timer("publish"):
            return publish_article(res.redis, res.settings, data, run_mark=run_mark)

    what = f"task {task_id} {source_label}"
    deadline = time.monotonic() + redis_wait_budget_s(res.settings)
    try:
        # A Redis that refuses work is waited out in process, holding the message (worker.redis_weather);
        # the page is fetched and extracted once, however long the publish waits.
        data = wait_out_redis(extracted, budget_s=_left(deadline), what=what)
        result = wait_out_redis(lambda: published(data), budget_s=_left(deadline), what=what)
    except Retry:
        raise
    except Exception as error:  # worker.retry decides what it becomes; nothing is dropped
        decision = decide(error, task.request.retries, RetryPolicy.from_settings(res.settings))
        if decision.hold:
            # Redis still refuses after the wait. A Celery retry would have to queue a new message and
            # a dead letter needs Redis as well, so the message goes back to its queue instead: in one
            # MULTI that Redis refuses whole if it still says no, leaving the message unacknowledged
            # for the visibility timeout to return. It is not a retry: it waits for Redis, not a count.
            log.warning("task %s %s: %s; the message goes back to the queue", task_id, source_label, error)
            raise Reject(decision.error, requeue=True) from error
        if decision.retry:
            log.warning(
                "task %s %s: %s; retry %d in %.0fs",
                task_id,
                source_label,
                decision.error,
                task.request.retries + 1,
                decision.countdown_s,
            )
            try:
                raise task.retry(exc=error, countdown=decision.countdown_s) from error
            except Reject as rejected:  # Celery could not queue the retry (Redis): keep this message
                raise Reject(f"could not queue the retry: {rejected.reason}", requeue=True) from error
        if decision.reason is DeadLetterReason.INTERNAL:
            log.exception("task %s %s: unexpected error", task_id, source_label)
        return _dead_letter(
            task, decision.reason, decision.error, source_label, dead_letter_input, once_key=once_key
        )
    log.info(
        "task %s %s: article %s %s%s",
        task_id,
        source_label,
        result.article_id,
        result.outcome,
        f" as {result.stream_id}" if result.stream_id else "",
    )
    return {"outcome": str(result.outcome), "article_id": result.article_id, "stream_id": result.stream_id}


def _dead_letter(
    task: NewsworkerTask,
    reason: DeadLetterReason,
    error: str,
    source: str,
    dead_letter_input: str,
    *,
    once_key: str | None = None,
) -> dict[str, Any]:
    res = task.resources
    letter = DeadLetter(reason=reason, error=error, task=task.name, source=source, input=dead_letter_input)
    once_key = once_key or task.request.id
    entry_id = wait_out_redis(
        lambda: publish_dead_letter(res.redis, res.settings, letter, once_key=once_key),
        budget_s=redis_wait_budget_s(res.settings),
        what=f"task {task.request.id} {source}: dead letter {reason}",
    )
    log.warning("task %s %s: dead letter %s: %s", task.request.id, source, reason, error)
    return {"outcome": "dead_letter", "reason": str(reason), "dead_letter_id": entry_id}


def _decode_content(content: str, content_encoding: str) -> bytes | str:
    if content_encoding == "base64":
        try:
            return base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise UndecodableDocument(f"content is not valid base64: {exc}") from exc
    return content


@app.task(base=NewsworkerTask, bind=True, name="worker.tasks.ingest_url")
def ingest_url(self: NewsworkerTask, url: str, hints: dict | None = None, source: dict | None = None) -> dict:
    """Fetch a page and ingest it. `hints` are a feed entry's fields, used where the page lacks them."""
    source = {"kind": str(SourceKind.URL), **(source or {}), "url": url}

    def load(res: Resources) -> Document:
        if not wait_for_fetch_slot(res.redis, res.settings, url, max_wait_s=_MAX_SLOT_WAIT_S):
            raise FetchError(f"host of {url} is rate-limited or backing off; will retry", url=url)
        try:
            with stage_timer("fetch"):
                result = fetch(url, policy=res.policy, client=res.http)
        except FetchError as error:
            handle_fetch_error(res.redis, res.settings, url, error)  # a 429/503 slows every worker
            raise
        return load_fetched_page(
            result.body, url=result.final_url, content_type=result.content_type, limits=res.settings.parse
        )

    return _ingest(self, load, source=source, hints=hints, dead_letter_input=url)


def _ingest_content(
    task: NewsworkerTask,
    content: str,
    *,
    kind: InputKind,
    url: str | None,
    content_encoding: str = "text",
    content_type: str | None = None,
    source: dict | None = None,
    hints: dict | None = None,
    once_key: str | None = None,
) -> dict:
    default_kind = SourceKind.HTML if kind is InputKind.HTML else SourceKind.TEXT
    source = {"kind": str(default_kind), **(source or {})}
    if url:
        source.setdefault("url", url)

    def load(res: Resources) -> Document:
        raw = _decode_content(content, content_encoding)
        return load_document(raw, kind=kind, url=url, content_type=content_type, limits=res.settings.parse)

    return _ingest(task, load, source=source, hints=hints, dead_letter_input=content, once_key=once_key)


@app.task(base=NewsworkerTask, bind=True, name="worker.tasks.ingest_document")
def ingest_document(
    self: NewsworkerTask,
    content: str,
    kind: str = "auto",
    url: str | None = None,
    content_encoding: str = "text",
    content_type: str | None = None,
    source: dict | None = None,
    hints: dict | None = None,
) -> dict:
    """Ingest a page given as text, or as base64 bytes (files whose encoding the worker must detect)."""
    return _ingest_content(
        self,
        content,
        kind=InputKind(kind),
        url=url,
        content_encoding=content_encoding,
        content_type=content_type,
        source=source,
        hints=hints,
    )


@app.task(base=NewsworkerTask, bind=True, name="worker.tasks.ingest_html")
def ingest_html(self: NewsworkerTask, html: str, url: str | None = None, source: dict | None = None) -> dict:
    return _ingest_content(self, html, kind=InputKind.HTML, url=url, source=source)


@app.task(base=NewsworkerTask, bind=True, name="worker.tasks.ingest_text")
def ingest_text(self: NewsworkerTask, text: str, url: str | None = None, source: dict | None = None) -> dict:
    """Ingest a whole page copied as plain text (navigation, ads and footers included)."""
    return _ingest_content(self, text, kind=InputKind.TEXT, url=url, source=source)


@app.task(base=NewsworkerTask, bind=True, name="worker.tasks.ingest_batch")
def ingest_batch(self: NewsworkerTask, documents: list[dict[str, Any]]) -> dict:
    """Ingest many documents (each shaped as `ingest_document`'s arguments) in one message, one
    after another, each with its own event or dead letter: one failing never sinks the rest."""
    task_id = self.request.id or "local"
    problem = batch_problem(documents, self.resources.settings.batch)
    if problem is not None:
        excerpt = json.dumps(documents[:1], ensure_ascii=False)
        return _dead_letter(self, DeadLetterReason.TOO_LARGE, problem, "batch", excerpt)
    started = time.monotonic()
    outcomes = []
    for index, document in enumerate(documents):
        if index and time.monotonic() - started > self.resources.settings.batch.max_s:
            _hand_on(self, documents[index:], task_id, index)
            break
        outcome = _ingest_content(
            self,
            document["content"],
            kind=InputKind(document.get("kind", "auto")),
            url=document.get("url"),
            content_encoding=document.get("content_encoding", "text"),
            content_type=document.get("content_type"),
            source=document.get("source"),
            hints=document.get("hints"),
            once_key=document_once_key(task_id, index),
        )
        outcomes.append(outcome)
        if outcome.get("reason") == DeadLetterReason.TASK_TIMEOUT and index + 1 < len(documents):
            _hand_on(self, documents[index + 1 :], task_id, index + 1)  # past the soft limit
            break
    published = sum(outcome["outcome"] != "dead_letter" for outcome in outcomes)
    log.info("task %s: batch of %d, %d published or duplicate", task_id, len(documents), published)
    return {"outcomes": outcomes}


def _hand_on(task: NewsworkerTask, rest: list[dict[str, Any]], task_id: str, first: int) -> None:
    """Queue the documents a batch has no time left for as a batch of their own. If that cannot be
    queued, the whole batch goes back to its queue (what is done is not done twice)."""
    rest_id = handed_on_task_id(task_id, first)
    try:
        ingest_batch.apply_async(args=(rest,), task_id=rest_id)
    except (OperationalError, redis.RedisError) as error:  # Redis gone or refusing: weather
        raise Reject(f"could not hand on documents {first}.. of the batch: {error}", requeue=True) from error
    log.info("task %s: documents %d.. handed on as task %s", task_id, first, rest_id)
