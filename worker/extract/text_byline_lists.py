"""A plain-text paper's author list: names under the headline, each marked with its affiliations.

A journal's page prints its authors as one line under the title, every name followed by the number of
its affiliation and perhaps a mark for the corresponding author ("Jane Doe 1,*, John Roe 2",
"Jane Doe1 ; John Roe2"). The marks are what says the line is a list of people and not a heading's
words; the header's other readers take the digits for a date or a count and pass the line by.
"""

from __future__ import annotations

import re

from worker.extract.authors import is_name

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
