"""What an HTML author candidate cannot be: a company (by its legal form), a byline's label alone
("Von", "Autor", "Written by"), a copyright line, the site's name with its address."""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.extract.patterns import (
    BYLINE_LABELS,
    BYLINE_PREFIXES,
    LEGAL_FORMS,
    PICTURE_LABELS,
    PUBLISHED_LABELS,
    UPDATED_LABELS,
    WRITTEN_BY_LABELS,
)

_LEGAL_FORM = re.compile(
    r"(?:^|[\s,])(?:" + "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True)) + r")\.?$"
)
_LABELS = frozenset(label.lower() for label in (*BYLINE_PREFIXES, *BYLINE_LABELS, *WRITTEN_BY_LABELS))
# One-word labels of a date or a picture ("Datum", "Stand", "Bild"): a "name" holding one is the
# words around a timestamp or a caption, which a reader never takes for a person's.
_NOT_NAME_WORDS = frozenset(
    label.lower()
    for label in (*PUBLISHED_LABELS, *UPDATED_LABELS, *PICTURE_LABELS)
    if " " not in label and len(label) >= 4
)
_WORD = re.compile(r"\w+")
_CREDIT_LINE = re.compile(r"\s*(?:©|\(c\)|copyright\b)", re.I)


def may_sign(name: str) -> bool:
    """Not a company by its legal form ("Example Media GmbH": the operator or a press release's
    issuer), nor a byline's label that stands alone where the name should follow it ("Von", "Autor"),
    nor words holding a date's or a picture's label ("Ort Saarbrücken Datum", "Stand")."""
    name = name.strip()
    return (
        _LEGAL_FORM.search(name) is None
        and name.strip(" :").lower() not in _LABELS
        and not any(word in _NOT_NAME_WORDS for word in _WORD.findall(name.lower()))
    )


def no_author_field(value: str, names_site: Callable[[str], bool], person: Callable[[str], bool]) -> bool:
    """An author field that names no writer: a copyright line ("Copyright Example GmbH & Co. KG"), or
    the site's name with its address ("Example News, Hamburg, Germany"), whose places no name splits
    from a person's."""
    if _CREDIT_LINE.match(value):
        return True
    first, *rest = (part.strip() for part in value.split(","))
    return bool(rest) and names_site(first) and not any(person(part) for part in rest)
