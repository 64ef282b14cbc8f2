"""HTML boilerplate removal: an lxml tree in, the article's paragraphs out, in order.

The stages, each a pure step testable alone (jusText's shape):

    first_cut            lxml: drop non-text tags, hidden and boilerplate-named subtrees   (html_cut)
    main_candidates      lxml: the subtree that holds the article, by maximum text score   (html_cut)
    slim                 lxml: strip images and attributes the classifier never reads       (html_cut)
    to_soup              BeautifulSoup (lxml parser) builds only that subtree
    make_blocks          the text blocks with their features                                (html_blocks)
    classify_blocks      context-free classes                                                (html_blocks)
    revise_blocks        context-sensitive revision                                          (html_revise)
"""

from __future__ import annotations

from collections.abc import Sequence

import lxml.html
from bs4 import BeautifulSoup
from lxml import etree

from worker.clean.html_blocks import classify_blocks, make_blocks
from worker.clean.html_cut import first_cut, main_candidates, page_title, text_scale
from worker.clean.html_revise import drop_repeats, revise_blocks
from worker.clean.html_slim import slim


def to_soup(elements: list[etree._Element]) -> BeautifulSoup:
    """BeautifulSoup over the chosen subtrees only: the tree build is the cost, so it sees little."""
    markup = b"".join(lxml.html.tostring(el, encoding="utf-8", with_tail=False) for el in elements)
    return BeautifulSoup(markup, "lxml", from_encoding="utf-8", multi_valued_attributes=None)


def clean_html(
    root: lxml.html.HtmlElement, *, url: str | None = None, authors: Sequence[str] = ()
) -> list[str]:
    """The article's paragraphs, in order. Cuts `root` (metadata was read from it before); `authors`
    (from the metadata) mark the bylines and the author's bio box around the article."""
    title = page_title(root)
    first_cut(root, title)
    scale = text_scale(root)
    subtrees = main_candidates(root, scale, title)
    slim(subtrees)
    soup = to_soup(subtrees)
    blocks = revise_blocks(classify_blocks(make_blocks(soup), scale), authors)
    return [block.text for block in drop_repeats(blocks)]
