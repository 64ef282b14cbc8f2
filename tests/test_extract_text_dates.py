"""The publish day of a page copied as text whose header shows no date line, read as a reader reads it:
a caption's date the lead's weekday confirms, or the first date line, signed or labelled below the lead.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.document import Document, InputKind
from worker.extract.dates import DayOrder, dates_in_text, parse_date
from worker.extract.text_dates import day_told_by_lead, first_date_line, named_weekdays, page_day_order
from worker.extract.text_header import read_header
from worker.extract.text_signs import date_of_line
from worker.pipeline import extract_article

# An invented page of the shape a wire story takes when copied from a broadcaster's site: chrome, the
# headline, a photo caption carrying a date, then a lead that names only the weekday.
CAPTION_PAGE = "\n\n".join(
    [
        "Skip to content",
        "Top Stories",
        "Harbour Council Backs New Ferry Link After Long Dispute",
        "The mayor of Eastport, right, and the harbour master leave the council chamber after the vote "
        "in Eastport, March 6, 2025.",
        "The Eastport harbour council approved a new ferry link to the islands, its mayor said Thursday, "
        "ending a dispute that had divided the town for two years.",
        "The first boats are expected to sail next spring, once the pier has been rebuilt and the "
        "timetable agreed with the island communities.",
        "Opponents said the council had ignored the cost of dredging the channel and promised to take "
        "the decision to the regional court before the end of the year.",
        "Supporters answered that the link would bring visitors and trade to the islands, whose "
        "population has fallen for a decade.",
    ]
)
NOW = datetime(2026, 1, 1, tzinfo=UTC)
LEAD = "The council approved the new ferry link to the islands, its mayor said Thursday, after long hearings."
SECOND = "The first boats are expected to sail next spring, once the pier has been rebuilt and paid for."


def test_caption_date_confirmed_by_the_weekday_the_lead_names_is_the_publish_day() -> None:
    article = extract_article(Document(CAPTION_PAGE, InputKind.TEXT, None), now=NOW)
    assert article.metadata.published == "2025-03-06"  # a Thursday


def test_caption_date_on_another_weekday_than_the_lead_names_is_not_taken() -> None:
    lines = ["Ferry link approved", "The harbour in Eastport, March 5, 2025.", LEAD, SECOND]
    assert day_told_by_lead(lines, 0, 2) is None  # 5 March 2025 was a Wednesday


def test_weekdays_named_in_other_languages_are_read() -> None:
    assert named_weekdays("Der Bürgermeister sagte am Donnerstag, ...") == {3}
    assert named_weekdays("Le maire a déclaré jeudi que ...") == {3}


def test_date_line_above_a_long_menu_gives_the_day_when_the_header_shows_none() -> None:
    lines = ["Example Blog", "April 2, 2024", "Ferry link approved", LEAD, SECOND]
    assert first_date_line(lines, 3) == "2024-04-02"


def test_unsigned_date_below_the_lead_is_no_publish_day() -> None:
    lines = ["Ferry link approved", LEAD, SECOND, "Related", "March 9, 2025"]
    assert first_date_line(lines, 1) is None


def test_comment_stamp_under_a_commenter_is_no_publish_day() -> None:
    lines = ["Ferry link approved", LEAD, SECOND, "Jane Roe says:", "March 9, 2025 at 13:01"]
    assert first_date_line(lines, 1) is None


def test_signed_date_line_below_the_lead_gives_the_day() -> None:
    lines = ["Ferry link approved", LEAD, SECOND, "Written by Ana Ruiz", "March 9, 2025"]
    assert read_header(lines, [1, 2]).published == "2025-03-09"


def test_labelled_line_with_more_after_its_date_gives_the_first_day() -> None:
    line = (
        "Published: Mar 8, 2024 · Modified: May 19, 2025 by Ana Ruiz · This post may contain affiliate links"
    )
    assert first_date_line(["Ferry link approved", line, LEAD, SECOND], 2) == "2024-03-08"


def test_copyright_line_gives_no_publish_day() -> None:
    assert first_date_line(["© March 9, 2025 Example News", LEAD, SECOND], 1) is None


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2019年11月28日", "2019-11-28"),
        ("2019년 11월 28일", "2019-11-28"),
        ("28. listopadu 2019", "2019-11-28"),
        ("04-ago-2021 5:11", "2021-08-04"),
        ("12 ekim 2023", "2023-10-12"),
        ("3 мая 2024", "2024-05-03"),
    ],
)
def test_dates_written_in_other_languages_are_read(written: str, day: str) -> None:
    assert (parse_date(written) or "")[:10] == day


def test_year_glued_to_its_time_is_still_read() -> None:
    assert parse_date("October 17, 20236:01 PM ET") == "2023-10-17T18:01:00"


def test_month_first_numeric_date_line_is_read_where_day_first_cannot_be() -> None:
    assert dates_in_text("06.18.2025") == [(0, "2025-06-18")]


def test_date_after_the_extraction_time_is_dropped() -> None:
    page = CAPTION_PAGE.replace("March 6, 2025", "March 6, 2031").replace("2025", "2031")
    article = extract_article(Document(page, InputKind.TEXT, None), now=NOW)
    assert article.metadata.published is None


def test_of_two_unlabelled_dates_glued_on_one_line_the_earlier_is_the_publish_day() -> None:
    lines = ["Ferry link approved", "May 21, 2025April 24, 2025 by Ana Ruiz", LEAD, SECOND]
    header = read_header(lines, [2, 3])
    assert (header.published, header.updated) == ("2025-04-24", None)


def test_update_and_original_publication_on_one_line_each_keep_their_role() -> None:
    line = "Updated Nov 11, 2022 · Originally published Nov 9, 2022"
    header = read_header(["Ferry link approved", line, LEAD, SECOND], [2, 3])
    assert header.published == "2022-11-09"
    assert header.updated == "2022-11-11"


def test_article_saying_when_it_first_appeared_outranks_the_update_shown_in_the_header() -> None:
    note = "This story was originally published on 26 Sep 2019 and has been updated since to stay current."
    lines = ["Ferry link approved", "Updated Feb 3, 2024", LEAD, note, SECOND]
    header = read_header(lines, [2, 3, 4])
    assert (header.published, header.updated) == ("2019-09-26", "2024-02-03")


def test_slashed_date_line_reads_month_first_as_running_text_does() -> None:
    header = read_header(["Ferry link approved", "10/12/2023 7:38 PM | 3 minute read", LEAD, SECOND], [2, 3])
    assert (header.published or "")[:10] == "2023-10-12"


# An invented Spanish page: chrome, the headline, a byline with a slashed date, the article.
SPANISH_PAGE = "\n\n".join(
    [
        "Inicio",
        "Noticias",
        "El ayuntamiento aprueba el nuevo enlace de ferry con las islas",
        "Por Ana Ruiz | 07/05/2022 20:06",
        "El ayuntamiento del puerto aprobó el nuevo enlace de ferry con las islas después de dos años de "
        "debate, según explicó la alcaldesa en una rueda de prensa celebrada en la sede municipal.",
        "Los primeros barcos saldrán la próxima primavera, cuando el muelle esté reconstruido y el horario "
        "se haya acordado con las comunidades de las islas, que llevan años esperando una conexión.",
        "Los opositores dijeron que el consejo había ignorado el coste del dragado del canal y prometieron "
        "llevar la decisión a los tribunales antes de que termine el año, si nada cambia antes.",
    ]
)


def test_a_page_in_a_language_other_than_english_writes_its_slashed_dates_day_first() -> None:
    article = extract_article(Document(SPANISH_PAGE, InputKind.TEXT, None), now=NOW)
    assert (article.metadata.published or "")[:10] == "2022-05-07"


def test_an_english_page_whose_own_dates_show_the_day_first_is_read_day_first() -> None:
    lines = ["Ferry link approved", "12/04/2020 by Kay", LEAD, SECOND, "Jo", "14/04/2020 at 3:00 pm"]
    assert page_day_order(lines, "en") is DayOrder.DAY_FIRST


def test_a_date_whose_second_number_is_past_twelve_shows_the_month_first() -> None:
    assert page_day_order(["Posted 04-14-2020", "05/08/2019"], "de") is DayOrder.MONTH_FIRST


def test_a_page_showing_both_orders_is_read_by_its_language() -> None:
    lines = ["14/04/2020", "04/15/2020"]
    assert page_day_order(lines, "es") is DayOrder.DAY_FIRST
    assert page_day_order(lines, "en") is DayOrder.SLASHED_MONTH_FIRST


def test_english_of_no_stated_region_keeps_slashes_month_first() -> None:
    assert page_day_order(["Ferry link approved", "10/12/2023 7:38 PM"], "en") is DayOrder.SLASHED_MONTH_FIRST
    assert page_day_order(["Ferry link approved"], None) is DayOrder.SLASHED_MONTH_FIRST


HEADER_RUN_ON = "14. März 2024 @ 18:13 // Autor: Jo Weber // Lesezeit: 3 Minuten // Kategorien: Hafen, Stadt"


def test_a_long_header_line_opening_with_the_date_gives_the_day() -> None:
    assert first_date_line(["Ferry link approved", HEADER_RUN_ON, LEAD, SECOND], 2) == "2024-03-14"


def test_a_long_line_opening_with_a_date_far_above_the_lead_is_a_teasers() -> None:
    menu = ["Home", HEADER_RUN_ON, *(f"Section {n}" for n in range(8)), "Ferry link approved"]
    assert first_date_line([*menu, LEAD, SECOND], len(menu)) is None


def test_below_the_lead_a_date_opening_a_line_counts_when_a_name_signs_it() -> None:
    signed = "März 14, 2024 von Andrea Kategorien: Hafen | Einen Kommentar hinterlassen"
    unsigned = "März 14, 2024 Kategorien: Hafen | Einen Kommentar hinterlassen"
    assert first_date_line(["Ferry link approved", LEAD, SECOND, signed], 1) == "2024-03-14"
    assert first_date_line(["Ferry link approved", LEAD, SECOND, unsigned], 1) is None


def test_a_header_showing_only_an_update_takes_the_publication_labelled_below_the_lead() -> None:
    lines = ["Ferry link approved", "Updated: April 11, 2024", LEAD, SECOND, "Published: April 3, 2024"]
    header = read_header(lines, [2, 3])
    assert (header.published, header.updated) == ("2024-04-03", "2024-04-11")


def test_a_text_page_printing_its_date_with_a_two_digit_year_gives_the_day() -> None:
    page = SPANISH_PAGE.replace("Por Ana Ruiz | 07/05/2022 20:06", "Por Ana Ruiz | 07.05.22, 20:06")
    article = extract_article(Document(page, InputKind.TEXT, None), now=NOW)
    assert (article.metadata.published or "")[:10] == "2022-05-07"


def test_german_publication_labels_say_publication_below_the_lead() -> None:
    for label in ("Publiziert", "Erstellt am", "Eingetragen am"):
        lines = ["Ferry link approved", LEAD, SECOND, f"{label} 02.03.2022 um 09:23"]
        assert first_date_line(lines, 1) == "2022-03-02", label


def test_a_signed_line_dating_the_piece_with_a_two_digit_year_gives_the_day() -> None:
    signed = "von Jo Weber Erstellt am 02.03.22 um 09:23, geändert am 02.03.22 um 09:23"
    page = SPANISH_PAGE.replace("Por Ana Ruiz | 07/05/2022 20:06", signed)
    article = extract_article(Document(page, InputKind.TEXT, None), now=NOW)
    assert (article.metadata.published or "")[:10] == "2022-03-02"


def test_a_linked_address_holding_a_day_in_its_path_dates_no_page() -> None:
    source = "https://news.example.org/harbour/2017/02/14/ferry-link-vote/"
    page = SPANISH_PAGE.replace("Los opositores", f"{source}\n\nLos opositores")
    article = extract_article(Document(page, InputKind.TEXT, None), now=NOW)
    assert (article.metadata.published or "")[:10] == "2022-05-07"
    assert date_of_line(source) is None


def test_an_embedded_posts_signature_dates_the_post_not_the_page() -> None:
    assert date_of_line("— Ana Ruiz (@anaruiz_port) March 3, 2024") is None
    assert date_of_line("March 3, 2024") == "2024-03-03"
