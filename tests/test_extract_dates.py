"""Dates: what pages write, read into ISO 8601; nothing in the future, no bare copyright year."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.extract.dates import (
    DateRole,
    DayOrder,
    date_from_url,
    dates_in_text,
    parse_date,
    plausible,
    reading_page_in,
    role_before,
    says_first_published,
    stated_first_day,
    swapped,
    two_digit_year_day,
)

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def test_iso_datetime_keeps_its_offset() -> None:
    assert parse_date("2025-02-13T09:30:00+01:00") == "2025-02-13T09:30:00+01:00"


def test_zulu_time_becomes_utc_offset() -> None:
    assert parse_date("2025-02-13T09:30:00.123Z") == "2025-02-13T09:30:00+00:00"


def test_negative_offset_without_colon_is_read() -> None:
    assert parse_date("2025-02-13T09:30:00-0500") == "2025-02-13T09:30:00-05:00"


def test_date_without_time_stays_a_day() -> None:
    assert parse_date("2025-02-13") == "2025-02-13"


def test_rfc_2822_date_is_read() -> None:
    assert parse_date("Thu, 13 Feb 2025 09:30:00 GMT") == "2025-02-13T09:30:00+00:00"


def test_rfc_2822_date_with_a_two_digit_year_is_read() -> None:
    assert parse_date("Thu, 13 Feb 25 09:30:00 GMT") == "2025-02-13T09:30:00+00:00"


def test_unix_timestamp_in_seconds_or_milliseconds_is_read() -> None:
    assert parse_date("1739439000") == parse_date("1739439000123") == "2025-02-13T09:30:00+00:00"


def test_written_date_with_clock_and_zone() -> None:
    assert parse_date("Feb. 13, 2025 3:04 pm EST") == "2025-02-13T15:04:00-05:00"


def test_french_written_date() -> None:
    assert parse_date("13 février 2025") == "2025-02-13"


def test_german_day_first_date() -> None:
    assert parse_date("13.02.2025") == "2025-02-13"


def test_bare_year_is_no_date() -> None:
    assert parse_date("© 2024 Example Media") is None


def test_future_date_is_refused() -> None:
    assert plausible("2025-09-01", NOW) is None


def test_future_time_today_is_refused() -> None:
    assert plausible("2025-06-01T18:00:00+00:00", NOW) is None


def test_past_date_is_kept() -> None:
    assert plausible("2025-05-31T08:00:00+02:00", NOW) == "2025-05-31T08:00:00+02:00"


def test_date_before_the_web_news_era_is_refused() -> None:
    assert plausible("1970-01-01", NOW) is None


def test_url_path_date() -> None:
    assert date_from_url("https://news.example/2025/02/13/nato-talks/") == "2025-02-13"


def test_url_without_date_gives_none() -> None:
    assert date_from_url("https://news.example/world/nato-talks-123456") is None


def test_slashed_date_in_text_is_month_first() -> None:
    assert [day for _, day in dates_in_text("Posted 8/1/2025 by staff")] == ["2025-08-01"]


def test_dates_in_text_come_in_page_order() -> None:
    days = [day for _, day in dates_in_text("Updated March 5, 2025. First published 2 January 2024.")]
    assert days == ["2025-03-05", "2024-01-02"]


def test_label_before_a_date_says_it_is_an_update() -> None:
    text = "By Jane Doe, Last updated: "
    assert role_before(text, len(text)) is DateRole.UPDATED


def test_label_before_a_date_in_spanish_says_it_is_the_publication() -> None:
    text = "Por Juana Pérez | Publicado el "
    assert role_before(text, len(text)) is DateRole.PUBLISHED


def test_label_of_an_earlier_date_is_not_this_dates() -> None:
    text = "Published Apr 26, 2023 "
    assert role_before(text, len(text)) is None


def test_url_with_a_month_name_gives_the_day() -> None:
    assert date_from_url("https://example.org/blog/2023/october/03/wine-styles/") == "2023-10-03"


def test_url_with_a_french_month_name_gives_the_day() -> None:
    assert date_from_url("https://example.fr/2023/octobre/03/vins/") == "2023-10-03"


def test_day_and_month_read_the_other_way_round() -> None:
    assert swapped("2023-03-10") == "2023-10-03"


def test_dashed_numeric_date_in_text_is_day_first_unless_the_page_is_american() -> None:
    assert dates_in_text("Filed 05-03-2024") == [(6, "2024-03-05")]
    assert dates_in_text("Filed 05-03-2024", order=DayOrder.DAY_FIRST) == [(6, "2024-03-05")]
    assert dates_in_text("Filed 05-03-2024", order=DayOrder.MONTH_FIRST) == [(6, "2024-05-03")]


def test_slashed_numeric_date_in_text_is_month_first_in_english_of_no_region() -> None:
    assert dates_in_text("Filed 05/03/2024") == [(6, "2024-05-03")]
    assert dates_in_text("Filed 05/03/2024", order=DayOrder.DAY_FIRST) == [(6, "2024-03-05")]


def test_numeric_date_read_the_other_way_round_when_only_that_is_a_real_day() -> None:
    assert dates_in_text("Filed 25-03-2024", order=DayOrder.MONTH_FIRST) == [(6, "2024-03-25")]
    assert dates_in_text("Filed 03/25/2024", order=DayOrder.DAY_FIRST) == [(6, "2024-03-25")]


def test_stated_first_day_is_the_date_right_after_the_words() -> None:
    text = "Text. Erstmals veröffentlicht am 3.2.2021, zuletzt geändert am 5.6.2024."
    assert stated_first_day(text, order=DayOrder.DAY_FIRST) == "2021-02-03"


def test_stated_first_day_is_not_a_date_further_on() -> None:
    assert stated_first_day("Originally published in March 2022. Last updated on December 20, 2024.") is None


def test_stated_first_day_is_not_a_quoted_posts_header() -> None:
    assert stated_first_day("Originally Posted by harbourfan on 12 May 2023: the ferry is late") is None


def test_a_reader_saying_when_they_first_posted_is_no_first_day() -> None:
    assert stated_first_day("I first posted on 3 Jan 2020 about the ferry.") is None


def test_polish_and_russian_dates_in_the_genitive() -> None:
    assert parse_date("3 maja 2024, 14:05") == "2024-05-03T14:05:00"
    assert parse_date("17 сентября 2023") == "2023-09-17"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("12. März 201812. März 2018 von Redaktion", "2018-03-12"),
        ("09/10/202109/10/2021 ~ Jo Doe", "2021-10-09"),
        ("30.06.201730.06.2017", "2017-06-30"),
    ],
)
def test_a_date_printed_twice_with_nothing_between_is_still_read(written: str, day: str) -> None:
    assert (parse_date(written) or "")[:10] == day
    assert dates_in_text(written, order=DayOrder.DAY_FIRST)[0][1] == day


def test_a_year_running_into_other_digits_is_no_date() -> None:
    assert dates_in_text("Order 12/03/20195 shipped") == []


def test_two_digit_years_are_read_only_where_the_page_is_read_with_them() -> None:
    assert dates_in_text("19.10.19, 11:29 Uhr") == []
    with reading_page_in(DayOrder.DAY_FIRST, two_digit_years=True):
        assert dates_in_text("19.10.19, 11:29 Uhr") == [(0, "2019-10-19")]
        assert two_digit_year_day("Erstellt am 01.02.23 um 08:35") == "2023-02-01"


def test_a_version_or_a_decimal_is_no_two_digit_year_date() -> None:
    with reading_page_in(DayOrder.DAY_FIRST, two_digit_years=True):
        assert dates_in_text("Release 1.10.19.2 and a rate of 3.10.19,5 percent") == []


@pytest.mark.parametrize("filler", ["", "The ferry ran late again. " * 200])
def test_words_saying_a_piece_first_appeared_are_found_in_any_case_in_a_line_or_a_page(filler: str) -> None:
    assert says_first_published(f"{filler}This story was ORIGINALLY PUBLISHED in the harbour weekly.")


@pytest.mark.parametrize("filler", ["", "The ferry ran late again. " * 200])
def test_a_text_without_those_words_does_not_say_so(filler: str) -> None:
    assert not says_first_published(f"{filler}Published on 3 May 2024, updated since.")


def test_a_year_ending_a_sentence_before_a_capitalised_month_is_no_date() -> None:
    """Hungarian writes the year first ("2025. március 12."); a sentence ending on a year is not that."""
    assert parse_date("The firm was founded in 2019. May 5 saw its first sale.") is None
    assert parse_date("Budapest, 2024. április 3. reggel") is not None
