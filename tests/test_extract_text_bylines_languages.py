"""Bylines of other languages in whole-page plain text: the openers that say who wrote the piece
("Gepostet von", "Publicado por", "Écrit par", "Escribe"), read from the language data."""

from __future__ import annotations

import pytest

from worker.extract.authors import clean_authors
from worker.extract.text_byline_below import byline_below
from worker.extract.text_cluster import byline_head
from worker.extract.text_dated_names import name_beside_date
from worker.extract.text_header import read_header
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import is_byline

LEAD = "Der Gemeinderat hat am Dienstag die neue Fährverbindung zu den Inseln nach zwei Jahren beschlossen."
SECOND = "Die ersten Boote sollen im nächsten Frühjahr fahren, sobald der Anleger neu gebaut worden ist."


def _head(byline: str) -> str:
    return byline_head(byline, PageWords([LEAD, SECOND], 0))


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Gepostet von Anna Schmidt | Wohnen", "Anna Schmidt"),
        ("Verfasst von Anna Schmidt", "Anna Schmidt"),
        ("Publicado por Ana Ruiz", "Ana Ruiz"),
        ("Escribe Ana Ruiz", "Ana Ruiz"),
        ("Écrit par Marie Dupont", "Marie Dupont"),
        ("Pubblicato da Marco Rossi", "Marco Rossi"),
        ("Geplaatst door Jan de Vries", "Jan de Vries"),
    ],
)
def test_a_byline_opened_by_a_phrase_of_its_language_names_its_author(byline: str, name: str) -> None:
    lines = ["Fährverbindung beschlossen", byline, LEAD, SECOND]
    assert clean_authors(list(read_header(lines, [2, 3]).bylines)) == [name]


def test_a_signature_below_the_article_opened_by_a_phrase_of_its_language_is_read() -> None:
    lines = ["Fährverbindung beschlossen", LEAD, SECOND, "Erstellt von Anna Schmidt", "Impressum"]
    assert byline_below(lines, 2) == ["Erstellt von Anna Schmidt"]


def test_a_particle_before_the_date_is_no_part_of_the_name() -> None:
    assert _head("Par Marie Dupont le 07 mai 2020") == "Par Marie Dupont"


def test_a_particle_inside_a_name_stays() -> None:
    assert _head("Von Anna von Berg am 7. Mai 2020") == "Von Anna von Berg"


def test_a_label_with_its_colon_after_the_name_ends_it() -> None:
    assert _head("Von Anna Schmidt Kategorien: Wohnen 6. November 2023") == "Von Anna Schmidt"


def test_a_name_before_a_slash_and_the_date_is_the_author() -> None:
    assert name_beside_date("Anna Schmidt / Oktober 25 2023", PageWords([LEAD, SECOND], 0)) == "Anna Schmidt"


def test_a_name_set_apart_from_the_date_by_dashes_is_the_author() -> None:
    line = "23.06.2016 um 16:14 Uhr - Anna Schmidt - 91 Kommentare"
    assert name_beside_date(line, PageWords([LEAD, SECOND], 0)) == "Anna Schmidt"


def test_a_headline_after_a_date_and_a_dash_gives_no_author() -> None:
    line = "23.01.2022 - Anna Schmidt gewinnt das Rennen in Antholz"
    assert name_beside_date(line, PageWords([LEAD, SECOND], 0)) is None


def test_a_byline_ends_at_a_slash_before_its_date() -> None:
    assert _head("Von Anna Schmidt / 6. November 2023 / Keine Kommentare") == "Von Anna Schmidt"


def test_a_slash_between_two_names_keeps_both() -> None:
    assert _head("Von Anna Schmidt / Jan Weber") == "Von Anna Schmidt / Jan Weber"


def test_an_opener_in_lowercase_glued_to_the_name_opens_a_byline() -> None:
    lines = ["Fährverbindung beschlossen", "Veröffentlicht vonAnna Schmidt 28. Februar 2016", LEAD, SECOND]
    assert clean_authors(list(read_header(lines, [2, 3]).bylines)) == ["Anna Schmidt"]


def test_a_capitalised_word_glued_to_a_capital_opens_no_byline() -> None:
    assert not is_byline("DaVinci Resolve Studio")
    assert not is_byline("TextMate Editor Review")


@pytest.mark.parametrize(
    "line",
    ["Anna Schmidt am 18. September 2019", "Ana Ruiz el 3 de mayo de 2020", "Anna Schmidt le 07 mai 2020"],
)
def test_a_name_before_the_word_that_opens_its_date_is_the_author(line: str) -> None:
    assert name_beside_date(line, PageWords([LEAD, SECOND], 0)) in {"Anna Schmidt", "Ana Ruiz"}
