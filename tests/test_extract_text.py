"""Plain-text pages of the seeds' shape: masthead, headline, dateline, body, footer."""

from __future__ import annotations

from worker.clean.text import TextLayout
from worker.extract import extract_text_metadata
from worker.extract.language import detect_language

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


def test_an_agency_byline_gives_the_agency_and_no_author() -> None:
    lines = ["Gazette", "Harbour wind farm approved", "By AFP", "Mar 9, 2024", PAGE[3], PAGE[4]]
    metadata = extract_text_metadata(_layout(lines, [4, 5]), url=None)
    assert metadata.authors == []
    assert metadata.dateline is not None and metadata.dateline.agency == "AFP"


def test_a_person_and_an_agency_in_a_byline_give_the_author_and_the_agency() -> None:
    lines = ["Gazette", "Harbour wind farm approved", "By Jane Doe, Reuters", "Mar 9, 2024", PAGE[3], PAGE[4]]
    metadata = extract_text_metadata(_layout(lines, [4, 5]), url=None)
    assert metadata.authors == ["Jane Doe"]
    assert metadata.dateline is not None and metadata.dateline.agency == "Reuters"


def test_an_agency_of_two_words_beside_a_person_is_the_agency_not_an_author() -> None:
    lines = [
        "Gazette",
        "Harbour wind farm approved",
        "By Jane Doe, Associated Press",
        "Mar 9, 2024",
        PAGE[3],
        PAGE[4],
    ]
    metadata = extract_text_metadata(_layout(lines, [4, 5]), url=None)
    assert metadata.authors == ["Jane Doe"]
    assert metadata.dateline is not None and metadata.dateline.agency == "AP"


def test_an_outlets_capitals_after_the_name_that_the_page_prints_as_a_word_are_no_part_of_it() -> None:
    lines = ["QNB Films", "Harbour wind farm approved", "By Jane Doe, QNB", "Mar 9, 2024", PAGE[3], PAGE[4]]
    assert extract_text_metadata(_layout(lines, [4, 5]), url=None).authors == ["Jane Doe"]


def test_an_outlets_desk_beside_a_person_is_no_second_author() -> None:
    lines = [
        "QNB Films",
        "Harbour wind farm approved",
        "By Jane Doe, QNB Business",
        "Mar 9, 2024",
        PAGE[3],
        PAGE[4],
    ]
    assert extract_text_metadata(_layout(lines, [4, 5]), url=None).authors == ["Jane Doe"]


def test_a_degrees_capitals_after_the_name_stay_with_it() -> None:
    lines = ["Gazette", "Harbour wind farm approved", "By Jane Doe, MPH", "Mar 9, 2024", PAGE[3], PAGE[4]]
    assert extract_text_metadata(_layout(lines, [4, 5]), url=None).authors == ["Jane Doe, MPH"]


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


def test_long_line_above_the_body_is_not_read_as_a_header_line() -> None:
    teaser = (
        "LISBON (Reuters) - Another story from the same harbour, about the ferry strike that kept "
        "thousands of commuters at home on Monday."
    )
    lines = ["Harbour wind farm approved", teaser, PAGE[3], PAGE[4]]
    metadata = extract_text_metadata(_layout(lines, [2, 3]), url=None)
    assert metadata.dateline is None
    assert metadata.title == "Harbour wind farm approved"


def test_header_line_without_a_digit_states_no_date() -> None:
    lines = ["Harbour wind farm approved", "Updated today", PAGE[3], PAGE[4]]
    assert extract_text_metadata(_layout(lines, [2, 3]), url=None).published is None


EN_TEXT = (
    "The city council voted on Tuesday to build a network of protected bike lanes across the old town, "
    "ending a debate that had divided residents and shop owners for more than two years. The plan, which "
    "will cost about 40 million euros, adds 35 kilometres of lanes separated from traffic by low concrete "
    "kerbs, and it removes parking from a dozen of the busiest streets. Opponents said that the loss of "
    "parking would hurt small shops in the centre, and a group of traders has already announced that it "
    "will challenge the decision in court next month. The first section, along the river, is due to open "
    "before the end of next year if the works are not delayed by the legal challenge or by the weather."
)
DE_TEXT = (
    "Der Stadtrat hat am Dienstag beschlossen, ein Netz geschützter Radwege durch die Altstadt zu bauen, "
    "und damit einen Streit beendet, der Anwohner und Ladenbesitzer seit mehr als zwei Jahren gespalten "
    "hatte. Der Plan, der etwa 40 Millionen Euro kosten wird, sieht 35 Kilometer Radwege vor, die durch "
    "niedrige Betonborde vom Verkehr getrennt sind, und er streicht Parkplätze in einem Dutzend der "
    "belebtesten Straßen. Gegner sagten, dass der Verlust der Parkplätze den kleinen Geschäften im "
    "Zentrum schaden werde, und eine Gruppe von Händlern hat bereits angekündigt, vor Gericht zu ziehen."
)


def test_language_is_read_from_the_text_in_english_and_german() -> None:
    assert detect_language(EN_TEXT)[0] == "en"
    assert detect_language(DE_TEXT)[0] == "de"


def test_opening_quote_in_another_language_does_not_decide_the_language() -> None:
    quote = DE_TEXT[:290]
    assert detect_language(quote + " " + EN_TEXT)[0] == "en"


def test_text_under_the_minimum_length_has_no_language() -> None:
    assert detect_language("Der Stadtrat hat beschlossen.") == (None, 0.0)


def test_an_updated_day_in_the_header_is_the_updated_field() -> None:
    lines = ["Wind farm approved", "Published: Mar 9, 2024", "Updated: Mar 11, 2024", PAGE[3], PAGE[4]]
    metadata = extract_text_metadata(_layout(lines, [3, 4]), url=None)
    assert (metadata.published, metadata.updated) == ("2024-03-09", "2024-03-11")


def test_a_bare_name_beside_the_date_gives_the_author() -> None:
    lines = ["Harbour wind farm approved", "Inês Carvalho", "March 9, 2024", PAGE[3], PAGE[4]]
    assert extract_text_metadata(_layout(lines, [3, 4]), url=None).authors == ["Inês Carvalho"]


def test_a_window_title_copied_as_the_headline_loses_its_short_trailing_parts() -> None:
    page = [PAGE[0], "Wind farm off the northern harbour wins final approval | Energy", *PAGE[2:]]
    metadata = extract_text_metadata(_layout(page, [3, 4, 5]), url=None)
    assert metadata.title == "Wind farm off the northern harbour wins final approval"


def test_the_copyright_holder_names_the_site_a_headline_line_loses() -> None:
    page = [
        PAGE[0],
        "Wind farm off the northern harbour wins final approval – Harbour Post",
        *PAGE[2:6],
        "© 2024 Harbour Post. All rights reserved.",
    ]
    metadata = extract_text_metadata(_layout(page, [3, 4, 5]), url=None)
    assert metadata.title == "Wind farm off the northern harbour wins final approval"


def test_a_co_author_with_initials_whose_note_names_him_again_stays_an_author() -> None:
    lines = [
        "Gazette",
        "Harbour wind farm approved",
        "By Jane Doe and TJ Quillon",
        "Mar 9, 2024",
        PAGE[3],
        PAGE[4],
        "TJ Quillon covers ports and shipping for the Gazette.",
    ]
    assert extract_text_metadata(_layout(lines, [4, 5]), url=None).authors == ["Jane Doe", "TJ Quillon"]
