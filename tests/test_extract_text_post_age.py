"""A post's age shows its day in any language ("vor 3 Stunden", "Hace 9 horas", "2 godziny temu"),
after a date label too ("Veröffentlicht: vor einer Stunde"), so the name over it signs the piece;
words that only look like an age ("vor Ort") show no day."""

from __future__ import annotations

import pytest

from worker.extract.text_bylines import name_beside_day, shows_day
from worker.extract.text_not_headline import never_headline
from worker.extract.text_page_words import PageWords

LEAD = (
    "Der Hafenrat hat am Dienstag die neue Fährverbindung zu den Inseln beschlossen, nachdem die Fischer "
    "und die Inselschulen zwei Jahre lang eine frühere Überfahrt am Morgen verlangt hatten."
)


@pytest.mark.parametrize(
    "age",
    [
        "vor 3 Stunden",
        "vor einer Stunde",
        "Hace 9 horas",
        "il y a 2 jours",
        "2 godziny temu",
        "3 uur geleden",
        "há 5 dias",
        "2 ore fa",
    ],
)
def test_a_post_age_in_any_language_shows_a_day(age: str) -> None:
    assert shows_day(age)


def test_a_labelled_post_age_shows_a_day() -> None:
    assert shows_day("• Veröffentlicht vor 4 Stunden")
    assert shows_day("Erstellt: vor einer Stunde")


@pytest.mark.parametrize("line", ["vor Ort", "Vor allem Tage wie diese", "vor 2000 Jahren die Römer"])
def test_words_that_only_open_like_an_age_show_no_day(line: str) -> None:
    assert not shows_day(line)


def test_a_name_over_a_labelled_post_age_is_the_author() -> None:
    headline, age = "Neue Fähre zu den Inseln beschlossen", "• Veröffentlicht vor 3 Stunden"
    lines = [headline, "Greta Wendholm", age, LEAD, LEAD]
    lead = lines.index(LEAD)
    assert name_beside_day(lines, 0, lead, PageWords(lines, lead)) == "Greta Wendholm"


@pytest.mark.parametrize("age", ["vor 3 Stunden", "Hace 9 horas", "2 wks ago"])
def test_a_post_age_in_any_language_is_never_a_headline(age: str) -> None:
    lines = ["Neue Fähre zu den Inseln beschlossen", age, LEAD, LEAD]
    assert never_headline(age, PageWords(lines, 2))


@pytest.mark.parametrize("line", ["Stunden vor", "Jahr vor", "fa 2 ore"])
def test_the_before_now_word_stands_on_its_languages_side(line: str) -> None:
    assert not shows_day(line)
