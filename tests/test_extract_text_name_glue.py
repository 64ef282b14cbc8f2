"""A plain-text byline's name without what the copy glued to it: an opener before it, a hyphenated
job title before it, a section's or an outlet's name after it; and never one word alone after a date
(a section's name has its shape)."""

from __future__ import annotations

from worker.extract.text_dated_names import name_beside_date
from worker.extract.text_name_glue import without_glue
from worker.extract.text_page_words import PageWords

PROSE = [
    "The council approved the new ferry link to the islands on Tuesday, after two years of hearings.",
    "The first boats are expected to sail next spring, once the pier has been rebuilt and paid for.",
]


def test_a_capitalised_opener_glued_to_the_given_name_is_dropped() -> None:
    assert without_glue("PorMarisela Quintero", PROSE) == "Marisela Quintero"


def test_a_german_opener_glued_to_the_given_name_is_dropped() -> None:
    assert without_glue("VonJonas Brandhorst", PROSE) == "Jonas Brandhorst"


def test_a_two_letter_particle_glued_to_a_family_name_stays() -> None:
    assert without_glue("DiMarzio Quintero", PROSE) == "DiMarzio Quintero"


def test_a_job_title_hyphenated_before_the_name_is_dropped() -> None:
    assert without_glue("Senior-Editor Marisela Quintero", PROSE) == "Marisela Quintero"


def test_a_compound_job_title_before_the_name_is_dropped() -> None:
    assert without_glue("Verkehrsexperte Jonas Brandhorst", PROSE) == "Jonas Brandhorst"


def test_a_hyphenated_given_name_stays() -> None:
    assert without_glue("Anna-Lena Brandhorst", PROSE) == "Anna-Lena Brandhorst"


def test_an_outlet_glued_after_the_name_that_the_page_prints_alone_is_dropped() -> None:
    lines = [*PROSE, "Follow Quayside Gazette on the islands' radio."]
    assert without_glue("Marisela QuinteroQuayside Gazette", lines) == "Marisela Quintero"


def test_capitals_glued_after_the_name_that_the_page_prints_alone_are_dropped() -> None:
    lines = [*PROSE, "WATCH QUAYTV LIVE"]
    assert without_glue("Marisela QuinteroQUAYTV", lines) == "Marisela Quintero"


def test_a_family_name_with_inner_capitals_stays() -> None:
    lines = [*PROSE, "Meer news from the harbour."]
    assert without_glue("Jonas McAllister", lines) == "Jonas McAllister"


def test_a_glued_word_the_page_never_prints_alone_stays() -> None:
    assert without_glue("Marisela QuinteroVargas", PROSE) == "Marisela QuinteroVargas"


def test_a_name_the_page_also_prints_with_the_space_stays_whole() -> None:
    lines = [*PROSE, "At Harbour Lantern we film ferries.", "Lantern"]
    assert without_glue("Team HarbourLantern", lines) == "Team HarbourLantern"


def test_one_word_alone_after_a_date_is_no_author_for_a_section_has_its_shape() -> None:
    lines = ["January 3, 2024 | Quaysides", *PROSE]
    assert name_beside_date(lines[0], PageWords(lines, 1)) is None


def test_a_section_word_the_page_writes_in_lowercase_after_a_date_is_no_author() -> None:
    lines = ["January 3, 2024 | Ferries", *PROSE, "The ferries sail at noon."]
    assert name_beside_date(lines[0], PageWords(lines, 1)) is None


def test_an_agency_after_a_date_is_no_author() -> None:
    lines = ["January 3, 2024 | Reuters", *PROSE]
    assert name_beside_date(lines[0], PageWords(lines, 1)) is None


def test_a_menu_entry_above_the_lead_after_a_date_is_no_author() -> None:
    lines = ["Home", "Harbours", "Quayside ferries will sail again", "January 3, 2024 | Harbours", *PROSE]
    assert name_beside_date(lines[3], PageWords(lines, 4)) is None
