"""`newsworker submit`: URLs as ingest_url tasks; files, folders and web archives (WARC) as
ingest_batch tasks, packed within the batch limits (`worker.batch`).

A WARC file is resumable: the records queued from it are kept in a Redis hash named after the
file's SHA-256 (`<prefix>warc:<sha256>`, field: the record's offset, value: its batch task id),
living as long as the events do (`Retention.submitted_s`). Submitting the same file again queues
only the pages not in it. The hash is written after each batch is queued, so a submit killed
between the two queues that batch again on the next run: with the same task id (derived from the
file and the batch's first record), so its dead letters are not written twice, and its events are
deduplicated by the publish records.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import redis
from tqdm import tqdm

from worker.batch import pack_batches
from worker.cli_common import ExitCode, RedisDown
from worker.config import Settings
from worker.document import InputKind
from worker.errors import StoreUnavailable
from worker.publish import DeadLetter, publish_dead_letter
from worker.retention import Retention
from worker.warc import WarcDamage, WarcPage, WarcSkip, is_warc, read_warc

SUBMIT_TASK = "newsworker submit"  # the `task` of a dead letter submit writes itself
_MAX_URL_CHARS = 8192  # as the task schemas allow
_MAX_CONTENT_TYPE_CHARS = 256
_MAX_PATH_CHARS = 4096
_PAGE_KINDS = {
    "text/html": InputKind.HTML,
    "application/xhtml+xml": InputKind.HTML,
    "text/plain": InputKind.TEXT,
}

SendBatch = Callable[[list[dict[str, Any]], str | None], None]


@dataclass(slots=True)
class WarcSubmitted:
    """What one WARC file gave: pages queued now, pages queued by an earlier submit, records that
    are not pages (by why), and unreadable ranges dead-lettered."""

    queued: int = 0
    batches: int = 0
    already_queued: int = 0
    skipped: Counter = field(default_factory=Counter)
    damaged: int = 0

    def summary(self, label: str) -> str:
        skipped = ", ".join(f"{reason} {count}" for reason, count in sorted(self.skipped.items()))
        return (
            f"{label}: queued {self.queued} page(s) in {self.batches} batch(es); "
            f"{self.already_queued} queued before; skipped: {skipped or 'none'}; "
            f"{self.damaged} unreadable part(s) dead-lettered"
        )


def warc_progress_key(settings: Settings, digest: str) -> str:
    return settings.key("warc", digest)


def file_digest(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def page_document(page: WarcPage, label: str) -> dict[str, Any]:
    """A page as one `ingest_batch` document, within the task schema's limits: the record's
    WARC-Target-URI is the page's URL, its WARC-Date a date hint (filling only a missing date)."""
    media_type = (page.content_type or "").split(";", 1)[0].strip().lower()
    document: dict[str, Any] = {
        "content": base64.b64encode(page.body).decode("ascii"),
        "content_encoding": "base64",
        "kind": str(_PAGE_KINDS.get(media_type, InputKind.AUTO)),
        "source": {"kind": "cli", "path": f"{label}#{page.offset}"[-_MAX_PATH_CHARS:]},
    }
    if page.url and len(page.url) <= _MAX_URL_CHARS:
        document["url"] = page.url
    if page.content_type and len(page.content_type) <= _MAX_CONTENT_TYPE_CHARS:
        document["content_type"] = page.content_type
    if page.date and _is_iso_date(page.date):
        document["hints"] = {"published": page.date}
    return document


def _is_iso_date(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return len(value) <= 64


def submit_warc(
    path: Path, label: str, settings: Settings, client: redis.Redis, send: SendBatch
) -> WarcSubmitted:
    """Queue the pages of one WARC file not queued before, in batches; dead-letter what cannot be
    read (bad_archive) or is too large (too_large), once per range."""
    digest = file_digest(path)
    key = warc_progress_key(settings, digest)
    done = {_text(offset) for offset in client.hkeys(key)}
    tally = WarcSubmitted()
    bar = tqdm(
        total=path.stat().st_size,
        desc=label,
        unit="B",
        unit_scale=True,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
    )

    def pages() -> Iterator[tuple[int, dict[str, Any]]]:
        for item in read_warc(path, max_body_bytes=settings.parse.max_document_bytes):
            bar.update(max(0, _position(item) - bar.n))
            if isinstance(item, WarcSkip):
                tally.skipped[str(item.reason)] += 1
            elif isinstance(item, WarcDamage):
                _record_damage(client, settings, item, label, digest)
                tally.damaged += 1
            elif str(item.offset) in done:
                tally.already_queued += 1
            else:
                yield item.offset, page_document(item, label)

    def weight(page: tuple[int, dict[str, Any]]) -> int:
        return len(page[1]["content"])

    retention_s = Retention.of(settings).submitted_s
    for batch in pack_batches(pages(), settings.batch, weight):
        task_id = f"warc-{digest[:24]}-{batch[0][0]}"
        send([document for _offset, document in batch], task_id)
        with client.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={str(offset): task_id for offset, _document in batch})
            pipe.expire(key, retention_s)
            pipe.execute()
        tally.queued += len(batch)
        tally.batches += 1
    client.expire(key, retention_s)  # a submit that queued nothing new still renews what it found
    bar.update(bar.total - bar.n)
    bar.close()
    return tally


def _position(item: WarcPage | WarcSkip | WarcDamage) -> int:
    return item.end if isinstance(item, WarcDamage) else item.offset


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _record_damage(
    client: redis.Redis, settings: Settings, damage: WarcDamage, label: str, digest: str
) -> None:
    letter = DeadLetter(
        reason=damage.reason,
        error=damage.error,
        task=SUBMIT_TASK,
        source=f"{label}#{damage.start}",
        input=f"{label} (sha256 {digest}) bytes {damage.start}..{damage.end}",
    )
    publish_dead_letter(client, settings, letter, once_key=f"warc:{digest}:{damage.start}")
    print(f"{label}: bytes {damage.start}..{damage.end}: {damage.reason}: {damage.error}", file=sys.stderr)


def file_documents(files: list, as_kind: InputKind, url: str | None) -> Iterator[dict[str, Any]]:
    """Each local file (an `InputFile`) as one `ingest_batch` document, read when its turn comes."""
    for item in files:
        yield {
            "content": base64.b64encode(item.read()).decode("ascii"),
            "kind": str(item.kind(as_kind)),
            "url": url,
            "content_encoding": "base64",
            "source": {"kind": "cli", "path": item.label},
        }


def command_submit(args: argparse.Namespace, settings: Settings) -> int:
    from kombu.exceptions import OperationalError

    from worker.celery_app import app, apply_settings
    from worker.cli import expand_paths, is_url, progress
    from worker.connections import connect_redis
    from worker.tasks import ingest_batch, ingest_url

    apply_settings(app, settings)
    urls = [value for value in args.inputs if is_url(value)]
    inputs = list(expand_paths(value for value in args.inputs if not is_url(value)))
    archives = [item for item in inputs if item.path is not None and is_warc(item.path)]
    files = [item for item in inputs if item not in archives]
    queued = 0

    def send(documents: list[dict[str, Any]], task_id: str | None = None) -> None:
        ingest_batch.apply_async(args=(documents,), task_id=task_id)

    try:
        for url in progress(urls, "submit urls"):
            ingest_url.delay(url)
            queued += 1
        documents = file_documents(progress(files, "submit files"), InputKind(args.as_kind), args.url)
        for batch in pack_batches(documents, settings.batch, lambda document: len(document["content"])):
            send(batch)
            queued += len(batch)
        if archives:
            client = connect_redis(settings)
            for archive in archives:
                submitted = submit_warc(archive.path, archive.label, settings, client, send)
                print(submitted.summary(archive.label), file=sys.stderr)
                queued += submitted.queued
    except (OperationalError, redis.RedisError, StoreUnavailable) as error:
        raise RedisDown(str(error)) from error
    print(f"queued {queued} document(s) and URL(s) on {settings.redis_url_masked}", file=sys.stderr)
    return ExitCode.OK
