"""A byline the copy ran on after a standfirst ("... beyond the islands. By Jane Doe on Dec. 19,
2025") signs the piece and gives its publish day too."""

from __future__ import annotations

from worker.extract.text_dated_names import inner_byline_day
from worker.extract.text_header import read_header

STANDFIRST = (
    "The harbour council wants the new ferry to reach beyond the islands, to the fishing villages of the "
    "northern coast, before the summer. By Greta Wendholm on Dec. 19, 2025"
)
LEAD = (
    "The harbour council approved the new ferry link to the islands on Tuesday, after two years of "
    "hearings in which the fishermen and the island schools asked for an earlier morning crossing."
)


def test_the_day_after_a_byline_inside_a_line_is_read() -> None:
    assert inner_byline_day(STANDFIRST, "By Greta Wendholm") == "2025-12-19"


def test_a_date_before_the_byline_is_not_its_day() -> None:
    assert (
        inner_byline_day("Since March 3, 2024 the ferries ran late. By Greta Wendholm", "By Greta Wendholm")
        is None
    )


def test_a_standfirst_ending_with_a_dated_byline_gives_the_publish_day() -> None:
    lines = ["Harbour News", "Why the Island Ferries Run Late Every Winter", STANDFIRST, LEAD, LEAD]
    header = read_header(lines, [3, 4])
    assert header.published == "2025-12-19"


PROSE_AFTER = (
    "By Greta Wendholm In Travel, Tips The first ferry sailed to the islands on March 3, 1998, and the "
    "council has run the crossing at a loss ever since"
)


def test_a_date_in_the_prose_after_the_byline_is_not_its_day() -> None:
    assert inner_byline_day(f"Harbour notes. {PROSE_AFTER}", "By Greta Wendholm") is None
