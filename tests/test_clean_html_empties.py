"""Pages the cleaner used to empty or spoil: a sentence that runs on into a link between two
paragraphs, readers' comments in a box whose id names them but whose template class says "post",
and a page with no paragraph of prose that still holds words of its own. Each page is written here."""

from __future__ import annotations

import pytest

from worker.clean import clean_html
from worker.clean.html_fallback import candidate_lines
from worker.document import InputKind, load_document
from worker.errors import NotAnArticle
from worker.parse import parse_html
from worker.pipeline import extract_article

OPENING = (
    "The ferry company named a new harbour master on Monday, the third in as many years, and said "
    "the timetable for the winter crossings would be published before the end of the month."
)
LINKED = (
    "She takes over from the previous holder of the post, "
    '<a href="/story/1">who had run the harbour office alongside his duties at the shipyard for the '
    "last eight months of the dispute over the new quay.</a>"
)
CLOSING = (
    "The new harbour master spent twelve years with the coastguard before joining the company, and "
    "she has said her first task will be to reopen the north berth to the island's fishing boats."
)
COMMENT = (
    "I sailed on that ferry every week for a decade and I can tell you the north berth has been a "
    "problem since the storm, so I hope she keeps her word about reopening it before the winter."
)


def _page(body: str, title: str = "New harbour master") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _text(html: str) -> str:
    return " ".join(clean_html(parse_html(html), rules_only=True))


def test_a_sentence_running_into_a_link_between_paragraphs_is_kept() -> None:
    html = _page(
        f"<div class='story'><h1>New harbour master</h1><p>{OPENING}</p><p>{LINKED}</p><p>{CLOSING}</p></div>"
    )
    assert "who had run the harbour office" in _text(html)


def test_a_short_sentence_running_into_a_link_between_paragraphs_is_kept() -> None:
    short = 'See the full timetable <a href="/story/3">for the winter crossings on our site</a>.'
    html = _page(
        f"<div class='story'><h1>New harbour master</h1><p>{OPENING}</p><p>{short}</p><p>{CLOSING}</p></div>"
    )
    assert "See the full timetable for the winter crossings on our site." in _text(html)


def test_a_linked_sentence_after_the_last_paragraph_is_not_kept() -> None:
    html = _page(
        f"<div class='story'><h1>New harbour master</h1><p>{OPENING}</p><p>{CLOSING}</p><p>{LINKED}</p></div>"
    )
    assert "who had run the harbour office" not in _text(html)


def test_a_sentence_that_opens_with_its_link_is_not_kept_between_paragraphs() -> None:
    teaser = (
        '<a href="/story/2">Read our report on the harbour dispute and the new quay that the council '
        "approved last spring</a> after a long debate."
    )
    html = _page(
        f"<div class='story'><h1>New harbour master</h1><p>{OPENING}</p><p>{teaser}</p><p>{CLOSING}</p></div>"
    )
    assert "Read our report" not in _text(html)


def test_comments_in_a_box_whose_id_names_them_are_dropped_whatever_its_class() -> None:
    thread = "".join(
        f"<ul class='single-post'><li class='post-text'>{COMMENT} ({i})</li></ul>" for i in range(3)
    )
    html = _page(
        f"<div class='story'><h1>New harbour master</h1><p>{OPENING}</p><p>{CLOSING}</p></div>"
        f"<div id='comment-box' class='user-post-box'><h3>Comments (3)</h3>{thread}</div>"
    )
    assert "I sailed on that ferry" not in _text(html)


def test_a_digest_of_linked_items_with_notes_of_their_own_is_not_refused() -> None:
    note = "Ferry {0} -- the operator said the crossing would run twice a day until the spring"
    items = "".join(
        f'<li><a href="/news/{i}">Harbour notice number {i}</a> {note.format(i)}</li>' for i in range(12)
    )
    page = _page(f"<h1>Harbour notices</h1><ul>{items}</ul>", title="Harbour notices")
    article = extract_article(load_document(page, kind=InputKind.HTML))
    assert len(article.paragraphs) == 12


def test_the_last_reading_keeps_no_headline_nor_link_only_line() -> None:
    page = _page(
        '<div class="box"><h1>Harbour notices</h1><p><a href="/a">All notices</a></p>'
        "<p>The harbour office is closed on public holidays and on the first Monday of each month.</p></div>",
        title="Harbour notices",
    )
    assert candidate_lines(parse_html(page)) == [
        "The harbour office is closed on public holidays and on the first Monday of each month."
    ]


def test_a_page_of_short_labels_only_is_still_refused() -> None:
    page = _page('<div class="box"><p>1 Secs</p><p><a href="/go">Skip</a></p></div>')
    with pytest.raises(NotAnArticle):
        extract_article(load_document(page, kind=InputKind.HTML))


@pytest.mark.parametrize(
    "prompt",
    [
        'Share this story <a href="/f">on Facebook</a>, <a href="/t">Twitter</a> '
        'and <a href="/w">WhatsApp</a>.',
        'Descarga nuestra app <a href="/app">para Android e iOS gratis</a>.',
    ],
)
def test_a_short_prompt_running_into_a_link_between_paragraphs_is_not_kept(prompt: str) -> None:
    html = _page(
        f"<div class='story'><h1>New harbour master</h1><p>{OPENING}</p><p>{prompt}</p><p>{CLOSING}</p></div>"
    )
    assert prompt.split()[0] not in _text(html)
