"""Which bylines a plain-text page's language lets count, a name the copy glued to its day, and a
byline that signs with a lowercase handle."""

from __future__ import annotations

from worker.clean.text_stopwords import STOPWORDS
from worker.extract.text import in_page_language
from worker.extract.text_bylines import name_beside_day
from worker.extract.text_handles import handle_byline
from worker.extract.text_page_words import PageWords

LEAD = "The council approved the new ferry link to the islands on Tuesday, after two years of hearings."
SECOND = "The first boats are expected to sail next spring, once the pier has been rebuilt and paid for."


PROSE_WITH_DOOR = "Fix the band to the door frame and pull it slowly towards your chest."


def test_another_languages_opener_the_page_writes_as_its_own_word_opens_no_byline() -> None:
    assert in_page_language(("Door Hinges",), "en", ["Door Hinges", PROSE_WITH_DOOR]) == ()


def test_another_languages_opener_the_page_writes_only_before_names_opens_a_byline() -> None:
    lines = ["Posted on 15/07/2014 von Anna Schmidt", LEAD]
    assert in_page_language(("von Anna Schmidt",), "en", lines) == ("von Anna Schmidt",)


def test_the_pages_own_opener_opens_a_byline() -> None:
    lines = ["door Anke de Vries", "Zij liep door de stad naar huis."]
    assert in_page_language(("door Anke de Vries",), "nl", lines) == ("door Anke de Vries",)


def test_an_english_by_counts_on_a_page_of_another_language() -> None:
    lines = ["By Anna Schmidt", "Sie ging by the way nach Hause."]
    assert in_page_language(("By Anna Schmidt",), "de", lines) == ("By Anna Schmidt",)


def test_a_page_whose_language_is_not_told_keeps_every_byline() -> None:
    assert in_page_language(("Door Hinges",), None, ["Door Hinges", PROSE_WITH_DOOR]) == ("Door Hinges",)


def test_a_byline_without_an_opener_is_kept() -> None:
    assert in_page_language(("Ana Ruiz",), "en", ["Ana Ruiz", LEAD]) == ("Ana Ruiz",)


def _beside_day(lines: list[str]) -> str | None:
    lead = lines.index(LEAD)
    return name_beside_day(lines, 0, lead, PageWords(lines, lead))


def test_a_one_word_signature_glued_to_its_day_under_the_headline_is_the_author() -> None:
    assert _beside_day(["Ferry link approved after two years", "Marisol4/3/2025", LEAD, SECOND]) == "Marisol"


def test_a_full_name_glued_to_its_day_under_the_headline_is_the_author() -> None:
    lines = ["Ferry link approved after two years", "Ana Ruiz12.03.2024", LEAD, SECOND]
    assert _beside_day(lines) == "Ana Ruiz"


def test_a_word_the_page_writes_in_lowercase_glued_to_a_day_is_no_author() -> None:
    lines = ["Ferry link approved after two years", "Islands4/3/2025", LEAD, SECOND, "The islands wait."]
    assert _beside_day(lines) is None


def _handle(*under: str, more: tuple[str, ...] = ()) -> str | None:
    lines = ["Ferry link approved after two years", *under, LEAD, SECOND, *more]
    return handle_byline(lines, 0, STOPWORDS)


def test_a_lowercase_handle_after_by_under_the_headline_is_the_author() -> None:
    assert _handle("by marisolw") == "marisolw"


def test_a_handle_after_the_date_and_by_is_the_author() -> None:
    assert _handle("Posted on July 1, 2024 by marisolw") == "marisolw"


def test_a_handle_the_copy_glued_to_its_date_is_the_author() -> None:
    assert _handle("By marisolwFebruary 16, 2026No Comments") == "marisolw"


def test_a_handle_before_a_separator_and_a_day_is_the_author() -> None:
    assert _handle("by marisolw | Apr 21, 2025") == "marisolw"


def test_a_handle_signed_again_alone_under_the_article_is_still_the_author() -> None:
    assert _handle("by marisolw", more=("marisolw",)) == "marisolw"


def test_a_word_the_page_writes_in_its_sentences_is_no_handle() -> None:
    assert _handle("by hand", more=("Everything was sewn by hand, then the hand stitching dried.",)) is None


def test_a_site_account_is_no_author() -> None:
    assert _handle("by siteadmin") is None


def test_a_lowercase_by_inside_a_sentence_under_the_headline_opens_no_handle() -> None:
    assert _handle("Tickets sold by ferrycorp at the pier") is None
