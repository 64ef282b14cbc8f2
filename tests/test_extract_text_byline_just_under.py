"""The byline printed right under the headline signs the article, long as its line may be: bylines
read further from the headline (a reviewed book's "Author:" box, teasers signed in a sidebar) sign
something else. A line under the headline that only opens like a byline names nobody."""

from __future__ import annotations

from tests.ferry_page import HEADLINE, MENU, PROSE
from worker.clean.text import TextLayout
from worker.extract import extract_text_metadata

BOOK_BOX = ["The Harbour Keeper", "Author: Tomas Reyes", "Released: June 17, 2025 by Quay Books"]
TEASERS = ["Most Popular", "Ferry Fares Rise Again", "Ines Varga |June 5, 2025", "New Pier Opens"]


def _authors(lines: list[str]) -> list[str]:
    lead = lines.index(PROSE[1])
    layout = TextLayout(lines=lines, body=list(range(lead, len(lines))))
    return extract_text_metadata(layout, url=None).authors


def test_a_long_dated_byline_under_the_headline_beats_a_book_s_author_below_it() -> None:
    byline = "by Marta · Dec 20, 2025 at 3:00 am · One comment so far"
    assert _authors([*MENU, HEADLINE, byline, PROSE[0], *BOOK_BOX, *PROSE[1:]]) == ["Marta"]


def test_a_byline_running_on_with_a_job_title_beats_the_teasers_below_it() -> None:
    byline = "Written by: Marta Quell Head of Product Launches, Expert in ferry marketing strategies."
    assert _authors([*MENU, HEADLINE, byline, "Table of Contents", *TEASERS, *PROSE]) == ["Marta Quell"]


def test_a_line_under_the_headline_that_only_opens_like_a_byline_names_nobody() -> None:
    standfirst = "From Theory to Practice, The Harbour Timetable Ontology"
    assert _authors([*MENU, HEADLINE, standfirst, "Marta Quell", "Dec 19, 2025", *PROSE]) == ["Marta Quell"]


def test_one_word_signing_before_its_category_under_the_headline_is_read_up_to_the_category() -> None:
    lines = [*MENU, HEADLINE, "By HarbourFred in WorkshopFerries", "By Harbour Fredrik JonssonFollow", *PROSE]
    assert _authors(lines) == ["HarbourFred"]
