"""Who signs a page read as whole text, in shapes a copy leaves: a blog's handle alone over the day,
a name glued after the date above the headline or glued to its job title, an @handle the page
prints as a name too, several names of which one is a common word, an author box under a menu's
"By Category" or a quote's "From Jane Doe", a name after a month-first date and a column named for a
weekday ("12/19/2025 • Friday Philosophy • Jane Doe"), a blog card's name over the day and the reading
time ("Jane" / "2 days ago" / "6 min read"), the whole name below the article of a one-word signature
that holds her given name ("Written by HarbourJane" / ... / "Written by Jane Doe"). Never a handle
the page writes as a word, a post's age as the headline, or a handle whose letters no printed name
has."""

from __future__ import annotations

from tests.ferry_page import HEADLINE, MENU, PROSE
from worker.clean.text import TextLayout
from worker.extract import extract_text_metadata
from worker.extract.authors import clean_authors
from worker.extract.text_page_words import PageWords

NOTE = (
    "Marta Quell is a transport reporter who has covered the islands and their ferries for ten years. "
    "She lives on the coast."
)


def _read(lines: list[str]):
    lead = lines.index(PROSE[0])
    return extract_text_metadata(TextLayout(lines=lines, body=list(range(lead, len(lines)))), url=None)


def _authors(*header: str, after: tuple[str, ...] = ()) -> list[str]:
    return _read([*MENU, HEADLINE, *header, *PROSE, *after]).authors


def _plain_page_words() -> PageWords:
    """What a page of menu, headline and prose writes: the words a name list is read against."""
    lines = [*MENU, HEADLINE, *PROSE]
    return PageWords(lines, lines.index(PROSE[0]))


def test_a_handle_alone_over_the_day_under_the_headline_signs() -> None:
    assert _authors("harbourwriter", "September 8, 2025", "No Comments") == ["harbourwriter"]


def test_a_handle_the_page_writes_as_a_word_is_no_signature() -> None:
    after = ("Our ferrylog keeps every crossing of the year in one place for the harbour office.",)
    assert _authors("ferrylog", "September 8, 2025", after=after) == []


def test_a_name_glued_after_the_date_above_the_headline_signs() -> None:
    assert _read([*MENU, "Dec 17, 2025Marta Quell", HEADLINE, *PROSE]).authors == ["Marta Quell"]


def test_a_job_title_glued_to_the_name_under_the_headline_is_cut_off() -> None:
    assert _authors("Marta QuellFounder at Harbourline") == ["Marta Quell"]


def test_an_at_handle_under_the_headline_is_the_name_the_page_prints_with_its_letters() -> None:
    after = ("Marta Quell", "Author")
    assert _authors("@martaquell • Jan 26, 2026 • Reading time", after=after) == ["Marta Quell"]


def test_an_at_handle_no_printed_name_spells_names_nobody() -> None:
    assert _authors("@martaquell • Jan 26, 2026 • Reading time") == []


def test_three_names_vouch_for_a_fourth_whose_word_is_common() -> None:
    words = _plain_page_words()
    assert words.is_name_list("Rui Ma, Oskar Brandt, Ines Varga & Tomas Reyes")
    assert not words.is_name_list("Rui Ma & Oskar Brandt")


def test_a_menus_by_entry_over_its_entries_gives_way_to_the_author_box() -> None:
    menu = ["Home", "By Modality", "Behavioral & Psychiatry", "Direct Primary & Urgent Care", "Medspa"]
    lines = [*menu, *MENU, *MENU, HEADLINE, "August 28, 2025", *PROSE, "Marta Quell", NOTE]
    assert _read(lines).authors == ["Marta Quell"]


def test_a_quotes_from_line_below_the_article_signs_nothing() -> None:
    after = ("Expert Take", "From Oskar Brandt, Chief Officer of Harbourline", "Marta Quell", NOTE)
    assert _authors("Share", after=after) == ["Marta Quell"]


def test_a_posts_age_is_never_the_headline() -> None:
    lines = [*MENU, "Winter Timetable", "Marta Quell", "2 days ago", "6 min read", *PROSE]
    assert _read(lines).title != "2 days ago"


def test_a_certifications_registered_mark_leaves_the_credential() -> None:
    assert clean_authors(["Written by Marta Quell, CFP®"]) == ["Marta Quell, CFP"]


def test_a_job_title_after_a_kind_bylines_name_vouches_for_a_first_name_that_is_a_word() -> None:
    after = ("The council will meet again in spring to hear how the first winter went.",)
    assert _authors(
        "Guide by Will Quell Former Deputy Travel Editor", "Updated on Jan. 16, 2026", after=after
    ) == ["Will Quell"]


GERMAN_PROSE = [
    "Der Hafenrat hat am Dienstag den neuen Winterfahrplan für die Fähren zu den Inseln beschlossen, "
    "nachdem die Fischer und die Schulen der Inseln zwei Monate lang eine frühere Abfahrt verlangt hatten.",
    "Die erste Fähre legt nun um halb sieben am Kai ab, und die letzte wartet auf den Abendzug aus der "
    "Stadt, den die Pendler auf den äußeren Inseln seit dem Frühjahr gefordert hatten.",
    "Der Betreiber sagte, der neue Fahrplan koste kaum mehr, weil die Boote weniger Zeit an den Anlegern "
    "verbringen und mehr Zeit mit den Fahrgästen, die vorher zurückgeblieben waren.",
]


def test_a_kicker_between_the_date_and_the_headline_of_a_page_that_capitalises_nouns_is_no_name() -> None:
    lines = [*MENU, "05.02.2020", "Stille Häfen", "Die Fähren fahren im Winter früher", *GERMAN_PROSE]
    lead = lines.index(GERMAN_PROSE[0])
    layout = TextLayout(lines=lines, body=list(range(lead, len(lines))))
    assert extract_text_metadata(layout, url=None).authors == []


def test_a_long_byline_below_the_article_of_names_only_names_them_all() -> None:
    byline = "Written by Dr Marta van der Quell, Dr Oskar Brandt, Ines van Varga and Tomas Reyes"
    assert _authors("Share", after=(byline, "Reviewed by Ana Ruiz")) == [
        "Dr Marta van der Quell",
        "Dr Oskar Brandt",
        "Ines van Varga",
        "Tomas Reyes",
    ]


def test_a_persons_byline_over_short_lines_still_signs() -> None:
    menu = ["Home", "By Marta Quell", "Conferences", "Trade shows", "Pricing", *MENU, *MENU]
    lines = [*menu, HEADLINE, *PROSE]
    assert _read(lines).authors == ["Marta Quell"]


def test_names_parted_by_joining_words_alone_make_a_list() -> None:
    """No comma: the joining words part the names ("and" in any case, "&")."""
    words = _plain_page_words()
    assert words.is_name_list("Rui Ma AND Oskar Brandt & Ines Varga")
    assert not words.is_name_list("Rui Ma Oskar Brandt Ines Varga")


def test_a_name_after_a_month_first_date_and_a_weekday_column_signs() -> None:
    assert _authors("12/19/2025 • Friday Ferries • Marta Quell", "Print this page") == ["Marta Quell"]


def test_a_blog_card_s_one_word_name_over_the_post_s_age_and_reading_time_signs() -> None:
    assert _read([*MENU, "Marta", "2 days ago", "6 min read", *PROSE]).authors == ["Marta"]


def test_a_blog_card_s_category_the_page_writes_as_a_word_names_nobody() -> None:
    assert _read([*MENU, "Ferries", "December 3, 2025", "6 min read", HEADLINE, *PROSE]).authors == []


def test_a_one_word_signature_takes_the_whole_name_the_byline_below_the_article_gives() -> None:
    after = (
        "Written by Marta Quell",
        "Marta has covered the island ferries for ten years and lives on the coast.",
    )
    assert _authors("Written by HarbourMarta", "Published Oct 10, 2023", after=after) == ["Marta Quell"]


def test_a_one_word_signature_keeps_itself_when_the_byline_below_names_someone_else() -> None:
    after = (
        "Written by Tomas Reyes",
        "Tomas has covered the island ferries for ten years and lives on the coast.",
    )
    assert _authors("Written by HarbourMarta", "Published Oct 10, 2023", after=after) == ["HarbourMarta"]
