"""An article's numbered notes under its text, each marked as leading back to its call: the article's
own apparatus, kept though its citations are mostly links. Each page is written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.parse import parse_html

LEAD = [
    "The lighthouse on the northern cape was first lit in 1858, after two ships were lost on the "
    "reef in a single winter and the harbour board petitioned the crown for a light.[1]",
    "Its lens, ground in Paris, was carried up the cliff path by mule in eleven crates, and the "
    "first keeper recorded in his log that the beam could be seen from the far shore.[2]",
    "The light was automated in 1987, and the keeper's cottage now houses a small museum run by "
    "volunteers from the village, open on weekends from April to October.[3]",
]
NOTES = [
    'Marsh, Ellen (1999). <a href="/b/1">"Lights of the Northern Coast"</a>. Harbour Press. p. 41.',
    '<a href="/b/2">"Keeper\'s log, 1858–1860"</a>. County Archive. Retrieved 3 May 2014.',
    'Dunn, Peter (2005). <a href="/b/3">"Automation of the coastal lights"</a>. Marine Review. 12: 5–9.',
]


def _page(notes: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in LEAD)
    return (
        "<html><head><title>Cape light</title></head><body><div class='page'>"
        f"<h1>Cape light</h1>{paragraphs}<h2>References</h2>{notes}</div></body></html>"
    )


def _notes(mark: str, closing: bool = False) -> str:
    items = "".join(
        f'<li id="note-{i}">{citation} <a href="#call-{i}">{mark}</a></li>'
        if closing
        else f'<li id="note-{i}"><a href="#call-{i}">{mark}</a> {citation}</li>'
        for i, citation in enumerate(NOTES)
    )
    return f"<ol class='notes'>{items}</ol>"


def test_notes_opening_with_a_mark_back_to_the_text_are_kept() -> None:
    paragraphs = clean_html(parse_html(_page(_notes("^"))), rules_only=True)
    assert paragraphs[: len(LEAD)] == LEAD
    assert sum(p.startswith("^ ") for p in paragraphs) == len(NOTES)


def test_notes_closing_with_a_return_mark_are_kept() -> None:
    paragraphs = clean_html(parse_html(_page(_notes("↩", closing=True))), rules_only=True)
    assert sum(p.endswith("↩") for p in paragraphs) == len(NOTES)


def test_a_list_of_linked_citations_without_marks_is_still_dropped() -> None:
    items = "".join(f"<li>{citation}</li>" for citation in NOTES)
    links = "".join(f'<li><a href="/s/{i}">{text}</a></li>' for i, text in enumerate(("A", "B", "C")))
    paragraphs = clean_html(parse_html(_page(f"<ul>{links}</ul><ul>{items}</ul>")), rules_only=True)
    assert not any("Harbour Press" in p for p in paragraphs)


def test_a_list_of_items_opening_with_an_unlinked_arrow_after_the_article_box_is_not_notes() -> None:
    ticker = "".join(f"<li>↑ Index {name} closed at {name}05.5 points, up on the day</li>" for name in "ABCD")
    paragraphs = "".join(f"<p>{text}</p>" for text in LEAD)
    page = (
        "<html><head><title>Cape light</title></head><body><main><h1>Cape light</h1>"
        f"<div class='body'>{paragraphs}</div><div class='col'><h3>Markets</h3><ul>{ticker}</ul></div>"
        "</main></body></html>"
    )
    kept = clean_html(parse_html(page), rules_only=True)
    assert kept[: len(LEAD)] == LEAD
    assert not any("Index" in p for p in kept)
