"""A picture's caption that opens with the copyright sign ("© Jane Doe A nurse ...") sits inside the
article: it is a credit, not the page's copyright footer, so the article runs on below it.

Every fixture is written for these tests."""

from __future__ import annotations

from worker.clean.text import clean_text
from worker.clean.text_line_model import Flag
from worker.clean.text_lines import classify_lines, read_lines

HEADER = ["Valley Courier", "Clinic offers free flu shots at the shelter", "By Tom Berg | March 4, 2025"]
BEFORE = [
    "A group of nurses offered on Monday to give free flu shots to everyone staying at the town's "
    "winter shelter, after the council said it had no money left for a vaccination day this year.",
    "The nurses said they would bring their own vaccines and staff, and asked only for a room and "
    "a table, which the shelter's director promised to find before the end of the week.",
]
AFTER = [
    "The council has not yet answered, and a spokesman said the request would be discussed at the "
    "next meeting, which is set for the last Thursday of the month at the town hall.",
    "Flu season has already begun in the valley, and doctors say that crowded rooms in winter are "
    "where the virus spreads fastest among people who have nowhere else to sleep at night.",
]
CAPTION = "© Jane Doe A nurse prepares a flu shot at the clinic on Main Street on March 3, 2025."
FOOTER = ["© 2025 Valley Courier Media. Reproduction of this page is forbidden without consent."]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks)


def _flag(line: str) -> Flag:
    lines = read_lines(line)
    classify_lines(lines)
    return lines[0].flag


def test_a_caption_opening_with_the_sign_does_not_end_the_article() -> None:
    page = _page(HEADER, *([p] for p in BEFORE), [CAPTION], *([p] for p in AFTER), FOOTER)
    assert clean_text(page).paragraphs == [*BEFORE, *AFTER]


def test_a_caption_opening_with_the_sign_is_a_credit() -> None:
    assert _flag(CAPTION) is Flag.CREDIT


def test_a_copyright_line_giving_its_year_first_is_the_footer() -> None:
    assert _flag(FOOTER[0]) is Flag.FOOTER


def test_a_short_copyright_line_without_a_year_is_the_footer() -> None:
    assert _flag("© Valley Courier Media") is Flag.FOOTER
