"""The author of an author box below a plain-text article: a name line over a note that opens with
her given name ("Jane Doe" / "Jane Doe is a reporter at ..."), over an address of hers, or with her job
title on its line over a note opening with her given name. `text_header` asks it last, once the
headline's lines named no one."""

from __future__ import annotations

import re

from worker.extract.patterns import AUTHOR_BIO_VERBS, AUTHOR_BOX_HEADINGS, PERSON_PRONOUNS, PERSON_ROLES
from worker.extract.text_bylines import NAME_MAX_CHARS, TITLED_LINE_MAX_CHARS, names_a_role
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import line_words

_BOX_REACH = 3  # "Jane Doe" / "Senior Editor" / "Jane Doe is a reporter at ..."
_BIO_MIN_WORDS = 8


def _box_name(line: str) -> str:
    """An author box's name line without its heading ("About Jane" -> "Jane")."""
    lowered = line.lower()
    for heading in AUTHOR_BOX_HEADINGS:
        if lowered.startswith(heading + " "):
            return line[len(heading) :].strip(" :")
    return line


def _bio_opener(line: str) -> str | None:
    """The first word of the name an author's note opens with ("Jane Doe is a reporter at ..."), when
    the note speaks of a person (a pronoun or a role: "she", "founder"), not a product ("it")."""
    head = line.split(maxsplit=4)  # its first four words: most lines below the lead are prose, no note
    if len(head) < 5:
        return None  # fewer than `_BIO_MIN_WORDS` words
    verb = next((k for k in range(1, 4) if head[k].lower() in AUTHOR_BIO_VERBS), None)
    if verb is None or not all(w[:1].isupper() for w in head[:verb]):
        return None
    words = line.split()
    if len(words) < _BIO_MIN_WORDS:
        return None
    said = {w.strip(".,;:!?()").lower() for w in words[verb:]}
    return words[0] if said & (PERSON_PRONOUNS | PERSON_ROLES) else None


def author_box(lines: list[str], lead: int, common: PageWords) -> str | None:
    """The author of an author box below the article: a name line (perhaps "About Jane", a job
    title under it) over a note that opens with the same given name and a verb ("Jane Doe is a
    reporter at ..."), or, where no such note is found, a name over an address of hers ("Jane Doe" /
    "janed@example.com") or with her job title on its line over a note opening with her given name.
    Only when the page holds one such box: a list of people profiled is none."""
    found: set[str] = set()
    other: set[str] = set()  # the rarer shapes, which count only where the common one finds nobody
    for index in range(lead + 1, len(lines)):
        if name := _name_over_address(lines, index, lead, common) or _titled_name_over_note(
            lines, index, lead, common
        ):
            other.add(name)
            continue
        if (first := _bio_opener(lines[index])) is None:
            continue
        for above in range(index - 1, max(lead, index - 1 - _BOX_REACH), -1):
            name = _box_name(lines[above])
            if name.split()[:1] == [first] and (
                common.is_bare_name(name) if name == lines[above] else len(name.split()) <= 3
            ):
                found.add(name)
                break
    found = found or other
    return next(iter(found)) if len(found) == 1 else None


def _titled_name_over_note(lines: list[str], index: int, lead: int, common: PageWords) -> str | None:
    """A name line that goes on with her job title over a note opening with her given name alone
    ("Jane Doe UK-based Technology Writer" / "Jane explores the ..."): the name is the line's first
    two or three words of a person's name's shape."""
    note = lines[index].split(maxsplit=_BIO_MIN_WORDS)
    if index - 1 <= lead or len(note) < _BIO_MIN_WORDS or not note[1][:1].islower():
        return None
    words = lines[index - 1].split()
    if len(words) < 3 or len(lines[index - 1]) > TITLED_LINE_MAX_CHARS or words[0] != note[0]:
        return None
    for k in (3, 2):
        if common.is_bare_name(name := " ".join(words[:k])) and names_a_role(
            line_words(" ".join(words[k:]))[-1:]
        ):
            return name
    return None


def _name_over_address(lines: list[str], index: int, lead: int, common: PageWords) -> str | None:
    """A name line over an email address of that person's ("Jane Doe" / "janed@example.com"): the
    address holds her given name or her family name."""
    if (
        "@" not in lines[index]
        or index - 1 <= lead
        or (address := _ADDRESS.match(lines[index].strip())) is None
    ):
        return None
    name = _NAME_LEAD.sub("", lines[index - 1]).strip()
    local = address[1].lower()
    if len(name) > NAME_MAX_CHARS or not common.is_bare_name(name):
        return None
    return name if any(len(w) >= 3 and w.lower()[:4] in local for w in name.split()) else None


_ADDRESS = re.compile(r"^([\w.+-]+)@[\w-]+(?:\.[\w-]+)+$")
_NAME_LEAD = re.compile(r"^[^\w]+")  # ". . . Jane Doe", "— Jane Doe": a signature's lead-in
