"""A plain-text paper's author list: names under the headline, each marked with its affiliations.

A journal's page prints its authors as one line under the title, every name followed by the number of
its affiliation and perhaps a mark for the corresponding author ("Jane Doe 1,*, John Roe 2",
"Jane Doe1 ; John Roe2"). The marks are what says the line is a list of people and not a heading's
words; the header's other readers take the digits for a date or a count and pass the line by.
"""

from __future__ import annotations

import re

from worker.extract.authors import is_name
from worker.extract.patterns import AUTHOR_ROLE_WORDS
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import line_words

_REACH = 3  # "Headline" / "Authors of this article:" / the list
_PARTS = re.compile(r"\s*[,;]\s*")
_MARKS = r"[\d*✉†‡§#]"
_MARK_ONLY = re.compile(rf"^{_MARKS}+$")
_MARKED_NAME = re.compile(rf"^(?P<name>[^\d*✉†‡§#]+?)\s*{_MARKS}{{1,3}}$")
_MIN_NAMES = 2  # one marked name may be a heading ending in a number ("Chapter 2")


def marked_author_list(lines: list[str], headline: int) -> str | None:
    """The first line within a few under the headline that lists two people or more, each name
    followed by its affiliation marks: the names, without the marks, joined by commas."""
    for line in lines[headline + 1 : headline + 1 + _REACH]:
        if (names := _marked_names(line)) is not None:
            return ", ".join(names)
    return None


def _marked_names(line: str) -> list[str] | None:
    """The names of a line made only of marked names (a mark alone after a comma belongs to the
    name before it: "Jane Doe 1,*"), or None."""
    names: list[str] = []
    for part in _PARTS.split(line.strip().rstrip(",;")):
        if _MARK_ONLY.match(part) and names:
            continue
        marked = _MARKED_NAME.match(part)
        if marked is None or not is_name(name := marked["name"].strip()) or len(name.split()) < 2:
            return None
        names.append(name)
    return names if len(names) >= _MIN_NAMES else None


_ROLE_AFTER = re.compile(r"\s+[|•·⋅]\s+|\s+[-–—]\s+")  # "Jane Doe and John Roe | Guest Columnists"
_NAME_JOINS = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
_ROLE_MAX_WORDS = 4
_DIGIT = re.compile(r"\d")  # "Example Team | 5 min read": a reading time, no role


def names_before_role(line: str, common: PageWords) -> str | None:
    """The names of a line that signs with a role after a separator ("Jane Doe | Staff Writer",
    "Jane Doe and John Roe – Guest Columnists"): each name bare, the role a few words ending in a
    role's word; the role is what says the names sign the piece."""
    parts = _ROLE_AFTER.split(line.strip(), maxsplit=1)
    if len(parts) != 2 or len(parts[1].split()) > _ROLE_MAX_WORDS or _DIGIT.search(parts[1]):
        return None
    words = line_words(parts[1])
    if not words or words[-1] not in AUTHOR_ROLE_WORDS:
        return None
    names = _NAME_JOINS.split(parts[0])
    return parts[0] if all(common.is_bare_name(name) for name in names) else None
