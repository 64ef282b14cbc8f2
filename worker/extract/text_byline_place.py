"""Where a byline stands against a plain-text page's headline, and what that says: a byline of a word
or two far above it is a menu's entry ("By Category"), bylines that all stand well above it sign the
teasers over it, and a dated name just under it then signs the article."""

from __future__ import annotations

import re

from worker.extract.authors import clean_authors
from worker.extract.dates import dates_in_text
from worker.extract.text_byline_below import phrase_byline
from worker.extract.text_cluster import DOTS, SEGMENT, byline_head
from worker.extract.text_dated_names import signature_word
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import (
    BYLINE,
    CLUSTER_STEPS,
    HEADER_WINDOW,
    MAX_META_WORDS,
    NOT_AUTHOR,
    is_byline,
)

_MENU_FAR_ABOVE = 6  # lines above the headline past which an undated byline of a word or two is a menu's
_MENU_ENTRY_WORDS = 3  # "By Event Type"
_MENU_RUN = 3  # entries under a menu's "By Category" that show it heads them
_SENTENCE_MARK = re.compile(r"[.!?:;]")
_TEASERS_ABOVE = 2  # lines over the headline past which a byline may sign a teaser, not the article
_NAME_MAX_CHARS = 40
_HANDLE_WORDS = 4  # "By", the name, "in", the category
_JUST_UNDER = 2  # "Headline" / "By Jane Doe · Dec 20, 2025 · One comment", perhaps a kicker between


def byline_just_under(
    lines: list[str], headline: int | None, bylines: tuple[str, ...], common: PageWords
) -> str | None:
    """The byline printed right under the headline, long as its line may be ("by Jane · Dec 20, 2025 at
    3:00 am · One comment so far", "Written by: Jane Doe Head of Product, Expert in ..."): it signs the
    article, where bylines read further from the headline sign a teaser or a book the article reviews."""
    if headline is None:
        return None
    for index in range(headline + 1, min(len(lines), headline + 1 + _JUST_UNDER)):
        line = lines[index].strip()
        if not BYLINE.match(line) or NOT_AUTHOR.match(line) or phrase_byline(line):
            continue
        head = SEGMENT.split(line, maxsplit=1)[0]
        head = DOTS.split(head, maxsplit=1)[0].strip()
        dated = bool(dates_in_text(line, limit=1))
        found = byline_head(head, common, dated=dated)
        if found == head and (handle := _handle_in_category(head, common)):
            found = handle  # "By JaneCooks in Workshop": one word signing, then the category
        names = clean_authors([found])
        if not names or len(found.split()) > MAX_META_WORDS:
            return None
        if not all(
            common.is_bare_name(name) or (" " not in name and (dated or found != head)) for name in names
        ):
            return None
        return None if names == clean_authors(list(bylines)) else found
    return None


def _handle_in_category(byline: str, common: PageWords) -> str | None:
    """The byline up to its one-word name before " in " and a category ("By JaneCooks in Workshop"),
    when the page never writes that word in lowercase."""
    words = byline.split()
    if len(words) < _HANDLE_WORDS or words[2] != "in" or not words[3][:1].isupper():
        return None
    return " ".join(words[:2]) if signature_word(words[1], common) else None


def signed_under_headline(
    lines: list[str], headline: int | None, bylines: tuple[str, ...], lead: int, common: PageWords
) -> str | None:
    """A dated name in the few lines under the headline ("Headline" / standfirst / "Jane Doe" / "30
    January 2025"), when every byline read stands further above the headline: those sign the
    teasers over it, the name under it signs the article."""
    if headline is None or not bylines:
        return None
    start = max(0, lead - HEADER_WINDOW)
    for byline in bylines:
        at = next((i for i in range(start, headline) if byline in lines[i]), None)
        if at is None or at >= headline - _TEASERS_ABOVE:
            return None
    for index in range(headline + 1, min(lead, len(lines) - 1, headline + 1 + CLUSTER_STEPS)):
        line = lines[index].strip()
        if len(line) > _NAME_MAX_CHARS or not common.is_dated_name(line):
            continue
        if any(
            len(lines[i].split()) <= MAX_META_WORDS and dates_in_text(lines[i], limit=1)
            for i in (index - 1, index + 1)
            if i > headline
        ):
            return line
    return None


def menu_entry_above(lines: list[str], byline: str, headline: int, common: PageWords) -> bool:
    """A byline of a word or two far above the headline that names no person and has no day beside
    it ("By Category", "By Event Type"): an entry of a menu that sorts the site's pages, where a
    header's byline stands under its headline or just above it."""
    start = max(0, headline - HEADER_WINDOW)
    at = next((i for i in range(headline - 1, start - 1, -1) if lines[i].startswith(byline)), None)
    if at is None or at >= headline - _MENU_FAR_ABOVE or len(lines[at].split()) > _MENU_ENTRY_WORDS:
        return False
    if not is_byline(lines[at]) or not (
        any(map(common.writes_lowercase, lines[at].split()[1:])) or _heads_entries(lines, at, common)
    ):
        return False  # "By Jane Doe", "By ExampleCook" over a photo and its caption: a signature
    return not any(dates_in_text(lines[i], limit=1) for i in range(max(0, at - 1), min(len(lines), at + 2)))


def _heads_entries(lines: list[str], at: int, common: PageWords) -> bool:
    """Whether a byline of plain words heads a menu's entries ("By Modality" / "Behavioral &
    Psychiatry" / "Urgent Care" / ...): a run of short lines under it, none a sentence, a day or a
    name. A person's name or a handle ("By HarbourCook") over a menu still signs."""
    words = lines[at].split()[1:]
    if common.is_bare_name(" ".join(words)) or any(not word[1:].islower() for word in words):
        return False
    below = [line.strip() for line in lines[at + 1 : at + 1 + _MENU_RUN]]
    return len(below) == _MENU_RUN and all(
        0 < len(line.split()) <= _MENU_ENTRY_WORDS + 2
        and not _SENTENCE_MARK.search(line)
        and not dates_in_text(line, limit=1)
        and not common.is_bare_name(line)
        for line in below
    )
