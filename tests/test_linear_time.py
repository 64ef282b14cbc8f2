"""The steps of cleaning and extraction that once took time quadratic in the page's size, each held to
the behaviour that made it correct. The timeouts are hang guards at a generous bound, not speed
targets (those live in `bench/growth.py`)."""

from __future__ import annotations

import lxml.html
import pytest

from worker.clean import clean_html
from worker.clean.html_author_notes import drop_author_notes
from worker.clean.html_blocks import Block, BlockClass
from worker.clean.html_cut import reopen_misplaced_text
from worker.clean.html_revise import neighbours
from worker.extract import extract_html_metadata
from worker.extract.html_page import times_after_headlines
from worker.parse import parse_html

HANG_GUARD_S = 120


def _block(cls: BlockClass, *, insert: bool = False) -> Block:
    return Block(text="words", tag="div", cls=cls, insert=insert)


def test_neighbours_look_through_inserts_and_short_blocks_to_the_nearest_good_or_bad() -> None:
    blocks = [
        _block(BlockClass.GOOD),
        _block(BlockClass.BAD, insert=True),  # a caption set into the text
        _block(BlockClass.SHORT),
        _block(BlockClass.NEAR_GOOD),
        _block(BlockClass.BAD),
    ]
    before, after = neighbours(blocks)
    assert before == [BlockClass.BAD, BlockClass.GOOD, BlockClass.GOOD, BlockClass.GOOD, BlockClass.GOOD]
    assert after == [BlockClass.BAD, BlockClass.BAD, BlockClass.BAD, BlockClass.BAD, BlockClass.BAD]


def test_page_edges_count_as_bad_neighbours() -> None:
    before, after = neighbours([_block(BlockClass.SHORT), _block(BlockClass.HEADING)])
    assert before == [BlockClass.BAD, BlockClass.BAD] and after == [BlockClass.BAD, BlockClass.BAD]


@pytest.mark.timeout(HANG_GUARD_S)
def test_page_of_many_short_linked_blocks_keeps_none_of_them() -> None:
    blocks = "".join(
        f'<div><span>three short words</span><a href="/w{i}">word</a></div>' for i in range(20000)
    )
    assert clean_html(parse_html(f"<html><body>{blocks}</body></html>")) == []


# --- the author's notes after the article ----------------------------------------------------------

STORY = "The council approved the budget on Monday after a long debate about schools and roads. " * 3


def _note(text: str, path: tuple[int, ...], cls: BlockClass = BlockClass.GOOD) -> Block:
    return Block(text=text, tag="p", path=path, cls=cls)


def test_authors_note_goes_with_its_own_box_but_alone_from_the_articles_box() -> None:
    blocks = [
        _note(STORY, (1, 2, 3)),
        _note(STORY, (1, 2, 4)),
        _note("Jane Doe also wrote that the vote was close and the mayor was pleased.", (1, 2, 5)),
        _note(STORY[:80], (1, 2, 6)),
        _note("Jane Doe is a reporter covering the city council and its budget.", (1, 7, 8)),
        _note("She lives in the city with her family and two cats.", (1, 7, 9)),
    ]
    drop_author_notes(blocks, ["Jane Doe"])
    kept = [b.cls is BlockClass.GOOD for b in blocks]
    assert kept == [True, True, False, True, False, False]


@pytest.mark.timeout(HANG_GUARD_S)
def test_thousands_of_paragraphs_opening_with_the_authors_name_after_the_article_go() -> None:
    notes = "".join(
        f"<div><p>Jane Doe wrote note {i} about the council and its budget plans.</p></div>"
        for i in range(15000)
    )
    parts = [f"{STORY}Part {k} of the story." for k in range(4)]
    story = "".join(f"<p>{part}</p>" for part in parts)
    head = '<head><meta name="author" content="Jane Doe"></head>'
    page = f"<html>{head}<body><article><h1>Budget</h1>{story}</article>{notes}</body></html>"
    paragraphs = clean_html(parse_html(page), authors=["Jane Doe"])
    assert paragraphs == parts


# --- the first <time datetime> after each <h1> -----------------------------------------------------


def _times(html: str, limit: int = 5) -> list[str]:
    return [t.get("datetime") for t in times_after_headlines(lxml.html.document_fromstring(html), limit)]


def test_time_inside_a_headline_does_not_follow_it() -> None:
    html = "<h1>Title <time datetime='inside'>x</time></h1><p><time datetime='after'>y</time></p>"
    assert _times(html) == ["after"]


def test_headlines_before_the_same_time_give_it_once() -> None:
    html = "<h1>a</h1><h1>b</h1><time datetime='one'></time><time datetime='two'></time>"
    assert _times(html) == ["one"]


def test_each_headline_gives_its_first_following_time_in_page_order() -> None:
    html = (
        "<time datetime='before'></time><h1>a</h1><div><time>no datetime</time><time datetime='1'></time>"
        "</div><time datetime='not first'></time><h1>b</h1><span><time datetime='2'></time></span>"
        "<h1>c</h1><time datetime='3'></time>"
    )
    assert _times(html) == ["1", "2", "3"] and _times(html, limit=2) == ["1", "2"]


def test_time_in_an_inner_headline_follows_it_but_not_the_outer_one() -> None:
    html = "<h1>outer <h1>inner</h1> <time datetime='after inner'></time></h1>"
    assert _times(html) == ["after inner"]


@pytest.mark.timeout(HANG_GUARD_S)
@pytest.mark.parametrize("card", ["article", "div"])  # a <time> in an <article>, or only after an <h1>
def test_index_of_thousands_of_headlines_takes_the_first_cards_date(card: str) -> None:
    cards = "".join(
        f"<{card}><h1><a href='/a{i}'>Story number {i} of the day</a></h1><p>A teaser of the story.</p>"
        f"<time datetime='2024-03-{1 + i % 28:02d}'>day</time></{card}>"
        for i in range(8000)
    )
    page = f"<html><head><title>Index</title></head><body>{cards}</body></html>"
    assert (extract_html_metadata(parse_html(page)).published or "").startswith("2024-03-01")


# --- captions left unclosed around the rest of the page ----------------------------------------------


@pytest.mark.timeout(HANG_GUARD_S)
def test_captions_left_unclosed_around_a_long_page_are_each_reopened_in_one_count() -> None:
    # Each unclosed <figcaption> holds the next one and the rest of the page: counting each one's text
    # anew read the page once per caption (90 captions around 80,000 boxes: minutes).
    lines = "".join(
        f"<div>Line {i} of the council's report on the harbour, set straight into its box<br>"
        "and carried on below the break</div>"
        for i in range(80000)
    )
    depth = 90
    root = lxml.html.document_fromstring(
        f"<html><body>{'<figure><figcaption>' * depth}{lines}{'</figcaption></figure>' * depth}</body></html>"
    )
    assert len(root.findall(".//figcaption")) == depth
    reopen_misplaced_text(root)
    assert root.find(".//figcaption") is None
