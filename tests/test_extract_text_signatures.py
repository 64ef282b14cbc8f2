"""Signatures read from a whole page's text: several names on one line beside a day, one
capitalised word right before a day, a byline inside a long header line, a dated name under the
headline over the teasers' bylines. Never a date's label or weekday, a heading below the article, or
a phrase that only opens like a byline."""

from __future__ import annotations

from tests.ferry_page import HEADLINE, MENU, PROSE
from worker.clean.text import TextLayout
from worker.extract import extract_text_metadata
from worker.extract.text_byline_below import byline_below, phrase_byline


def _authors(*header: str) -> list[str]:
    lines = [*MENU, HEADLINE, *header, *PROSE]
    lead = lines.index(PROSE[0])
    return extract_text_metadata(
        TextLayout(lines=lines, body=list(range(lead, len(lines)))), url=None
    ).authors


def test_several_names_over_a_day_are_all_the_authors() -> None:
    assert _authors("Marta Quell, Oskar Brandt & Ines Varga", "Nov 25, 2025") == [
        "Marta Quell",
        "Oskar Brandt",
        "Ines Varga",
    ]


def test_one_capitalised_word_right_before_a_day_signs_the_article() -> None:
    assert _authors("Gabo December 9, 2024 0 Comments") == ["Gabo"]


def test_a_date_label_before_a_day_is_no_signature() -> None:
    assert _authors("Latest updated October 3rd, 2025.") == []


def test_a_phrase_that_opens_like_a_byline_names_no_one() -> None:
    assert phrase_byline("From detailed reports to expert services in 15+ Harbour Domains")
    assert not phrase_byline("From Marta Quell in Lisbon")
    assert not phrase_byline("by Marta Quell on Tuesday")


def test_a_byline_closing_the_standfirst_signs_the_article() -> None:
    standfirst = "The council wants earlier crossings for the island schools. By Marta Quell on Dec. 19, 2025"
    assert _authors(standfirst) == ["Marta Quell"]


def test_a_byline_inside_a_date_line_with_its_categories_signs_the_article() -> None:
    line = (
        "On January 12, 2025January 22, 2025 By Marta QuellIn Ferries, Harbour Guides, Island Travel, "
        "Winter Timetables, Tips"
    )
    assert _authors(line) == ["Marta Quell"]


def test_a_sentence_opening_with_by_in_a_standfirst_names_no_one() -> None:
    standfirst = (
        "The crossings were late all week. By Tuesday the harbour had run out of berths on Dec. 19, 2025"
    )
    assert _authors(standfirst) == []


def test_a_heading_below_the_article_that_opens_like_a_byline_names_no_one() -> None:
    lines = [HEADLINE, *PROSE, "From Budget to Timetable: Planning, Tracking & Sailing", "By Marta Quell"]
    assert byline_below(lines, 1) == ["By Marta Quell"]


def test_a_weekday_before_the_date_is_no_name() -> None:
    assert _authors("Released Wednesday, March 2, 2022") == []


def test_a_dated_name_under_the_headline_beats_the_teasers_bylines_over_it() -> None:
    teasers = [
        "Best harbour cameras of the year",
        "by Oskar Brandt",
        "Night crossings explained",
        "by Ines Varga",
    ]
    crumb = "Home / Guides / Ferries"
    lines = [
        *MENU,
        *teasers,
        "Advertisement",
        crumb,
        HEADLINE,
        "Marta Quell",
        "30 January 2025 / 23:07 GMT",
        *PROSE,
    ]
    lead = lines.index(PROSE[0])
    authors = extract_text_metadata(
        TextLayout(lines=lines, body=list(range(lead, len(lines)))), url=None
    ).authors
    assert authors == ["Marta Quell"]


def test_a_subtitle_that_opens_like_a_byline_leaves_the_name_under_it_to_sign() -> None:
    assert phrase_byline("From Theory to Practice, The Harbour Timetable Model")
    assert _authors(
        "From Theory to Practice, The Harbour Timetable Model", "Marta Quell", "Dec 19, 2025"
    ) == ["Marta Quell"]


def test_a_byline_glued_to_its_date_names_its_writer_first() -> None:
    assert not phrase_byline("By MartaJanuary 4, 2026Updated:January 8, 2026")


def test_a_byline_whose_line_goes_on_with_a_date_and_a_count_still_signs() -> None:
    assert not phrase_byline("Von Marta / 6. November 2023 / Keine Kommentare")
    assert not phrase_byline("By M.Q. Baker / Ines Varga, Photographs")


def test_a_one_word_opener_before_one_word_and_a_number_below_the_article_is_no_byline() -> None:
    lines = [HEADLINE, *PROSE, "Text HarbourApp (555) 884-4738", "Written by Marta Quell"]
    assert byline_below(lines, 1) == ["Written by Marta Quell"]


def test_a_two_word_signature_glued_to_its_count_below_the_article_is_a_byline() -> None:
    assert byline_below([HEADLINE, *PROSE, "Von Harbour Deutschland·0"], 1) == ["Von Harbour Deutschland·0"]


def test_a_one_word_label_alone_over_a_name_below_the_article_signs_it() -> None:
    assert byline_below([HEADLINE, *PROSE, "Von:", "Marta Quell", "Meist gesucht:"], 1) == ["by Marta Quell"]
