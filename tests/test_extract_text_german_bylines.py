"""German bylines opened by more than "Von": "Ein Artikel von", "Geschrieben von", "Veröffentlicht
von", as English writes "Article by", "Written by", "Posted by". Pages written for the purpose."""

from __future__ import annotations

import pytest

from worker.extract.text_header import read_header
from worker.extract.text_signs import is_byline

HEADLINE = "Neue Fähre verbindet die Inseln ab Mai"
LEAD = (
    "Die Hafenbehörde hat am Dienstag nach zwei Jahren der Anhörungen den Bau des neuen Terminals "
    "genehmigt, und die ersten Schiffe sollen dort im nächsten Sommer anlegen."
)
SECOND = "Anwohner hatten befürchtet, dass das Terminal mehr Verkehr in die engen Gassen der Altstadt bringt."


@pytest.mark.parametrize(
    "line",
    [
        "Ein Artikel von Jana Berg, veröffentlicht am 12.03.2024",
        "Ein Beitrag von Jana Berg",
        "Geschrieben von Jana Berg",
        "Veröffentlicht von Jana Berg",
    ],
)
def test_german_openers_make_a_byline(line: str) -> None:
    assert is_byline(line)


def test_the_day_an_article_by_line_states_wins_over_a_section_date_above_the_headline() -> None:
    byline = "Ein Artikel von Jana Berg, veröffentlicht am 12.03.2024"
    lines = ["App-Tests", "News vom 23.01.2020", HEADLINE, byline, LEAD, SECOND]
    header = read_header(lines, [4, 5])
    assert (header.title, header.published) == (HEADLINE, "2024-03-12")
