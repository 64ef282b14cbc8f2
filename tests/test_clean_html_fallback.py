"""A page is refused as "not an article" only when it holds no prose at all: when the main cleaner
keeps nothing, the page is read again the jusText way (`worker.clean.html_fallback`). Pages written
here."""

from __future__ import annotations

import pytest

from worker.clean import clean_html
from worker.clean.html_fallback import prose_paragraphs
from worker.document import InputKind, load_document
from worker.errors import NotAnArticle
from worker.parse import parse_html
from worker.pipeline import extract_article

# A photo diary: every paragraph is the caption of its photo, so each sits in a caption box of its
# own photo's box.
DIARY = [
    "We left the village before dawn and followed the old mule track along the river, which was "
    "swollen with meltwater from the storms of the previous week and, the innkeeper told us, "
    "higher than anyone at the inn could remember for the time of year.",
    "By noon the valley had opened into wide meadows, and the shepherds we met told us that the "
    "pass would be clear of snow for another two or three weeks at most.",
    "The last climb to the hut took us longer than we had planned, but the view of the glacier in "
    "the evening light was worth every one of the blisters on our feet.",
]


def photo_diary() -> str:
    boxes = "".join(
        f'<div class="photo"><div class="photo-meta"><img src="/p{i}.jpg" alt="">'
        f'<div class="caption-text"><p>{text}</p></div></div></div>'
        for i, text in enumerate(DIARY)
    )
    return (
        "<html><head><title>Three days in the mountains</title></head><body>"
        '<div class="nav"><a href="/">Home</a> <a href="/trips">Trips</a></div>'
        f"<h1>Three days in the mountains</h1>{boxes}</body></html>"
    )


def index_page() -> str:
    headline = "Council approves plan number {} for the harbour"
    items = "".join(f'<li><a href="/story/{i}">{headline.format(i)}</a></li>' for i in range(30))
    sections = '<p><a href="/section/{0}">Section {0}</a> | <a href="/more/{0}">More</a></p>'
    more = "".join(sections.format(i) for i in range(8))
    return (
        "<html><head><title>Latest news</title></head><body><h1>Latest news</h1>"
        f"<ul>{items}</ul>{more}</body></html>"
    )


def test_photo_diary_in_caption_boxes_is_left_empty_by_the_main_cleaner() -> None:
    assert clean_html(parse_html(photo_diary())) == []


def test_article_in_caption_boxes_is_extracted_by_the_looser_reading() -> None:
    article = extract_article(load_document(photo_diary(), kind=InputKind.HTML))
    assert article.paragraphs == ["Three days in the mountains", *DIARY]


def test_index_page_of_links_keeps_nothing_in_the_looser_reading() -> None:
    assert prose_paragraphs(parse_html(index_page())) == []


def test_index_page_of_links_is_refused() -> None:
    with pytest.raises(NotAnArticle):
        extract_article(load_document(index_page(), kind=InputKind.HTML))


def test_comments_under_a_short_post_are_not_its_text() -> None:
    comment = (
        "I have walked that valley twice myself and I can only agree with every word you wrote "
        "about the shepherds and the meadows, which are the most beautiful I have seen anywhere. "
        "Thank you for the photos, they brought back many memories of the summer we spent there."
    )
    thread = "".join(f'<div class="comment"><p>{comment} ({i})</p></div>' for i in range(6))
    page = f"<html><body><h1>A photo</h1><div class='comments'>{thread}</div></body></html>"
    assert prose_paragraphs(parse_html(page)) == []


def short_notes_post() -> str:
    """A post of short notes only (no line reads as prose), marked up as an <article>."""
    notes = (
        "<h2>Where</h2><p>Anna: the harbour.</p><p>Ben: the old quay.</p>"
        "<h2>Film</h2><p>Slide film, ISO 100.</p><h2>Cameras</h2><ul><li>Anna: a rangefinder.</li>"
        "<li>Ben: a folding camera.</li></ul><h3>Related posts</h3><p>Our trip to the lighthouse.</p>"
    )
    menu = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
    return (
        "<html><head><title>Two cameras, one harbour</title></head><body>"
        f"<nav><ul>{menu}</ul></nav><article><h1>Two cameras, one harbour</h1>{notes}</article></body></html>"
    )


def test_a_marked_article_of_short_notes_gives_its_notes_when_no_prose_is_found() -> None:
    article = extract_article(load_document(short_notes_post(), kind=InputKind.HTML))
    assert article.paragraphs == [
        "Where",
        "Anna: the harbour.",
        "Ben: the old quay.",
        "Film",
        "Slide film, ISO 100.",
        "Cameras",
        "Anna: a rangefinder.",
        "Ben: a folding camera.",
    ]


def test_an_index_page_marked_as_main_is_still_refused() -> None:
    page = index_page().replace("<body>", "<body><main>").replace("</body>", "</main></body>")
    with pytest.raises(NotAnArticle):
        extract_article(load_document(page, kind=InputKind.HTML))
