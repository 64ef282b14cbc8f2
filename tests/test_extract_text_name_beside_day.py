"""A signature beside a shown day under the headline: a person's name with a day printed without its
year ("Jun 9"), or a one-word signature ("Gabo") right above a date; never a section word, a
label's date, or a capitalised noun of a language that capitalises its nouns. And a person's name
alone right under a headline of a sentence's length, or over it with a shown day under the name."""

from __future__ import annotations

from worker.extract.text_bylines import name_beside_day, name_over_headline, name_under_headline, shows_day
from worker.extract.text_page_words import PageWords

LEAD = (
    "The harbour council approved the new ferry link to the islands on Tuesday, after two years of "
    "hearings in which the fishermen and the island schools asked for an earlier morning crossing."
)
PROSE = [LEAD] * 3


def _name(lines: list[str], headline: int = 0) -> str | None:
    lead = lines.index(LEAD)
    return name_beside_day(lines, headline, lead, PageWords(lines, lead))


def test_a_day_without_its_year_shows_a_day() -> None:
    assert shows_day("Jun 9")
    assert shows_day("9 Jun")


def test_a_date_with_a_dot_before_its_year_shows_a_day() -> None:
    assert shows_day("December 19. 2025")


def test_a_label_with_a_year_shows_no_day() -> None:
    assert not shows_day("Ferry Timetable 2025")


def test_a_labelled_date_range_shows_no_day() -> None:
    assert not shows_day("DATE: 2025-12-12 - 2025-12-17")


def test_a_name_over_a_day_without_its_year_is_the_author() -> None:
    lines = ["Why Ferries Run Late", "Marta Quell", "Jun 9", "5 min read", *PROSE]
    assert _name(lines) == "Marta Quell"


def test_a_name_under_a_date_is_the_author() -> None:
    lines = ["Why Ferries Run Late", "March 4, 2025", "Marta Quell", *PROSE]
    assert _name(lines) == "Marta Quell"


def test_one_word_over_a_date_is_the_signature() -> None:
    lines = ["Why Ferries Run Late", "Zorvik", "Jan 23", "11 min read", *PROSE]
    assert _name(lines) == "Zorvik"


def test_one_word_under_a_date_is_a_section() -> None:
    lines = ["Why Ferries Run Late", "March 4, 2025", "Harbours", "Table of contents", *PROSE]
    assert _name(lines) is None


def test_one_word_the_page_writes_in_lowercase_is_no_signature() -> None:
    lines = ["Why Ferries Run Late", "Islands", "March 4, 2025", *PROSE, "The islands wait."]
    assert _name(lines) is None


def test_one_word_in_capitals_is_no_signature() -> None:
    lines = ["Ferry Events of the Year", "HARBOURFEST", "March 4, 2025", *PROSE]
    assert _name(lines) is None


def test_a_name_above_the_headline_is_not_read_here() -> None:
    lines = ["Zorvik", "March 4, 2025", "Why Ferries Run Late", *PROSE]
    assert _name(lines, headline=2) is None


def test_a_capitalised_noun_on_a_page_that_capitalises_nouns_is_no_signature() -> None:
    german = (
        "In den Heizungen unserer Privathäuser liegt ein großes Potenzial für den Klimaschutz, denn "
        "viele Anlagen sind alt und die Kosten für Wärme steigen mit jedem Winter weiter an."
    )
    lines = ["Welche Heizung ist die beste?", "Heizung", "19. November 2021", german, german, german]
    assert name_beside_day(lines, 0, 3, PageWords(lines, 3)) is None


def test_a_name_beside_a_labelled_date_is_left_to_the_cluster_reading() -> None:
    lines = ["Why Ferries Run Late", "Overview", "Effective beginning 6/2/2025:", *PROSE]
    assert _name(lines) is None


def _under(lines: list[str], headline: int = 0) -> str | None:
    lead = lines.index(LEAD)
    return name_under_headline(lines, headline, lead, PageWords(lines, lead))


def test_a_name_right_under_a_long_headline_is_the_author() -> None:
    lines = ["Why the Morning Ferries Run Late", "Marta Quell", "harbour ferries islands", *PROSE]
    assert _under(lines) == "Marta Quell"


def test_a_name_shaped_line_under_a_short_headline_is_a_menu_entry() -> None:
    lines = ["Harbour Job Board", "Island Job Board", "About Us", *PROSE]
    assert _under(lines) is None


def test_a_name_two_lines_under_the_headline_is_not_read_here() -> None:
    lines = ["Why the Morning Ferries Run Late", "Five things to know", "Marta Quell", *PROSE]
    assert _under(lines) is None


def test_a_capitalised_pair_on_a_page_that_capitalises_nouns_is_no_name() -> None:
    german = (
        "In den Heizungen unserer Privathäuser liegt ein großes Potenzial für den Klimaschutz, denn "
        "viele Anlagen sind alt und die Kosten für Wärme steigen mit jedem Winter weiter an."
    )
    lines = ["Welche Heizung ist die beste für uns?", "Aktuelle Ausgabe", german, german, german]
    assert name_under_headline(lines, 0, 2, PageWords(lines, 2)) is None


def test_a_name_over_a_job_title_and_a_day_over_the_headline_is_the_author() -> None:
    lines = ["Ferry news", "Marta Quell", "Writer", "12/11/25", "Why the Morning Ferries Run Late", LEAD]
    assert name_over_headline(lines, 4, PageWords(lines, 5)) == "Marta Quell"


def test_a_team_signing_over_a_day_over_the_headline_is_the_author() -> None:
    lines = ["Ferry news", "Team QuellFerries", "September 4, 2025", "Why the Morning Ferries Run Late", LEAD]
    assert name_over_headline(lines, 3, PageWords(lines, 4)) == "Team QuellFerries"


def test_names_joined_by_a_languages_and_over_a_post_age_over_the_headline_are_the_authors() -> None:
    lines = [
        "Ferry news",
        "Marta Quell y José Luis Ondo",
        "Hace 9 horas",
        "Why the Morning Ferries Run Late",
        LEAD,
    ]
    assert name_over_headline(lines, 3, PageWords(lines, 4)) == "Marta Quell y José Luis Ondo"


def test_a_name_over_the_headline_without_a_day_is_not_read_here() -> None:
    lines = ["Ferry news", "Marta Quell", "Ferry Guides", "Why the Morning Ferries Run Late", LEAD]
    assert name_over_headline(lines, 3, PageWords(lines, 4)) is None


def test_a_company_signing_as_a_team_beside_a_day_is_the_author() -> None:
    lines = ["Why Ferries Run Late", "QuellHR Team", "Feb 16, 2026", *PROSE, "Our team sails daily."]
    assert _name(lines) == "QuellHR Team"


def test_a_team_signature_may_have_a_date_label_between_it_and_the_day() -> None:
    lines = ["Why Ferries Run Late", "The Quellhaven Team", "Published", "Feb 16, 2026", *PROSE]
    assert _name(lines) == "The Quellhaven Team"


def test_a_team_of_common_words_beside_a_day_is_a_section() -> None:
    lines = ["Why Ferries Run Late", "Harbour Team", "Feb 16, 2026", *PROSE, "The harbour team met."]
    assert _name(lines) is None


STANDFIRST = "Three new crossings start in spring, and the island schools finally get their early boat."


def test_a_name_under_the_standfirst_with_a_day_below_it_is_the_author() -> None:
    lines = [
        "Why Ferries Run Late Every Winter",
        STANDFIRST,
        "Marta Quell",
        "Harbour Reporter",
        "April 2, 2024",
        LEAD,
    ]
    assert name_under_headline(lines, 0, 1, PageWords(lines, 1)) == "Marta Quell"


def test_a_name_shaped_line_under_the_standfirst_with_no_day_below_is_no_author() -> None:
    lines = [
        "Why Ferries Run Late Every Winter",
        STANDFIRST,
        "Close Dialog",
        "Close",
        "Watch the video",
        LEAD,
    ]
    assert name_under_headline(lines, 0, 1, PageWords(lines, 1)) is None


# The page writes "staff" in lowercase: "Quell Staff" is no person's name's shape on it, but a desk's.
STAFF_PROSE = [*PROSE, "Our staff answer questions about the timetable at the harbour office every day."]


def test_a_desk_signing_under_the_headline_with_a_day_below_is_the_author() -> None:
    lines = [
        "Why the Morning Ferries Run Late",
        "Quell Staff",
        STANDFIRST,
        "Watch demo",
        "Aug 21, 2023",
        *STAFF_PROSE,
    ]
    assert _under(lines) == "Quell Staff"


def test_a_desk_signing_under_the_headline_without_a_day_is_not_read_here() -> None:
    lines = [
        "Why the Morning Ferries Run Late",
        "Quell Staff",
        STANDFIRST,
        "Watch demo",
        "Contact",
        *STAFF_PROSE,
    ]
    assert _under(lines) is None


def test_a_name_with_the_pages_outlet_in_capitals_under_the_standfirst_is_the_author() -> None:
    lines = [
        "QUELL NEWS Sport",
        "Why the Morning Ferries Run Late",
        STANDFIRST,
        "Marta Quell QUELL NEWS",
        *PROSE,
    ]
    # The lead finder took the standfirst for the article's first paragraph.
    assert name_under_headline(lines, 1, 2, PageWords(lines, 2)) == "Marta Quell QUELL NEWS"


def test_capitals_the_page_prints_nowhere_else_are_no_outlet() -> None:
    lines = ["Ferry news", "Why the Morning Ferries Run Late", STANDFIRST, "Marta Quell QUELL NEWS", *PROSE]
    assert name_under_headline(lines, 1, 2, PageWords(lines, 2)) is None


def test_a_desk_over_its_labelled_day_signs_across_a_bar_line() -> None:
    lines = [
        "Why the Island Ferries Run Late Every Winter",
        "The Eastport Team",
        "Published",
        "|",
        "Oct 10, 2025",
        LEAD,
    ]
    assert _name(lines) == "The Eastport Team"


def test_a_weekday_and_a_time_show_a_day() -> None:
    assert shows_day("Thursday 7:45PM")
    assert shows_day("Fri, 11:40 am")


def test_a_word_and_a_time_show_no_day() -> None:
    assert not shows_day("Kickoff 7:45PM")


def test_a_numeric_date_of_either_order_with_its_time_shows_a_day() -> None:
    assert shows_day("10.23.2018 08:15 AM")


def test_a_section_label_may_stand_between_the_name_and_the_day_over_the_headline() -> None:
    lines = ["Menu", "Marta Quell", "Harbours", "10.23.2018 08:15 AM", "Why Ferries Run Late", *PROSE]
    assert name_over_headline(lines, 4, PageWords(lines, 5)) == "Marta Quell"


def test_two_lines_of_words_between_a_name_and_a_day_sign_nothing_over_the_headline() -> None:
    lines = ["Marta Quell", "Harbour Ferry Timetables", "10.23.2018 08:15 AM", "Why Ferries Run Late", *PROSE]
    assert name_over_headline(lines, 3, PageWords(lines, 4)) is None
