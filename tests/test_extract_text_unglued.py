"""Spaces a copy lost inside a byline put back (`text_signs.unglued`): after "By", and before a month or
a date label glued to the name, in any script; never inside a name's own capitals. Lines written for
the purpose."""

from __future__ import annotations

import pytest

from worker.extract.text_signs import unglued


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("ByJane DoeUpdated January 5, 2025", "By Jane Doe Updated January 5, 2025"),
        ("By Ivan PetrovЯнваря 5, 2024", "By Ivan Petrov Января 5, 2024"),
        ("By Ana RuizPublished: 3 March 2025", "By Ana Ruiz Published: 3 March 2025"),
    ],
)
def test_a_space_goes_back_before_a_glued_month_or_label(glued: str, spaced: str) -> None:
    assert unglued(glued) == spaced


@pytest.mark.parametrize("byline", ["By Cottage CareTeam", "By Ron McDonald", "By Jane Doe, March 5"])
def test_a_name_s_own_capitals_keep_their_place(byline: str) -> None:
    assert unglued(byline) == byline
