"""A personal site's owner, who signs its article when no line of the header names anyone.

A personal blog names its owner where a company's site names the company: in its masthead (the
page's first line, "Jane Doe"; or a possessive one, "Jane Doe's Tech Blog", "Jane Doe's notes on
data"), and in its copyright line ("© 2025 Jane Doe. All rights reserved."). Such a name signs only
when the page's prose speaks in the first person of its language ("I", "my", "ich"): a company's
pages say "we", a shop's or a magazine's rarely "I".
"""

from __future__ import annotations

import re

from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import clean_authors, is_institution, writes_in_lowercase
from worker.extract.languages.data import LANGUAGES
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import looks_like_name

_OWNER_TOP_LINES = 3  # the site's name heads the page: its first line of text, past blank ones
_OWNER_MAX_WORDS = 3
_PROSE_MIN_WORDS = 8
# A writer speaking of herself at least once in so many words of prose (a personal blog: "I", "my");
# a company's pages say "we", a shop's or a magazine's rarely "I" (tuned on WCXB dev's half 0).
_FIRST_PERSON_SHARE = 1 / 200
_OWNER_MAX_WORD_CHARS = 20
_DOMAIN_DOT = re.compile(r"\w\.\w\w")
# "Jane Doe's Tech Blog", "Jane Doe’s thoughts on AI": the masthead says whose site it is.
_POSSESSIVE = re.compile(r"^((?:[A-ZÀ-Þ][\w.-]*\s){1,2}[A-ZÀ-Þ][\w-]*)['’]s\s")
# "© 2025 Jane Doe. All rights reserved.", "Copyright Jane Doe 2012-2025.", "(c) 2019-2024 Jane Doe":
# the holder's capitalised words after the mark and its years.
_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*©)?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d|present))?,?\s*)?"
    r"((?:[A-ZÀ-Þ][\w-]*\.?\s){1,3}[A-ZÀ-Þ][\w-]*)(?=\s*(?:[.,|·•]|$|\s(?:19|20)\d\d|\s[-–]))",
    re.I,
)
_FOOTER_LINES = 12  # the copyright line stands at the very end of the page
_FOOTER_MAX_CHARS = 120
_ABOUT_MAX_CHARS = 40


def site_owner(lines: list[str], language: str | None, common: PageWords) -> str | None:
    """The owner of a personal site, when no line of the header names anyone: the page opens with a
    person's name, as a personal blog's masthead does ("Jane Doe" / "About  Notes  Projects"), or
    says whose site it is ("Jane Doe's Tech Blog"), or its copyright line names a person; and its
    prose speaks in the first person of its language. A company's or a magazine's name is written in
    the page's common words ("Example Travel"), with an acronym ("Example LMS"), or its prose says
    "we"; on a page that capitalises its nouns, capitals make no name ("Kostenlose Beratung")."""
    said_words = frozenset(LANGUAGES[language].first_person) if language in LANGUAGES else frozenset()
    if not said_words or common.capitalises_words:
        return None
    top = [line.strip() for line in lines[: _OWNER_TOP_LINES + 1] if line.strip()]
    first = top[0].rstrip(" /|") if top else ""
    possessive = next((found[1] for line in top if (found := _POSSESSIVE.match(line))), "")
    about = _about_entry(lines[: common.lead], LANGUAGES[language].about)
    if about and not _named_elsewhere(about, lines):
        about = ""  # "About Notes Projects": a menu run together, no person the page names again
    holder = _copyright_holder(lines)
    candidates = [name for name in (first, possessive, about) if _owner_name(name, common)]
    if holder and (
        _owner_name(holder, common) or _owner_name(holder, common, _without_handle(lines, holder))
    ):
        candidates.append(holder)
    if not candidates:
        return None
    if not _first_person(lines, said_words):
        # A masthead saying whose site it is needs only the owner to speak of herself once.
        if not (possessive in candidates and _first_person(lines, said_words, share=0.0)):
            return None
        candidates = [possessive]
    return next((name for name in candidates if clean_authors([name])), None)


def _owner_name(name: str, common: PageWords, lines: list[str] | None = None) -> bool:
    """Whether a masthead's or a copyright line's words are a person's name, not a company's; a word
    the page writes in lowercase makes none (in `lines` when given, else anywhere on the page)."""
    if not looks_like_name(name) or len(name.split()) > _OWNER_MAX_WORDS or is_institution(name):
        return False
    words = name.split()
    if _DOMAIN_DOT.search(name) or any(len(w) > _OWNER_MAX_WORD_CHARS for w in words):
        return False  # "Example.AI Labs", "Jane Doeaboutnotesprojects": a company, a menu run on
    if any(len(w) > 1 and w.isupper() for w in words):
        return False  # "Example LMS", "EXAMPLE OIL": a brand with its acronym, a brand in capitals
    if lines is not None:
        return not any(w.lower() in STOPWORDS or writes_in_lowercase(w, "\n".join(lines)) for w in words)
    return not any(w.lower() in STOPWORDS or common.writes_lowercase(w) for w in words)


def _without_handle(lines: list[str], name: str) -> list[str]:
    """The lines but those printing every word of the name in lowercase, run together as a handle or
    a masthead ("jane/doe", "janedoe@GitHub" for Jane Doe): the owner's own, no common word."""
    words = [w.lower() for w in name.split()]
    return [line for line in lines if not all(w in line for w in words)]


def _about_entry(lines: list[str], headings: tuple[str, ...]) -> str:
    """The person a menu's "About" entry names above the article ("About Jane Doe"), in the page's
    language: a personal site's page about its owner."""
    for line in lines:
        if len(line) <= _ABOUT_MAX_CHARS and (low := line.lower()).startswith(headings):
            heading = next(h for h in headings if low.startswith(h))
            if line[len(heading) : len(heading) + 1] == " ":
                return line[len(heading) :].strip()
    return ""


def _named_elsewhere(name: str, lines: list[str]) -> bool:
    """Whether a line not naming the whole of it names the person by her given name ("More From Jane")."""
    given = re.compile(rf"\b{re.escape(name.split()[0])}\b")
    return any(name not in line and given.search(line) for line in lines)


def _copyright_holder(lines: list[str]) -> str:
    """The holder a short copyright line at the page's end names, as printed ("Jane Doe")."""
    for line in reversed(lines[-_FOOTER_LINES:]):
        if len(line) <= _FOOTER_MAX_CHARS and (found := _HOLDER.search(line)):
            return found[1].rstrip(".")
    return ""


def _first_person(lines: list[str], said_words: frozenset[str], share: float = _FIRST_PERSON_SHARE) -> bool:
    """Whether the page's prose speaks in the first person often enough for a personal site."""
    prose = [
        w.strip('.,;:!?()"“”').lower()
        for line in lines
        if len(ws := line.split()) >= _PROSE_MIN_WORDS
        for w in ws
    ]
    said = sum(w in said_words for w in prose)
    return bool(prose) and said > 0 and said >= share * len(prose)
