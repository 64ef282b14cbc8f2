"""The name a date line carries in a page copied as text: "March 4, 2025 by Jane Doe", "Jane Doe •
March 4, 2025", "November 20, 2019 Jane Doe", one word signing beside a date ("Gabo December 9,
2024"); the date's own words ("am", "Uhr", a weekday) are never the name's."""

from __future__ import annotations

import re

from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import clean_authors
from worker.extract.dates import MONTHS, dates_in_text
from worker.extract.languages.data import merged
from worker.extract.patterns import AUTHOR_ROLE_WORDS, WEEKDAYS
from worker.extract.text_bylines import INNER_WORDS, is_job_title, shows_day
from worker.extract.text_cluster import BY_INSIDE, DOTS, GLUED_IN, byline_head
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import (
    BYLINE,
    DATE_LABEL,
    DIGIT,
    HEADER_WINDOW,
    NOT_AUTHOR,
    is_byline,
    split_glued_day,
)


def name_beside_date(text: str, common: PageWords) -> str | None:
    """The author a date line names: "March 4, 2025 by Jane Doe", "Jane Doe • March 4, 2025"."""
    if (glued := split_glued_day(text)) and glued[2]:  # "Jane Doe2025-03-04T09:12:00+01:00March 4th, 2025"
        return glued[0] if common.is_dated_name(glued[0]) or signature_word(glued[0], common) else None
    if by := BY_INSIDE.search(text):
        rest = GLUED_IN.sub(" ", text[by.start() :].strip())
        return byline_head(rest, common, dated=True) if is_byline(rest) else None
    if labelled := _labelled_part(text):  # "Cycling | By: Jane Doe | Updated: April 19, 2022"
        return byline_head(labelled, common, dated=True)
    text = DATE_LABEL.sub("", text, count=1)  # "Last updated Feb 3, 2025" names nobody
    found = dates_in_text(text, limit=1)
    if not found:
        return None
    printed = text[: found[0][0]].strip(" •|·⋅,-–—/")
    before = _before_its_label(printed).strip(" •|·⋅,-–—/")  # "Jane Doe / Oktober 25 2023"
    # Glued to its day ("Jane DoeMarch 4, 2025"), the words may be a kicker's ("Original Research7
    # April 2020"): a person's name's shape on this page is asked of them, the date vouches for less.
    vouched = common.is_bare_name if text[found[0][0] - 1 : found[0][0]].isalpha() else common.is_dated_name
    if before and (vouched(before) or (before == printed and signature_word(before, common))):
        return before  # "Gabo December 9, 2024 0 Comments"; not "Latest updated October 3rd"
    if (after := _name_after_date(text[found[0][0] :], common)) is not None:
        return after
    # "Feb 3, 2025 · 8 min read · Jane Doe", "Jane Doe | Senior Writer | Feb 3, 2025", and the name
    # before what it goes on with in lowercase: "Feb 3, 2025 • Jane Doe in Travel" ("on behalf of").
    parts = [part.strip() for part in DOTS.split(text)]
    if len(parts) < 2:
        return None
    named = next(
        (
            name
            for part in parts
            if (name := name_head(part))
            and common.is_dated_name(name)
            and not any(word.lower() in WEEKDAYS for word in name.split())  # "Friday Philosophy": a column
        ),
        None,
    )
    # One word alone after the date ("Feb 3, 2025 | Politics") is no signature: a section's name has
    # the same shape as a one-word signer's, and nothing on a bare page tells them apart.
    return named


def _labelled_part(text: str) -> str | None:
    """A part of a date line after the first, between its separators, that is a byline with its
    opener's colon ("Por: Jane Doe"), which `BY_INSIDE` leaves to the whole line's byline reading."""
    parts = [part.strip() for part in DOTS.split(text)]
    return next((part for part in parts[1:] if ":" in part and is_byline(part)), None)


def name_on_dated_piece(pieces: list[tuple[int, str]], position: int, common: PageWords) -> str | None:
    """`name_beside_date` of a header piece, unless the piece above is a person's job title ("Jane
    Doe" / "Games Editor" / "Example NewsOctober 13, 2016"): the name beside the date under it is her
    employer's, not the author's."""
    if position > 0 and is_job_title(pieces[position - 1][1]):
        return None
    return name_beside_date(pieces[position][1], common)


def inner_byline_day(text: str, byline: str) -> str | None:
    """The day a byline found inside a long line gives among its own words ("... beyond the islands.
    By Jane Doe on Dec. 19, 2025"); never a date of the prose running on after it ("January 12, 2025
    By Jane Doe In Travel, Tips The first ferry sailed on March 3, 1998 ...")."""
    at = text.find(byline)
    found = dates_in_text(" ".join(text[at:].split()[:INNER_WORDS]), limit=1) if at >= 0 else []
    return found[0][1] if found else None


def signature_word(word: str, common: PageWords) -> bool:
    """One word signing beside a date ("Gabo December 9, 2024", "ExampleCook- 2025/4/29"): capitalised,
    letters only, not in capitals, a word the page never writes in lowercase and no month, weekday,
    role or function word; on a page that capitalises its nouns, capitals make no name."""
    if not (_SIGNATURE_CHARS[0] <= len(word) <= _SIGNATURE_CHARS[1] and word.isalpha() and word[0].isupper()):
        return False
    low = word.lower()
    if word.isupper() or low in STOPWORDS or low in MONTHS or low in WEEKDAYS or low in AUTHOR_ROLE_WORDS:
        return False
    if DATE_LABEL.match(word) or NOT_AUTHOR.match(word) or BYLINE.match(f"{word} x"):
        return False  # "Updated", "Reviewed", "Written"
    return not common.capitalises_words and not common.writes_lowercase(low) and bool(clean_authors([word]))


_SIGNATURE_CHARS = (3, 25)


def _before_its_label(before: str) -> str:
    """What stands before a date's label or its time: "Jane Doe Published 10:19am" reads "Jane Doe"."""
    words = before.split()
    cut = next(
        (i for i, word in enumerate(words) if DIGIT.search(word) or DATE_LABEL.match(" ".join(words[i:]))),
        len(words),
    )
    while cut > 1 and (words[cut - 1] in _DATE_WORDS or words[cut - 1].lower().strip(",") in WEEKDAYS):
        # "Jane Doe am 18. September 2019", "Released Wednesday, March 2, 2022": the date's words
        cut -= 1
    return " ".join(words[:cut]) if cut else before


def _name_after_date(rest: str, common: PageWords) -> str | None:
    """The name right after a date with no separator ("November 20, 2019 Jane Doe", "30. Oktober
    2023 Jane Doe Kultur"): the date's words passed over, the first two or three capitalised words
    if they have a name's shape on this page (three only when nothing follows them)."""
    words = rest.split()
    at = next((i for i, word in enumerate(words) if not _in_date(word)), len(words))
    words = words[at:]
    if len(words) < 2 or DOTS.match(words[0]):
        return None  # "Feb 3, 2025 · Jane Doe": the parts are read by `name_beside_date`
    if _APART & set(rest.split()[:at]):  # a dash before the name: it is all of its part ("3.6.2016 -
        part = " ".join(words[: next((i for i, w in enumerate(words) if w in _APART), len(words))])
        return part if len(part.split()) <= 3 and common.is_dated_name(part) else None  # Jane Doe - 91")
    head = name_head(" ".join(words)).split()
    head = head[: next((i for i, word in enumerate(head) if DIGIT.search(word)), len(head))]
    if len(head) == 3 and len(words) == 3 and common.is_bare_name(" ".join(head)):
        return " ".join(head)
    name = " ".join(head[:2]).rstrip(",")
    return name if common.is_dated_name(name) else None


_APART = frozenset("-–—/")  # what sets a date apart from the name after it ("23.06.2016 - Jane Doe")
# The words a date and its time are written with in any language ("am 18. September um 10 Uhr").
_CLOCK_WORDS = tuple(word for word in merged("clock") if " " not in word)
_DATE_WORDS = _APART | frozenset(("de", "del", "el", "le", "of", *_CLOCK_WORDS))


def _in_date(word: str) -> bool:
    """Whether a word is part of how a date and its time are written ("20.", "Oktober", "um", "Uhr")."""
    low = word.lower().strip(".,")  # a comma or a stop alone goes with the date ("1. Mai 2022 , Jane Doe")
    return not low or bool(DIGIT.search(word)) or low in MONTHS or low in WEEKDAYS or low in _DATE_WORDS


def name_head(part: str) -> str:
    """The part up to its first word in lowercase: "Jane Doe in Travel" reads "Jane Doe"."""
    words = part.split()
    cut = next((i for i, word in enumerate(words) if word[:1].islower()), len(words))
    return " ".join(words[:cut]) if cut >= 2 or cut == len(words) else part


def name_over_day_and_time(lines: list[str], lead: int, common: PageWords) -> str | None:
    """The name of a blog's header card above the lead: a short line over the day (or the post's
    age) over the reading time ("Ben" / "2 days ago" / "6 min read", "jdoe" / "December 3, 2025"
    / "4 min read"). The card makes a name of one word, or one in lowercase, that the page prints
    nowhere else."""
    for index in range(max(0, lead - HEADER_WINDOW), lead - 2):
        if not _READ_TAIL.search(lines[index + 2]) or not shows_day(lines[index + 1]):
            continue
        name = lines[index].strip()
        if _card_name(name, lines, common):
            return name
    return None


def _card_name(name: str, lines: list[str], common: PageWords) -> bool:
    """Whether a header card's first line is a name: a person's name's shape, one word signing, or
    words in lowercase the page prints only there ("jdoe"), never a function word or a label."""
    words = name.split()
    if not 0 < len(words) <= _CARD_MAX_WORDS or not all(w.replace("-", "").isalpha() for w in words):
        return False
    if any(w.lower() in STOPWORDS or w.lower() in AUTHOR_ROLE_WORDS for w in words) or DATE_LABEL.match(name):
        return False
    if common.is_bare_name(name) or (len(words) == 1 and signature_word(name, common)):
        return True
    return name.islower() and sum(name in line for line in lines) == sum(
        line.strip() == name for line in lines
    )


_CARD_MAX_WORDS = 3
_READ_TAIL = re.compile(r"\bmin(?:ute)?s?\.? read$", re.I)  # "6 min read", "[rt_reading_time] min read"
