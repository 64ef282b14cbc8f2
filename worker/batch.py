"""Batches: many documents in one `ingest_batch` message, each with its own outcome.

One policy for how big a batch may be (`Settings.batch`, NEWSWORKER_BATCH_MAX_DOCUMENTS and
NEWSWORKER_BATCH_MAX_BYTES): the worker refuses a batch over it (`batch_problem`), and `submit`
packs its documents so that none is (`pack_batches`). A batch runs within one task's time limit:
past `BatchLimits.max_s` (NEWSWORKER_BATCH_MAX_S, half the soft time limit by default), or after a
document that hit the soft limit, the documents not started are handed on as a batch of their own
(`handed_on_task_id`), so a slow batch neither loses its tail nor runs into the hard limit.

Each document's dead letter has its own once-key (`document_once_key`), so a redelivered batch
writes no second dead letter for it; its event is deduplicated by the publish records, as any
document's is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from worker.config import BatchLimits

T = TypeVar("T")


def document_once_key(task_id: str, index: int) -> str:
    """The dead-letter once-key of the `index`-th document of batch task `task_id`."""
    return f"{task_id}:{index}"


def handed_on_task_id(task_id: str, first: int) -> str:
    """The task id of the batch that carries on batch `task_id` from its document `first`: the same
    for a redelivered batch that stops at the same document, and never longer however often a
    batch is handed on."""
    return "batch-" + hashlib.sha256(f"{task_id}+{first}".encode()).hexdigest()[:32]


def batch_bytes(documents: Iterable[dict[str, Any]]) -> int:
    """What a batch weighs against `max_bytes`: its documents' content, as sent."""
    return sum(len(document.get("content", "")) for document in documents)


def batch_problem(documents: list[dict[str, Any]], limits: BatchLimits) -> str | None:
    """Why the worker refuses this batch whole, or None when it is within its limits."""
    if len(documents) > limits.max_documents:
        return (
            f"batch of {len(documents)} documents is over NEWSWORKER_BATCH_MAX_DOCUMENTS="
            f"{limits.max_documents}"
        )
    weight = batch_bytes(documents)
    if weight > limits.max_bytes:
        return f"batch of {weight} content bytes is over NEWSWORKER_BATCH_MAX_BYTES={limits.max_bytes}"
    return None


def pack_batches(items: Iterable[T], limits: BatchLimits, size_of: Callable[[T], int]) -> Iterator[list[T]]:
    """Consecutive items grouped into batches within `limits`. An item heavier than `max_bytes`
    alone travels alone (the worker dead-letters it as too large, with its own outcome)."""
    batch: list[T] = []
    weight = 0
    for item in items:
        size = size_of(item)
        if batch and (len(batch) >= limits.max_documents or weight + size > limits.max_bytes):
            yield batch
            batch, weight = [], 0
        batch.append(item)
        weight += size
    if batch:
        yield batch
