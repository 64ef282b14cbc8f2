"""On a page that capitalises its nouns, a heading "Von X und Y" lists nouns, not people: names of one
word each give no authors. A byline there names people in full; a desk signing with its article ("Die
Redaktion") names no one."""

from __future__ import annotations

from datetime import UTC, datetime

from worker.document import Document, InputKind
from worker.pipeline import extract_article

PROSE = (
    "Der Hafenrat hat am Dienstag die neue Fährverbindung zu den Inseln beschlossen, nachdem die Fischer "
    "und die Inselschulen zwei Jahre lang eine frühere Überfahrt am Morgen verlangt hatten. Die Fähre soll "
    "im Sommer am alten Kai anlegen, sagte die Hafenmeisterin vor den Mitgliedern des Rates.\n\n"
    "Die Kosten für den Umbau des Kais trägt zur Hälfte das Land, die andere Hälfte teilen sich die "
    "Gemeinden der Inseln. Die Fischer fürchten um ihre Liegeplätze und verlangen eine neue Mole im "
    "Norden des Hafens, bevor die Bauarbeiten im Herbst beginnen."
)


def _authors(byline: str) -> list[str]:
    page = f"Hafenblatt\n\nNeue Fähre zu den Inseln beschlossen\n\n{byline}\n\n12. März 2025\n\n{PROSE}\n"
    article = extract_article(Document(page, InputKind.TEXT, None), now=datetime(2026, 1, 1, tzinfo=UTC))
    return list(article.metadata.authors)


def test_a_heading_of_nouns_names_no_authors() -> None:
    assert _authors("Von Fähren und Fischern") == []


def test_a_byline_of_full_names_still_signs() -> None:
    assert _authors("Von Greta Wendholm und Jonas Berke") == ["Greta Wendholm", "Jonas Berke"]


def test_a_desk_signing_with_its_article_names_no_one() -> None:
    assert _authors("Autor: Die Redaktion") == []
