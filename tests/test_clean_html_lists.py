"""Lists inside the article, read as the article's: a list whose items go on after a sublist nested in
one of them is one list. Each page is written here."""

from __future__ import annotations

from tests.test_clean_html_shapes import _paragraphs
from worker.clean import clean_html
from worker.clean.html_blocks import Block, group_runs
from worker.parse import parse_html

LEAD = [
    "The valley's last working mill reopened on Saturday after three years of repairs, and the "
    "miller said the first flour would be sold at the market in the square next week.",
    "The repairs were paid for by a fund the village set up after the flood, when the water wheel "
    "was torn from its axle and the lower floor of the mill stood under a metre of mud.",
]
TAIL = [
    "Volunteers rebuilt the wheel from oak felled on the hillside above the river, following "
    "drawings kept in the parish archive since the mill was last rebuilt a century ago.",
    "The miller hopes to grind rye and spelt as well as wheat by the end of the year, once the "
    "second pair of stones has been dressed by a mason from the next valley.",
]


def _page(body: str) -> str:
    return f"<html><head><title>Mill reopens</title></head><body><div class='post'>{body}</div></body></html>"


NESTED_LIST = (
    "<ul>"
    "<li>Run by: <a href='/trust'>the Mill Trust</a></li>"
    "<li>Open: <a href='/hours'>Sundays</a>"
    "<ul><li>Guided tours start at two o'clock from the footbridge over the race.</li></ul></li>"
    "<li>Shop: <a href='/flour'>flour and bran</a></li>"
    "</ul>"
)


def test_items_after_a_nested_sublist_stay_with_the_list_inside_the_article() -> None:
    html = _page(_paragraphs(LEAD) + NESTED_LIST + _paragraphs(TAIL))
    kept = clean_html(parse_html(html))
    assert "Shop: flour and bran" in kept
    assert "Run by: the Mill Trust" in kept
    assert TAIL[-1] in kept


def test_a_sublist_does_not_split_its_list_into_two_runs() -> None:
    outer, inner = 1, 2
    blocks = [
        Block(text="intro", tag="p"),
        Block(text="first", tag="li", group=outer, group_tag="ul", path=(outer, 10)),
        Block(text="second", tag="li", group=outer, group_tag="ul", path=(outer, 11)),
        Block(text="nested", tag="li", group=inner, group_tag="ol", path=(outer, 11, inner, 12)),
        Block(text="third", tag="li", group=outer, group_tag="ul", path=(outer, 13)),
        Block(text="after", tag="p"),
    ]
    assert group_runs(blocks) == [(1, 5)]


def test_a_list_inside_a_layout_table_does_not_join_the_tables_rows() -> None:
    table, inner = 1, 2
    blocks = [
        Block(text="row one", tag="tr", group=table, group_tag="table", path=(table, 10)),
        Block(text="row two", tag="tr", group=table, group_tag="table", path=(table, 11)),
        Block(text="item", tag="li", group=inner, group_tag="ul", path=(table, 11, inner, 12)),
        Block(text="item two", tag="li", group=inner, group_tag="ul", path=(table, 11, inner, 13)),
        Block(text="row three", tag="tr", group=table, group_tag="table", path=(table, 14)),
        Block(text="row four", tag="tr", group=table, group_tag="table", path=(table, 15)),
    ]
    assert group_runs(blocks) == [(0, 2), (2, 4), (4, 6)]


def test_two_lists_one_after_the_other_stay_two_runs() -> None:
    blocks = [
        Block(text="a", tag="li", group=1, group_tag="ul", path=(1, 10)),
        Block(text="b", tag="li", group=1, group_tag="ul", path=(1, 11)),
        Block(text="c", tag="li", group=2, group_tag="ul", path=(2, 12)),
        Block(text="d", tag="li", group=2, group_tag="ul", path=(2, 13)),
    ]
    assert group_runs(blocks) == [(0, 2), (2, 4)]
