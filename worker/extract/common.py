"""Metadata steps shared by the HTML and text paths, run once the body is known.

The body tells what markup cannot: the language the article is really in, and the dateline its lead
opens with (whose day `metadata` weighs with the page's). Every string field is normalized here.
"""

from __future__ import annotations

from worker.article import Dateline, Metadata
from worker.extract.dateline import agency_from_credit, parse_dateline
from worker.extract.language import choose_language
from worker.extract.urls import absolute_url

_LEAD_PARAGRAPHS = 2
_CREDIT_PARAGRAPHS = 3


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def lead_dateline(paragraphs: list[str]) -> tuple[Dateline, str | None] | None:
    """The dateline the first paragraphs open with ("BRUSSELS (Reuters) - ..."), and its day."""
    for paragraph in paragraphs[:_LEAD_PARAGRAPHS]:
        found = parse_dateline(paragraph)
        if found:
            return found
    return None


def merge_dateline(current: Dateline | None, found: Dateline | None) -> Dateline | None:
    """`current` with its empty parts filled from `found`; None when neither names anything."""
    place = (current.place if current else None) or (found.place if found else None)
    agency = (current.agency if current else None) or (found.agency if found else None)
    return Dateline(place=place, agency=agency) if place or agency else None


def normalized_metadata(
    metadata: Metadata,
    paragraphs: list[str],
    lead: tuple[Dateline, str | None] | None,
    url: str | None,
    told_language: str | None = None,
) -> Metadata:
    """The fields with what the body itself tells (language, the lead's dateline, a credit's agency)
    and every string normalized; the dates as chosen. `told_language`: the page's language as the
    clean stage told it with confidence from the same text (a page copied as text): not told again."""
    dateline = merge_dateline(metadata.dateline, lead[0] if lead else None)
    if not (dateline and dateline.agency):
        tail_agency = agency_from_credit(paragraphs[-_CREDIT_PARAGRAPHS:][::-1])
        dateline = merge_dateline(dateline, Dateline(agency=tail_agency) if tail_agency else None)
    return Metadata(
        title=_clean(metadata.title),
        authors=list(dict.fromkeys(a for a in (_clean(a) for a in metadata.authors) if a)),
        published=metadata.published,
        updated=metadata.updated,
        dateline=dateline,
        site_name=_clean(metadata.site_name),
        language=told_language or choose_language(metadata.language, "\n".join(paragraphs)),
        canonical_url=metadata.canonical_url,
        description=_clean(metadata.description),
        image=absolute_url(metadata.image, url) if metadata.image else None,
        tags=list(dict.fromkeys(t for t in (_clean(t) for t in metadata.tags) if t)),
    )
