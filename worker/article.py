"""The article model shared by every stage: what `clean` and `extract` produce and `events` publishes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SourceKind(StrEnum):
    """How a document came in; published as the event's `source.kind`."""

    URL = "url"
    HTML = "html"
    TEXT = "text"
    FEED = "feed"
    SITEMAP = "sitemap"
    CLI = "cli"


@dataclass(slots=True)
class Dateline:
    """The lead of a dispatch: `BRUSSELS (Reuters) -` gives place "Brussels"... and agency "Reuters"."""

    place: str | None = None
    agency: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"place": self.place, "agency": self.agency}


@dataclass(slots=True)
class Metadata:
    """Every field is optional: unknown stays None or empty, never invented."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    dateline: Dateline | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Article:
    """One extracted article, before it becomes an event."""

    url: str | None
    metadata: Metadata
    paragraphs: list[str]
    source_kind: SourceKind
    fields_from_hints: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
