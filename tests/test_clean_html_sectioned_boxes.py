"""A box whose class reads as a caption's, a byline's or a "more" link's holds only short furniture;
one that holds subheadings each over a paragraph is a run of the article's sections, whatever its
class says. Each page is written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.parse import parse_html

LEAD = [
    "The county library reopened its reading room on Monday after a year of repairs to the roof, "
    "and the librarians say the new skylights have made it the brightest room in the building.",
    "Visitors can again borrow from the local history collection, which was packed into crates "
    "and stored in the basement of the town hall while the builders worked on the upper floors.",
]
SECTIONS = [
    ("Reading room", "Forty desks stand under the skylights, each with a lamp and a socket for a laptop."),
    ("Map archive", "The county's old maps can be seen on request, two at a time, at the archive desk."),
    ("Children's corner", "Story hour is back on Saturday mornings, read by volunteers from the school."),
]


def _page(box_class: str, sections: list[tuple[str, str]]) -> str:
    lead = "".join(f"<p>{text}</p>" for text in LEAD)
    items = "".join(f"<li><h2>{head}</h2><p>{text}</p></li>" for head, text in sections)
    return (
        "<html><head><title>Library reopens</title></head><body><main><h1>Library reopens</h1>"
        f"{lead}<section class='{box_class}'><h2>What is new</h2><ul>{items}</ul></section>"
        "</main></body></html>"
    )


def test_a_more_named_box_of_subheaded_paragraphs_is_the_articles_text() -> None:
    paragraphs = clean_html(parse_html(_page("more-features", SECTIONS)), rules_only=True)
    assert [text for _, text in SECTIONS] == [p for p in paragraphs if p in {t for _, t in SECTIONS}]


def test_a_more_named_box_with_one_subheaded_paragraph_is_still_furniture() -> None:
    paragraphs = clean_html(parse_html(_page("more-features", SECTIONS[:1])), rules_only=True)
    assert SECTIONS[0][1] not in paragraphs
