"""A byline's name without what a plain-text copy glued to it: a byline opener glued before it
("PorAna Ruiz", "VonJan Roth"), a job title hyphenated before it ("Senior-Editor Jane Doe",
"Verkehrs-Experte Jan Roth") or a section's or an outlet's name glued after it ("Jane DoeHarbour News",
"Jane DoeEXAMPLE"), each lost space of the copy put back and the glued words dropped."""

from __future__ import annotations

import re

from worker.extract.languages.roles import ROLE_WORDS
from worker.extract.patterns import BYLINE_PREFIXES, PERSON_ROLES

# One-word openers of every language, "by" and those of three letters or more: two letters glued to
# a capitalised word are more often a family name's particle ("DiMaggio", "DaSilva") than an opener.
_OPENERS = tuple(
    sorted(
        {p for p in BYLINE_PREFIXES if p.isalpha() and (len(p) >= 3 or p == "by")},
        key=len,
        reverse=True,
    )
)
_COMPOUND_ROLE_MIN = 7  # "Finanzexperte" ends in "experte"; "editor" in a word is too short to tell
_GLUED_AFTER = re.compile(r"(?<=[a-zà-ÿ]{4})(?=[A-ZÀ-Þ])")  # "DoeHarbour": not "McDonald", "MacArthur"
_TAIL_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+|[A-ZÀ-Þ]+(?![a-zà-ÿ])")  # "Harbour", "EXAMPLE" of "EXAMPLENews"


def without_glue(name: str, lines: list[str]) -> str:
    """The name without a glued opener, a glued job title before it, or a glued tail after it that the
    page prints as a word of its own elsewhere (`lines`)."""
    return _without_glued_tail(_without_role_prefix(_without_opener(name)), lines)


def _without_opener(name: str) -> str:
    """ "PorAna Ruiz" reads "Ana Ruiz": a capitalised opener glued to a capitalised given name, the
    family name after it (one word glued so may be a word's own capitals: "TextMate")."""
    first, *rest = name.split()
    if not rest or not first[:1].isupper():
        return name
    low = first.lower()
    for opener in _OPENERS:
        given = first[len(opener) :]
        if (
            low.startswith(opener)
            and len(given) >= 2
            and first[1 : len(opener)].islower()
            and given[0].isupper()
            and given[1:].islower()
        ):
            return " ".join((given, *rest))
    return name


def _without_role_prefix(name: str) -> str:
    """ "Senior-Editor Jane Doe" reads "Jane Doe": a first word hyphenated onto a job title, or one
    compound ending in a long one ("Finanzexperte Jan Roth"), before two words at least."""
    words = name.split()
    if len(words) < 3:
        return name
    first = words[0].lower()
    role = first.rsplit("-", 1)[1] if "-" in first else None
    if role is not None and (role in ROLE_WORDS or role in PERSON_ROLES):
        return " ".join(words[1:])
    if role is None and any(
        len(word) >= _COMPOUND_ROLE_MIN and first.endswith(word) and len(first) > len(word)
        for word in ROLE_WORDS
    ):
        return " ".join(words[1:])
    return name


def _without_glued_tail(name: str, lines: list[str]) -> str:
    """ "Jane DoeHarbour News" reads "Jane Doe": a word after the first glued to a capitalised word
    (four lowercase letters before it: "McDonald" and "MacArthur" are names) which the page prints as
    a word of its own on another line ("Harbour News" in its footer): a section's or an outlet's. A
    word the page also prints with the space ("Harbour Lantern") is one name written both ways."""
    words = name.split()
    for k in range(1, len(words)):
        glue = _GLUED_AFTER.search(words[k])
        if glue is None:
            continue
        head, tail = words[k][: glue.start()], words[k][glue.start() :]
        if any(f"{head} {tail}" in line for line in lines):
            continue  # "HarbourLantern" beside "Harbour Lantern": one name, printed both ways
        parts = {tail, found[0]} if (found := _TAIL_WORD.match(tail)) else {tail}
        if any(_prints_alone(part, words[k], lines) for part in parts):
            return " ".join((*words[:k], words[k][: glue.start()]))
    return name


def _prints_alone(word: str, glued: str, lines: list[str]) -> bool:
    """Whether a line not holding the glued word prints `word` as a word of its own."""
    alone = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return any(glued not in line and alone.search(line) for line in lines)
