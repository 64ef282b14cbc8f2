"""A name the copy glued to the day after it signs the piece: a numeric day ("Yucy3/4/2025"), a day
with its month's name ("Greta Wendholm22. Februar 2020", "Greta WendholmNovember 6, 2023"), or a
theme's hidden timestamp before the shown day, whose categories after it are no name."""

from __future__ import annotations

from worker.extract.authors import clean_authors
from worker.extract.text_bylines import name_beside_day
from worker.extract.text_dated_names import name_beside_date
from worker.extract.text_header import read_header
from worker.extract.text_page_words import PageWords

LEAD = (
    "The harbour council approved the new ferry link to the islands on Tuesday, after two years of "
    "hearings in which the fishermen and the island schools asked for an earlier morning crossing."
)

GERMAN_LEAD = (
    "Der Hafenrat hat am Dienstag die neue Fährverbindung zu den Inseln beschlossen, nachdem die Fischer "
    "und die Inselschulen zwei Jahre lang eine frühere Überfahrt am Morgen verlangt hatten."
)


def _name(byline: str) -> str | None:
    lines = ["Why the Island Ferries Run Late Every Winter", byline, LEAD, LEAD]
    return name_beside_day(lines, 0, 2, PageWords(lines, 2))


def test_a_name_glued_to_a_month_day_signs() -> None:
    assert _name("Greta WendholmNovember 6, 2023") == "Greta Wendholm"


def test_a_name_glued_to_a_day_before_its_month_signs() -> None:
    assert _name("Greta Wendholm22. Februar 2020") == "Greta Wendholm"


def test_a_name_glued_to_a_numeric_day_signs() -> None:
    assert _name("Greta Wendholm12.03.2024") == "Greta Wendholm"


def test_the_categories_after_a_glued_timestamp_are_no_name() -> None:
    lines = ["Warum die Inselfähren zu spät kommen", "x", GERMAN_LEAD, GERMAN_LEAD]
    line = "GretaWendholm2025-03-04T09:12:00+01:00Juni 19th, 2018|Soziale Medien|36 Kommentare"
    assert name_beside_date(line, PageWords(lines, 2)) != "Soziale Medien"


def test_a_month_inside_a_name_is_no_glued_day() -> None:
    assert _name("LaMar Wendholm12.03.2024") == "LaMar Wendholm"
    assert _name("DeMar WendholmNovember 6, 2023") == "DeMar Wendholm"


def test_an_outlet_glued_to_the_day_under_a_job_title_is_no_author() -> None:
    lines = [
        "Why the Island Ferries Run Late Every Winter",
        "Greta Wendholm",
        "Transport Editor",
        "Eastport HeraldOctober 13, 2016",
        LEAD,
        LEAD,
    ]
    header = read_header(lines, [4, 5])
    assert clean_authors(list(header.bylines)) == ["Greta Wendholm"]
    assert header.published == "2016-10-13"


RESEARCH_LEAD = (
    "Flu shots for the elderly cut hospital stays by a third in the winter months, the research team "
    "found after following forty thousand patients of the island clinics for six years."
)


def test_a_kicker_glued_to_the_day_is_no_author() -> None:
    common = PageWords(["Original Research7 April 2020", RESEARCH_LEAD, RESEARCH_LEAD], 1)
    assert name_beside_date("Original Research7 April 2020", common) is None


def test_a_name_glued_to_the_day_on_a_date_line_signs() -> None:
    common = PageWords(["Greta WendholmApril 7, 2020", RESEARCH_LEAD, RESEARCH_LEAD], 1)
    assert name_beside_date("Greta WendholmApril 7, 2020", common) == "Greta Wendholm"
