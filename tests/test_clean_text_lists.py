"""Plain-text body: lists the article announces and captions that close on their credit.

The fixtures are `tests.test_clean_text`'s page (masthead, headline, dateline, body, footer), written
for these tests; here the article ends on a list, or carries a caption among its paragraphs.
"""

from __future__ import annotations

from tests.test_clean_text import (
    EN_BODY,
    EN_FOOTER,
    EN_HEADER,
    EN_HEADLINES,
    _article,
    _body,
    _page,
    _paragraphs,
)
from worker.clean.text import clean_text

# Items that read as neither prose nor sentences: short, numbered, few function words, one a link.
LANE_ITEMS = [
    "1) Riverside Road, 2.4 km, April",
    "2) Market Street - Station Avenue (1.1 km)",
    "https://rivertondaily.example/map-of-lanes",
    "3) Old Bridge - Harbour Quay, 3.0 km, June",
    "4) Ring Road North, 5.2 km, September",
]


def test_list_announced_by_the_last_paragraph_is_kept_to_its_end() -> None:
    body = [*EN_BODY, "The sections and their opening months are:"]
    text = _page(EN_HEADER, *_paragraphs(body), LANE_ITEMS, EN_FOOTER)
    assert _body(clean_text(text)) == [*body, *LANE_ITEMS]


def test_announced_list_stops_at_a_marked_line() -> None:
    body = [*EN_BODY, "The sections and their opening months are:"]
    text = _page(EN_HEADER, *_paragraphs(body), [*LANE_ITEMS, "Related stories:", *EN_HEADLINES[1:4]])
    assert _body(clean_text(text)) == [*body, *LANE_ITEMS]


def test_list_items_without_a_colon_above_them_are_not_kept() -> None:
    text = _page(EN_HEADER, *_paragraphs(EN_BODY), LANE_ITEMS, EN_FOOTER)
    assert _body(clean_text(text)) == EN_BODY


def test_caption_closing_with_its_credit_is_removed() -> None:
    caption = (
        "The deputy mayor walks the planned route by the river on Monday morning. Photo credit: Jane Marsh"
    )
    body = [*EN_BODY[:3], caption, *EN_BODY[3:]]
    assert _body(clean_text(_article(body))) == EN_BODY


def test_sentence_ending_on_a_source_clause_is_kept() -> None:
    line = "The figures in the report came from one place, as its notes say. Source: a survey of every shop."
    body = [*EN_BODY[:3], line, *EN_BODY[3:]]
    assert _body(clean_text(_article(body))) == body


# A table copied from the page: its cells apart with tabs, few function words, one row reading as a time.
LANE_TABLE = [
    "Section\tLength\tOpens",
    "Riverside Road\t2.4 km\tApril",
    "Market Street\t1.1 km\t10.30 a.m. ceremony",
    "Old Bridge\t3.0 km\tJune",
    "Ring Road North\t5.2 km\tSeptember",
]


def test_table_between_paragraphs_is_kept_whole() -> None:
    body = [*EN_BODY[:2], *LANE_TABLE, *EN_BODY[2:]]
    text = _page(EN_HEADER, *_paragraphs(EN_BODY[:2]), LANE_TABLE, *_paragraphs(EN_BODY[2:]), EN_FOOTER)
    assert _body(clean_text(text)) == body


def test_table_under_a_short_label_is_kept_with_the_label() -> None:
    # The label and the first rows would read as one run of headline-like short lines.
    body = [*EN_BODY[:2], "Lane Details", *LANE_TABLE, *EN_BODY[2:]]
    text = _page(
        EN_HEADER,
        *_paragraphs(EN_BODY[:2]),
        ["Lane Details"],
        LANE_TABLE,
        *_paragraphs(EN_BODY[2:]),
        EN_FOOTER,
    )
    assert _body(clean_text(text)) == body


def test_table_of_rows_that_read_as_no_prose_is_kept() -> None:
    # Every row long enough to be judged, and a label and a figure in each cell: no function word.
    table = [
        "Surface material:\tred asphalt, 40 mm layer\tLighting:\tLED posts every 25 m",
        "Storage at stations:\t120 covered racks\tRepair points:\t6 pumps, 2 stands",
        "Budget 2025:\t4.2 million euros\tCompletion:\tSeptember 2025 (phase 2)",
    ]
    text = _page(EN_HEADER, *_paragraphs(EN_BODY[:2]), table, *_paragraphs(EN_BODY[2:]), EN_FOOTER)
    assert _body(clean_text(text)) == [*EN_BODY[:2], *table, *EN_BODY[2:]]


def test_table_after_the_last_paragraph_is_not_kept() -> None:
    text = _page(EN_HEADER, *_paragraphs(EN_BODY), LANE_TABLE, EN_FOOTER)
    assert _body(clean_text(text)) == EN_BODY


def test_list_announced_by_the_line_below_the_block_is_kept() -> None:
    announce = "Bike lane opening dates for 2025:"  # too short to read as prose
    items = [item for item in LANE_ITEMS if not item.startswith("http")]
    text = _page(EN_HEADER, *_paragraphs(EN_BODY), [announce, *items], EN_FOOTER)
    assert _body(clean_text(text)) == [*EN_BODY, announce, *items]


def test_a_short_label_with_a_colon_below_the_block_announces_nothing() -> None:
    items = [item for item in LANE_ITEMS if not item.startswith("http")]
    text = _page(EN_HEADER, *_paragraphs(EN_BODY), ["Popular on the site:", *items], EN_FOOTER)
    assert _body(clean_text(text)) == EN_BODY
