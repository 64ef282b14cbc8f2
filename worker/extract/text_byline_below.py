"""A text page's byline below its article, where pages sign at the end, when the header names nobody."""

from __future__ import annotations

import re

from worker.extract.authors import clean_authors
from worker.extract.dates import dates_in_text
from worker.extract.patterns import BYLINE_PREFIXES, NAME_PARTICLES
from worker.extract.text_byline_labels import is_label_alone, names_under_label, signing_sentence
from worker.extract.text_cluster import BYLINE_HEAD, BYLINE_LABEL, COLON_GLUED
from worker.extract.text_signs import (
    NOT_AUTHOR,
    any_of,
    is_byline,
    looks_like_name,
    unglued,
)

_BYLINE_OPENS = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})\b", re.I)  # whether, before which prefix
_BYLINE_MAX_CHARS = 120  # a byline line below the article, with a role after the name at most
_NAME_OPENING_WORDS = 3  # an honorific or a role may stand before the name's first word
_NAME_STOP = re.compile(r"[\d|•·⋅]")  # a name ends before a number or a separator
_LIST_PARTS = re.compile(r"\s*(?:,|&|\band\b)\s*")
_LIST_MIN_NAMES = 3
_QUOTED_FROM = "from"  # below the article, "From Jane Doe" attributes a quote or an offer
_PHRASE_MIN_WORDS = 4  # "by intro h1 h2", not "von lupa am 26/10/13" (`_phrase_after`)
# Where a byline line goes on with a date or a count ("Von Jane / 6. November 2023 / 2 Kommentare").
_PART_END = re.compile(r"\s[|/–—•·-]\s|[|•·]")


def byline_below(lines: list[str], start: int) -> list[str]:
    """When the header names nobody: the first byline below the lead ("Written by Jane Doe",
    "Author" / "Jane Doe"), where pages sign an article at its end."""
    for index in range(start, len(lines)):
        line = lines[index]
        if (signed := signing_sentence(line)) or (signed := _labelled_list(lines, index)):
            return [signed]
        if len(line) > _BYLINE_MAX_CHARS or not _BYLINE_OPENS.match(line):
            continue
        head = BYLINE_HEAD.match(line)  # the longest prefix: the tree only says that one is there
        if head[0].strip().lower() == _QUOTED_FROM:
            continue  # "Expert Take" / "From Jane Doe, CEO of Example": a quote's source, no signature
        if " " not in head[0] and len(_name_words(line[head.end() :])) == 1:
            continue  # "Text Link", "Text Analytics 101": a one-word prefix wants a whole name after it
        if re.search(rf"\w{re.escape(head[0].strip())}\b", line[head.end() :]):
            continue  # "By CategoryBy Brand": a menu's entries run together, the opener glued again
        if BYLINE_LABEL.match(line):
            if index + 1 < len(lines) and looks_like_name(lines[index + 1]):
                return [f"by {lines[index + 1]}"]
        elif is_byline(line) or _names_only(line, head.end()):
            byline = COLON_GLUED.sub(r"\1 ", line)
            names = clean_authors([unglued(byline)])
            if names and not _names_first(names[0], line[head.end() :]):
                continue  # "From Budget to ROI: Planning, Tracking & Optimizing": a heading's words
            if names or not _phrase_after(line[head.end() :]):
                return [byline]  # "von lupa", "Autor: red": a login signs it, and the search ends
    return []


def _labelled_list(lines: list[str], index: int) -> str | None:
    """The people under a label alone that the opener's own reading passes by: a label with a word
    before it or a plural mark ("Article written by:", "Author(s)"), or names not bare ("JD" /
    "Jane Doe" / "Engineer", "Jane Doe - Product marketer")."""
    line = lines[index]
    if not is_label_alone(line):
        return None
    if BYLINE_LABEL.match(line) and index + 1 < len(lines) and looks_like_name(lines[index + 1]):
        return None  # the bare name under "Written by": read below as it always was
    names = names_under_label(lines, index + 1)
    return f"by {', '.join(names)}" if names else None


def _names_only(line: str, at: int) -> bool:
    """A byline too long for `is_byline` that holds nothing but names ("Written by Jane Doe, John
    Roe, Ann Poe and Tom Berg"): a list of three people or more, each part a name."""
    if NOT_AUTHOR.match(line):
        return False
    parts = [part for part in _LIST_PARTS.split(line[at:].strip(" :")) if part.strip()]
    return len(parts) >= _LIST_MIN_NAMES and len(clean_authors([line])) == len(parts)


def _name_words(rest: str) -> list[str]:
    """The words with letters after a byline's opener, up to a number or a separator ("Jane Doe·0")."""
    return [word for word in _NAME_STOP.split(rest, maxsplit=1)[0].split() if any(c.isalpha() for c in word)]


def phrase_byline(line: str) -> bool:
    """A line that only opens like a byline: it goes on as a phrase in lowercase ("From detailed
    reports to expert services in 15+ Example Domains"), or the names read from it come after other
    words ("From Theory to Practice, The Example Ontology"): no one signs it."""
    head = BYLINE_HEAD.match(line)
    if head is None:
        return False
    rest = line[head.end() :]
    first = rest.split()[:1]
    if first and first[0][:1].islower() and first[0] not in NAME_PARTICLES and _phrase_after(rest):
        return True
    text = unglued(COLON_GLUED.sub(r"\1 ", line))  # "By Jane DoeJanuary 4, 2026"
    text = _PART_END.split(text, maxsplit=1)[0]  # "Von Jane / 6. November 2023 / Keine Kommentare"
    names = clean_authors([text])
    return bool(names) and not _names_first(names[0], BYLINE_HEAD.sub("", text, count=1))


def _phrase_after(rest: str) -> bool:
    """Whether what follows a byline's opener that names nobody goes on as a phrase or as code ("By
    subscribing you agree to ...", "by intro h1 h2"): several words and no day, no one signing."""
    return len(rest.split()) >= _PHRASE_MIN_WORDS and not dates_in_text(rest, limit=1)


def _names_first(name: str, rest: str) -> bool:
    """Whether the first name read from a byline is what follows its opener ("By Jane Doe, John
    Roe"), not words further on ("From Budget to ROI: Planning, Tracking")."""
    opening = [word.strip(",;:.").lower() for word in rest.strip(" :").split()[:_NAME_OPENING_WORDS]]
    return name.split()[0].strip(".").lower() in opening  # "By Dr. Jane Doe" reads "Jane Doe"


def full_name_below(bylines: tuple[str, ...], lines: list[str], start: int) -> str | None:
    """The byline below the article that gives the whole name of a header's one-word signature
    ("Written by JaneCooks" over the article, "Written by Jane Doe" under it): the first byline
    below holds one person of two words or more whose given name the signature holds."""
    names = clean_authors(list(bylines))
    if len(names) != 1 or " " in names[0] or not (below := byline_below(lines, start)):
        return None
    full = clean_authors(below)
    if len(full) != 1 or len(words := full[0].split()) < 2 or len(words[0]) < _GIVEN_MIN_CHARS:
        return None
    return below[0] if words[0].lower() in names[0].lower() else None


_GIVEN_MIN_CHARS = 3
