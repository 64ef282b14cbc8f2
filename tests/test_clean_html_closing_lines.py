"""The post's closing lines, set right under its last paragraph in the article's own box: short
replies ending a dialogue, one under another, and the author's sign-off (a greeting and a name) are
the article's; a credit, a date or a classed share line in that place is not. Each page is written
here."""

from __future__ import annotations

import pytest

from worker.clean import clean_html
from worker.parse import parse_html

STORY = [
    "The night ferry left the harbour an hour late, and the deckhand spent most of the crossing "
    "leaning on the rail beside the lifeboats, talking to a passenger who could not sleep.",
    "Somewhere past the lighthouse the passenger turned to him and said what had been on his mind "
    "since they cast off, and the deckhand listened without looking away from the water.",
    "„I know I have had too much wine and should probably not say this.“",
]
FOOTER = "<div class='share-box'><a href='/share/mail'>Mail</a> <a href='/share/print'>Print</a></div>"


def _clean(lines: str) -> list[str]:
    story = "".join(f"<p>{text}</p>" for text in STORY)
    html = (
        "<html><head><title>Night ferry</title></head><body><div class='wrap'><h1>Night ferry</h1>"
        f"<div class='post'>{story}{lines}</div>{FOOTER}</div></body></html>"
    )
    return clean_html(parse_html(html), rules_only=True)


def test_short_replies_closing_a_dialogue_are_kept_line_by_line() -> None:
    assert _clean("<p>– „Then don't.“</p><p>– „Fine.“</p>") == [*STORY, "– „Then don't.“", "– „Fine.“"]


@pytest.mark.parametrize("sign_off", ["Cheers, Anna", "Your editors", "Euer Jan-Ole"])
def test_the_authors_sign_off_under_the_last_paragraph_is_kept(sign_off: str) -> None:
    assert _clean(f"<p>{sign_off}</p>") == [*STORY, sign_off]


@pytest.mark.parametrize(
    "line",
    [
        "<p>Photo: Anna Berg</p>",
        "<p>abc/XYZ</p>",
        "<p>12 March 2024</p>",
        "<div class='share-title'>Share this story</div>",
    ],
)
def test_a_credit_a_date_or_a_share_line_in_that_place_is_not_a_sign_off(line: str) -> None:
    assert _clean(line) == STORY


@pytest.mark.parametrize("line", ["Tags", "Filed under Politics", "Editor's Picks", "Skip to content"])
def test_a_label_a_section_head_or_a_button_the_markers_name_is_not_a_sign_off(line: str) -> None:
    assert _clean(f"<p>{line}</p>") == STORY
