"""Bylines below a text article: a label over a list of names, and a sentence naming the writer."""

from worker.extract.text_byline_below import byline_below
from worker.extract.text_byline_labels import (
    contributors_line,
    is_label_alone,
    names_over_lines,
    names_under_label,
    note_under_name,
    own_field,
    signing_sentence,
)
from worker.extract.text_page_words import PageWords


def test_a_label_after_the_word_it_qualifies_is_a_byline_label() -> None:
    assert is_label_alone("Article written by:")


def test_a_plural_mark_keeps_a_label_a_label() -> None:
    assert is_label_alone("Author(s)")


def test_a_label_of_someone_else_is_not_the_authors() -> None:
    assert not is_label_alone("Article reviewed by:")


def test_a_control_ending_in_an_opener_word_is_no_label() -> None:
    assert not is_label_alone("Increase Text")


def test_names_one_a_line_are_all_read() -> None:
    lines = ["Oskar T. Lind", "Petra K. Holm", "Related reading on this topic and others"]
    assert names_under_label(lines, 0) == ["Oskar T. Lind", "Petra K. Holm"]


def test_an_avatars_initials_lead_to_the_name_and_its_role_is_passed() -> None:
    lines = ["OL", "Oskar Lind", "Staff Engineer, Example Labs", "PH", "Petra Holm", "Data Lead", "Share"]
    assert names_under_label(lines, 0) == ["Oskar Lind", "Petra Holm"]


def test_a_name_before_a_dash_and_a_role_is_read_without_the_role() -> None:
    assert names_under_label(["Oskar Lind - Product marketer", "Start free trial now"], 0) == ["Oskar Lind"]


def test_a_sentence_saying_who_wrote_the_post_names_the_writer() -> None:
    line = "This post was written by Oskar Lind, Head of Research at Example Labs"
    assert signing_sentence(line) == "by Oskar Lind"


def test_a_labelled_list_below_the_article_is_its_byline() -> None:
    lines = [
        "The lead paragraph of the article goes on here at length.",
        "Author(s)",
        "Oskar T. Lind",
        "Petra K. Holm",
    ]
    assert byline_below(lines, 1) == ["by Oskar T. Lind, Petra K. Holm"]


def test_names_split_over_lines_by_joiners_make_one_byline() -> None:
    texts = ["Oskar Lind", ",", "Petra Holm", ", and", "Example Desk Team", "Updated on May 4, 2025"]
    assert names_over_lines(texts) == "Oskar Lind, Petra Holm, and Example Desk Team"


def test_a_name_alone_under_its_label_stays_alone() -> None:
    assert names_over_lines(["Oskar Lind", "Updated on May 4, 2025"]) == "Oskar Lind"


def test_a_labelled_field_after_a_separator_is_cut_from_the_byline() -> None:
    assert own_field("Posted By: Oskar · In: Breads, Baking") == "Posted By: Oskar"


def test_categories_glued_between_the_label_and_the_name_are_passed() -> None:
    assert names_over_lines(["Travel TipsJust BookedTrip Planning", "Oskar Lind", "Lead."]) == "Oskar Lind"


def test_a_contributors_label_with_a_colon_names_the_authors() -> None:
    assert contributors_line([(3, "Contributors: Oskar Lind")]) == ["by Oskar Lind"]


def test_a_lone_contributors_entry_names_no_one() -> None:
    assert contributors_line([(3, "Contributors"), (4, "Editorials")]) == []


_LEAD = "The lead paragraph of the article goes on here at some length, as leads do."


def _note_page(name: str, note: str) -> list[str]:
    return ["Headline of the Piece", _LEAD, "More of the article follows here.", name, note, "Related posts"]


def test_a_name_over_a_note_in_the_first_person_is_the_author() -> None:
    lines = _note_page(
        "Oskar Lind", "I’m the founder of Example Labs and I have written about tools for years."
    )
    assert note_under_name(lines, 1, PageWords(lines, 1)) == "Oskar Lind"


def test_a_note_in_the_first_person_of_another_language_names_its_author_too() -> None:
    lines = _note_page("Oskar Lind", "Ich schreibe seit zehn Jahren über Werkzeuge und alte Druckereien.")
    assert note_under_name(lines, 1, PageWords(lines, 1)) == "Oskar Lind"


def test_a_name_over_a_note_opening_with_a_role_in_brackets_is_the_author() -> None:
    lines = _note_page(
        "Oskar Lind", "(Editor / Reporter) – Oskar comes from a family of printers and writes on tools."
    )
    assert note_under_name(lines, 1, PageWords(lines, 1)) == "Oskar Lind"


def test_a_name_over_a_note_about_someone_else_is_no_author() -> None:
    lines = _note_page(
        "Oskar Lind", "The company was founded in a garage and has grown to serve many customers."
    )
    assert note_under_name(lines, 1, PageWords(lines, 1)) is None


def test_an_about_the_author_label_signs_with_the_name_after_it() -> None:
    assert signing_sentence("About the Author: Marta") == "by Marta"


def test_names_each_with_a_note_on_a_line_of_their_own_under_a_label_are_one_byline() -> None:
    texts = [
        "Oskar Lind, 6+ years reviewing ferries and harbour cranes",
        "Petra Holm, senior editor and lighthouse enthusiast",
        "Updated May 4, 2025",
    ]
    assert names_over_lines(texts) == "Oskar Lind, Petra Holm"


def test_one_name_with_a_note_under_a_label_keeps_its_line() -> None:
    texts = ["Oskar Lind, 6+ years reviewing ferries", "Updated May 4, 2025"]
    assert names_over_lines(texts) == "Oskar Lind, 6+ years reviewing ferries"
