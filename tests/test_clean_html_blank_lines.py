"""Paragraphs of a page written before <p> was the rule: text set straight into a table cell, a <div>
or a <font>, parted by blank lines (<br><br>). The cleaner gives them back one by one, in order; a
single <br> is a line inside a paragraph. A table cell holding such lines is a box of its own, not a
word of its row: a column of links beside the article is never glued to its first paragraph.

Each page is written here; each test checks one behaviour.
"""

from __future__ import annotations

from tests.html_articles import ARTICLES
from tests.html_articles import clean as _clean
from worker.clean.html_fallback import candidate_lines, marked_body_lines
from worker.clean.html_slim import to_soup
from worker.clean.html_walk import make_blocks
from worker.parse import parse_html

ARTICLE = ARTICLES["en"]
NOTICES = (
    "The harbour office is closed on public holidays and on the first Monday of each month.",
    "Ferry tickets bought at the quay are valid for the whole day of travel.",
)
NAV = "<a href='/'>Front page</a><br><a href='/ferries'>Ferry times</a><br><a href='/boats'>Boat lists</a>"


def _page(body: str) -> str:
    return f"<html><head><title>Harbour weekly</title></head><body>{body}</body></html>"


def _cell_page(article: str) -> str:
    return _page(
        f"<table><tr><td>{NAV}</td><td><font face='Arial'>{article}</font></td>"
        "<td><a href='/ads'>Place an advert</a></td></tr></table>"
    )


def _blocks(body: str) -> list:
    root = parse_html(_page(body))
    return make_blocks(to_soup([root.find("body")]))


def test_text_parted_by_blank_lines_in_a_cell_is_its_paragraphs_in_order() -> None:
    assert _clean(_cell_page("<br><br>\n".join(ARTICLE))) == ARTICLE


def test_text_parted_by_blank_lines_in_a_div_is_its_paragraphs_in_order() -> None:
    assert _clean(_page("<div>" + "<br><br>".join(ARTICLE) + "</div>")) == ARTICLE


def test_more_than_two_breaks_part_paragraphs_once() -> None:
    assert _clean(_page("<div>" + "<br><br><br>\n<br>".join(ARTICLE) + "</div>")) == ARTICLE


def test_a_single_break_is_a_line_inside_its_paragraph() -> None:
    first, second, *rest = ARTICLE
    page = _page("<div>" + f"{first}<br>{second}<br><br>" + "<br><br>".join(rest) + "</div>")
    assert _clean(page) == [f"{first} {second}", *rest]


def test_a_column_of_links_beside_the_article_cell_is_not_glued_to_its_first_paragraph() -> None:
    kept = _clean(_cell_page("<br><br>".join(ARTICLE)))
    assert "Front page" not in " ".join(kept)


def test_a_cell_holding_lines_is_a_block_of_its_own() -> None:
    blocks = _blocks(f"<table><tr><td>{NAV}</td><td>{'<br><br>'.join(ARTICLE)}</td></tr></table>")
    assert [block.text for block in blocks] == ["Front page Ferry times Boat lists", " ".join(ARTICLE)]


def test_a_data_table_row_of_plain_cells_is_still_one_block() -> None:
    blocks = _blocks("<table><tr><td>Pier</td><td>forty metres</td><td>spring</td></tr></table>")
    assert [block.text for block in blocks] == ["Pier forty metres spring"]


def test_a_data_table_row_with_a_line_broken_cell_is_still_one_block() -> None:
    blocks = _blocks(
        "<table><tr><td>Pier</td><td>forty metres<br>of new decking</td><td>spring</td></tr></table>"
    )
    assert [block.text for block in blocks] == ["Pier forty metres of new decking spring"]


def test_a_block_parted_by_blank_lines_is_judged_whole_and_keeps_its_paragraphs() -> None:
    (block,) = _blocks("<div>" + "<br><br>".join(ARTICLE) + "</div>")
    assert (block.text, block.paragraphs) == (" ".join(ARTICLE), tuple(ARTICLE))


def test_breaks_closing_one_cell_and_opening_the_next_do_not_part_a_data_row() -> None:
    blocks = _blocks("<table><tr><td>Pier<br></td><td><br>forty metres</td><td>spring</td></tr></table>")
    assert [(block.text, block.paragraphs) for block in blocks] == [("Pier forty metres spring", ())]


def test_the_last_reading_gives_a_block_in_its_blank_line_paragraphs() -> None:
    page = _page(f"<div class='box'><h1>Harbour notices</h1><div>{'<br><br>'.join(NOTICES)}</div></div>")
    assert candidate_lines(parse_html(page)) == list(NOTICES)


def test_the_last_reading_gives_a_caption_in_its_blank_line_paragraphs() -> None:
    caption = f"<figure><img src='quay.jpg'><figcaption>{'<br><br>'.join(NOTICES)}</figcaption></figure>"
    assert candidate_lines(parse_html(_page(f"<div class='box'>{caption}</div>"))) == list(NOTICES)


def test_the_marked_body_reading_gives_a_block_in_its_blank_line_paragraphs() -> None:
    page = _page(f"<article><h1>Harbour notices</h1><div>{'<br><br>'.join(NOTICES)}</div></article>")
    assert marked_body_lines(parse_html(page)) == list(NOTICES)
