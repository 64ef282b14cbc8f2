"""Several authors in one byline, one element each: "<a>Jane Doe</a>, <a>John Roe</a> und <a>Ann Poe</a>"."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from worker.extract.patterns import NAME_JOINERS

_MAX_LISTED_AUTHORS = 10
# What stands between two authors' elements of one byline: punctuation and the words joining names.
_JOINS_ONLY = re.compile(
    r"(?:[\s,;&+/|·•]|(?<!\w)(?:" + "|".join(re.escape(j) for j in NAME_JOINERS) + r")(?!\w))*", re.I
)


def co_bylined(
    first: lxml.html.HtmlElement, elements: list[lxml.html.HtmlElement]
) -> list[lxml.html.HtmlElement]:
    """`first` and the elements of its kind that follow it in one byline, with nothing but joiners
    between them ("<a>Jane Doe</a>, <a>John Roe</a> and <a>Ann Poe</a>"): one element per author."""
    kind = set(elements)
    found = [first]
    between = first.tail or ""
    for sibling in first.itersiblings():
        if len(found) == _MAX_LISTED_AUTHORS or not _JOINS_ONLY.fullmatch(between):
            break
        if sibling in kind:
            if not between.strip():
                break  # elements stacked with nothing between are a name and its role, not two names
            found.append(sibling)
            between = sibling.tail or ""
        elif len(sibling) == 0:
            between += ("" if sibling.tag is etree.Comment else sibling.text or "") + (sibling.tail or "")
        else:
            break
    return found
