"""Bylines below a text article that `byline_below`'s openers miss: a label over a list of names, and
a sentence saying who wrote the post.

An author box under an article prints its label alone ("Article written by:", "Author(s)") and the
people under it, one a line, each perhaps after an avatar's initials ("JD" / "Jane Doe" / "Senior
Engineer"). A post may also end (or open) with a sentence that signs it ("This post was written by
Jane Doe, Head of Research"). Both say who wrote the page wherever they stand.
"""

from __future__ import annotations

import re

from worker.extract.authors import clean_authors
from worker.extract.languages.data import merged
from worker.extract.patterns import CONTRIBUTOR_LABELS, WRITTEN_BY_LABELS
from worker.extract.text_bylines import is_job_title
from worker.extract.text_cluster import BYLINE_LABEL
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import NOT_AUTHOR, looks_like_name

_PLURAL = re.compile(r"\(s\)", re.I)  # "Author(s)"
_LABEL_MAX_WORDS = 4  # "Article written by:"
_INITIALS = re.compile(r"^[A-ZÀ-Þ]{2,3}$")  # an avatar's letters standing for the name under them
_HEAD_END = re.compile(r"\s[-–—|•·]\s|,\s")  # "Jane Doe - Product marketer", "Jane Doe, 9 years ..."
_MAX_NAMES = 8
_SIGNING = re.compile(
    "^(?:"
    + "|".join(re.escape(label) for label in WRITTEN_BY_LABELS if len(label.split()) > 2)
    + r")\s+(?=\S)"
)


def is_label_alone(line: str) -> bool:
    """A byline's label standing alone, perhaps after the word it qualifies ("Article written by:")
    or with a plural mark ("Author(s)"); never a label of someone else ("Article reviewed by:")."""
    # Asked of every line below the lead: the mark's pattern only where a parenthesis is, and the
    # words split no further than it takes to tell a label's few from a sentence's many.
    text = (_PLURAL.sub("", line) if "(" in line else line).strip()
    words = text.split(maxsplit=_LABEL_MAX_WORDS)
    if not words or len(words) > _LABEL_MAX_WORDS or NOT_AUTHOR.match(text):
        return False
    if BYLINE_LABEL.match(text):
        return True
    rest = " ".join(words[1:])  # a label of two words or more: "Increase Text" is a control's
    return len(words) > 2 and not NOT_AUTHOR.match(rest) and BYLINE_LABEL.match(rest) is not None


def names_under_label(lines: list[str], start: int) -> list[str]:
    """The people listed from `start` on, one a line: a bare name, or a name before a role or a
    description; an avatar's initials may stand over a name, a role under it. Ends at the first line
    that is neither."""
    names: list[str] = []
    index = start
    while index < len(lines) and len(names) < _MAX_NAMES:
        line = lines[index].strip()
        if _INITIALS.match(line) and index + 1 < len(lines) and _initials(lines[index + 1]) == line:
            names.append(lines[index + 1].strip())
            index += 2
            if index < len(lines) and not _INITIALS.match(lines[index].strip()):
                index += 1  # the role under the name
            continue
        name = line if looks_like_name(line) else _HEAD_END.split(line, maxsplit=1)[0].strip()
        if not looks_like_name(name) or (names and is_job_title(name)):
            break
        names.append(name)
        index += 1
    return names


def _initials(line: str) -> str:
    return "".join(word[0] for word in line.split() if word[:1].isupper())


def signing_sentence(line: str) -> str | None:
    """The writer a sentence names ("This post was written by Jane Doe, Head of Research"): the
    first name read after the phrase."""
    opener = _SIGNING.match(line)
    if opener is None:
        return None
    names = clean_authors([line[opener.end() :]])
    return f"by {names[0]}" if names else None


_GLUED_WORDS = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]")  # words whose spaces the copy lost
_JOINER_LINE = re.compile(r"^(?:,|;|&|,?\s*(?:and|with))$", re.I)  # what the copy left between names


def names_over_lines(texts: list[str]) -> str:
    """The name under a label alone and the others a layout split over the next lines ("Jane Doe" /
    "," / "John Roe" / ", and" / "Example Team"): one byline, each joiner followed by a name."""
    if len(texts) > 1 and _GLUED_WORDS.search(texts[0]) and looks_like_name(texts[1]):
        texts = texts[1:]  # "By" / "Travel TipsJust BookedPlanning": categories glued, then the name
    if len(noted := _noted_names(texts)) > 1:
        return ", ".join(noted)  # "Jane Doe, 9 years on the port beat ..." / "John Roe, editor ..."
    joined = texts[0]
    for at in range(1, len(texts) - 1, 2):
        joiner, name = texts[at].strip(), texts[at + 1].strip()
        if not _JOINER_LINE.match(joiner) or not clean_authors([name]):
            break
        joined += f"{joiner if joiner[0] in ',;' else ' ' + joiner} {name}"
    return joined


def _noted_names(texts: list[str]) -> list[str]:
    """The names of the lines under a label that each give a person's name and a note on her after a
    comma, in lowercase or from a number ("Jane Doe, 9 years on the port beat ..." / "John Roe,
    senior editor ..."): one name a line, the notes left out."""
    names = []
    for text in texts[:_NOTED_MAX]:
        found = _NOTE_AFTER_NAME.match(text.strip())
        if found is None or not looks_like_name(found[1]):
            break
        names.append(found[1])
    return names


_NOTED_MAX = 4
_NOTE_AFTER_NAME = re.compile(r"^([A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3}),\s+(?=[a-zà-ÿ0-9])")


_FIELD_AFTER = re.compile(r"[•·⋅|]\s*[^\W\d_]+:\s")  # "Posted By: Jane · In: Travel, Tips": another field


def own_field(text: str) -> str:
    """A byline line up to a separator and another labelled field ("In:", "Tags:"), which lists
    categories, not people; the whole line when no such field follows."""
    field = _FIELD_AFTER.search(text)
    return text[: field.start()].strip() if field else text


_CONTRIBUTORS = re.compile(rf"^(?:{'|'.join(CONTRIBUTOR_LABELS)})\s*:\s*(?=\S)", re.I)


def contributors_line(pieces: list[tuple[int, str]]) -> list[str]:
    """A header line that labels its names as the contributors ("Contributors: Jane Doe"), with a
    colon: a lone "Contributors" is a menu's entry, not a label."""
    for _, text in pieces:
        if (label := _CONTRIBUTORS.match(text)) and clean_authors([text[label.end() :]]):
            return [f"by {text[label.end() :]}"]
    return []


# The words a writer opens with when she speaks of herself, in every language the data holds ("I",
# "I’m", "ich", "je", "ik"...): `languages.data`'s first-person words, not a list of this reader's own.
_FIRST_PERSON_WORDS = frozenset(merged("first_person"))


def opens_in_first_person(note: str) -> bool:
    """Whether the note's first word is the writer speaking of herself ("I’m the founder of ...")."""
    first = note.split(maxsplit=1)[0].lower().strip(",.:;!") if note.strip() else ""
    return first in _FIRST_PERSON_WORDS


_ROLE_IN_BRACKETS = re.compile(
    r"^\([^()]{1,60}\)\s*[–—-]?\s*"
)  # "(Editor / Journalist) – Jane comes from ..."
_NOTE_MIN_WORDS = 8


def note_under_name(lines: list[str], lead: int, common: PageWords) -> str | None:
    """An author box below the article that `author_box` does not read: a bare name line over a note
    in the first person ("Jane Doe" / "I’m the founder of ...") or over one that opens with the
    person's role in brackets and then the given name ("(Editor) – Jane comes from ..."). Only when
    the page holds one such box."""
    found: set[str] = set()
    for index in range(lead + 1, len(lines) - 1):
        name, note = lines[index].strip(), lines[index + 1].strip()
        if len(note.split()) < _NOTE_MIN_WORDS or not common.is_bare_name(name):
            continue
        role = _ROLE_IN_BRACKETS.match(note)
        if opens_in_first_person(note) or (role and note[role.end() :].split()[:1] == name.split()[:1]):
            found.add(name)
    return next(iter(found)) if len(found) == 1 else None


def label_byline(texts: list[str], at: int) -> str | None:
    """The byline a label alone opens (`names_over_lines`), unless the label is a menu's entry."""
    return None if label_in_menu(texts, at) else f"by {names_over_lines(texts[at + 1 :])}"


def label_in_menu(texts: list[str], at: int) -> bool:
    """Whether a byline label alone is a menu's link to the site's authors ("Themen" / "Über uns" /
    "Autoren" / "Suche" / "Impressum"): the entries around it short lines, none a sentence, a day or a
    person's name; a label over a name ("Autorin" / "Jane Doe") or over prose signs. At the top of
    the lines read, the entries under it alone tell."""
    below = texts[at + 1 : at + 2 + _MENU_REACH]  # three entries under it, and up to two over it
    around = texts[max(0, at - _MENU_REACH) : at] + below
    return (
        len(below) > _MENU_REACH
        and not looks_like_name(below[0])
        and all(0 < len(text.split()) <= _MENU_ENTRY_WORDS and not _NOT_ENTRY.search(text) for text in around)
    )


_MENU_REACH = 2  # the entries read above the label (one more under it)
_MENU_ENTRY_WORDS = 4  # "Aktuelles aus der Enquete"
_NOT_ENTRY = re.compile(r"\d|[.!?:,;]$")  # a day, a count, a sentence's end or a label's colon
