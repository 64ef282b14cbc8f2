"""The header of a page copied as text: headline, byline, dates, read by what the lines look like.

Each page is a list of lines and the indices the body classifier kept, so these tests pin the header
reader alone, whatever the classifier does.
"""

from __future__ import annotations

import pytest

from worker.extract.text_anchors import find_lead
from worker.extract.text_bylines import is_job_title
from worker.extract.text_header import read_header
from worker.extract.text_signs import looks_like_headline

LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = (
    "Residents had argued that the terminal would bring traffic to the old quarter and its narrow streets."
)
MENU = "Home News Sport Business Culture Weather Podcasts Newsletters Events Jobs Contact About Shop"


def _header(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines, with the body the classifier would keep: the two prose paragraphs at the end."""
    return lines, [len(lines) - 2, len(lines) - 1]


def test_headline_right_above_the_byline_is_the_title() -> None:
    header = read_header(
        *_header(
            [
                "Sections",
                "Ferry terminal approved after two years",
                "By Ana Ruiz",
                "March 4, 2025",
                LEAD,
                SECOND,
            ]
        )
    )
    assert header.title == "Ferry terminal approved after two years"
    assert header.bylines == ("By Ana Ruiz",)
    assert header.published == "2025-03-04"


def test_headline_below_a_name_and_date_is_the_title() -> None:
    lines = ["Menu", "Ana Ruiz", "March 4, 2025", "Ferry terminal approved after two years", LEAD, SECOND]
    header = read_header(*_header(lines))
    assert header.title == "Ferry terminal approved after two years"
    assert header.bylines == ("Ana Ruiz",)


def test_a_standfirst_above_the_byline_is_neither_title_nor_lead() -> None:
    lines = [
        "Ferry terminal approved after two years",
        "The harbour gets its terminal, and the old quarter gets the traffic it feared.",
        "By Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert find_lead(lines, [1, 2, 3, 4, 5]) == 4
    assert read_header(lines, [1, 2, 3, 4, 5]).title == "Ferry terminal approved after two years"


def test_a_long_menu_line_the_classifier_kept_is_not_the_lead() -> None:
    lines = ["Ferry terminal approved after two years", MENU, LEAD, SECOND]
    assert find_lead(lines, [1, 2, 3]) == 2


def test_a_date_label_glued_to_the_name_is_split_off() -> None:
    lines = ["Ferry terminal approved after two years", "By Ana RuizPublished: Mar 4, 2025", LEAD, SECOND]
    header = read_header(*_header(lines))
    assert header.bylines == ("By Ana Ruiz",)
    assert header.published == "2025-03-04"


def test_a_byline_glued_to_its_name_is_read() -> None:
    lines = ["Ferry terminal approved after two years", "ByAna Ruiz", "March 4, 2025", LEAD, SECOND]
    assert read_header(*_header(lines)).bylines == ("By Ana Ruiz",)


def test_a_reviewer_or_editor_is_no_author() -> None:
    lines = ["Ferry terminal approved after two years", "Reviewed by Tom Berg", "March 4, 2025", LEAD, SECOND]
    assert read_header(*_header(lines)).bylines == ()


def test_a_byline_label_alone_takes_the_name_below_it() -> None:
    lines = [
        "Ferry terminal approved after two years",
        "Written by",
        "Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).bylines == ("by Ana Ruiz",)


def test_a_published_day_wins_over_an_updated_one() -> None:
    lines = [
        "Ferry terminal approved after two years",
        "Published: March 4, 2025",
        "Updated: March 6, 2025",
        LEAD,
        SECOND,
    ]
    header = read_header(*_header(lines))
    assert (header.published, header.updated) == ("2025-03-04", "2025-03-06")


def test_an_updated_day_alone_stands_for_the_publish_day() -> None:
    lines = ["Ferry terminal approved after two years", "Last updated", "Mar 6, 2025", LEAD, SECOND]
    assert read_header(*_header(lines)).published == "2025-03-06"


def test_a_date_in_the_byline_is_the_publish_day() -> None:
    lines = ["Ferry terminal approved after two years", "By Ana Ruiz | Mar 4, 2025", LEAD, SECOND]
    assert read_header(*_header(lines)).published == "2025-03-04"


def test_table_of_contents_entries_are_not_headlines() -> None:
    lines = [
        "Ferry terminal approved after two years",
        "By Ana Ruiz",
        "Table of contents",
        "What the terminal changes for the old quarter",
        "When the first boats will dock",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry terminal approved after two years"


def test_the_last_crumb_of_a_breadcrumb_marks_the_headline() -> None:
    lines = [
        "Home > City > Ferry terminal approved after two years",
        "Ferry terminal approved after two years",
        "Weekend markets return to the river",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry terminal approved after two years"


def test_a_reading_time_is_not_a_headline() -> None:
    lines = ["Ferry terminal approved after two years", "Ana Ruiz", "7 min read", LEAD, SECOND]
    assert read_header(*_header(lines)).title == "Ferry terminal approved after two years"


def test_page_words_in_title_case_beside_a_date_are_no_name() -> None:
    """ "Harbour Traffic Updates" looks like a name, but the page writes its words in lowercase."""
    lines = [
        "Ferry terminal approved after two years",
        "Harbour Traffic Updates",
        "March 4, 2025",
        LEAD,
        "Harbour traffic updates will follow as the works begin.",
    ]
    assert read_header(lines, [3, 4]).bylines == ()


def test_french_header() -> None:
    lines = [
        "Le terminal des ferries approuvé après deux ans",
        "Par Marie Dupont",
        "Publié le 4 mars 2025",
        "L'autorité portuaire a approuvé mardi le nouveau terminal des ferries après deux ans d'audiences.",
        "Les habitants craignaient que le terminal n'amène la circulation dans la vieille ville.",
    ]
    header = read_header(*_header(lines))
    assert header.title == "Le terminal des ferries approuvé après deux ans"
    assert header.bylines == ("Par Marie Dupont",)
    assert header.published == "2025-03-04"


def test_german_header() -> None:
    lines = [
        "Neues Fährterminal nach zwei Jahren genehmigt",
        "Von Hans Müller",
        "Aktualisiert am 06.03.2025",
        "Veröffentlicht am 4. März 2025",
        "Die Hafenbehörde hat am Dienstag nach zwei Jahren Anhörungen das neue Fährterminal genehmigt.",
        "Anwohner hatten befürchtet, dass das Terminal Verkehr in die Altstadt bringt.",
    ]
    header = read_header(*_header(lines))
    assert header.title == "Neues Fährterminal nach zwei Jahren genehmigt"
    assert (header.published, header.updated) == ("2025-03-04", "2025-03-06")


def test_spanish_header() -> None:
    lines = [
        "Aprobada la nueva terminal de ferris tras dos años",
        "Por Ana García",
        "Publicado el 4 de marzo de 2025",
        "La autoridad portuaria aprobó el martes la nueva terminal de ferris tras dos años de audiencias.",
        "Los vecinos temían que la terminal llevara el tráfico al casco antiguo.",
    ]
    header = read_header(*_header(lines))
    assert header.title == "Aprobada la nueva terminal de ferris tras dos años"
    assert header.bylines == ("Por Ana García",)
    assert header.published == "2025-03-04"


def test_an_empty_page_has_no_header() -> None:
    assert read_header([], []).title is None


def test_a_day_under_an_updated_label_is_not_the_publish_day() -> None:
    lines = [
        "Ferry terminal approved after two years",
        "Published Jan 2, 2025",
        "Last updated",
        "Aug 4, 2025",
        LEAD,
        SECOND,
    ]
    header = read_header(*_header(lines))
    assert (header.published, header.updated) == ("2025-01-02", "2025-08-04")


def test_a_name_is_never_looked_for_before_the_first_line() -> None:
    lines = [
        "March 4, 2025",
        "Ferry terminal approved after two years",
        "Share this story with your friends and family",
        "Image courtesy of the harbour authority archive",
        "Tom Baker",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).bylines == ()


def test_a_name_and_role_between_headline_and_date_leave_the_headline_the_title() -> None:
    lines = [
        "Menu",
        "Ferry terminal approved after two years",
        "Ana Ruiz",
        "Senior Harbour Correspondent",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    header = read_header(*_header(lines))
    assert header.title == "Ferry terminal approved after two years"
    assert header.published == "2025-03-04"


def test_the_headline_above_a_standfirst_is_the_title() -> None:
    lines = [
        "Menu",
        "Ferry terminal finally approved",
        "The harbour gets its terminal after two years, and the old quarter gets the traffic it feared",
        "By Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry terminal finally approved"


def test_a_short_kicker_above_a_sentence_case_headline_is_not_the_title() -> None:
    lines = [
        "Menu",
        "Harbour and ports",
        "Ferry terminal approved after two years of hearings",
        "By Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry terminal approved after two years of hearings"


def test_a_line_printed_twice_in_a_row_is_the_headline() -> None:
    lines = [
        "Plan your visit",
        "Opening hours",
        "Ferry timetable changes",
        "Ferry timetable changes",
        "Winter sailings at a glance",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry timetable changes"


CONTENTS = [f"Terminal {n}: opening hours and fares" for n in range(1, 46)]  # pushes the prose far down


def test_a_header_far_above_the_lead_is_found_by_its_byline_and_date() -> None:
    lines = [
        "Menu",
        "The ten best ferry routes of the year",
        "By Ana Ruiz",
        "March 4, 2025",
        *CONTENTS,
        LEAD,
        SECOND,
    ]
    header = read_header(*_header(lines))
    assert header.title == "The ten best ferry routes of the year"
    assert header.bylines == ("By Ana Ruiz",)
    assert header.published == "2025-03-04"


def test_a_menu_entry_starting_with_by_far_above_the_lead_is_no_byline() -> None:
    lines = ["Menu", "About the port", "By the Numbers", "Annual reports", *CONTENTS, LEAD, SECOND]
    header = read_header(*_header(lines))
    assert header.bylines == ()
    assert header.published is None


def test_a_standfirst_shorter_than_the_headline_is_still_no_title() -> None:
    lines = [
        "Menu",
        "Harbour board approves the new ferry terminal after two years of hearings",
        "what the old quarter fears next",
        "By Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    title = read_header(*_header(lines)).title
    assert title == "Harbour board approves the new ferry terminal after two years of hearings"


def test_a_name_with_its_role_after_a_comma_leaves_the_headline_above_it_the_title() -> None:
    lines = [
        "Menu",
        "Ferry terminal approved after two years",
        "Ana Ruiz, Senior Harbour Correspondent",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry terminal approved after two years"


def test_a_numbered_first_section_heading_above_the_lead_is_not_the_title() -> None:
    lines = [
        "Menu",
        "Five ways to ride the new routes",
        "1. Buy a season pass",
        LEAD,
        "2. Board at the old quarter",
        SECOND,
    ]
    assert read_header(lines, [3, 5]).title == "Five ways to ride the new routes"


def test_a_date_line_naming_its_author_gives_the_byline() -> None:
    for dated in (
        "March 4, 2025 by Ana Ruiz",
        "Ana Ruiz • March 4, 2025",
        "Ana Ruiz March 4, 2025",
        "March 4, 2025 · 8 min read · Ana Ruiz",
        "Ana Ruiz | Harbour Desk | March 4, 2025",
    ):
        lines = ["Menu", "Ferry terminal approved after two years", dated, LEAD, SECOND]
        header = read_header(*_header(lines))
        assert header.published == "2025-03-04", dated
        assert [b.removeprefix("by ").strip() for b in header.bylines] == ["Ana Ruiz"], dated


def test_an_update_label_before_a_date_is_no_name() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", "Last Updated March 4, 2025", LEAD, SECOND]
    assert read_header(*_header(lines)).bylines == ()


def test_a_long_byline_line_gives_its_first_part() -> None:
    line = "By Ana Ruiz – Updated March 4, 2025 at 10:00 AM | Fact-checked by John Roe, Harbour Desk"
    header = read_header(*_header(["Menu", "Ferry terminal approved after two years", line, LEAD, SECOND]))
    assert header.bylines == ("By Ana Ruiz",)
    assert header.published is not None and header.published.startswith("2025-03-04")


def test_a_bare_name_beside_the_date_under_the_headline_is_the_byline_far_from_the_lead() -> None:
    lines = [
        "Menu",
        "Ferry terminal approved after two years",
        "Ana Ruiz",
        "March 4, 2025",
        "Share this article",
        "Start your free trial today",
        "Newsletter",
        "Sign up",
        "Advertisement",
        "Related",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).bylines == ("Ana Ruiz",)


def test_a_name_like_line_under_the_headline_without_a_date_beside_it_is_no_byline() -> None:
    lines = [
        "Menu",
        "Our partner companies",
        "Harbour Lights Company",
        "Eastgate Marine Supplies",
        "North-West Pilots",
        "Share this page",
        "Start your free trial today",
        "Newsletter",
        "Sign up",
        "Advertisement",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).bylines == ()


def test_a_bare_name_with_its_role_above_the_date_is_the_byline_without_the_role() -> None:
    for block in (["Ana Ruiz", "Senior Harbour Correspondent"], ["Ana Ruiz, Senior Harbour Correspondent"]):
        lines = ["Menu", "Ferry terminal approved after two years", *block, "March 4, 2025", LEAD, SECOND]
        assert read_header(*_header(lines)).bylines == ("Ana Ruiz",), block


def test_a_byline_label_glued_to_the_name_by_a_colon_is_read() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", "Written by:Ana Ruiz", LEAD, SECOND]
    assert read_header(*_header(lines)).bylines == ("Written by: Ana Ruiz",)


def test_a_date_set_apart_by_bars_in_a_header_line_is_read() -> None:
    line = "Harbour Desk | March 4, 2025 | Transport"
    header = read_header(*_header(["Menu", "Ferry terminal approved after two years", line, LEAD, SECOND]))
    assert header.published == "2025-03-04"


def test_a_labelled_date_below_the_article_stands_in_when_the_header_has_none() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", LEAD, SECOND, "Published", "March 4, 2025"]
    assert read_header(lines, [2, 3]).published == "2025-03-04"


def test_an_unlabelled_date_below_the_article_is_no_publish_day() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", LEAD, SECOND, "Comments", "March 9, 2025"]
    assert read_header(lines, [2, 3]).published is None


def test_a_byline_below_the_article_stands_in_when_the_header_names_nobody() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", LEAD, SECOND, "Written by Ana Ruiz"]
    assert read_header(lines, [2, 3]).bylines == ("Written by Ana Ruiz",)
    lines = ["Menu", "Ferry terminal approved after two years", LEAD, SECOND, "Author", "Ana Ruiz"]
    assert read_header(lines, [2, 3]).bylines == ("by Ana Ruiz",)


def test_a_one_word_prefix_before_one_word_below_the_article_is_no_byline() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", LEAD, SECOND, "Text Link", "From Archive"]
    assert read_header(lines, [2, 3]).bylines == ()


def test_a_byline_gets_back_the_spaces_the_copy_lost_but_a_brand_keeps_its_capitals() -> None:
    lines = ["Menu", "Ferry terminal approved after two years", "ByAna RuizMarch 4, 2025", LEAD, SECOND]
    assert read_header(*_header(lines)).bylines == ("By Ana Ruiz March 4, 2025",)
    lines = ["Menu", "Ferry terminal approved after two years", "By HarbourWorks", LEAD, SECOND]
    assert read_header(*_header(lines)).bylines == ("By HarbourWorks",)


def test_a_byline_going_on_after_a_bar_keeps_only_its_name_part() -> None:
    lines = [
        "Menu",
        "Ferry terminal approved after two years",
        "By Ana Ruiz | SEO | 8 min read",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).bylines == ("By Ana Ruiz",)


def test_a_headline_above_its_byline_under_an_empty_contents_heading_is_the_title() -> None:
    lines = [
        "Table of Contents",
        "Expand",
        "Ferry terminal approved after two years",
        "By Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Ferry terminal approved after two years"


def test_a_date_label_over_a_headline_does_not_hide_the_headline() -> None:
    lines = [
        "Best Picks",
        "Updated",
        "Ferry terminal approved after two years",
        "The harbour gets its terminal, and the old quarter gets the traffic it feared",
        "By Ana Ruiz",
        "March 4, 2025",
        LEAD,
        SECOND,
    ]
    header = read_header(*_header(lines))
    assert header.title == "Ferry terminal approved after two years"
    assert header.published == "2025-03-04"


def test_a_sentence_case_headline_taken_for_the_first_paragraph_is_the_title() -> None:
    lines = [
        "Menu",
        "Transport",
        "How the harbour board came to approve the new ferry terminal after all",
        LEAD,
        SECOND,
    ]
    header = read_header(lines, [2, 3, 4])
    assert header.title == "How the harbour board came to approve the new ferry terminal after all"


def test_a_labelled_reading_time_is_not_a_headline() -> None:
    lead = "Reading the harbour report takes time, but the board approved the ferry terminal on Tuesday."
    for reading in ("Reading time: 4 minutes", "Lesezeit: 4 Minuten"):
        lines = ["Menu", "Councillors back the plan", "March 4, 2025", reading, lead, SECOND]
        assert read_header(*_header(lines)).title == "Councillors back the plan", reading


def test_of_two_headline_lines_above_the_lead_the_upper_is_the_headline() -> None:
    lines = [
        "Menu",
        "Harbour authority approves terminal",
        "Harbour authority approved terminal plan",
        LEAD,
        SECOND,
    ]
    assert read_header(*_header(lines)).title == "Harbour authority approves terminal"


def test_a_truncated_copy_above_the_full_headline_leaves_the_full_one_the_title() -> None:
    full = "Ferry terminal approved after two years"
    lines = ["Menu", "Ferry terminal approved after...", full, LEAD, SECOND]
    assert read_header(*_header(lines)).title == full


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("Lisbon, Portugal, Mar 9 (Reuters) Mar 9, 2024", "Lisbon, Portugal", "Reuters"),
        ("BRUSSELS (Reuters) -", "Brussels", "Reuters"),
        ("Paris, Feb 3 (AFP) -", "Paris", "AFP"),
        ("LISBON, March 4 [dpa] -", "Lisbon", "dpa"),
        ("(AP) —", None, "AP"),
        ("OSLO — March 4, 2025", "Oslo", None),
        ("WASHINGTON, D.C. — March 4, 2025", "Washington, D.C.", None),
    ],
)
def test_a_dateline_line_of_each_style_is_read_in_the_header(
    line: str, place: str | None, agency: str | None
) -> None:
    """Every style `dateline.parse_dateline` reads passes the header's cheap test before it."""
    header = read_header(*_header(["Ferry terminal approved after two years", line, LEAD, SECOND]))
    assert header.dateline is not None
    assert (header.dateline.place, header.dateline.agency) == (place, agency)


def test_call_to_action_has_no_headline_shape() -> None:
    assert not looks_like_headline("Get a Demo")
    assert not looks_like_headline("Talk to us")


def test_job_title_is_no_headline_candidate() -> None:
    assert is_job_title("National Harbour Reporter")
    assert not is_job_title("Ferry terminal approved after two years")


def test_a_menu_s_undated_by_entry_far_above_the_headline_is_no_byline() -> None:
    menu = ["Solutions", "By Event Type", "Conferences", "Trade shows", "Pricing", "Login", "Blog", "Help"]
    lines = [*menu, "Ferry terminal approved after two years", LEAD, SECOND, "Pick the event type you run."]
    assert read_header(lines, [len(menu) + 1, len(menu) + 2]).bylines == ()


def test_a_signature_far_above_the_headline_stays_a_byline() -> None:
    menu = ["Solutions", "By HarbourCook", "Conferences", "Trade shows", "Pricing", "Login", "Blog", "Help"]
    lines = [*menu, "Ferry terminal approved after two years", LEAD, SECOND]
    assert read_header(lines, [len(menu) + 1, len(menu) + 2]).bylines == ("By HarbourCook",)
