"""Where a plain-text byline's names end, and bylines inside date lines in many languages."""

from __future__ import annotations

from worker.extract.authors import clean_authors
from worker.extract.text_cluster import byline_head, kind_byline, name_with_handle
from worker.extract.text_dated_names import name_beside_date
from worker.extract.text_header import read_header_by_rules
from worker.extract.text_page_words import PageWords

LEAD = "The council approved the new ferry link to the islands on Tuesday, after two years of hearings."
SECOND = "The first boats are expected to sail next spring, once the pier has been rebuilt and paid for."
# What the page writes in lowercase tells a name from the words around it.
PAGE = [LEAD, SECOND, "A category of travel in the city, published in print, with the gardener and the crew."]


def _head(byline: str) -> str:
    return byline_head(byline, PageWords(PAGE, 0))


def test_a_byline_ends_where_the_words_go_on_in_lowercase() -> None:
    assert _head("Von Ana Ruiz publiziert am 25. Mai 2024") == "Von Ana Ruiz"


def test_a_byline_ends_at_a_separator_before_the_job_title_and_the_date() -> None:
    assert _head("By Ana Ruiz - Science Contributor 2019-11-19T12:48:14Z Travel") == "By Ana Ruiz"


def test_a_job_title_after_a_comma_and_the_affiliation_after_it_go() -> None:
    assert _head("By Ana Ruiz, Executive Editor, Harbour Health Review") == "By Ana Ruiz"


def test_a_job_title_run_into_the_name_goes_with_what_follows_it() -> None:
    byline = "Written By: Ana Ruiz Executive Digital Editor and Master Gardener"
    assert _head(byline) == "Written By: Ana Ruiz"


def test_a_capitalised_word_the_page_writes_in_lowercase_ends_a_two_word_name() -> None:
    assert _head("By Ana Ruiz In Travel") == "By Ana Ruiz"


def test_a_reviewer_after_the_name_is_cut_off() -> None:
    assert _head("By Ana Ruiz, DVM. Reviewed by Tom Berg, DVM") == "By Ana Ruiz, DVM"


def test_a_month_before_a_number_ends_the_name() -> None:
    assert _head("By Ana Ruiz September 18, 2019") == "By Ana Ruiz"


def test_a_desk_signing_as_a_group_keeps_its_last_word() -> None:
    assert _head("By Harbour Post Staff") == "By Harbour Post Staff"


def test_names_joined_by_and_are_kept_together() -> None:
    assert _head("By Ana Ruiz and Tom Berg | Travel") == "By Ana Ruiz and Tom Berg"


def test_an_initial_does_not_end_the_name() -> None:
    assert _head("By Tom M. Berg on his blog") == "By Tom M. Berg"


def test_a_menu_that_opens_like_a_byline_is_left_whole() -> None:
    assert _head("By Category of Product") == "By Category of Product"


def test_a_turn_of_phrase_with_one_capitalised_word_is_left_whole() -> None:
    assert _head("Von Rechts wegen") == "Von Rechts wegen"


def test_a_byline_opener_of_another_language_inside_a_date_line_names_the_author() -> None:
    common = PageWords(PAGE, 0)
    assert name_beside_date("Veröffentlicht am 10. Februar 2019 von Ana Ruiz", common) == "von Ana Ruiz"
    assert name_beside_date("4.02.2022 par Ana Ruiz", common) == "par Ana Ruiz"


def test_a_one_word_signature_in_a_date_line_is_read_up_to_its_category() -> None:
    common = PageWords(PAGE, 0)
    assert name_beside_date("6. Dezember 2022 von Fatima in Travel, City", common) == "von Fatima"


def test_a_date_line_signed_in_another_language_gives_the_author_in_the_header() -> None:
    lines = ["Ferry link approved", "Veröffentlicht am 15/07/2014 von Ana Ruiz", LEAD, SECOND]
    assert clean_authors(list(read_header_by_rules(lines, [2, 3]).bylines)) == ["Ana Ruiz"]


def test_a_name_before_a_date_label_and_time_is_the_author() -> None:
    common = PageWords(PAGE, 0)
    assert name_beside_date("Ana Ruiz Published 10:19am 19 December 2025", common) == "Ana Ruiz"


def test_a_name_right_after_a_date_is_the_author() -> None:
    common = PageWords(PAGE, 0)
    assert name_beside_date("November 20, 2019 Ana Ruiz", common) == "Ana Ruiz"
    assert name_beside_date("16. Mai 2019 Ana Ruiz Netzwerk, Windows", common) == "Ana Ruiz"


def test_words_after_a_date_the_page_writes_in_lowercase_name_nobody() -> None:
    common = PageWords(PAGE, 0)
    assert name_beside_date("November 20, 2019 Travel Category", common) is None


def test_a_line_saying_what_the_piece_is_and_who_wrote_it_names_the_author() -> None:
    common = PageWords(PAGE, 0)
    assert kind_byline("Analysis by Ana Ruiz, Harbour Editor-at-large", common) == "Ana Ruiz"
    assert kind_byline("Eine Analyse von Ana Ruiz", common) == "Ana Ruiz"


def test_a_credit_for_another_part_than_writing_names_no_author() -> None:
    common = PageWords(PAGE, 0)
    assert kind_byline("Updated by Ana Ruiz", common) is None
    assert kind_byline("Researched by Ana Ruiz", common) is None
    assert kind_byline("Powered by WordPress", common) is None


def test_a_two_letter_opener_after_a_word_is_a_preposition() -> None:
    assert kind_byline("Notícias da Stock Car", PageWords(PAGE, 0)) is None


def test_a_name_line_with_the_persons_handle_is_a_byline() -> None:
    assert name_with_handle("Ana Ruiz @anaruiz / 2 days", PageWords(PAGE, 0)) == "Ana Ruiz"


def test_a_byline_printed_under_three_teasers_names_no_author_of_this_page() -> None:
    lines = [
        "Ferry link approved",
        "Harbour bridge reopens",
        "Von Ana Ruiz am 16.11.2022",
        "Island buses return",
        "Von Ana Ruiz am 10.08.2022",
        "Pier repairs begin",
        "Von Ana Ruiz am 15.06.2022",
        "Ferry fares frozen",
        LEAD,
        SECOND,
    ]
    assert read_header_by_rules(lines, [8, 9]).bylines == ()


def test_a_name_beside_a_date_may_hold_one_common_word_after_a_given_name() -> None:
    lines = ["Ferry link approved", "Ana Green", "July 5, 2025", LEAD, SECOND, "The green pier is done."]
    common = PageWords(lines, 3)
    assert not common.is_bare_name("Ana Green")
    assert common.is_dated_name("Ana Green")


def test_a_menu_entry_opening_with_a_common_word_is_no_name_even_beside_a_date() -> None:
    common = PageWords([LEAD, "Read the press release."], 0)
    assert not common.is_dated_name("Press Release")


def test_a_run_of_bylines_naming_one_word_each_is_a_menu() -> None:
    lines = ["Ferry link approved", "By Category", "By Manufacturer", LEAD, SECOND]
    assert read_header_by_rules(lines, [3, 4]).bylines == ()


def test_the_writer_after_a_reviewers_credit_on_one_line_is_the_author() -> None:
    lines = [
        "Ferry link approved",
        "Medically reviewed by Tom Berg, MD — Written by Ana Ruiz, MS, RD — Updated on March 4, 2025",
        LEAD,
        SECOND,
    ]
    assert clean_authors(list(read_header_by_rules(lines, [2, 3]).bylines)) == ["Ana Ruiz, MS, RD"]


def test_credentials_before_a_reviewer_stay_with_the_name() -> None:
    assert clean_authors([_head("By Ana Ruiz, DVM. Reviewed by Tom Berg, DVM")]) == ["Ana Ruiz, DVM"]
