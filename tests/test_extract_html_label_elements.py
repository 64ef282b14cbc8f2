"""The byline labels' elements are those `BYLINE_LABEL_XPATH` selects: an element whose first text
node is a label and nothing else, in document order. Pages written here."""

from __future__ import annotations

import lxml.html
from lxml import etree

from worker.extract.html_byline_labels import label_elements
from worker.extract.patterns import BYLINE_LABEL_XPATH

PAGE = (
    "<html><body>"
    "<div class='meta'><span>By</span> <a href='/a/jane'>Jane Doe</a></div>"
    "<p>\n   Written \t by\n </p>"  # XML whitespace, as normalize-space() collapses it
    "<p>Written\xa0by</p>"  # a no-break space, which it keeps: no label
    "<div>Author<p>Authors:</p></div>"  # the label after the element holding another
    "<div><b>Note</b>By</div>"  # a first text node that is a tail
    "<div>Ferry<b>x</b>By</div>"  # a tail after the element's own text: not its first
    "<section><em></em>Posted by<p>By the harbour</p></section>"
    "</body></html>"
)


def test_the_label_elements_are_the_xpaths_in_document_order() -> None:
    root = lxml.html.document_fromstring(PAGE)
    assert label_elements(root) == etree.XPath(BYLINE_LABEL_XPATH)(root)


def test_a_label_followed_by_words_in_the_same_text_is_no_label() -> None:
    root = lxml.html.document_fromstring("<html><body><p>By the harbour</p><p>Author of it</p></body></html>")
    assert label_elements(root) == []


def test_the_labels_are_read_where_the_xpath_reads_them() -> None:
    root = lxml.html.document_fromstring(PAGE)
    assert [e.tag for e in label_elements(root)] == ["span", "p", "div", "p", "div", "section"]
