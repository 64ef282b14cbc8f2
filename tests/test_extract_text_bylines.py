"""A plain-text page's author when no line says "By": a name line with a date, or a job title and a
date, right under it, near the header."""

from __future__ import annotations

import pytest

from worker.extract.authors import clean_authors
from worker.extract.text_bylines import dated_bylines, is_role, name_with_companion
from worker.extract.text_header import Header, read_header, read_header_by_rules, with_cluster_under
from worker.extract.text_page_words import PageWords

LEAD = "The council approved the new ferry link to the islands on Tuesday, after two years of hearings."
SECOND = "The first boats are expected to sail next spring, once the pier has been rebuilt and paid for."


def _name(lines: list[str], lead: int) -> str | None:
    return name_with_companion(lines, lead, PageWords(lines, lead))


def test_name_line_above_a_date_line_is_the_author() -> None:
    lines = ["Menu", "Login", "Ana Ruiz", "September 4, 2025", "Ferry link approved", LEAD, SECOND]
    assert _name(lines, 5) == "Ana Ruiz"


def test_name_line_with_a_job_title_and_a_date_under_it_is_the_author() -> None:
    lines = ["Ferry link approved", "Ana Ruiz", "Content Editor", "Sep 4, 2025", LEAD, SECOND]
    assert _name(lines, 4) == "Ana Ruiz"


def test_name_line_with_only_a_job_title_under_it_is_not_taken() -> None:
    lines = ["Ferry link approved", "Harbour Desk", "Content Editor", LEAD, SECOND]
    assert _name(lines, 3) is None


def test_name_shaped_menu_entry_above_a_date_is_not_taken_when_the_page_writes_its_words_lowercase() -> None:
    lines = [
        "Ferry Schedules",
        "September 4, 2025",
        "Ferry link approved",
        LEAD,
        SECOND,
        "New schedules follow.",
    ]
    assert _name(lines, 3) is None


def test_job_title_line_ends_with_a_role_word() -> None:
    assert is_role("Senior Staff Writer")
    assert not is_role("Ferry link approved")


def test_of_several_bylines_the_one_beside_a_date_is_kept() -> None:
    pieces = list(
        enumerate(["By Industry", "By Use Case", "Ferry link approved", "by Ana Ruiz | Aug 24, 2023"])
    )
    assert dated_bylines(["By Industry", "By Use Case", "by Ana Ruiz | Aug 24, 2023"], pieces) == [
        "by Ana Ruiz | Aug 24, 2023"
    ]


def test_a_dated_line_that_names_nobody_does_not_replace_the_byline() -> None:
    pieces = list(enumerate(["By Ana Ruiz", "Ferry link approved", "by Last updated on:", "Aug 24, 2023"]))
    assert dated_bylines(["By Ana Ruiz", "by Last updated on:"], pieces) == [
        "By Ana Ruiz",
        "by Last updated on:",
    ]


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Von Anna Schmidt", "Anna Schmidt"),
        ("Par Marie Dupont", "Marie Dupont"),
        ("Przez Jan Kowalski", "Jan Kowalski"),
        ("Skrevet af Lars Olsen", "Lars Olsen"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("記者 山田太郎", "山田太郎"),
        ("记者 张伟", "张伟"),
    ],
)
def test_bylines_in_other_languages_name_their_author(byline: str, name: str) -> None:
    lines = ["Ferry link approved", byline, "March 4, 2025", LEAD, SECOND]
    header = read_header(lines, [3, 4])
    assert clean_authors(list(header.bylines)) == [name]


def test_a_name_the_page_writes_in_lowercase_only_in_an_address_is_still_a_name() -> None:
    lines = ["Ferry link approved", "Ana Ruiz", "Sep 4, 2025", LEAD, SECOND, "Write to ana@example.org."]
    assert _name(lines, 3) == "Ana Ruiz"


def test_a_function_word_of_another_language_the_page_never_writes_is_a_name() -> None:
    lines = ["Ferry link approved", "Dan Ruiz", "Sep 4, 2025", LEAD, SECOND]  # "dan": Dutch for "than"
    assert _name(lines, 3) == "Dan Ruiz"


def test_a_line_opening_like_a_byline_that_names_nobody_does_not_hide_the_name_above() -> None:
    lines = [
        *("Menu", "Ana Ruiz", "Senior Editor", "March 4, 2025", "Ferry link approved"),
        *("Photos", "Share", "Print", "Save", "Comments", LEAD, SECOND),
        "By enabling ferries to dock, the pier pays for itself.",
    ]
    assert read_header_by_rules(lines, [10, 11]).bylines == ("Ana Ruiz",)


def test_a_name_line_with_a_job_title_under_the_headline_is_the_author() -> None:
    lines = ["Menu", "Ferry link approved", "Ana Ruiz", "Content Editor", "Contents", LEAD, SECOND]
    assert read_header_by_rules(lines, [5, 6]).bylines == ("Ana Ruiz",)


def test_a_name_line_with_a_job_title_right_above_the_lead_is_the_author() -> None:
    lines = [
        "Ferry link approved",
        "Updated March 4, 2025",
        "5 min read",
        "Ana Ruiz",
        "Senior Editor",
        LEAD,
        SECOND,
    ]
    assert read_header_by_rules(lines, [5, 6]).bylines == ("Ana Ruiz",)


def test_a_name_and_job_title_in_a_team_list_below_the_article_is_no_author() -> None:
    lines = ["Ferry link approved", "Share", LEAD, SECOND, "Our team", "Ana Ruiz", "Content Editor"]
    assert read_header_by_rules(lines, [2, 3]).bylines == ()


def test_a_name_beside_a_date_is_read_up_to_the_words_it_goes_on_with_in_lowercase() -> None:
    lines = ["Ferry link approved", "Mar 4, 2025 • Ana Ruiz in Local News", LEAD, SECOND]
    assert read_header_by_rules(lines, [2, 3]).bylines == ("Ana Ruiz",)


def test_a_name_with_its_agency_in_brackets_is_the_author_and_the_agency_no_person() -> None:
    header = read_header(["Ferry link approved", "Ana Ruiz (AFP)", "March 4, 2025", LEAD, SECOND], [3, 4])
    assert clean_authors(list(header.bylines)) == ["Ana Ruiz"]
    assert header.dateline is not None and header.dateline.agency == "AFP"


def test_a_place_in_capitals_before_an_agency_is_no_author() -> None:
    header = read_header(["Ferry link approved", "SAN PEDRO (AP)", "March 4, 2025", LEAD, SECOND], [3, 4])
    assert header.bylines == ()


def test_the_byline_under_the_chosen_headline_is_read_when_the_lead_was_found_far_below_it() -> None:
    # The labeller chose the headline; the rules had read the cluster above a lead under a contents list.
    contents = ["Contents", *(f"{n} Ferry crossing number {n} and its timetable" for n in range(1, 46))]
    foreword = "Foreword: this guide is updated every month, and the last changes were made after the vote."
    lines = [
        "Menu",
        "Login",
        "Ferry link approved",
        "by Ana Ruiz",
        "6 Comments",
        LEAD,
        *contents,
        foreword,
        SECOND,
    ]
    chosen = Header(title="Ferry link approved", title_line=2)
    header = with_cluster_under(lines, chosen, lead=len(lines) - 2)
    assert clean_authors(list(header.bylines)) == ["Ana Ruiz"]


def test_a_cluster_under_a_line_the_rules_would_not_take_for_the_headline_is_not_read() -> None:
    lines = ["Menu", "Ferry link approved", "by Ana Ruiz", LEAD, SECOND]
    chosen = Header(title="Menu", title_line=0)
    assert with_cluster_under(lines, chosen, lead=4).bylines == ()


def test_a_sentence_going_on_under_the_headline_is_not_read_as_its_byline() -> None:
    lines = [
        "Menu",
        "Neuer Musikkanal der Stadtwerke",
        "von Künstlern, Bands, DJs,",
        "die ihre Musik bei uns spielen lassen möchten, rund um die Uhr und ohne Werbung im Programm.",
        *(f"Sendeplatz {n}" for n in range(1, 46)),
        "Wer eine schwache Verbindung hat, sollte den zweiten Stream verwenden, der weniger Daten braucht.",
        "Die Liste der Sender wird jede Woche ergänzt und auf dieser Seite veröffentlicht.",
    ]
    chosen = Header(title="Neuer Musikkanal der Stadtwerke", title_line=1)
    assert with_cluster_under(lines, chosen, lead=len(lines) - 2).bylines == ()
