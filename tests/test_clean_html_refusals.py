"""Pages refused as "not an article" that hold one all the same, and the ones still refused: a photo
page whose one sentence is the picture's caption, an old page that wraps each paragraph in a named
anchor (<a name>, which links nowhere). Each page is written here."""

from __future__ import annotations

import pytest

from worker.clean.html_fallback import candidate_lines
from worker.document import InputKind, load_document
from worker.errors import NotAnArticle
from worker.parse import parse_html
from worker.pipeline import extract_article

CAPTION = "Fishing boats wait out the storm in the north harbour, where the quay was rebuilt last spring."
MENU = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in ("Home", "News", "Photos"))
MENU = f"<ul>{MENU}</ul>"
PHOTO = '<figure><img src="/boats.jpg"><figcaption>{0}</figcaption></figure>'
PARAGRAPH = (
    "Paragraph {0}: the harbour board met on Tuesday evening to discuss the winter timetable and the "
    "repairs to the old breakwater."
)


def _page(body: str, title: str = "Harbour photos") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _paragraphs(page: str) -> list[str]:
    return extract_article(load_document(page, kind=InputKind.HTML)).paragraphs


def test_a_photo_page_whose_only_sentence_is_the_caption_gives_the_caption() -> None:
    page = _page(f'{MENU}<div class="post">{PHOTO.format(CAPTION)}</div>')
    assert _paragraphs(page) == [CAPTION]


def test_a_caption_is_read_only_when_nothing_else_is() -> None:
    story = "The harbour board approved the new timetable on Tuesday after a long debate about the quay."
    page = _page(
        f'{MENU}<div class="box"><figure><img src="/boats.jpg"><figcaption>{CAPTION}</figcaption></figure>'
        f"<p>{story}</p></div>"
    )
    assert candidate_lines(parse_html(page)) == [story]


@pytest.mark.parametrize(
    "caption",
    ["Photo: Harbour Press", '<a href="/gallery">See all 24 photos of the harbour in our gallery</a>'],
    ids=["credit", "link"],
)
def test_a_photo_page_with_only_a_credit_or_a_linked_caption_is_still_refused(caption: str) -> None:
    page = _page(f'{MENU}<figure><img src="/boats.jpg"><figcaption>{caption}</figcaption></figure>')
    with pytest.raises(NotAnArticle):
        _paragraphs(page)


STORY = (
    "The harbour board met on Tuesday evening to discuss the winter timetable, the repairs to the old "
    "breakwater and the cost of dredging the channel before the ferries return in the spring.",
    "Members agreed to publish the timetable by the end of the month and to ask the council for a "
    "share of the repair bill, which engineers put at twice last year's estimate for the work.",
    "The ferry company said it would keep the winter crossings at two a day until the north berth "
    "reopens, and that it expected the first spring sailing to leave on the first Saturday of April.",
)


def test_paragraphs_an_old_page_wrapped_in_named_anchors_are_its_text() -> None:
    wrapped = "".join(f'<a name="part{i}"><p>{text}</p></a>' for i, text in enumerate(STORY))
    page = _page(f"{MENU}<div>{wrapped}</div>", title="Harbour board")
    assert _paragraphs(page) == list(STORY)


def test_a_link_with_an_address_still_counts_as_a_link() -> None:
    teasers = "".join(f'<p><a href="/story/{i}">{text}</a></p>' for i, text in enumerate(STORY))
    page = _page(f"{MENU}<div>{teasers}</div>", title="Harbour board")
    with pytest.raises(NotAnArticle):
        _paragraphs(page)


@pytest.mark.parametrize("opening", ['<a onclick="go(this)">', '<a role="button">', '<a data-href="/s">'])
def test_a_link_a_script_drives_still_counts_as_a_link(opening: str) -> None:
    teasers = "".join(f"<p>{opening}{text}</a></p>" for text in STORY)
    page = _page(f"{MENU}<div>{teasers}</div>", title="Harbour board")
    with pytest.raises(NotAnArticle):
        _paragraphs(page)
