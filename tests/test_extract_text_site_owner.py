"""A personal site's owner signs its article when no line of the header names anyone: the page
opens with a person's name and its prose speaks in the first person. A company's name heading its
page, a brand with its acronym, or a page whose prose says "we" names nobody. A possessive masthead
("Jane Doe's Blog"), a person holding the copyright, or a menu's "About Jane Doe" (whose given name
the page prints again) name the owner too; and a menu's entries
run together after "By" ("By CategoryBy Brand") are no byline below the article."""

from __future__ import annotations

from worker.extract.text_byline_below import byline_below
from worker.extract.text_page_words import PageWords
from worker.extract.text_site_owner import site_owner

MINE = [
    "Last spring I rebuilt the garden shed with my own hands, using the timber my neighbour left behind.",
    "The roof took longer than I expected, because the old beams had rotted where the gutter leaked.",
    "Next year I want to add a rain barrel and a small bench for the mornings when the sun is out.",
]
OURS = [
    "Every spring our team rebuilds garden sheds for customers across the county, using local timber.",
    "The roof usually takes longest, because old beams rot where a gutter has leaked for many years.",
    "Call the workshop to book a visit and ask about rain barrels and benches for the garden too.",
]


def _owner(lines: list[str], language: str | None = "en") -> str | None:
    return site_owner(lines, language, PageWords(lines, len(lines) - 3))


def test_a_name_heading_a_page_written_in_the_first_person_is_its_author() -> None:
    assert _owner(["Marta Quell", "About Notes Projects", "Rebuilding the shed", *MINE]) == "Marta Quell"


def test_a_name_heading_a_page_that_says_we_names_nobody() -> None:
    assert _owner(["Marta Quell", "About Services Contact", "Rebuilding sheds", *OURS]) is None


def test_a_brand_with_its_acronym_names_nobody() -> None:
    assert _owner(["Quell LMS", "About Notes Projects", "Rebuilding the shed", *MINE]) is None


def test_a_name_written_in_the_page_s_common_words_names_nobody() -> None:
    assert _owner(["Garden Shed", "About Notes Projects", "Rebuilding the shed", *MINE]) is None


def test_a_page_of_no_known_language_names_nobody() -> None:
    assert _owner(["Marta Quell", "About Notes Projects", "Rebuilding the shed", *MINE], None) is None


def test_a_menu_run_together_after_by_is_no_byline_below() -> None:
    lines = ["Rebuilding the shed", *OURS, "Reviews", "By CategoryBy Brand", "Other Information"]
    assert byline_below(lines, 1) == []


def test_a_masthead_saying_whose_site_it_is_names_its_owner() -> None:
    lines = ["Skip to content", "Marta Quell's Garden Blog", "Rebuilding the shed", *MINE]
    assert _owner(lines) == "Marta Quell"


def test_a_person_holding_the_copyright_of_a_first_person_page_owns_it() -> None:
    lines = ["Home Notes About", "Rebuilding the shed", *MINE, "© 2025 Marta Quell. All rights reserved."]
    assert _owner(lines) == "Marta Quell"


def test_a_company_holding_the_copyright_of_a_page_that_says_we_owns_no_article() -> None:
    lines = ["Home Notes About", "Rebuilding sheds", *OURS, "© 2025 Quell Sheds. All rights reserved."]
    assert _owner(lines) is None


def test_a_menu_s_about_entry_naming_a_person_on_a_first_person_page_names_its_owner() -> None:
    lines = ["Home", "About Marta Quell", "Contact", "Rebuilding the shed", *MINE, "More From Marta"]
    assert _owner(lines) == "Marta Quell"


def test_a_menu_s_about_entry_the_page_never_names_again_names_nobody() -> None:
    lines = ["Home", "About Marta Quell", "Contact", "Rebuilding the shed", *MINE]
    assert _owner(lines) is None


def test_a_menu_s_about_entry_of_a_company_names_nobody() -> None:
    lines = ["Home", "About Our Team", "Contact", "Rebuilding the shed", *MINE]
    assert _owner(lines) is None


def test_a_copyright_holder_whose_name_the_masthead_prints_in_lowercase_still_owns_the_site() -> None:
    lines = ["marta/quell", "Home Notes About", "Rebuilding the shed", *MINE, "© 2025 Marta Quell."]
    assert _owner(lines) == "Marta Quell"


def test_a_possessive_masthead_needs_its_owner_to_speak_of_herself_only_once() -> None:
    once = "Last spring Tomas Reyes and I rebuilt the garden shed, using the timber a neighbour left behind."
    prose = [once, *OURS * 4]  # one "I" in some 250 words: too rare for a first line's name
    assert _owner(["Marta Quell's Garden Notes", "Rebuilding the shed", *prose]) == "Marta Quell"
    assert _owner(["Marta Quell", "Rebuilding the shed", *prose]) is None
