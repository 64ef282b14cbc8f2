"""A paper's author list under its headline, each name marked with its affiliations."""

from worker.extract.text_byline_lists import marked_author_list, names_before_role
from worker.extract.text_page_words import PageWords

HEADLINE = "Sleep and Memory in Young Adults: A Randomised Trial"


def test_names_marked_with_affiliation_numbers_are_the_authors() -> None:
    lines = [HEADLINE, "Ana Sousa 1,*, Pieter Vos 2, Mei Lin 1", "Abstract"]
    assert marked_author_list(lines, 0) == "Ana Sousa, Pieter Vos, Mei Lin"


def test_numbers_glued_to_names_and_semicolons_read_the_same() -> None:
    lines = [HEADLINE, "Authors of this article:", "Ana Sousa1 ; Pieter Vos2 ; Mei Lin1", "Abstract"]
    assert marked_author_list(lines, 0) == "Ana Sousa, Pieter Vos, Mei Lin"


def test_a_single_numbered_line_is_no_author_list() -> None:
    lines = [HEADLINE, "Chapter Two 2", "Abstract"]
    assert marked_author_list(lines, 0) is None


def test_names_without_marks_are_left_to_the_other_readers() -> None:
    lines = [HEADLINE, "Ana Sousa, Pieter Vos, Mei Lin", "Abstract"]
    assert marked_author_list(lines, 0) is None


def _words(lines: list[str]) -> PageWords:
    return PageWords(lines, len(lines) - 1)


def test_names_before_a_separator_and_a_role_sign_the_piece() -> None:
    line = "Oskar Lind and Petra Holm | Guest Columnists"
    assert names_before_role(line, _words([HEADLINE, line, "Lead."])) == "Oskar Lind and Petra Holm"


def test_a_reading_time_after_the_separator_is_no_role() -> None:
    line = "Example Desk Team | 5 min read"
    assert names_before_role(line, _words([HEADLINE, line, "Lead."])) is None
