"""A byline label alone in a site's menu ("Themen" / "Autoren" / "Suche" / "Impressum") links to the
authors' page: the menu entries under it are no byline. The same label over a name signs."""

from __future__ import annotations

from worker.extract.text_header import read_header

LEAD = (
    "Der Hafenrat hat am Dienstag die neue Fährverbindung zu den Inseln beschlossen, nachdem die Fischer "
    "und die Inselschulen zwei Jahre lang eine frühere Überfahrt am Morgen verlangt hatten."
)
SECOND = "Die erste Fähre soll im kommenden Sommer am alten Kai anlegen, sagte die Hafenmeisterin."


def _bylines(lines: list[str]) -> tuple[str, ...]:
    return read_header(lines, [len(lines) - 2, len(lines) - 1]).bylines


def test_a_label_among_menu_entries_opens_no_byline() -> None:
    menu = ["Startseite", "Themen", "Über uns", "Autoren", "Reportagen", "Suche", "Impressum", "Kontakt"]
    lines = [*menu, "Neue Fähre zu den Inseln beschlossen", LEAD, SECOND]
    assert _bylines(lines) == ()


def test_a_label_over_a_name_signs() -> None:
    lines = ["Startseite", "Themen", "Neue Fähre zu den Inseln beschlossen", "Autorin", "Greta Wendholm",
             LEAD, SECOND]  # fmt: skip
    assert any("Greta Wendholm" in byline for byline in _bylines(lines))
