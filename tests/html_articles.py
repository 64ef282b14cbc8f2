"""Article paragraphs in several languages, written for the HTML cleaning tests: long enough and
shaped as sentences."""

from __future__ import annotations

import lxml.html

from worker.article import Metadata
from worker.clean import clean_html
from worker.extract import extract_html_metadata
from worker.parse import parse_html


def clean(html: str) -> list[str]:
    """The paragraphs the HTML cleaner keeps of a page written in a test, model included."""
    return clean_html(parse_html(html))


ARTICLES: dict[str, list[str]] = {
    "en": [
        "The harbour council voted on Tuesday to extend the northern pier by forty metres, ending a "
        "dispute that had divided fishermen and ferry operators for most of the year.",
        "Work is expected to begin in the spring, once the contractor has finished a survey of the "
        "seabed and the council has published the final cost of the project.",
        "Several residents said they welcomed the decision but worried about the noise of pile driving "
        "during the summer months, when the town depends on visitors.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi soir le nouveau plan de circulation du centre-ville, après "
        "plusieurs mois de concertation avec les commerçants et les riverains.",
        "Les travaux commenceront au printemps et devraient durer environ six mois, selon les services "
        "techniques de la ville, qui promettent de limiter la gêne pour les habitants.",
        "Une partie des commerçants redoute toutefois une baisse de fréquentation pendant le chantier "
        "et demande des mesures de soutien de la part de la mairie.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Stadtbibliothek zu sanieren und um einen "
        "Lesesaal für Schülerinnen und Schüler zu erweitern.",
        "Die Arbeiten sollen im Frühjahr beginnen und rund achtzehn Monate dauern, teilte die "
        "Verwaltung mit, die Kosten werden auf knapp vier Millionen Euro geschätzt.",
        "Während der Bauzeit zieht die Bibliothek in ein leerstehendes Geschäft in der Fußgängerzone, "
        "die Öffnungszeiten bleiben nach Angaben der Stadt unverändert.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes la ampliación del carril bici que recorre el paseo marítimo, "
        "un proyecto reclamado desde hace años por las asociaciones de vecinos.",
        "Las obras comenzarán después del verano y durarán unos cuatro meses, según explicó la concejala "
        "de movilidad en una rueda de prensa celebrada en el consistorio.",
        "Algunos comerciantes del paseo temen perder plazas de aparcamiento, aunque el ayuntamiento "
        "asegura que se crearán nuevas plazas en las calles cercanas.",
    ],
}


def metadata_of(head: str, body: str, *, lang: str | None = None) -> Metadata:
    """The HTML metadata of a page written as its `<head>` and `<body>` (no URL, as a file is read)."""
    opening = f'<html lang="{lang}">' if lang else "<html>"
    return extract_html_metadata(
        lxml.html.document_fromstring(f"{opening}<head>{head}</head><body>{body}</body></html>")
    )
