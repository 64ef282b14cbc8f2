"""A link aggregator's headline copied as text carries the source's host in brackets, and perhaps the
count of comments, after it ("Headline (example.com) 87"): the title is the headline alone.

The pages here are written for the purpose.
"""

from __future__ import annotations

from worker.clean.text import clean_text
from worker.extract.text import extract_text_metadata
from worker.extract.titles import without_source_host

LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
SECOND = "Residents had argued that the terminal would bring traffic to the old quarter and its lanes."


def test_the_host_and_comment_count_after_a_headline_are_dropped() -> None:
    assert without_source_host("Ferry Terminal Approved After Two Years (harbour-news.com) 87") == (
        "Ferry Terminal Approved After Two Years"
    )


def test_a_host_with_a_path_is_dropped() -> None:
    title = "A Tide Table in One File (code.example.org/tides)"
    assert without_source_host(title) == "A Tide Table in One File"


def test_brackets_that_name_no_host_stay() -> None:
    assert without_source_host("Harbour Budget 2025 (Part 2)") == "Harbour Budget 2025 (Part 2)"
    assert without_source_host("Why the Ferry Runs Late (U.S.)") == "Why the Ferry Runs Late (U.S.)"


def test_a_text_page_gives_the_headline_without_its_source_host() -> None:
    text = "\n\n".join(
        [
            "Harbour Links",
            "Ferry Terminal Approved After Two Years (harbour-news.com) 87",
            "Posted by jdoe on Tuesday March 4, 2025",
            LEAD,
            SECOND,
        ]
    )
    metadata = extract_text_metadata(clean_text(text))
    assert metadata.title == "Ferry Terminal Approved After Two Years"
