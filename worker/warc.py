"""Reading web archives (WARC/1.0 and 1.1, plain or gzipped per record): the pages in them, and the
byte ranges that cannot be read.

warcio parses each record; this module decides which records are pages (`page_problem`: response
records with a 2xx HTTP status and an HTML or text body) and notices what warcio passes over
silently: a gzipped file cut short ends iteration without an error, a plain record shorter than its
Content-Length is returned short, and garbage between plain records is skipped with a warning. Each
such range becomes a `WarcDamage`; reading goes on at the next record that starts after it.
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from worker.errors import DeadLetterReason

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
PAGE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
WARC_SUFFIXES = (".warc", ".warc.gz")
_SCAN_CHUNK = 1 << 20
_READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, ValueError)


class SkipReason(StrEnum):
    """Why a readable record is not a page (counted, not dead-lettered: it is not news)."""

    NOT_RESPONSE = "not_response"  # request, metadata, warcinfo, revisit... records
    HTTP_STATUS = "http_status"  # not 2xx
    CONTENT_TYPE = "content_type"  # not HTML or text: PDF, images, JSON...


@dataclass(frozen=True, slots=True)
class WarcPage:
    """A response record that is a page: its body (transfer and content encodings undone), where
    and when it was captured."""

    offset: int  # where the record starts in the file (compressed offset for .warc.gz)
    record_id: str
    url: str
    date: str | None  # WARC-Date, ISO 8601
    content_type: str | None  # the HTTP Content-Type (its charset helps decoding)
    body: bytes


@dataclass(frozen=True, slots=True)
class WarcSkip:
    offset: int
    reason: SkipReason


@dataclass(frozen=True, slots=True)
class WarcDamage:
    """Bytes `start`..`end` of the file that hold no readable record (or a page over the limit)."""

    start: int
    end: int
    error: str
    reason: DeadLetterReason = DeadLetterReason.BAD_ARCHIVE


WarcItem = WarcPage | WarcSkip | WarcDamage


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def page_problem(warc_type: str | None, status: str | None, content_type: str | None) -> SkipReason | None:
    """Why a record is not a page, or None when it is one. A missing Content-Type is let through:
    the worker detects what the body is."""
    if warc_type != "response":
        return SkipReason.NOT_RESPONSE
    if status is None or not (len(status) == 3 and status.startswith("2")):
        return SkipReason.HTTP_STATUS
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type and media_type not in PAGE_CONTENT_TYPES:
        return SkipReason.CONTENT_TYPE
    return None


def read_warc(path: Path, *, max_body_bytes: int) -> Iterator[WarcItem]:
    """Every record of the file, in order, as a page or a skip; and every unreadable range as
    damage, after which reading resumes at the next record start found (gzip member or `WARC/1.`)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        gzipped = fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        start: int | None = 0
        while start is not None and start < size:
            fh.seek(start)
            good_end, error = yield from _read_from(fh, start, max_body_bytes)
            if error is None:
                if good_end < size:
                    yield WarcDamage(good_end, size, f"{size - good_end} bytes after the last whole record")
                return
            start = _next_record_start(fh, good_end + 1, gzipped)
            yield WarcDamage(good_end, size if start is None else start, error)


def _read_from(
    fh: BinaryIO, start: int, max_body_bytes: int
) -> Generator[WarcItem, None, tuple[int, str | None]]:
    """Records from `start` on; returns where the last whole record ended and the error that
    stopped reading (None at a clean end of the file)."""
    good_end = start
    records = ArchiveIterator(fh)
    try:
        for record in records:
            offset = records.offset
            if offset > good_end:  # warcio skipped bytes that are no record
                yield WarcDamage(good_end, offset, f"{offset - good_end} bytes between records are no record")
            headers = record.rec_headers
            if not (headers.get_header("WARC-Type") and headers.get_header("Content-Length")):
                return good_end, f"record at {offset} has no WARC-Type or Content-Length: cut short?"
            item = _item(record, offset, max_body_bytes)
            records.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                return good_end, f"record at {offset} is cut short: {record.raw_stream.limit} bytes missing"
            good_end = records.offset  # the next record's start, past this one's blank lines
            yield item
    except _READ_ERRORS as error:
        said = str(error).encode("ascii", "backslashreplace").decode("ascii")
        return good_end, f"{type(error).__name__}: {said[:160]}"
    return good_end, None


def _item(record: object, offset: int, max_body_bytes: int) -> WarcItem:
    headers = record.rec_headers
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    content_type = http.get_header("Content-Type") if http is not None else None
    skip = page_problem(headers.get_header("WARC-Type"), status, content_type)
    if skip is not None:
        return WarcSkip(offset, skip)
    body = record.content_stream().read(max_body_bytes + 1)
    if len(body) > max_body_bytes:
        return WarcDamage(
            offset,
            offset,
            f"page over NEWSWORKER_MAX_DOCUMENT_BYTES={max_body_bytes}",
            reason=DeadLetterReason.TOO_LARGE,
        )
    return WarcPage(
        offset=offset,
        record_id=headers.get_header("WARC-Record-ID") or "",
        url=headers.get_header("WARC-Target-URI") or "",
        date=headers.get_header("WARC-Date"),
        content_type=content_type,
        body=body,
    )


def _next_record_start(fh: BinaryIO, position: int, gzipped: bool) -> int | None:
    """The first offset at or after `position` where a record may start, or None."""
    magic = GZIP_MAGIC if gzipped else WARC_MAGIC
    fh.seek(position)
    carried = b""
    base = position
    while chunk := fh.read(_SCAN_CHUNK):
        window = carried + chunk
        found = window.find(magic)
        if found >= 0:
            return base - len(carried) + found
        carried = window[-(len(magic) - 1) :]
        base += len(chunk)
    return None
