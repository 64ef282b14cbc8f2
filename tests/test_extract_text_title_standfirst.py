"""A headline over its standfirst and byline when the page copied as text prints the headline with
a full stop: the rules still read the sentence under it as the standfirst, not a caption or the
line over the lead as the headline.

The pages here are written for the purpose.
"""

from __future__ import annotations

from worker.extract.text_header import read_header_by_rules
from worker.extract.text_not_headline import tells_reading_time

HEADLINE = "Who Still Reads the Harbour Gazette? Fewer, Not None."
STANDFIRST = "Our readers told us how they find the paper now, and most of them no longer open it on paper."
LEAD = (
    "The harbour gazette has been printed every Tuesday since the old quay opened, and for most of "
    "that time nearly every house along the water took a copy."
)
SECOND = "This spring we asked our readers where they read it now, and more than two thousand wrote back."
CAPTION = "A stack of gazettes on the counter of the harbour kiosk. - Photo by the desk"


def _page(headline: str) -> list[str]:
    return [
        "Harbour Notes",
        "SubscribeSign in",
        headline,
        STANDFIRST,
        "Jane Doe",
        "Mar 13, 2025",
        "Share",
        CAPTION,
        LEAD,
        SECOND,
    ]


def test_a_headline_with_a_full_stop_over_a_standfirst_and_byline_is_the_headline() -> None:
    assert read_header_by_rules(_page(HEADLINE), [8, 9]).title == HEADLINE


def test_a_sentence_over_a_standfirst_is_no_headline_with_a_stop() -> None:
    """A lowercase sentence over the sentence under it makes no headline and standfirst pair."""
    sentence = "Fewer readers still open the harbour gazette on paper, the survey found."
    assert read_header_by_rules(_page(sentence), [8, 9]).title != sentence


def test_a_byline_that_gives_the_reading_time_is_never_the_headline() -> None:
    """ "Harbour Desk | 6 min read" has a headline's shape but is the byline cluster's line: the
    headline is the line over it."""
    headline = "The Complete Guide to Harbour Ferries"
    lines = ["Harbour Notes", "Guides", headline, "Harbour Desk | 6 min read", LEAD, SECOND]
    assert read_header_by_rules(lines, [4, 5]).title == headline


def test_a_reading_time_alone_in_a_headline_is_no_dateline_part() -> None:
    """Words about minutes and reading inside a headline, with no separator before them, keep it."""
    assert not tells_reading_time("Why 5 min read is the right length for a harbour story")
    assert tells_reading_time("Harbour Desk · 6 min read")
