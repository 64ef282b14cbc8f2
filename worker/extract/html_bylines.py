"""Bylines written in a page's text by its headline, where no markup names the author: "By Jane Doe",
"Written by Jane Doe", a name before or after the byline's date, and a first name's surname."""

from __future__ import annotations

import re

from worker.extract.authors import clean_authors, writes_in_lowercase
from worker.extract.dates import dates_in_text
from worker.extract.html_page import _NEAR_AFTER, Page, _words, headline_spans
from worker.extract.patterns import (
    AUTHOR_ROLE_WORDS,
    BYLINE_IN_TEXT,
    GROUP_WORDS,
    LABELLED_WORDS,
    MONTH_ALTERNATION,
    MONTHS,
    NAME_BEFORE_DATE,
    WEEKDAYS,
)

_DATELINE_AFTER = re.compile(rf",?\s*(?:\d|(?:{MONTH_ALTERNATION})\b)", re.I)
# After a byline's date, a separator and two or three capitalised words ("2025-03-02 · Jane Doe").
_NAME_AFTER_DATE = re.compile(
    r"\s*[|·•]\s*(?P<name>[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ]\.)?(?:\s+[A-ZÀ-Þ][\w'’\-]+){1,2})(?!\w)"
)
_PRINTED_BY = re.compile(r"(?<![\w-])(?:By|BY)\b")
# Words in lower case right after the name: the "By" opened a sentence, not a byline.
_SENTENCE_AFTER = re.compile(r"[,;]?\s+(?:[a-z]+\s+){2}[a-z]+\b")
_MAX_DATE_CHARS = 20  # "September 30, 2025": what stands between the date's start and the separator
_NAME_AFTER_DATE_CHARS = 60  # room for the separator and a name after the date's start


def look_like_people(names: list[str], text: str) -> bool:
    """Printed names that are people's: two or three words each, none of which the page also writes
    in lower case ("Complete Guide" is a section's words, not a name)."""
    return bool(names) and all(
        2 <= len(n.split()) <= 3 and not any(writes_in_lowercase(w, text) for w in n.split()) for n in names
    )


def byline_in_text(text: str, headline: str | None, start: int = 0) -> list[str]:
    """A "By Jane Doe" written next to the headline, where no markup names the author."""
    spans = headline_spans(text, headline, limit=1, start=start)
    return byline_at(text, spans[0][0]) if spans else []


def byline_at(text: str, at: int) -> list[str]:
    """The first "By Jane Doe" (or "Written by Jane Doe ...") in the text from `at` on, near it."""
    match = BYLINE_IN_TEXT.search(text, at, at + _NEAR_AFTER)
    if not match:
        return _labelled_name(text, at)
    words = match["names"].split()
    # "By Jane Doe In ..." or "By Jane Doe Winemaker": a third word the page writes in lower case
    # is the sentence or the role after the name.
    while len(words) > 2 and "," not in words[-2] and writes_in_lowercase(words[-1], text):
        words.pop()
    # "By Jane Doe BRUSSELS, Feb 3 (AFP)": the place in capitals opens the dateline after the name.
    if (
        len(words) > 2
        and words[-1].isupper()
        and not words[-2].isupper()
        and _DATELINE_AFTER.match(text, match.end())
    ):
        words.pop()
    return [" ".join(words)]


def _labelled_name(text: str, at: int) -> list[str]:
    """ "Written by Jane Doe Table of contents": after a byline label, the capitalised words up to the
    first one the page also writes in lower case; two or three of them make a name."""
    match = LABELLED_WORDS.search(text, at, at + _NEAR_AFTER)
    if not match:
        return []
    words = []
    for word in match["words"].split():
        if writes_in_lowercase(word, text):
            break
        words.append(word)
    return [" ".join(words)] if 2 <= len(words) <= 3 else []


def _first_date_under(text: str, headline: str | None, start: int) -> tuple[str, int] | None:
    """The text by the headline, from its end, and where the first date in it starts: a byline's
    name stands right before or after that date."""
    spans = headline_spans(text, headline, limit=1, start=start)
    if not spans:
        return None
    at, end = spans[0]
    window = text[end : at + _NEAR_AFTER]
    found = dates_in_text(window, limit=1)
    return (window, found[0][0]) if found else None


def name_before_date(text: str, headline: str | None, start: int = 0) -> list[str]:
    """A name standing alone right before the first date after the headline ("Jane Doe Jul 18, 2025",
    "Jane Doe · 23.07.2025"), as bylines without a "By" are laid out."""
    if (dated := _first_date_under(text, headline, start)) is None:
        return []
    window, offset = dated
    match = NAME_BEFORE_DATE.search(window[:offset])
    if match and (last := match["name"].split()[-1]).lower() in WEEKDAYS:
        # "SID Freitag, 04.02.2022": the weekday opens the date; the name stands before it, if any.
        match = NAME_BEFORE_DATE.search(window[: match.end("name") - len(last)].rstrip())
    if not match:
        return []
    # A name's words are not words the article writes in lower case; a section's ("Cloud Computing") are.
    # A desk's "Team" is, and still signs ("Example Team").
    words = match["name"].split()
    if words[-1].lower() in GROUP_WORDS:
        words = words[:-1]
    if any(writes_in_lowercase(word, text) for word in words):
        return []
    return [match["name"]]


def name_after_date(text: str, headline: str | None, start: int = 0) -> list[str]:
    """A name set after the first date under the headline, past a separator ("Mar 2, 2025 · Jane Doe"),
    as blog templates lay out the line of date and author."""
    if (dated := _first_date_under(text, headline, start)) is None:
        return []
    window, offset = dated
    match = _NAME_AFTER_DATE.search(window, offset, offset + _MAX_DATE_CHARS + _NAME_AFTER_DATE_CHARS)
    if not match or match.start() - offset > _MAX_DATE_CHARS:
        return []
    words = match["name"].split()
    # "Jane Doe The council voted": the article's first words, which it also writes in lower case.
    while len(words) > 2 and writes_in_lowercase(words[-1], text):
        words.pop()
    if any(writes_in_lowercase(word, text) for word in words):
        return []  # a section's words ("Project Management"), which the article also writes
    return [" ".join(words)]


def printed_byline_over(
    declared: list[str], page: Page, anchor: str | None, not_names: tuple[str, ...]
) -> list[str]:
    """The markup's author, unless the byline printed under the headline ("By Jane Doe") names other
    people and the markup's author is nowhere by the headline: the CMS's author field often holds
    whoever uploaded the article, the printed byline its writer. A "By" that opens a sentence ("By
    Christmas Eve, the ferries will...") or a photo's caption is no byline."""
    spans = headline_spans(page.visible, anchor, limit=1)
    if not spans:
        return declared
    at, begin = spans[0]
    window = page.visible[begin : at + _NEAR_AFTER]
    by = _PRINTED_BY.search(window)
    if not by or window[: by.start()].rstrip()[-1:].isalpha():
        return declared  # "Reviewed By", "Photo by": someone else's credit
    if any(re.search(rf"(?<!\w){re.escape(n.split()[-1])}(?!\w)", window) for n in declared):
        return declared
    start = begin + by.start()
    printed = byline_at(page.visible, start)
    end = page.visible.find(printed[0], start) + len(printed[0]) if printed else -1
    if end < 0 or _SENTENCE_AFTER.match(page.visible, end):
        return declared
    phrase = page.visible[start:end]
    if any(phrase in _words(caption) for caption in page.root.iter("figcaption")):
        return declared
    printed = clean_authors(printed, not_names=not_names)
    return printed if look_like_people(printed, page.visible) else declared


def full_name(page: Page, anchor: str | None, name: str) -> str:
    """A first name alone ("Articles by Jane") that the header prints with a surname ("Jane Doe Tech
    Writer") is that person's full name; a month or a label after it ("Jane Updated") is no surname."""
    if not re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ'’\-]+", name):
        return name  # a full name, a login or a brand written in capitals ("ExampleCo")
    spans = headline_spans(page.visible, anchor, limit=1)
    if not spans:
        return name
    pattern = re.compile(rf"(?<!\w){re.escape(name)}\s+(?P<surname>[A-ZÀ-Þ][\w'’\-]+)(?!\w)")
    at, end = spans[0]
    match = pattern.search(page.visible, end, at + _NEAR_AFTER)  # after it: not the headline's own words
    if not match:
        return name
    surname = match["surname"]
    if surname.lower() in MONTHS or surname.lower() in WEEKDAYS or surname.lower() in AUTHOR_ROLE_WORDS:
        return name
    return name if writes_in_lowercase(surname, page.visible) else f"{name} {surname}"
