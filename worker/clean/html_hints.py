"""The page's own marked-up article body (itemprop=articleBody, <article>, role=main, <main>): where
markup says the body is, it is taken over the best-scoring container (`worker.clean.html_cut`) when it
holds enough of that container's article-like text, or holds the page's headline."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from worker.clean.html_lead import holds_title

# A marked-up article body (itemprop=articleBody, <article>, <main>) replaces the best-scoring
# container when it holds at least this share of that container's article-like text.
HINT_SHARE = 0.6
# A marked-up body holding the headline the page's <title> repeats needs only this share: the text
# around it is other pages' teasers.
TITLED_HINT_SHARE = 0.15
# A headline in a header outside the marked-up body stands this many levels up from it at most.
HEADLINE_REACH = 4


def hinted_body(
    good: dict[etree._Element, int], best: etree._Element, title: str = ""
) -> etree._Element | None:
    """The page's own marked-up article body, when it holds most of the best container's text.

    Markup says where the body is better than any score can, but pages also mark teasers and
    comments as <article>: the one holding the page's headline, else the one holding the most
    article-like text. Only an element holding such text can be it: the hints are tested on those."""
    wanted = HINT_SHARE * good.get(best, 0)
    for is_hint in _ARTICLE_HINTS:
        found = _in_document_order([el for el in good if is_hint(el)])
        titled = [el for el in found if holds_title(el, title)] if title else []
        if title and not titled and len(found) == 1 and _headed_by_title(found[0], title, good):
            titled = found  # the page's one body, its headline in a header set just above it
        if titled:
            hint = max(titled, key=lambda el: good.get(el, 0))
            if good[hint] >= TITLED_HINT_SHARE * good.get(best, 0):
                return hint
        if found:
            hint = max(found, key=lambda el: good.get(el, 0))
            if good[hint] >= wanted:
                return hint
    return None


_ARTICLE_HINTS: tuple[Callable[[etree._Element], bool], ...] = (  # ARTICLE_HINTS_XPATH, in its order
    lambda el: el.get("itemprop") == "articleBody",
    lambda el: el.tag == "article",
    lambda el: el.get("role") == "main",
    lambda el: el.tag == "main",
)


def _in_document_order(closed: list[etree._Element]) -> list[etree._Element]:
    """Elements listed as `score_containers` closes them (each after its descendants) in document
    order, as an XPath gives them: each moves before its descendants, which come right before it."""
    ordered: list[etree._Element] = []
    for element in closed:
        at = len(ordered)
        while at and any(up is element for up in ordered[at - 1].iterancestors()):
            at -= 1
        ordered.insert(at, element)
    return ordered


def _headed_by_title(element: etree._Element, title: str, good: dict[etree._Element, int]) -> bool:
    """The headline the page's <title> repeats stands just above `element`, outside it (a <header>
    before the <article>): a box before it, up to `HEADLINE_REACH` levels up, holds that headline (not
    as a link), and no box holding article text stands between them."""
    node = element
    own = good.get(element, 0)
    for _ in range(HEADLINE_REACH):
        if node is not element and any(good.get(after, 0) > own for after in node.itersiblings()):
            return False  # a bigger body beside its column: it is a teaser (its own siblings: comments)
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            if holds_title(sibling, title, linked=False):
                return True
            if good.get(sibling):
                return False
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        node = parent
    return False
