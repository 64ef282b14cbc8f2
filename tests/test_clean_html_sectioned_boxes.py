"""A box whose class reads as a caption's, a byline's or a "more" link's holds only short furniture;
one that holds subheadings each over a paragraph is a run of the article's sections, whatever its
class says. Each page is written here."""

from __future__ import annotations

from bs4 import BeautifulSoup

from worker.clean import clean_html
from worker.clean.html_furniture_size import is_furniture_sized
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


def test_a_gallery_of_short_captions_under_photo_headings_is_furniture() -> None:
    captions = [(f"Photo {n} of 3", f"Readers in the new reading room, picture {n}.") for n in (1, 2, 3)]
    paragraphs = clean_html(parse_html(_page("gallery", captions)), rules_only=True)
    assert not any("picture" in p for p in paragraphs)


def test_linked_headings_over_paragraphs_do_not_make_a_box_sectioned() -> None:
    long = [(head, text + " It is open every day of the week from nine.") for head, text in SECTIONS]
    linked = "".join(
        f"<h3><a href='/s/{n}'>{head}</a></h3><p>{text}</p>" for n, (head, text) in enumerate(long)
    )
    plain = "".join(f"<h3>{head}</h3><p>{text}</p>" for head, text in long)
    for box, sized in ((linked, True), (plain, False)):
        tag = BeautifulSoup(f"<div class='more-stories'>{box}</div>", "html.parser").div
        assert is_furniture_sized(tag, 10_000) is sized


def test_subheadings_over_text_set_straight_after_them_make_a_box_sectioned() -> None:
    # An older page sets each section's text right after its subheading, parted by <br>, with no <p>.
    long = [(head, text + " It is open every day of the week from nine.") for head, text in SECTIONS]
    box = "".join(f"<h3>{head}</h3>{text}<br><br>" for head, text in long)
    tag = BeautifulSoup(f"<div class='more-stories'>{box}</div>", "html.parser").div
    assert is_furniture_sized(tag, 10_000) is False


def test_a_subheading_over_a_short_line_and_a_link_is_not_a_section() -> None:
    # A teaser box: each heading stands over a short line, then its "read more" link.
    box = "".join(f"<h3>{head}</h3>Open daily. <a href='/s'>Read more</a><br>" for head, _ in SECTIONS)
    tag = BeautifulSoup(f"<div class='more-stories'>{box}</div>", "html.parser").div
    assert is_furniture_sized(tag, 10_000) is True


def test_a_subheading_over_a_linked_headline_set_straight_after_it_is_not_a_section() -> None:
    # A "more stories" box of older markup: each subheading stands over the headline of another page,
    # linked, and a <br>. The link's words are the other page's, not a paragraph of the box.
    headline = "The council's plan for the northern pier and what it means for the ferries and the boats"
    linked = f"<a href='/story'>{headline}</a>"
    box = "".join(f"<h3>{head}</h3>{linked}<br>" for head, _ in SECTIONS)
    tag = BeautifulSoup(f"<div class='more-stories'>{box}</div>", "html.parser").div
    assert is_furniture_sized(tag, 10_000) is True
