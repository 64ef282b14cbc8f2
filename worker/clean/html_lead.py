"""The standfirst the page declares: a marked-up article body (itemprop=articleBody, <article>) often
leaves out the lead set above it, which the page also gives as its description (<meta name=
"description">, og:description). The best-scoring container holds both; only the declared lead joins
the marked body, not the notices, disclosures and teasers that also stand above it."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_NON_WORD = re.compile(r"[\W_]+")
_DESCRIPTION = etree.XPath("//meta[@name='description' or @property='og:description']")
# A shorter description ("News", the site's name) says nothing of the article's lead.
DESCRIPTION_MIN_CHARS = 40
# A box whose text holds this many first characters of the description (normalized) is the lead.
LEAD_MATCH_CHARS = 60
# The headline is one of these, at least this long (normalized), and the <title> repeats it.
TITLE_HEADINGS = ("h1", "h2")
TITLE_MIN_CHARS = 10


def normalized_title(text: str) -> str:
    """Lowercase words joined by single spaces: punctuation and markup spacing say nothing."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def page_title(root: etree._Element) -> str:
    """The page's <title>, normalized; read before the first cut drops <head>."""
    element = root.find(".//title")
    return normalized_title(element.text_content()) if element is not None else ""


def page_description(root: lxml.html.HtmlElement) -> str:
    """The summary the page declares for search engines and shares (normalized), read before the first
    cut drops <head>; "" when it declares none long enough to recognise."""
    for meta in _DESCRIPTION(root):
        description = normalized_title(meta.get("content") or "")
        if len(description) >= DESCRIPTION_MIN_CHARS:
            return description
    return ""


def declared_lead(
    hint: etree._Element, best: etree._Element, score: dict[etree._Element, float], description: str
) -> list[etree._Element]:
    """The boxes inside the best-scoring container `best`, set before the marked-up body `hint`, that
    read as article text (`score` above 0) and hold the page's declared description: the standfirst.
    Outermost first, which is document order."""
    chain = [hint, *hint.iterancestors()]
    if not description or best not in chain:
        return []
    wanted = description[:LEAD_MATCH_CHARS]
    lead: list[etree._Element] = []
    for node in reversed(chain[: chain.index(best)]):
        before = [
            el
            for el in node.itersiblings(preceding=True)
            if score.get(el, 0.0) > 0 and wanted in normalized_title(el.text_content())
        ]
        lead.extend(reversed(before))
    return lead


def is_headline(heading: etree._Element, title: str, linked: bool = False) -> bool:
    """The heading is one the page's <title> repeats, at least `TITLE_MIN_CHARS` long (normalized).
    `linked=False`: not when it is a link or holds one (a "most read" list may link the page itself)."""
    if not linked and (heading.find(".//a") is not None or getattr(heading.getparent(), "tag", None) == "a"):
        return False
    text = normalized_title(heading.text_content())
    return len(text) >= TITLE_MIN_CHARS and text in title


def holds_title(element: etree._Element, title: str, linked: bool = True) -> bool:
    """Holds a heading that the page's <title> repeats (`is_headline`): the article itself, not a
    teaser for another page (teasers carry their own pages' headlines). `linked=False`: a headline that
    is a link does not count."""
    return any(is_headline(heading, title, linked) for heading in element.iter(*TITLE_HEADINGS))
