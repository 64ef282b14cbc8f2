"""The box about the author or the publisher that closes a page's article is not its body.

Every fixture is written for these tests, in the shape of a page copied whole from a browser."""

from __future__ import annotations

from worker.clean.text import clean_text

HEADER = ["Harbourside Weekly", "Ferry link to the islands approved", "By Ana Ruiz | March 4, 2025"]
BODY = [
    "The council approved the new ferry link to the islands on Tuesday, after two years of hearings "
    "that drew hundreds of residents to the town hall and filled its gallery every week.",
    "The first boats are expected to sail next spring, once the old pier has been rebuilt and the "
    "harbour dredged so that larger vessels can dock at low tide without any risk.",
    "Islanders have asked for a daily service for decades, and the operator says the crossing will "
    "take forty minutes, half the time of the private boats that run today in summer.",
    "The cost of the link, about twelve million, will be shared by the region and the state, which "
    "agreed last month to pay for the new terminal building and its car park as well.",
]
# No reporter's role word in it: the line marker for a contributor's note (`Flag.BIO`) does not see it.
NOTE = (
    "Ana Ruiz has sailed the island ferries since she was a child, and she now runs a small guesthouse "
    "on the coast with her family, two very old dogs and a boat that rarely leaves the harbour."
)
FOOTER = ["Related stories", "Harbour fees rise again", "Copyright 2025 Harbourside Weekly."]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    return [[line] for line in lines]


def test_a_name_line_over_a_note_opening_with_that_name_is_dropped() -> None:
    page = _page(HEADER, *_paragraphs(BODY), ["Ana Ruiz"], [NOTE], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_job_title_between_the_name_and_the_note_goes_with_them() -> None:
    page = _page(HEADER, *_paragraphs(BODY), ["Ana Ruiz", "Transport Reporter"], [NOTE], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_written_by_line_over_the_name_goes_with_the_box() -> None:
    page = _page(HEADER, *_paragraphs(BODY), ["Written by", "Ana Ruiz"], [NOTE], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_an_about_head_over_the_publisher_note_is_dropped() -> None:
    note = (
        "Harbourside Media is an independent publisher of local news for the coast and the islands, "
        "with newsrooms in three towns and a weekly paper read by forty thousand people."
    )
    page = _page(HEADER, *_paragraphs(BODY), ["About Harbourside Media"], [note], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_bare_name_the_page_does_not_print_above_the_article_stays() -> None:
    # A list article's last entry: "Pine Lake" over "Pine Lake is ..." is a subheading, not a box.
    entry = (
        "Pine Lake is the quietest of the three, with a shaded path around its shore and a small beach "
        "where children can swim safely in the shallow water all summer long."
    )
    page = _page(HEADER, *_paragraphs(BODY), ["Pine Lake"], [entry], FOOTER)
    assert clean_text(page).paragraphs == [*BODY, "Pine Lake", entry]


def test_a_subheading_the_next_paragraph_repeats_in_sentence_case_stays() -> None:
    # "Ferry Link" over "Ferry links ..." names a topic, not a person opening their own note.
    header = [*HEADER[:2], "Ferry Link", HEADER[2]]
    closing = (
        "Ferry links elsewhere on the coast have doubled the number of visitors within five years, and "
        "the council expects the same here once the service runs every day of the year."
    )
    page = _page(header, *_paragraphs(BODY), ["Ferry Link"], [closing], FOOTER)
    assert clean_text(page).paragraphs[-1] == closing


# A note on a person whose name comes only in a clause: a box's shape only under a head that announces it.
CLAUSE_NOTE = (
    "Mother of two and a sailor since childhood, Ana Ruiz covers transport for the paper and "
    "runs a small guesthouse on the coast with her family and two very old dogs."
)


def test_an_about_head_over_a_note_naming_the_person_a_clause_in_is_dropped() -> None:
    page = _page(HEADER, *_paragraphs(BODY), ["About Ana Ruiz"], [CLAUSE_NOTE], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_note_naming_the_person_a_clause_in_stays_without_a_head() -> None:
    # No head announces a box: a list article's last entry may well name its subject late.
    page = _page(HEADER, *_paragraphs(BODY), ["Ana Ruiz"], [CLAUSE_NOTE], FOOTER)
    assert clean_text(page).paragraphs[-1] == CLAUSE_NOTE


def test_a_newsletter_prompt_closing_the_article_is_dropped() -> None:
    prompts = [
        "Want more news from the coast? Sign up for our free weekly newsletter today.",
        "No thanks",
        "Follow us on Twitter and Facebook for the latest ferry times.",
    ]
    page = _page(HEADER, *_paragraphs(BODY), prompts, FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_short_post_ending_with_a_prompt_keeps_it() -> None:
    # Two paragraphs only: the invitation is most of what the post says.
    last = "The timetable is out next week: subscribe to our feed to get it the day it is published."
    page = _page(HEADER, *_paragraphs(BODY[:2]), [last], FOOTER)
    assert clean_text(page).paragraphs == [*BODY[:2], last]


def test_a_name_with_lowercase_particles_over_its_note_is_an_author_box() -> None:
    note = (
        "Marta van der Berg is a correspondent who has covered the harbour towns for ten years, and "
        "she writes a weekly column on the ferries, the fishing fleet and the island schools."
    )
    page = _page(HEADER, *_paragraphs(BODY), ["Marta van der Berg"], [note], FOOTER)
    assert clean_text(page).paragraphs == BODY
