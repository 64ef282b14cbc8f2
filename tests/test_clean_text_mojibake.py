"""A page whose UTF-8 was read as Windows-1252 or Latin-1 before it was copied gives its body back
in the characters the author wrote.

Every fixture is written for these tests, in the shape of a page copied whole from a browser."""

from __future__ import annotations

from worker.clean.mojibake import fix_mojibake
from worker.clean.text import clean_text

HEADER = ["Harbourside Weekly", "Ferry link to the islands approved", "By Ana Ruiz | March 4, 2025"]
BODY = [
    "The council’s vote approved the new ferry link to the islands on Tuesday, after two years of "
    "hearings that drew hundreds of residents to the town hall and filled its gallery every week.",
    "The first boats are expected to sail next spring — once the old pier has been rebuilt and the "
    "harbour dredged so that larger vessels can dock at low tide without any risk.",
    "Islanders have asked for a daily service for decades, and the operator says the crossing will "
    "take forty minutes, half the time of the private boats that run today in summer.",
    "The cost of the link, about twelve million, will be shared by the region and the state, which "
    "agreed last month to pay for the new terminal building and its car park as well.",
]
FOOTER = ["Related stories", "Harbour fees rise again", "Copyright 2025 Harbourside Weekly."]


def _page(lines: list[str]) -> str:
    return "\n\n".join(["\n".join(HEADER), *lines, "\n".join(FOOTER)])


def _misread(text: str, encoding: str) -> str:
    return text.encode("utf-8").decode(encoding)


def test_body_read_as_latin_1_comes_back_as_written() -> None:
    page = _page([_misread(line, "latin-1") for line in BODY])
    assert clean_text(page).paragraphs == BODY


def test_body_read_as_windows_1252_comes_back_as_written() -> None:
    page = _page([_misread(line, "cp1252") for line in BODY])
    assert clean_text(page).paragraphs == BODY


def test_the_page_lines_keep_what_the_page_printed() -> None:
    """The lines are classed, and the header read, as printed; only the body handed on is repaired."""
    page = _page([_misread(line, "latin-1") for line in BODY])
    assert _misread(BODY[0], "latin-1") in clean_text(page).lines


def test_a_page_that_was_read_right_is_left_alone() -> None:
    assert clean_text(_page(BODY)).paragraphs == BODY


def test_a_line_mixing_a_misreading_with_a_true_curly_quote_is_left_alone() -> None:
    """No single misreading explains it, so no repair is sure."""
    line = "It’s here" + _misread(" — it’s there", "latin-1")
    assert fix_mojibake(line) == line


def test_latin_letters_of_a_language_are_not_taken_for_a_misreading() -> None:
    line = "À São Paulo, l’été est très chaud et les Âges sont passés."
    assert fix_mojibake(line) == line
