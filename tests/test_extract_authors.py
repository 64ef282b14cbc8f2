"""Bylines become clean lists of names."""

from __future__ import annotations

from worker.extract.authors import _clean_authors, clean_authors, writes_in_lowercase


def test_by_prefix_is_removed() -> None:
    assert clean_authors(["By Jane Doe"]) == ["Jane Doe"]


def test_names_split_on_comma_and_and() -> None:
    assert clean_authors(["By Ann Lee, Bo Park and Cy Ruiz"]) == ["Ann Lee", "Bo Park", "Cy Ruiz"]


def test_german_byline() -> None:
    assert clean_authors(["Von Hans Müller und Eva Schmidt"]) == ["Hans Müller", "Eva Schmidt"]


def test_french_byline() -> None:
    assert clean_authors(["Par Marie Dupont et Luc Martin"]) == ["Marie Dupont", "Luc Martin"]


def test_spanish_byline() -> None:
    assert clean_authors(["Por Ana García y Luis Pérez"]) == ["Ana García", "Luis Pérez"]


def test_date_after_name_is_dropped() -> None:
    assert clean_authors(["By Jane Doe Updated Feb 3, 2025 10:00 am"]) == ["Jane Doe"]


def test_role_after_name_is_dropped() -> None:
    assert clean_authors(["Jane Doe, Senior Correspondent"]) == ["Jane Doe"]


def test_handle_and_url_are_dropped() -> None:
    assert clean_authors(["Jane Doe @janedoe https://social.example/janedoe"]) == ["Jane Doe"]


def test_names_in_capitals_are_title_cased() -> None:
    assert clean_authors(["BY JANE DOE"]) == ["Jane Doe"]


def test_duplicates_are_merged() -> None:
    assert clean_authors(["Jane Doe", "jane doe", "Jane Doe and John Roe"]) == ["Jane Doe", "John Roe"]


def test_site_name_beside_a_person_is_dropped() -> None:
    assert clean_authors(["Jane Doe | Harbour Gazette"], not_names=("Harbour Gazette",)) == ["Jane Doe"]


def test_site_name_alone_stays_as_organisation_byline() -> None:
    assert clean_authors(["Harbour Gazette"], not_names=("Harbour Gazette",)) == ["Harbour Gazette"]


def test_group_byline_is_kept_whole() -> None:
    assert clean_authors(["Gazette Editorial Team"]) == ["Gazette Editorial Team"]


def test_sentence_is_no_name() -> None:
    assert clean_authors(["Sign up for our newsletter to get the latest stories!"]) == []


def test_generic_admin_is_no_name() -> None:
    assert clean_authors(["admin"]) == []


def test_credentials_after_a_name_stay_with_it() -> None:
    assert clean_authors(["By Jane Doe, MD, MPH"]) == ["Jane Doe, MD, MPH"]


def test_a_second_name_in_a_byline_written_in_capitals_is_no_credential() -> None:
    assert clean_authors(["BY JANE DOE AND JOHN ROE"]) == ["Jane Doe", "John Roe"]
    assert clean_authors(["JANE DOE, MD, MPH"]) == ["Jane Doe, MD, MPH"]


def test_agency_after_a_name_is_not_a_credential() -> None:
    assert clean_authors(["By Jane Doe, AFP"]) == ["Jane Doe"]


def test_site_name_written_after_the_name_is_dropped() -> None:
    assert clean_authors(["By Jane Doe Harbour Gazette"], not_names=("Harbour Gazette",)) == ["Jane Doe"]


def test_month_run_on_after_a_full_name_is_dropped() -> None:
    assert clean_authors(["Jane Doe December"]) == ["Jane Doe"]


def test_two_word_name_ending_in_a_month_word_is_kept() -> None:
    assert clean_authors(["Theresa May"]) == ["Theresa May"]


def test_avatar_initials_before_the_name_are_dropped() -> None:
    assert clean_authors(["JD Jane Doe"]) == ["Jane Doe"]


def test_agency_before_a_name_is_not_taken_for_initials() -> None:
    assert clean_authors(["AP Jane Doe"]) == ["AP Jane Doe"]


def test_desk_signing_as_a_group_keeps_its_words() -> None:
    assert clean_authors(["By The Harbour Gazette editors"]) == ["The Harbour Gazette editors"]


def test_the_team_alone_is_no_name() -> None:
    assert clean_authors(["By the team"]) == []


def test_honorific_with_a_full_stop_stays_with_its_name() -> None:
    assert clean_authors(["By Dr. Jane Doe and Prof. John Roe"]) == ["Dr. Jane Doe", "Prof. John Roe"]


def test_names_with_two_particles_are_names() -> None:
    assert clean_authors(["Marna van der Merwe, Erik van Vulpen"]) == [
        "Marna van der Merwe",
        "Erik van Vulpen",
    ]


def test_lone_word_beside_full_names_is_a_beat_not_a_person() -> None:
    assert clean_authors(["Jane Doe, Writer, Hardware"]) == ["Jane Doe"]


def test_site_signing_with_its_role_is_kept_whole() -> None:
    assert clean_authors(["Gazette Contributor"]) == ["Gazette Contributor"]


def test_role_beside_a_person_is_still_dropped() -> None:
    assert clean_authors(["Senior Editor Jane"]) == ["Jane"]


def test_hyphenated_word_in_lower_case_is_no_name() -> None:
    assert clean_authors(["By Award-winning Chef"]) == []


def test_hyphenated_name_is_a_name() -> None:
    assert clean_authors(["By Maren Okafor-Lund"]) == ["Maren Okafor-Lund"]


def test_a_word_written_in_lowercase_is_found_whole_not_inside_another() -> None:
    text = "Tips for the harbour: more tipsters came, and example.guide stayed."
    assert writes_in_lowercase("Harbour", text)
    assert not writes_in_lowercase("Tip", text)
    assert not writes_in_lowercase("Guide", text)


def test_a_word_inside_a_printed_link_is_not_written_in_lowercase() -> None:
    for text in (
        "Read more (https://example.org/jane)",
        "link:https://example.org/jane",
        "<https://example.org/jane>",
    ):
        assert not writes_in_lowercase("Jane", text)
    assert not writes_in_lowercase("", "any text at all")


def test_job_title_after_a_full_name_is_dropped_whole() -> None:
    # "Senior" starts the job: the beat word inside it ("Harbour") is not part of the name.
    assert clean_authors(["By Jane Doe Senior Harbour Reporter"]) == ["Jane Doe"]


def test_footnote_mark_after_the_letters_keeps_them() -> None:
    assert clean_authors(["Written By Jane Doe, MD*"]) == ["Jane Doe, MD"]


def test_weekday_of_a_dateline_is_no_name() -> None:
    assert clean_authors(["Tue, 4 Mar, 2025 - 10:15"]) == []


def test_site_signing_with_a_role_word_in_its_name_is_kept_whole() -> None:
    sites = ("Harbour Travel Expert",)
    assert clean_authors(["Harbour Travel Expert"], not_names=sites) == ["Harbour Travel Expert"]


def test_site_name_ending_in_on_is_not_cut_as_a_date_label() -> None:
    assert clean_authors(["Written By Harbour On"], not_names=("Harbour ON",)) == ["Harbour On"]


def test_host_label_in_lower_case_is_no_site_signature() -> None:
    assert clean_authors(["By harbourgazette"], not_names=("Harbour Gazette", "harbourgazette")) == []


def test_institution_beside_a_person_is_her_affiliation() -> None:
    byline = "By Jane Doe, Senior Director, Research & Policy, Harbour Gazette and Example Institute"
    assert clean_authors([byline], not_names=("Harbour Gazette",)) == ["Jane Doe"]


def test_institution_signing_alone_is_kept() -> None:
    assert clean_authors(["By Harbour Research Institute"]) == ["Harbour Research Institute"]


def test_clean_authors_reads_a_huge_token_as_no_name() -> None:
    # An author field is untrusted: one 100 kB token (no spaces, open brackets) is no name, and is
    # read quickly (the address and bracket patterns are bounded, the input is cut to a byline's length).
    for token in ("*" * 100_000, "(" * 100_000, "a@" * 50_000, "x" * 100_000):
        assert clean_authors([token]) == []


def test_clean_authors_keeps_the_names_before_a_long_tail() -> None:
    assert clean_authors(["Jane Doe and John Roe " + "(" * 5_000]) == ["Jane Doe", "John Roe"]


def test_an_institution_beside_a_person_is_her_affiliation_even_with_a_full_stop() -> None:
    assert clean_authors(["Jane Doe, Example Holdings Inc."]) == ["Jane Doe"]


def test_a_surname_that_is_a_month_in_another_language_is_kept_when_no_number_follows_it() -> None:
    assert clean_authors(["By Ana Maio on January 21, 2023"]) == ["Ana Maio"]  # "maio": May in Portuguese


def test_a_month_followed_by_the_year_is_the_date_and_not_the_name() -> None:
    assert clean_authors(["Jane Doe September, 2025"]) == ["Jane Doe"]


def test_a_name_in_a_script_without_capitals_is_a_name() -> None:
    assert clean_authors(["记者 王小明"]) == ["王小明"]


def test_a_remembered_answer_is_a_fresh_list_each_time() -> None:
    """`clean_authors` remembers its last answers: changing the list a caller got changes no later one."""
    first = clean_authors(["By Jane Doe and John Roe"])
    first.append("Someone Else")
    assert clean_authors(["By Jane Doe and John Roe"]) == ["Jane Doe", "John Roe"]


def test_a_long_author_field_is_answered_but_not_remembered() -> None:
    """An untrusted author field of thousands of characters is read as before, and not kept."""
    long_field = "By Jane Doe " + "and more words " * 200
    before = _clean_authors.cache_info().currsize
    clean_authors([long_field])
    assert _clean_authors.cache_info().currsize == before


def test_an_outlet_in_capitals_after_a_name_is_no_part_of_it() -> None:
    assert clean_authors(["Marta Quell HARBOUR DAILY"]) == ["Marta Quell"]


def test_a_surname_in_capitals_stays_part_of_the_name() -> None:
    assert clean_authors(["By Jean DUPONT"]) == ["Jean DUPONT"]


def test_a_role_glued_to_the_surname_goes() -> None:
    assert clean_authors(["By Marta QuellStaff Writer"]) == ["Marta Quell"]
    assert clean_authors(["Marta QuellStaff"]) == ["Marta Quell"]


def test_a_surname_with_an_inner_capital_stays_whole() -> None:
    assert clean_authors(["Tom McDonald"]) == ["Tom McDonald"]


def test_a_byline_going_on_with_its_dates_label_in_another_language_ends_there() -> None:
    assert clean_authors(["von Greta Wendholm Veröffentlicht: 26.12.2022"]) == ["Greta Wendholm"]
    assert clean_authors(["Por Ana Pérez Actualizado 3 de mayo"]) == ["Ana Pérez"]


def test_a_given_name_von_a_surname_is_one_name_not_a_byline_opening_inside_it() -> None:
    assert clean_authors(["Christa von Quellen"]) == ["Christa von Quellen"]
    assert clean_authors(["Christa von Quellen und Ben Ostrow"]) == ["Christa von Quellen", "Ben Ostrow"]


def test_a_word_before_von_and_a_full_name_is_a_byline_opening() -> None:
    assert clean_authors(["Kommentar von Christa Quellen"]) == ["Christa Quellen"]


def test_a_pieces_kind_before_von_and_a_surname_is_a_byline_opening() -> None:
    assert clean_authors(["Kommentar von Quellen"]) == ["Quellen"]
    assert clean_authors(["Gastbeitrag von Quellen"]) == ["Quellen"]
