"""Article -> CloudEvents 1.0 envelope (structured JSON mode), its data checked against the schema.

Building and validating live here; writing to Redis lives in `publish` (the CloudEvents SDK's split
between an event and its transport).

Events are version 2 (`schemas/article.v2.json`, types `…created.v2`/`…updated.v2`): the body is
carried once, as `paragraphs`. Version 1 also carried it as `text`, the paragraphs joined by a blank
line, which made a stream entry more than twice the article; `article_text` gives that text back.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files
from typing import Any

from worker import EXTRACTOR_NAME, __version__
from worker.article import Article
from worker.errors import EventInvalid
from worker.extract.urls import absolute_url
from worker.fingerprints import sha256_hex, simhash_hex
from worker.schema_check import CompiledSchema
from worker.urls import normalize_url

SCHEMA_RESOURCE = "article.v2.json"
SPEC_VERSION = "1.0"


class EventType(StrEnum):
    CREATED = "dev.newsworker.article.created.v2"
    UPDATED = "dev.newsworker.article.updated.v2"


_SCHEMAS_CACHED = 32  # bounded: a hostile producer may name any number of schemas
_SCHEMA_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.json")


@lru_cache(maxsize=_SCHEMAS_CACHED)
def shipped_schema(name: str) -> dict[str, Any] | None:
    """A schema shipped in `worker.schemas`, by its file name (`article.v1.json`); None when the
    package ships none of that name, so a consumer can treat an event naming it as invalid."""
    if not _SCHEMA_FILE_NAME.fullmatch(name):
        return None
    resource = files("worker.schemas").joinpath(name)
    if not resource.is_file():
        return None
    return json.loads(resource.read_text(encoding="utf-8"))


def article_schema() -> dict[str, Any]:
    schema = shipped_schema(SCHEMA_RESOURCE)
    if schema is None:
        raise FileNotFoundError(f"{SCHEMA_RESOURCE} is missing from worker.schemas")
    return schema


@lru_cache(maxsize=_SCHEMAS_CACHED)
def schema_validator(name: str) -> CompiledSchema | None:
    """The validator of a shipped schema, by file name, compiled once per process; None for a name
    the package does not ship."""
    schema = shipped_schema(name)
    if schema is None:
        return None
    return CompiledSchema(schema)


def schema_name(dataschema: str) -> str:
    """The file name a `dataschema` URI ends with: `…/schemas/article.v1.json` -> `article.v1.json`."""
    return dataschema.rsplit("/", 1)[-1]


def validate_data(data: Any, schema: str = SCHEMA_RESOURCE) -> None:
    """Raise EventInvalid naming the first offending field, so the dead letter says what was wrong."""
    validator = schema_validator(schema)
    if validator is None:
        raise EventInvalid(f"no schema named {schema!r} ships with newsworker")
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.path))), None)
    if error is not None:
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise EventInvalid(f"event data violates {schema} at {path}: {error.message}", path=path)


def article_id(canonical_url: str | None, text_sha256: str) -> str:
    """Stable across re-ingestion: from the canonical URL when known, else from the normalized text."""
    basis = f"url:{normalize_url(canonical_url)}" if canonical_url else f"text:{text_sha256}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def article_data(
    article: Article, *, extracted_at: datetime | None = None, source: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The event's `data`: every field of schemas/article.v2.json, unknowns null or empty."""
    meta = article.metadata
    text = article.text
    text_sha = sha256_hex(text)
    base = article.url if article.url and article.url.startswith(("http://", "https://")) else None
    canonical = absolute_url(meta.canonical_url, base)
    source_info: dict[str, Any] = {
        **(source or {}),
        "kind": str((source or {}).get("kind") or article.source_kind),
    }
    if article.fields_from_hints:
        source_info["fields_from_feed"] = list(article.fields_from_hints)
    return {
        "id": article_id(canonical or article.url, text_sha),
        "url": article.url,
        "canonical_url": canonical,
        "title": meta.title,
        "authors": list(meta.authors),
        "published": meta.published,
        "updated": meta.updated,
        "dateline": meta.dateline.as_dict() if meta.dateline else None,
        "site_name": meta.site_name,
        "language": meta.language,
        "description": meta.description,
        "image": absolute_url(meta.image, canonical or base),
        "tags": list(meta.tags),
        "paragraphs": list(article.paragraphs),
        "word_count": len(text.split()),
        "fingerprints": {"sha256": text_sha, "simhash": simhash_hex(text)},
        "duplicate_of": None,
        "cluster": None,
        "source": source_info,
        "extracted_at": _iso(extracted_at or datetime.now(UTC)),
        "extractor": {"name": EXTRACTOR_NAME, "version": __version__},
    }


def article_text(data: dict[str, Any]) -> str:
    """An event's plain text (version 1's `text`): its paragraphs joined by a blank line, the text
    `fingerprints.sha256` and the near-duplicate signature are computed from."""
    return "\n\n".join(data["paragraphs"])


def build_event(data: dict[str, Any], event_type: EventType) -> dict[str, Any]:
    """The envelope. Its `id` derives from the article and its content, so a redelivered task that
    somehow published again would carry the same id and consumers could drop it."""
    validate_data(data)
    version = data["fingerprints"]["sha256"][:16]
    return {
        "specversion": SPEC_VERSION,
        "id": f"{data['id']}-{version}",
        "source": f"urn:newsworker:{data['source']['kind']}",
        "type": str(event_type),
        "subject": data["id"],
        "time": data["extracted_at"],
        "datacontenttype": "application/json",
        "dataschema": article_schema()["$id"],
        "data": data,
    }


def serialize_event(event: dict[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
