"""Plain-text pages of the seeds' shape: masthead, headline, dateline, body, footer."""

from __future__ import annotations

from worker.clean.text import TextLayout
from worker.extract import extract_text_metadata

PAGE = [
    "HarbourNews.net - Ships, Ports And The Sea",
    "Wind farm off the northern harbour wins final approval",
    "Lisbon, Portugal, Mar 9 (Reuters) Mar 9, 2024",
    "The national energy regulator approved a forty-turbine wind farm off the northern harbour on Saturday.",
    "Fishermen's groups said they would appeal, arguing that the turbines would close their grounds.",
    "The operator said construction would start next spring and power would flow within three years.",
    "ADVERTISEMENT",
    "© 2024 Thomson Reuters. All rights reserved.",
]


def _layout(lines: list[str], body: list[int]) -> TextLayout:
    return TextLayout(lines=lines, body=body)


def test_masthead_gives_site_name() -> None:
    assert extract_text_metadata(_layout(PAGE, [3, 4, 5]), url=None).site_name == "HarbourNews.net"


def test_headline_line_gives_title() -> None:
    metadata = extract_text_metadata(_layout(PAGE, [3, 4, 5]), url=None)
    assert metadata.title == "Wind farm off the northern harbour wins final approval"


def test_dateline_line_gives_place_agency_and_date() -> None:
    metadata = extract_text_metadata(_layout(PAGE, [3, 4, 5]), url=None)
    assert metadata.dateline is not None
    assert (metadata.dateline.place, metadata.dateline.agency) == ("Lisbon, Portugal", "Reuters")
    assert metadata.published == "2024-03-09"


def test_dateline_read_when_the_classifier_took_it_as_body() -> None:
    metadata = extract_text_metadata(_layout(PAGE, [2, 3, 4, 5]), url=None)
    assert metadata.dateline is not None and metadata.dateline.agency == "Reuters"
    assert metadata.title == "Wind farm off the northern harbour wins final approval"


def test_byline_gives_authors() -> None:
    lines = ["Gazette", "Harbour wind farm approved", "By Jane Doe and John Roe", PAGE[3], PAGE[4]]
    assert extract_text_metadata(_layout(lines, [3, 4]), url=None).authors == ["Jane Doe", "John Roe"]


def test_copyright_footer_gives_agency_without_dateline() -> None:
    lines = ["Harbour wind farm approved", PAGE[3], PAGE[4], "Copyright Agence France-Presse"]
    metadata = extract_text_metadata(_layout(lines, [1, 2]), url=None)
    assert metadata.dateline is not None and metadata.dateline.agency == "AFP"


def test_copyright_year_is_not_the_date() -> None:
    lines = ["Harbour wind farm approved", PAGE[3], PAGE[4], "© 2019 Harbour Gazette"]
    assert extract_text_metadata(_layout(lines, [1, 2]), url=None).published is None


def test_caption_sentence_is_not_the_title() -> None:
    lines = [
        "Breaking News",
        "Harbour wind farm approved",
        "Turbines stand off the northern coast near the harbour, March 2, 2024.",
        PAGE[3],
    ]
    assert extract_text_metadata(_layout(lines, [3]), url=None).title == "Harbour wind farm approved"
