"""What an HTML author candidate cannot be: a company (by its legal form), a byline's label alone
("Von", "Autor", "Written by"), words around a date's or a picture's label, a copyright line, the
site's name with its address; and the author fields that SEO plugins and citation meta write."""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.extract.companies import is_company
from worker.extract.html_page import Page
from worker.extract.patterns import (
    BYLINE_LABELS,
    BYLINE_PREFIXES,
    COPYRIGHT_LINE,
    PICTURE_LABELS,
    PUBLISHED_LABELS,
    UPDATED_LABELS,
    WRITTEN_BY_LABELS,
)

_LABELS = frozenset(label.lower() for label in (*BYLINE_PREFIXES, *BYLINE_LABELS, *WRITTEN_BY_LABELS))
# One-word labels of a date or a picture ("Datum", "Stand", "Bild", "fot."): a "name" holding one is
# the words around a timestamp or a caption, unless it is a person's two names ("Peter Stand").
_DATE_OR_PICTURE_LABEL = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(label)
        for label in sorted({*PUBLISHED_LABELS, *UPDATED_LABELS, *PICTURE_LABELS}, key=len, reverse=True)
        if " " not in label and len(label) >= 4
    )
    + r")(?!\w)",
    re.I,
)
_TWO_NAMES = re.compile(r"[A-ZÀ-Þ][\w'’-]+\s[A-ZÀ-Þ][\w'’-]+")
_YEARS = re.compile(r"\b\d{4}(?:\s*[-–]\s*\d{2,4})?\b")
_SURNAME_FIRST = re.compile(r"^(?P<family>[^\s,]+),\s*(?P<given>[^\s,]+(?:\s[A-Z]\.?)*)$")


def may_sign(name: str, page: Page | None = None) -> bool:
    """Not a company by its legal form ("Example Media GmbH": the operator or a press release's
    issuer), nor a byline's label that stands alone where the name should follow it ("Von", "Autor"),
    nor words around a date's or a picture's label ("Ort Saarbrücken Datum", "Foto: dpa"). A person's
    two names may hold such a word ("Peter Stand", "Paru Raman"), unless the page writes them before
    a colon or digits, as a label's ("Verjährung von Ansprüchen Bild: Agentur", "Jane Stand 3.5.")."""
    name = name.strip()
    if is_company(name) or name.strip(" :").lower() in _LABELS:
        return False
    if _DATE_OR_PICTURE_LABEL.search(name) is None:
        return True
    if _TWO_NAMES.fullmatch(name) is None:
        return False
    return page is None or re.search(re.escape(name) + r"\s*[:\d]", page.visible) is None


def author_field(value: str, names_site: Callable[[str], bool], person: Callable[[str], bool]) -> str | None:
    """What an author field names, or None when it names no writer. A copyright line names the
    person it leaves when its mark and years go ("© Jane Doe"), else none ("Copyright Example GmbH &
    Co. KG"); the site's name with its address ("Example News, Hamburg, Germany") none, as no name
    splits its places from a person's."""
    if COPYRIGHT_LINE.found_in(value):
        rest = _YEARS.sub(" ", COPYRIGHT_LINE.pattern.sub(" ", value)).strip(" .,;:-–—|")
        return rest if person(rest) else None
    first, *rest = (part.strip() for part in value.split(","))
    if rest and names_site(first) and not any(person(part) for part in rest):
        return None
    return value


def first_name_first(value: str) -> str:
    """ "Doe, Jane" (as scholarly citation meta writes one author per tag) read "Jane Doe", each of
    a list the older form separates by semicolons ("Doe, Jane; Roe, John"); a list of full names
    ("Jane Doe, John Roe") is left alone."""
    if ";" in value:
        return "; ".join(first_name_first(part.strip()) for part in value.split(";") if part.strip())
    match = _SURNAME_FIRST.match(value)
    return f"{match['given']} {match['family']}" if match else value


def labelled_meta(page: Page) -> list[str]:
    """The value of a `twitter:labelN` = "Written by" pair, as SEO plugins write the author."""
    values = []
    for number in "1234":
        label = page.first_meta((f"twitter:label{number}",)) or ""
        if (
            label.lower().strip(" :") in {"written by", "author", "by", "est. reading time"}
            and "by" in label.lower()
        ):
            values += page.meta.get(f"twitter:data{number}", [])[:1]
    return values
