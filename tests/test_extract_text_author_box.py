"""An author box below the article names its author when no byline does: a name line (perhaps
under "About", perhaps with a job title under it or after it on its line) over a note on that
person, or else a name over an email address of hers."""

from __future__ import annotations

from worker.extract.text_author_box import author_box
from worker.extract.text_page_words import PageWords

LEAD = "The council approved the new ferry link to the islands on Tuesday, after two years of hearings."
SECOND = "The first boats are expected to sail next spring, once the pier has been rebuilt and paid for."
NOTE = "Ana Ruiz is a transport reporter who has covered the islands for ten years. She lives on the coast."


def _box(lines: list[str]) -> str | None:
    return author_box(lines, 1, PageWords(lines, 1))


def test_name_line_over_a_note_on_that_person_is_the_author() -> None:
    assert _box(["Ferry link approved", LEAD, SECOND, "Ana Ruiz", NOTE, "Related articles"]) == "Ana Ruiz"


def test_a_job_title_may_stand_between_the_name_and_the_note() -> None:
    lines = ["Ferry link approved", LEAD, SECOND, "Ana Ruiz", "Transport Reporter", NOTE]
    assert _box(lines) == "Ana Ruiz"


def test_an_about_heading_gives_the_name_it_heads() -> None:
    assert _box(["Ferry link approved", LEAD, SECOND, "About Ana", NOTE]) == "Ana"


def test_a_note_on_a_product_names_nobody() -> None:
    note = "Harbour Planner is a booking tool for ferry operators. It runs in any browser and costs nothing."
    assert _box(["Ferry link approved", LEAD, SECOND, "Harbour Planner", note]) is None


def test_a_list_of_people_profiled_names_nobody() -> None:
    other = "Tom Berg is a ferry captain who has sailed the route since 1990. He retires next year."
    lines = ["Ferry link approved", LEAD, "Ana Ruiz", NOTE, "Tom Berg", other]
    assert _box(lines) is None


def test_a_name_signing_over_an_address_of_hers_is_the_author() -> None:
    lines = ["Ferry link approved", LEAD, SECOND, ". . . Ana Ruiz", "aruiz@harbourpost.example"]
    assert _box(lines) == "Ana Ruiz"


def test_a_name_over_an_address_that_is_not_hers_names_nobody() -> None:
    assert _box(["Ferry link approved", LEAD, SECOND, "Ana Ruiz", "desk@harbourpost.example"]) is None


def test_a_note_on_a_person_outranks_a_name_over_an_address() -> None:
    lines = ["Ferry link approved", LEAD, SECOND, "Tom Berg", "tberg@harbourpost.example", "Ana Ruiz", NOTE]
    assert _box(lines) == "Ana Ruiz"


def test_a_name_with_her_job_title_on_its_line_over_a_note_opening_with_her_given_name_is_the_author() -> (
    None
):
    note = "Ana explores how island ferries and their timetables shape the lives of the people on the coast."
    lines = ["Ferry link approved", LEAD, SECOND, "Ana Ruiz UK-based Transport Writer", note]
    assert _box(lines) == "Ana Ruiz"


def test_a_name_line_going_on_with_no_job_title_over_such_a_note_names_nobody() -> None:
    note = "Ana explores how island ferries and their timetables shape the lives of the people on the coast."
    assert _box(["Ferry link approved", LEAD, SECOND, "Ana Ruiz Harbour Photos Gallery", note]) is None
