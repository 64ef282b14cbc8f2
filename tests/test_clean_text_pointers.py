"""A link to another story set in the article's text behind a short pointer word and a colon
("Lea más: ...", "Czytaj więcej: ...", "Lesen Sie auch: ...") is page furniture in each language, as
"Lea también: ..." is; English "Read: ..." stays, as English pages keep such links more often.

Every fixture is written for these tests."""

from __future__ import annotations

import pytest

from tests.test_clean_text_section_languages import SPANISH
from worker.clean.text import clean_text
from worker.clean.text_line_model import Flag
from worker.clean.text_lines import classify_lines, read_lines


def _flag(line: str) -> Flag:
    (row,) = read_lines([line])
    classify_lines([row])
    return row.flag


@pytest.mark.parametrize(
    "pointer",
    [
        "Lea más: El puerto amplía su horario de carga durante el verano",
        "MIRA: Los bomberos rescatan a un perro atrapado en el río",
        "Czytaj więcej: Nowy most połączy oba brzegi rzeki do końca roku",
        "Lesen Sie auch: Neue Buslinie verbindet ab Mai die Vororte",
        "À lire aussi: Le marché couvert rouvrira ses portes au printemps",
    ],
)
def test_a_pointer_word_before_a_colon_marks_a_link_to_another_story(pointer: str) -> None:
    assert _flag(pointer) is Flag.CHROME


def test_a_spanish_pointer_between_paragraphs_is_dropped() -> None:
    pointer = "Lea más: El puerto amplía su horario de carga durante el verano"
    page = "\n\n".join(["Noticias", SPANISH[0], pointer, *SPANISH[1:]])
    assert clean_text(page).paragraphs == SPANISH


def test_an_english_read_pointer_is_not_marked() -> None:
    assert _flag("Read: How the harbour ferry came back after the storm") is Flag.NONE


def test_a_speaker_named_like_a_pointer_word_keeps_the_answer() -> None:
    answer = "Lee: The waves were higher than anything we had seen in years, and they tore the timber loose."
    assert _flag(answer) is not Flag.CHROME
