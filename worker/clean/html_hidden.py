"""What a page hides, as the first cut (`worker.clean.html_cut`) reads it: an element hidden by its
attribute or its style, and a hidden paragraph standing alone (a variant, a copy for robots, a code
block's copy for its copy button), which is no collapsed section of the article."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from worker.clean.selectors import HIDDEN_STYLE

# Tags that hold one paragraph, never an article.
PARAGRAPH_ONLY_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td"})


def is_hidden(element: etree._Element) -> bool:
    get = element.get
    style = get("style")
    return (
        get("hidden") is not None
        or get("aria-hidden") == "true"
        or (style is not None and HIDDEN_STYLE.search(style) is not None)
    )


def is_lone_paragraph(element: etree._Element, held_by: Callable[[etree._Element], int], long: int) -> bool:
    """A paragraph hidden on its own: no box holding paragraphs (a list item, a cell, a quote of
    several), and not one of a run of hidden paragraphs `long` characters or more (an article's rest,
    hidden paragraph by paragraph until the reader clicks "read more"; a widget's short hidden
    messages make no run). `held_by`: an element's paragraph characters."""
    tag = element.tag
    if tag not in PARAGRAPH_ONLY_TAGS or any(p is not element for p in element.iter("p")):
        return False
    return not any(
        sibling is not None and sibling.tag == tag and is_hidden(sibling) and held_by(sibling) >= long
        for sibling in (element.getprevious(), element.getnext())
    )
