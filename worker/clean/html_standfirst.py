"""The standfirst set in a box of its own just before the article's body: the header box that holds the
headline, a dateline and the lead under them, or a teaser box between the headline and the body. The
best-scoring container holds the body only; its lead paragraph reads as article text, yet it stands
one box up, beside it.

    standfirst_before(first, title, scale, description)   the lead paragraph closing the nearest box
                                                          before the body, unless it is the page's
                                                          summary (an excerpt of the body, the
                                                          description it declares)
"""

from __future__ import annotations

from lxml import etree

# html_cut imports this module before html_blocks (which imports html_cut) is done: its names are
# read when the functions run.
import worker.clean.html_blocks as _blocks
import worker.clean.html_cut as _cut
from worker.clean.html_lead import LEAD_MATCH_CHARS, TITLE_HEADINGS, is_headline, normalized_title
from worker.clean.selectors import BOILERPLATE_PARTS, LOOSE_SOFT_PARTS, SOFT_PARTS

# The body's box and this many of its wrappers are looked beside for the box before them.
STANDFIRST_LEVELS = 3
# A standfirst is a paragraph: at least this many characters (of an alphabetic script) ...
STANDFIRST_MIN_CHARS = 80
# ... and at most this many: a longer one is the article's text in a box of its own.
STANDFIRST_MAX_CHARS = 600
# A header or teaser box holds at most this many characters (markup spacing included).
STANDFIRST_BOX_MAX_CHARS = 3000
# When the page declares a description (of at least this many words), the standfirst shares one of
# its words of at least this many letters.
DESCRIPTION_MIN_WORDS = 3
DESCRIPTION_WORD_MIN_CHARS = 5
# A box or paragraph named for a caption, byline, notice, paywall... (the names that may also wrap
# running text, "header", "title", left out) holds no standfirst.
_NOT_LEAD_PARTS = (SOFT_PARTS - LOOSE_SOFT_PARTS) | BOILERPLATE_PARTS
_LEAVES = ("p", "div")


def _text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def _previous_box(node: etree._Element) -> etree._Element | None:
    """The nearest element before `node` among its siblings that holds text."""
    for sibling in node.itersiblings(preceding=True):
        if isinstance(sibling.tag, str) and sibling.text_content().strip():
            return sibling
    return None


def standfirst_before(
    first: etree._Element,
    title: str,
    scale: float = 1.0,
    description: str = "",
    body: etree._Element | None = None,
) -> list[etree._Element]:
    """The paragraph (<p>: a template's dek set as a bare box is left to it) that closes the nearest box
    before the article's body (`first`, or one of its `STANDFIRST_LEVELS` wrappers with nothing
    before it), when the page's headline (an unlinked heading its <title> repeats) stands above it, in
    that box or before it: the lead of the article, unlinked, read as a sentence, of paragraph length.
    Not when it is the page's summary (`_summary`: an excerpt of `body`, the best container, `first`
    unless given). Only the siblings before each level are read."""
    if not title:
        return []
    node = first
    for _ in range(STANDFIRST_LEVELS + 1):
        parent = node.getparent()
        if parent is None or node.tag in ("body", "html"):
            return []
        box = _previous_box(node)
        if box is not None:
            lead = _lead(box, title, scale)
            if (
                not lead
                or _summary(lead[0], first if body is None else body, description)
                or not _declared(lead[0], description, title)
            ):
                return []
            return lead
        node = parent
    return []


def _lead(box: etree._Element, title: str, scale: float) -> list[etree._Element]:
    if len(box.text_content()) > STANDFIRST_BOX_MAX_CHARS * max(scale, 1.0):
        return []  # a column or a page region, not a header or a teaser box
    headline = next((h for h in box.iter(*TITLE_HEADINGS) if is_headline(h, title)), None)
    if headline is None and not _headline_before(box, title):
        return []
    leaves = [
        el
        for el in box.iter(*_LEAVES)
        if el.find(".//p") is None and el.find(".//div") is None and el.text_content().strip()
    ]
    if not leaves or leaves[-1].tag != "p":
        return []
    last = leaves[-1]
    chain = [last, *(up for up in last.iterancestors() if box in (up, *up.iterancestors()))]
    if (headline is None and box.find(".//img") is not None) or any(
        _cut.name_parts(_cut.names_of(el)) & _NOT_LEAD_PARTS for el in chain
    ):
        return []  # a photo and its caption, a notice, a paywall or a byline box, not the lead
    if headline is not None and (last is headline or any(up is last for up in headline.iterancestors())):
        return []
    text = _text(last)
    if not STANDFIRST_MIN_CHARS <= len(text) * scale <= STANDFIRST_MAX_CHARS * max(scale, 1.0):
        return []
    if last.find(".//a") is not None or not _blocks.looks_like_prose(text):
        return []
    if headline is not None:
        order = {id(el): i for i, el in enumerate(box.iter())}
        if order[id(headline)] > order[id(last)]:
            return []
    return [last]


def _headline_before(box: etree._Element, title: str) -> bool:
    """The page's headline stands right before `box` in the document: in the nearest earlier box that
    holds text, only a dateline, a byline or a photo (short text, or a figure) passed over. Any other
    box between them (a notice, a teaser) ends the search."""
    node = box
    while node is not None:
        for before in node.itersiblings(preceding=True):
            if not isinstance(before.tag, str) or not before.text_content().strip():
                continue
            if (before.tag in TITLE_HEADINGS and is_headline(before, title)) or any(
                is_headline(h, title) for h in before.iter(*TITLE_HEADINGS)
            ):
                return True
            if not _passed_over(before):
                return False
        node = node.getparent()
    return False


def _passed_over(element: etree._Element) -> bool:
    """A dateline, a byline (shorter than a standfirst) or a photo with its caption."""
    return (
        len(_text(element)) < STANDFIRST_MIN_CHARS
        or element.tag == "figure"
        or (element.find(".//img") is not None and len(_text(element)) <= STANDFIRST_MAX_CHARS)
    )


def _summary(lead: etree._Element, body: etree._Element, description: str) -> bool:
    """The lead is the page's summary rather than its standfirst: it opens as the body does (an
    excerpt of the first paragraph), or as the description the page declares for search engines."""
    opening = normalized_title(lead.text_content())[:LEAD_MATCH_CHARS]
    return opening in normalized_title(body.text_content()) or bool(
        description and description[:LEAD_MATCH_CHARS] in normalized_title(lead.text_content())
    )


def _declared(lead: etree._Element, description: str, title: str) -> bool:
    """No description is declared (or one in a script not split into words), or the lead shares a word
    of at least `DESCRIPTION_WORD_MIN_CHARS` letters with it or with the headline's <title>: the
    story's names and topics (a notice, a paywall's prompt or a registration box under the headline
    shares none; a site's tagline given as every page's description shares none with a true lead)."""
    words = {word for word in description.split() if len(word) >= DESCRIPTION_WORD_MIN_CHARS}
    if len(description.split()) < DESCRIPTION_MIN_WORDS or not words:
        return True
    words |= {word for word in title.split() if len(word) >= DESCRIPTION_WORD_MIN_CHARS}
    return not words.isdisjoint(normalized_title(lead.text_content()).split())
