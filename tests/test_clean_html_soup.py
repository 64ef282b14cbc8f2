"""The block stage's BeautifulSoup tree: made from lxml's parse of the slimmed markup, it is the tree
BeautifulSoup's own lxml builder makes of that markup, node for node. Pages written here."""

from __future__ import annotations

import lxml.html
from bs4 import BeautifulSoup, PageElement

from worker.clean.html_slim import to_soup

PAGE = (
    "<html><body><div class='post' id='main'>\n  <h2>Harbour news</h2>\n"
    "  <p>The ferry runs again <a href='/f'>from Monday</a>,\t after repairs.</p>\n"
    "  <pre>  two  spaces\n  kept  </pre> <textarea> \n </textarea>\n"
    "  <template><p>Not shown <b>until</b> asked.</p></template><ruby>港<rt>みなと</rt></ruby>\n"
    "  <ul><li>One</li> <li>Two</li></ul>&nbsp;<br>Last line &amp; more\n</div></body></html>"
)


def _as_built_by_beautifulsoup(element: lxml.html.HtmlElement) -> BeautifulSoup:
    markup = lxml.html.tostring(element, encoding="utf-8", with_tail=False)
    return BeautifulSoup(markup, "lxml", from_encoding="utf-8", multi_valued_attributes=None)


def _shape(soup: BeautifulSoup) -> list[tuple[object, ...]]:
    """Every node in order: its class, name or text, attributes, and where its links point."""
    nodes: list[PageElement] = [soup, *soup.descendants]
    where = {id(node): i for i, node in enumerate(nodes)}

    def at(node: PageElement | None) -> int | None:
        return None if node is None else where[id(node)]

    return [
        (
            type(node).__name__,
            getattr(node, "name", None) if hasattr(node, "contents") else str(node),
            dict(getattr(node, "attrs", {})),
            at(node.parent),
            at(node.next_element),
            at(node.previous_element),
            at(node.next_sibling),
            at(node.previous_sibling),
        )
        for node in nodes
    ]


def test_the_soup_is_the_tree_beautifulsoup_builds_of_the_same_markup() -> None:
    div = lxml.html.document_fromstring(PAGE).find(".//div")
    assert _shape(to_soup([div])) == _shape(_as_built_by_beautifulsoup(div))


def test_a_soup_of_markup_holding_a_comment_is_beautifulsoups_too() -> None:
    div = lxml.html.fragment_fromstring("<div><p>Ferry news<!-- an editor's note --> today.</p></div>")
    soup = to_soup([div])
    assert _shape(soup) == _shape(_as_built_by_beautifulsoup(div))
    assert "Comment" in {type(node).__name__ for node in soup.descendants}
