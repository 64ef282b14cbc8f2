"""Days the copy glued to the words around them, and the day orders some languages write with spaces:
a day read where a name, a place or a label runs into it ("Jane Doe19.10.2019", "Jane DoeNovember 6,
2023", "4.03.2018von Jane"), never inside a word."""

from __future__ import annotations

import pytest

from worker.extract.dates import DateRole, dates_in_text, parse_date, role_before


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Greta Wendholm19.10.2019, 05:00 Uhr", "2019-10-19"),
        ("Hafenamt Eastport2. Oktober 2015 - 12:33", "2015-10-02"),
        ("by Greta WendholmNovember 20, 2007", "2007-11-20"),
        ("ByGreta WendholmMar 5, 2025 | 6 comments", "2025-03-05"),
        ("FeatureNovember 22, 2018", "2018-11-22"),
    ],
)
def test_a_day_glued_to_the_word_before_it_is_read(written: str, day: str) -> None:
    assert [found for _, found in dates_in_text(written)] == [day]
    assert (parse_date(written) or "")[:10] == day


def test_a_year_glued_to_the_word_after_it_is_read() -> None:
    assert dates_in_text("4.03.2018von Greta Wendholm") == [(0, "2018-03-04")]


def test_a_month_name_in_lowercase_inside_a_word_is_no_day() -> None:
    assert dates_in_text("the primary 5, 2020 ballots") == []


def test_a_day_and_year_parted_by_a_full_stop_are_read() -> None:
    assert parse_date("December 19. 2025") == "2025-12-19"


@pytest.mark.parametrize(
    ("written", "day"), [("13. 1. 2020", "2020-01-13"), ("14. 01. 2020, 13:47", "2020-01-14")]
)
def test_day_and_month_each_with_a_full_stop_and_a_space_are_read_day_first(written: str, day: str) -> None:
    assert dates_in_text(written) == [(0, day)]
    assert parse_date(written) == day


def test_last_update_labels_an_update() -> None:
    assert role_before("Last update: July 16, 2025", len("Last update: ")) is DateRole.UPDATED


@pytest.mark.parametrize(
    "written",
    [
        "the COVID19 March 2020 lockdown",
        "the Galaxy S20 March 2020 launch",
        "an MP3 May 2020 playlist",
        "Download v2.3.2020 now",
    ],
)
def test_a_number_ending_a_code_or_a_version_is_no_glued_day(written: str) -> None:
    assert dates_in_text(written) == []


@pytest.mark.parametrize("written", ["CHECKOUT 5, 2020 ORDERS", "SUNSET 12, 2019 CRUISE"])
def test_a_month_name_ending_a_word_in_capitals_is_no_glued_day(written: str) -> None:
    assert dates_in_text(written) == []


def test_numbers_of_a_list_before_a_year_are_no_day() -> None:
    assert dates_in_text("Steps 1. 2. 3. 2020 edition") == []
