"""Where a page writes its author outside the declared markup, read by `html_authors`: a name line
right under the headline, a "Written by" label anywhere in the article, and which containers of the
page hold the article (the headline's ancestors) and which lie outside it."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from worker.extract.authors import clean_authors, writes_in_lowercase
from worker.extract.html_bylines import look_like_people
from worker.extract.html_page import Page, _classes, _words, heading_text
from worker.extract.patterns import (
    CAPTION_CLASSES,
    NOT_AUTHOR_NAME_CLASSES,
    WRITTEN_BY,
    WRITTEN_BY_LABELS,
    WRITTEN_BY_XPATH,
)

# Containers of what is not the article: comments, related posts, menus, always; a sidebar, footer or
# widget only when the class does not also name the article ("entry-footer", "content-sidebar-wrap" hold
# it), and a "widget" only as the class's start (a page builder's "builder-widget-container" is layout).
_OUTSIDE_ARTICLE = re.compile(r"comment|related|recommend|nav|menu|promo|newsletter", re.I)
_LAYOUT_OUTSIDE = re.compile(r"sidebar|footer|^widget", re.I)
_ARTICLE_PART = re.compile(r"content|entry|article|post|main", re.I)
CAPTION = re.compile("|".join(CAPTION_CLASSES), re.I)  # a picture's caption ("wp-caption", "cutline")

# A word of `NOT_AUTHOR_NAME_CLASSES` as a part of a class ("author-bio", "authorBio"), not inside
# another ("jobber").
_NOT_NAME_CLASS = re.compile(
    "|".join(rf"(?<![A-Za-z]){w}(?![a-z])|{w.capitalize()}(?![a-z])" for w in NOT_AUTHOR_NAME_CLASSES)
)

_MAX_BYLINE_CHARS = 200
_LINES_UNDER_HEADLINE = 2
_MAX_LINE_UNDER_HEADLINE = 100
_MAX_LINKS_IN_LINE = 2  # the name and its section; more are a menu or share buttons
_WRITTEN_BY = etree.XPath(WRITTEN_BY_XPATH)
_HAS_WRITTEN_BY = re.compile("|".join(re.escape(label) for label in WRITTEN_BY_LABELS))
_MAX_WRITTEN_BY = 5


def _outside_article(element: lxml.html.HtmlElement, holders: frozenset[lxml.html.HtmlElement]) -> bool:
    """Inside comments, a sidebar, related posts or the footer, unless that container holds the
    headline (`_headline_holders`). The <body>'s classes are the template's flags for the whole page
    ("no-sidebar", "footer-widgets"), not a container's."""
    return any(
        (a.tag == "nav" or _is_outside(f"{a.get('class', '')} {a.get('id', '')}")) and a not in holders
        for a in element.iterancestors()
        if a.tag not in {"body", "html"}
    )


def _is_outside(names: str) -> bool:
    return _OUTSIDE_ARTICLE.search(names) is not None or any(
        _LAYOUT_OUTSIDE.search(token) and not _ARTICLE_PART.search(token) for token in names.split()
    )


def _headline_heading(page: Page, anchor: str | None) -> lxml.html.HtmlElement | None:
    """The <h1> that writes the headline."""
    if not anchor:
        return None
    key = anchor[:60]
    return next((h for h in page.root.iter("h1") if heading_text(h).startswith(key)), None)


def _headline_holders(page: Page, anchor: str | None) -> frozenset[lxml.html.HtmlElement]:
    """The elements that hold the headline's <h1>: a menu or sidebar among them is a template's unclosed
    <div> that swallowed the article (the parser nests the rest of the page in it), not a menu. A logo's
    or a widget's <h1> does not count, nor an <article> (a sidebar's teaser cards are articles too).
    Found once per page, so that each byline candidate's test is a set lookup."""
    heading = _headline_heading(page, anchor)
    return frozenset(heading.iterancestors()) if heading is not None else frozenset()


def name_under_headline(page: Page, headline: str | None, not_names: tuple[str, ...]) -> list[str]:
    """A short line right after the <h1> that is only a name, or a name with its role and date
    ("Jane Doe | Senior Writer | July 2, 2025"), as article headers set a byline without markup.
    A word the page also writes in lower case is no name's ("Complete Guide")."""
    candidates = [(h, text) for h in page.root.iter("h1") if len((text := heading_text(h)).split()) >= 3]
    heading = _headline_heading(page, headline)
    heading = heading if heading is not None else next((h for h, _ in candidates), None)
    if heading is None:
        return []
    after = list(heading.itersiblings())[:_LINES_UNDER_HEADLINE]
    if not after and heading.getparent() is not None:
        after = list(heading.getparent().itersiblings())[:_LINES_UNDER_HEADLINE]
    for element in after:
        if _is_outside(_classes(element)):
            continue
        if _NOT_NAME_CLASS.search(_classes(element)):
            continue  # the author's job or bio line
        if element.tag in {"figure", "figcaption"} or CAPTION.search(_classes(element)):
            continue  # a picture's caption or credit
        line = _words(element)
        if (
            not line
            or len(line) > _MAX_LINE_UNDER_HEADLINE
            or len(element.xpath(".//a")) > _MAX_LINKS_IN_LINE
        ):
            continue  # several links are a menu or share buttons
        if element.tag in {"ul", "ol", "nav", "form"} or element.find(".//li") is not None:
            continue  # a list is a menu (a language switcher), not a line
        if re.search(r"\w\s+by\s", line):
            continue  # "Reviewed by", "Researched by": someone else's role
        found = clean_authors([line], not_names=not_names)
        if look_like_people(found, page.visible):
            return found
    return []


def written_by(page: Page, holders: frozenset[lxml.html.HtmlElement] = frozenset()) -> list[str]:
    """ "Written by Jane Doe" as the start of an element anywhere on the page (an author box below the
    article): the capitalised words after the label up to the first the page also writes in lower case."""
    if not _HAS_WRITTEN_BY.search(page.visible):
        return []  # the text tells in a regex what the tree would tell in a slow XPath
    for element in _WRITTEN_BY(page.root)[:_MAX_WRITTEN_BY]:
        if _outside_article(element, holders):
            continue
        match = WRITTEN_BY.match(_words(element))
        parent = element.getparent()
        if not match and parent is not None and len(_words(parent)) <= _MAX_BYLINE_CHARS:
            match = WRITTEN_BY.match(_words(parent))  # the label in its own <span>, the name beside it
        if not match:
            continue
        words = []
        for word in match["words"].split():
            if writes_in_lowercase(word, page.visible):
                break
            words.append(word)
        if match["after"] and len(words) == len(match["words"].split()):
            words.pop()  # "Written by Jane Doe Researched by ...": the last word starts the next label
        if 2 <= len(words) <= 4:
            return [" ".join(words)]
    return []
