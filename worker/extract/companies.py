"""A company by its legal form written after its name ("Example Media GmbH", "Example Holdings, Inc."):
one test for the HTML author checks and for the institution beside a person (`authors.is_institution`)."""

from __future__ import annotations

import re

from worker.extract.patterns import LEGAL_FORMS, SHORT_LEGAL_FORMS


def _forms(forms: tuple[str, ...]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


_FORM = re.compile(rf"(?:^|[\s,])(?:{_forms(LEGAL_FORMS)})\.?,?$", re.I)
_SHORT_FORM = re.compile(rf"(?:^|[\s,])(?P<form>{_forms(SHORT_LEGAL_FORMS)})\.?$")
# Two or three capitalised words and a comma: a person's name before the letters she signs with.
_PERSON_AND_COMMA = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,2}\s*,\s*")


def is_company(name: str) -> bool:
    """The name ends in a company's legal form ("Example Media GmbH", "Example Holdings, Inc.",
    "Example Media AG"); a short one that a person signs with too counts only as written and not
    after a person's name and a comma ("Jane Doe, PC")."""
    name = name.strip()
    if _FORM.search(name):
        return True
    short = _SHORT_FORM.search(name)
    return short is not None and not _PERSON_AND_COMMA.fullmatch(name[: short.start("form")])
