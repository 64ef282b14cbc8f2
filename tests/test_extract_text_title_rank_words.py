"""The re-ranker's word look-ups (`text_title_shapes.uses`) and the byline test's opener check
(`text_signs.is_byline`): the faster ways give what parting the text into words and the full byline
test gave. The lines here are written for the purpose.
"""

from __future__ import annotations

import re

import pytest

from worker.extract.text_signs import is_byline
from worker.extract.text_title_shapes import uses

_WORD = re.compile(r"\w+")

PROSE = (
    "the harbour_master said the ferries would run again on 12 march, "
    "once the new pier at kópavogur is open; café owners welcome the news"
)


@pytest.mark.parametrize(
    "word",
    ["harbour_master", "harbour", "master", "ferries", "ferr", "march", "12", "kópavogur", "vogur",
     "café", "caf", "news", "new", "pier", "owners", "owner", "welcome", "the"],
)  # fmt: skip
def test_uses_agrees_with_the_text_parted_into_words(word: str) -> None:
    assert uses(PROSE, word) == (word in set(_WORD.findall(PROSE)))


def test_uses_finds_a_word_after_a_copy_inside_a_longer_one() -> None:
    assert uses("snowfall and snow", "snow")
    assert not uses("snowfall and snowy", "snow")
    assert uses("snow", "snow")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe", True),
        ("by: Jane Doe", True),
        ("ByJane Doe", True),
        ("Written by Jane Doe", True),
        ("Reviewed by Jane Doe", False),
        ("Photos by Jane Doe", False),
        ("Bypass roads reopen after the storm", False),
        ("The mayor said by Friday the roads would reopen", False),
        ("By Jane Doe and John Roe with reporting from a dozen people across the region today", False),
        ("", False),
    ],
)
def test_is_byline_tells_lines_with_no_opener_early(line: str, byline: bool) -> None:
    assert is_byline(line) is byline
