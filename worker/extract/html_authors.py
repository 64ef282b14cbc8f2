"""Authors from an HTML page: JSON-LD, author meta, labelled pairs, marked byline elements, and bylines
written in the visible text (read by `html_bylines`; where they stand, by `html_author_places`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from itertools import islice

import lxml.html

from worker.extract import jsonld
from worker.extract.authors import clean_authors, is_institution
from worker.extract.html_author_checks import author_field, first_name_first, labelled_meta, may_sign
from worker.extract.html_author_places import (
    _ARTICLE_PART,
    _MAX_BYLINE_CHARS,
    _NOT_NAME_CLASS,
    CAPTION,
    _headline_holders,
    _outside_article,
    name_under_headline,
    written_by,
)
from worker.extract.html_byline_labels import label_elements, labelled
from worker.extract.html_byline_lists import co_bylined
from worker.extract.html_bylines import (
    byline_in_text,
    full_name,
    name_after_date,
    name_before_date,
    printed_byline_over,
)
from worker.extract.html_page import (
    Page,
    _classes,
    _site_names,
    _words,
    headings,
    headline_spans,
)
from worker.extract.patterns import (
    ACCOUNT_WORDS,
    AUTHOR_HREF_PARTS,
    AUTHOR_META,
    AUTHOR_NAME_CLASSES,
    BYLINE_LABELS,
    BYLINE_NAME_CLASSES,
    SCHOLARLY_AUTHOR_META,
)

# A class naming the author's name in a box with the picture and bio ("author-box__name", "authorName").
_AUTHOR_NAME_CLASS = re.compile(r"author[\w-]{0,20}name(?![\w-])", re.I)

# Any of these parts anywhere in a string: one search instead of a test per part.
_AUTHOR_HREF = re.compile("|".join(map(re.escape, AUTHOR_HREF_PARTS)))
_AUTHOR_NAME_PART = re.compile("|".join(map(re.escape, AUTHOR_NAME_CLASSES)))
_BYLINE_NAME_PART = re.compile("|".join(map(re.escape, BYLINE_NAME_CLASSES)))

_LOGIN = re.compile(r"^[a-z]|[._\d]|[a-z][A-Z]")
_CREDITS = re.compile(r"\b[a-z]+:\s")

_CONTAINER_TAGS = frozenset({"html", "body", "main", "article", "section"})

_MAX_AUTHOR_BOX_CHARS = 1500
_LIST_LABELS = frozenset(
    label for label in BYLINE_LABELS if label.startswith(("Authors", "Author(", "Contrib"))
)
_MAX_LISTED_AUTHORS = 10  # a list after a byline label: one author per item

# The lookbehind once before the alternation, not once per label: the same matches, but re no
# longer tries every label at every position of the page's text (14x faster on a long page).
_TAG = re.compile(r"<[^<>]{0,300}>")
_HAS_LABEL = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(label) for label in BYLINE_LABELS)})(?!\w)")


def _plain(value: str) -> str:
    """A declared name as text: its entities read, and markup a CMS left in the field dropped
    ('<a href="/authors/jane-doe">Jane Doe</a>')."""
    return unescape(_TAG.sub(" ", value)) if "<" in value else unescape(value)


def _declared_names(linked: jsonld.LinkedData) -> list[str]:
    """The JSON-LD article's authors; with no article, the people a dated page node names (an SEO
    plugin's WebPage holding the post's datePublished and author), not its organisation (the site)
    nor a login."""
    if linked.article:
        return jsonld.names_of(linked, linked.article.get("author"))
    if linked.page and linked.page.get("datePublished"):
        # A person's name as people write it: a page node's author is as often the CMS login ("jdoe").
        people = jsonld.author_names_typed(linked, linked.page, frozenset({"person"}))
        return [name for name in people if _looks_like_a_person(_plain(name))]
    return []


class AuthorEvidence:
    """What one page says about its authors, source by source, for `metadata.page_authors` to weigh:
    the declared names (JSON-LD, author meta, an SEO plugin's labelled pair), the organisations the
    markup names (the site, a JSON-LD Organization), and the visible byline, read only when asked."""

    def __init__(self, page: Page, headline: str | None) -> None:
        self.page = page
        self.not_names = tuple(_site_names(page))
        self.anchor = _anchor(page, headline)
        self.organisations = {_key(n) for n in self.not_names}
        linked = page.linked
        self.organisations |= {_key(n) for n in jsonld.organisation_names(linked, linked.article)}
        # A JSON-LD Person named as the site is a personal site's author, or the publisher typed Person (a
        # common SEO-plugin setting): it stands unless a marked byline element names someone else.
        self.named_as_site = {
            _key(n)
            for n in jsonld.person_names(linked, linked.article)
            if _looks_like_a_person(n) and _key(n) in self.organisations
        }
        self._holders: frozenset[lxml.html.HtmlElement] | None = None

    def declared(self) -> Iterator[list[str]]:
        """JSON-LD author, then author meta tags, then a labelled meta pair, each cleaned."""
        page = self.page
        raw = _declared_names(page.linked)
        # "content: Example, design: Jane Doe" is the site's credits, not the article's author.
        meta = [
            first_name_first(v) if name in SCHOLARLY_AUTHOR_META else v
            for name in AUTHOR_META
            for v in page.meta.get(name, ())
            if v and not v.startswith(("http", "@", "/")) and not _CREDITS.search(v)
        ]
        fields = [author_field(v, self.is_organisation, self._one_person) for v in meta]
        for values in (raw, [v for v in fields if v], labelled_meta(page)):
            names = clean_authors([_plain(v) for v in values], not_names=self.not_names, strict=False)
            yield _signers(names, page)

    def _one_person(self, value: str) -> bool:
        """The words name one person, in any case ("ANNA BERGER" is Anna Berger)."""
        names = clean_authors([unescape(value)], not_names=self.not_names, strict=False)
        return len(names) == 1 and _looks_like_a_person(names[0])

    @property
    def holders(self) -> frozenset[lxml.html.HtmlElement]:
        if self._holders is None:
            self._holders = _headline_holders(self.page, self.anchor)
        return self._holders

    def all_organisations(self, names: list[str]) -> bool:
        """Every name is one the markup gives an organisation (exactly)."""
        return all(_key(n) in self.organisations for n in names)

    def all_named_as_site(self, names: list[str]) -> bool:
        return {_key(n) for n in names} <= self.named_as_site

    def is_organisation(self, name: str) -> bool:
        """The name is, or holds, or is held in, one the markup gives an organisation."""
        return _is_organisation(name, self.organisations)

    @staticmethod
    def is_handle(name: str) -> bool:
        return _is_handle(name)

    def marked(self) -> list[str]:
        return _marked_authors(self.page, self.holders, self.not_names)

    def visible(self) -> list[str]:
        return _visible_authors(self.page, self.anchor, self.holders, self.not_names)

    def written_by(self) -> list[str]:
        names = clean_authors(written_by(self.page, self.holders), not_names=self.not_names)
        return _signers(names, self.page)

    def printed_over(self, declared: list[str]) -> list[str]:
        printed = printed_byline_over(declared, self.page, self.anchor, self.not_names)
        return _signers(printed, self.page) or declared

    def byline_beside(self, declared: list[str]) -> list[str]:
        """The marked byline when it names every declared author and more people beside them: an
        author field (a meta tag, a JSON-LD author) often holds only the first of several."""
        marked = _listed_authors(self.page, self.holders, self.not_names)
        if len(marked) <= len(declared) or any(
            self.is_organisation(n) or not may_sign(n, self.page) for n in marked
        ):
            return declared
        words = [set(_key_words(n)) for n in marked]
        if all(any(set(_key_words(n)) <= w for w in words) for n in declared):
            return marked
        return declared

    def full_name(self, name: str) -> str:
        return full_name(self.page, self.anchor, name)


def _looks_like_a_person(name: str) -> bool:
    """Two or three capitalised words ("Jane Doe"), none in capitals ("EXAMPLE NEWS"), and not
    an institution's ("Example Heart Foundation"): CMSs type their organisation Person too."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and not name.isupper()
        and not is_institution(name)
        and all(w[:1].isupper() and not w.isupper() for w in words)
    )


def _is_organisation(name: str, organisations: set[str]) -> bool:
    key = _key(name)
    return any(key == o or (len(o) >= 4 and (o in key or key in o)) for o in organisations)


def _is_handle(name: str) -> bool:
    """A login rather than a name as printed: one word in lower case, dotted or run together
    ("jdoe", "jane.doe", "JaneD"), or an admin account ("Site Admin")."""
    words = name.split()
    if any(w.lower() in ACCOUNT_WORDS for w in words):
        return True
    return len(words) == 1 and _LOGIN.search(name) is not None


def _visible_authors(
    page: Page, anchor: str | None, holders: frozenset[lxml.html.HtmlElement], not_names: tuple[str, ...]
) -> list[str]:
    """The byline readers see: its markup first, then its words around the headline; a source that
    names no one who may sign (`may_sign`: a company, a label alone) gives way to the next."""
    if found := _marked_authors(page, holders, not_names):
        return found
    found = _signers(name_under_headline(page, anchor, not_names), page)
    for start, _ in headline_spans(page.visible, anchor):
        for read in (byline_in_text, name_before_date, name_after_date):
            if read is not byline_in_text and found:
                return found  # the line under the headline, when no byline's words follow it
            names = clean_authors(read(page.visible, anchor, start), not_names=not_names)
            if byline := _signers(names, page):
                return byline
    return found or _signers(clean_authors(written_by(page, holders), not_names=not_names), page)


def _marked_authors(
    page: Page, holders: frozenset[lxml.html.HtmlElement], not_names: tuple[str, ...]
) -> list[str]:
    """The names in the first byline element the markup marks, outside comments, menus and sidebars."""
    for elements in _byline_elements(page, holders):
        # The first byline element names the authors; later ones are reviewers, editors, related posts.
        for element in islice((e for e in elements if not _outside_article(e, holders)), 3):
            if _in_caption(element, _classes(element)):
                continue  # a picture's credit, one of the first three all the same
            if found := _signers(clean_authors(_byline_texts(element), not_names=not_names), page):
                return found
    return []


def _signers(names: list[str], page: Page) -> list[str]:
    return [name for name in names if may_sign(name, page)]


def _listed_authors(
    page: Page, holders: frozenset[lxml.html.HtmlElement], not_names: tuple[str, ...]
) -> list[str]:
    """The names of the first marked byline that gives each author an element of their own, one
    name each, side by side ("<a rel=author>Jane Doe</a>, <a rel=author>John Roe</a>")."""
    for elements in _byline_elements(page, holders):
        for element in islice((e for e in elements if not _outside_article(e, holders)), 3):
            listed = co_bylined(element, elements)
            names = [clean_authors(_byline_texts(e), not_names=not_names) for e in listed]
            if len(listed) > 1 and all(len(n) == 1 for n in names):
                found = [n[0] for n in names]
                return found if all(_looks_like_a_person(n) for n in found) else []
            if any(names):
                return []
    return []


def _anchor(page: Page, headline: str | None) -> str | None:
    """The headline as the page's text writes it: the chosen title, or else the visible <h1> (when the
    title comes from metadata that words it differently), where the byline is looked for."""
    if headline and headline[:60] in page.visible:
        return headline
    return next((h for h in headings(page.root) if len(h) >= 10 and h[:60] in page.visible), headline)


def _byline_elements(
    page: Page, holders: frozenset[lxml.html.HtmlElement]
) -> Iterator[list[lxml.html.HtmlElement]]:
    """Elements that may hold the byline, one list per selector, in the order of trust: microdata,
    rel=author, a link to an author page, author-name then byline classes, an author class, and
    last a label ("Written by") with the name in the element after it."""
    marked = page.marked
    authors = [e for e in marked if e.get("itemprop") == "author"]
    yield [n for e in authors for n in e.iterdescendants() if n.get("itemprop") == "name"]
    yield authors
    # Each element's tag, class, rel, href and id read once (the lists below filter these; each lxml
    # get() makes a new string), and the class's name test once.
    rows = [(e, e.tag, _classes(e), e.get("rel"), e.get("href") or "", e.get("id")) for e in marked]
    yield [e for e, tag, _, rel, _, _ in rows if tag == "a" and rel == "author"]
    yield [e for e, _, _, rel, _, _ in rows if rel == "author"]
    yield [e for e, tag, _, _, href, _ in rows if tag == "a" and _AUTHOR_HREF.search(href)]
    yield [e for e, _, c, _, _, _ in rows if "author-name" in c.split()]
    checked = [(e, c, not _NOT_NAME_CLASS.search(c)) for e, _, c, _, _, _ in rows]
    # The name's own element ("card-author-name") before its wrapper ("card-author-name-wrapper").
    yield [e for e, c, name in checked if name and _AUTHOR_NAME_CLASS.search(c)]
    yield [e for e, _, c, _, _, _ in rows if _AUTHOR_NAME_PART.search(c)]
    yield [e for e, _, c, _, _, _ in rows if _BYLINE_NAME_PART.search(c)]
    yield [e for e, _, c, _, _, _ in rows if "byline" in c]
    yield [
        e
        for (e, _, c, _, _, ident), (_, _, name) in zip(rows, checked, strict=True)
        if (c == "author" or ident == "author" or "post-author" in c or "entry-author" in c) and name
    ]
    yield [e for e, tag, c, _, _, _ in rows if tag == "address" and "author" in c]
    yield [e for e, c, name in checked if ("author" in c or "creator-name" in c) and name]
    if _HAS_LABEL.search(page.visible):
        yield [
            named
            for label in label_elements(page.root)
            if _label_in_article(label, holders) and (named := labelled(label)) is not None
        ]


def _in_caption(element: lxml.html.HtmlElement, classes: str) -> bool:
    """A byline element of a picture: its caption's class ("cutline-byline"), or set in its <figure>, where
    it credits the photographer ("Fotos: Example/AFP")."""
    return CAPTION.search(classes) is not None or any(
        a.tag in {"figure", "figcaption"} for a in element.iterancestors()
    )


def _label_in_article(label: lxml.html.HtmlElement, holders: frozenset[lxml.html.HtmlElement]) -> bool:
    """A list's label ("Authors", "Contributors:") counts only in the container of the headline's <h1>
    that is the article's (an <article>, <main>, or a class naming the content or entry): a blog's
    sidebar lists its "Authors" too. A byline's label ("Written by") counts anywhere."""
    if (label.text or "").strip() not in _LIST_LABELS:
        return True
    shared = next((a for a in label.iterancestors() if a in holders), None)
    if shared is None:
        return False
    return shared.tag in {"article", "main"} or bool(
        _ARTICLE_PART.search(f"{_classes(shared)} {shared.get('id', '')}")
    )


def _key_words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower())


def _key(name: str) -> str:
    return re.sub(r"\W+", "", name.lower())


def _byline_texts(element: lxml.html.HtmlElement) -> list[str]:
    """A short byline element's words; for a long one (an author box with a bio), its first few
    separate strings, among which the name stands alone."""
    if element.tag in _CONTAINER_TAGS:
        return []  # <body class="single-author"> is a template's flag, not a byline
    if element.tag in {"ul", "ol"}:
        return [_words(item) for item in element.iterchildren("li")][:_MAX_LISTED_AUTHORS]
    words = _words(element)
    if len(words) <= _MAX_BYLINE_CHARS:
        return [words]
    if len(words) > _MAX_AUTHOR_BOX_CHARS:
        return []
    pieces = (" ".join(t.split()) for t in element.itertext())
    return [p for p in pieces if 2 < len(p) <= 60][:4]
