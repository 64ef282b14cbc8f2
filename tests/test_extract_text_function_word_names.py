"""A name that is also one of its language's function words signs ("By Will" on an English page); only
a desk's article, left once its role word ("Redaktion", "Rédaction", "Redazione") is read off, names
no one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.document import Document, InputKind
from worker.extract.authors import clean_authors
from worker.pipeline import extract_article

PROSE = (
    "The harbour council approved the new ferry link to the islands on Tuesday, after two years of hearings "
    "in which the fishermen and the island schools asked for an earlier morning crossing. The first boat is "
    "due next summer, the harbour master told the members of the council at the meeting.\n\n"
    "The cost of rebuilding the quay is shared between the state and the island towns. The fishermen fear "
    "for their moorings and want a new breakwater in the north of the harbour before the work starts."
)


def test_a_one_word_name_that_is_a_function_word_signs() -> None:
    header = "Harbour Times\n\nNew ferry link to the islands approved\n\nBy Will\n\nMarch 12, 2025"
    page = f"{header}\n\n{PROSE}\n"
    article = extract_article(Document(page, InputKind.TEXT, None), now=datetime(2026, 1, 1, tzinfo=UTC))
    assert list(article.metadata.authors) == ["Will"]


@pytest.mark.parametrize("byline", ["Autor: Die Redaktion", "Par La Rédaction", "Autore: La Redazione"])
def test_a_desks_article_names_no_one(byline: str) -> None:
    assert clean_authors([byline]) == []
