"""HTML text -> one lxml tree, parsed once per document and shared by `extract` and `clean`.

lxml parses an average news page about 14x faster than BeautifulSoup builds its tree, so the
tree is built here with lxml; `clean` hands BeautifulSoup only the part that can hold the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

from worker.config import DEFAULT_PARSE_LIMITS, ParseLimits
from worker.errors import DocumentTooDeep, EmptyDocument, NotAnArticle

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Browsers keep parsing into <body> after a premature </body> or </html> (templates that include a
# whole page header emit one); libxml2 drops what follows. Without the end tags it closes them itself.
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.I)
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
# lxml.html's own parser picks each element's class by a Python callback, run every time Python
# touches an element (8% of the HTML path under cProfile); the default lookup does it in C. Only the
# form-control classes (FormElement, InputElement...) are lost, which nothing here reads.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


@lru_cache(maxsize=4)
def _deeper_than(levels: int) -> etree.XPath:
    """An XPath true when an element sits `levels` + 1 deep (the root element is level 1)."""
    return etree.XPath("boolean(/" + "/".join(["*"] * (levels + 1)) + ")")


def nests_deeper(root: etree._Element, levels: int) -> bool:
    """Whether elements nest more than `levels` deep in `root`'s document: one XPath, level by
    level inside libxml2, where a Python walk over every element's start and end costs 2-3x more."""
    return bool(_deeper_than(levels)(root))


def parse_html(html: str, limits: ParseLimits = DEFAULT_PARSE_LIMITS) -> lxml.html.HtmlElement:
    """Parse a page, refusing one nested deeper than any real page is (a parser- and stack-exhaustion
    attack) rather than walking it recursively later."""
    html = _DOCUMENT_END_TAGS.sub("", _XML_DECLARATION.sub("", html, count=1))
    if not html.strip():
        raise EmptyDocument("document is empty or only whitespace")
    try:
        root = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotAnArticle(f"HTML could not be parsed: {exc}") from exc
    if root is None:
        raise NotAnArticle("HTML could not be parsed into a document")
    if nests_deeper(root, limits.max_nesting_depth):
        raise DocumentTooDeep(f"elements nest deeper than {limits.max_nesting_depth} levels")
    return root
