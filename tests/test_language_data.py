"""The words of each language are whole: twelve months, seven weekdays, and what a date reads."""

from __future__ import annotations

import pytest

from worker.extract.dates import parse_date
from worker.extract.languages.data import LANGUAGES


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_each_language_gives_twelve_months_and_no_or_seven_weekdays(code: str) -> None:
    words = LANGUAGES[code]
    assert len(words.months) == 12
    assert len(words.weekdays) in {0, 7}


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_months_full_name_reads_as_that_month(code: str) -> None:
    for number, spellings in enumerate(LANGUAGES[code].months, start=1):
        assert parse_date(f"14 {spellings[0]} 2024") == f"2024-{number:02d}-14"
