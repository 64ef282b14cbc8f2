"""The lines that sign a plain-text article, read one at a time or in the cluster around the lead.

`text_header` finds the lead and walks the lines above it; what each of those lines says about the
author (a byline cut from a long line, a name beside a date, a name with its agency in brackets, a
byline glued to what follows it) and where else a byline is looked for (a cluster far above the lead,
a bare name under the headline, a byline below the article) is read here, so the walk stays short.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from worker.article import Dateline
from worker.extract.authors import clean_authors
from worker.extract.dates import MONTHS, dates_in_text
from worker.extract.patterns import (
    AUTHOR_ROLE_WORDS,
    BYLINE_PREFIXES,
    GROUP_WORDS,
    NAME_JOINERS,
    NAME_PARTICLES,
    NOT_AUTHOR_LABELS,
    PUBLISHED_LABELS,
    UPDATED_LABELS,
)
from worker.extract.text_page_words import (
    PageWords,
    in_cluster,
)
from worker.extract.text_signs import (
    BYLINE,
    CLUSTER_STEPS,
    DATE_LABEL,
    HEADER_WINDOW,
    MAX_META_WORDS,
    NOT_AUTHOR,
    ROLE_MAX_WORDS,
    alternation,
    any_of,
    date_of_line,
    glued_opener,
    is_byline,
    is_meta_line,
    looks_like_name,
    unglued,
)

BYLINE_HEAD = re.compile(rf"^(?:{alternation(BYLINE_PREFIXES)})\b", re.I)
COLON_GLUED = re.compile(rf"^((?:{alternation(BYLINE_PREFIXES)})\s*:)(?=\S)", re.I)  # "Written by:Jane"
BYLINE_LABEL = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})\s*:?$", re.I)  # "Written by" alone
# What any byline, label, date or dateline line holds: a label at its start, or a digit or a bracket
# anywhere. Two patterns, so the search for the sign runs on one class and not on every alternative.
META_HEAD = re.compile(
    rf"(?:{any_of((*BYLINE_PREFIXES, *NOT_AUTHOR_LABELS, *PUBLISHED_LABELS, *UPDATED_LABELS))})|date",
    re.I,
)
META_SIGN = re.compile(r"[\d(\[\-–—]")
DOTS = re.compile(r"[•·⋅|]")  # what separates the parts of a dateline: the date, a reading time, a name
_LIST_REPEATS = 3  # a byline printed this often heads a list of teasers, each signed the same
SEGMENT = re.compile(r"\s[|–—•·]\s|\s-\s")  # where a byline line goes on with other things
# "March 4, 2025 by Jane Doe", "10. Februar 2019 von Heiko", "4.02.2022 par Bob", "2.03.2018von Jan":
# a one-word byline opener of any language inside a date line, before a capital.
_ONE_WORD_OPENERS = alternation(tuple(p for p in BYLINE_PREFIXES if p.isalpha()))
# Two-letter openers that are name particles ("da", "di") mean "of" too: "Notícias da Stock Car".
_KIND_OPENERS = alternation(
    tuple(p for p in BYLINE_PREFIXES if p.isalpha() and not (len(p) <= 2 and p in NAME_PARTICLES))
)
# Led by a look at an opener's first letter: most characters fail there, before the look-behind.
BY_INSIDE = re.compile(
    "(?=[" + "".join(sorted({re.escape(p[0]) for p in BYLINE_PREFIXES if p.isalpha()})) + "])"
    rf"(?<=[\s\d,])(?:{_ONE_WORD_OPENERS})\s+(?=[A-ZÀ-ÞА-Я])",
    re.I,
)
# "Analysis by Jane Doe", "Eine Kolumne von Jane Doe", "Film von Jane Doe": one or two words saying
# what the piece is, then a one-word byline opener of any language and a name.
GLUED_IN = re.compile(r"(?<=[a-zà-ÿ]{2})(?=In\s[A-ZÀ-Þ])")  # "By Jane DoeIn Travel, Tips": a category's "In"
_KIND_BY = re.compile(
    rf"^(?:[A-ZÀ-Þ][\w-]*\s)(?:[\w-]+\s)?(?:{_KIND_OPENERS})\s+(?=[A-ZÀ-ÞА-Я])",
    re.I,
)
_HANDLE = re.compile(r"\s*@\w+.*$")  # "Jane Doe @janedoe / 2 days", "Jane Doe@JaneDoe"
# Where a byline's name ends: a separator, a slash before a date, a digit, or a word no name holds.
_NAME_END = re.compile(r"\s[-–—|•·●⋅]\s|[|•·●⋅]|\s/\s*(?=\d)|\d")
_WORD_AT = re.compile(r"[^\s,;]+|[,;]")
_JOINER_WORDS = frozenset(j.lower() for j in NAME_JOINERS)
_PARTICLE_WORDS = frozenset(NAME_PARTICLES)
_DATELINE_MARK = re.compile(r"[(\[\-–—]")  # every dateline has an agency in brackets or a dash
# Without brackets, `parse_dateline` reads only a place in capitals before a dash ("KYIV, Ukraine -"):
# a line that opens otherwise is passed over without its patterns, which cost tens of microseconds.
_CAPS_OPENING = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]")
NAME_REACH = 6  # a bare name counts only in the cluster right above the lead
_FAR_REACH = 400  # lines above the lead where a header pushed down by tables and forms is looked for


def may_be_dateline(text: str) -> bool:
    """Whether `parse_dateline` could read the line: an agency in brackets, or a place in capitals
    and a dash (a stripped line, so its first two characters are those `parse_dateline` reads)."""
    if "(" in text or "[" in text:
        return True
    return _CAPS_OPENING.match(text) is not None and _DATELINE_MARK.search(text) is not None


def name_with_agency(text: str, found: Dateline, common: PageWords) -> str | None:
    """The person of a line that is only a name and its agency in brackets ("Jane Doe (AFP)"): read
    as a dateline, its "place" would be her name. A dateline's place is printed in capitals and text
    follows its bracket ("LOS ANGELES (AP) — The council...")."""
    place = found.place
    printed = re.split(r"[(\[]", text, maxsplit=1)[0]
    if not (place and found.agency and text.endswith((")", "]")) and not printed.isupper()):
        return None
    return place if common.is_bare_name(place) else None


def byline_head(byline: str, common: PageWords, *, dated: bool = False) -> str:
    """A byline up to where its names end: "Von Jane Doe publiziert am 25. Mai" reads "Von Jane Doe",
    "By Jane Doe - Science Contributor 2019-11-19" and "By Jane Doe, Executive Editor, Example
    Health" read "By Jane Doe", "By Jane Doe In Travel" reads "By Jane Doe". A name ends at a
    separator or a digit, a word in lowercase (not "van", not "and"), a job title's word, or a word
    the page writes in lowercase once the name has two words (a short one such as "In" after one).
    Cut only when every name kept has a person's name's shape on this page (`is_bare_name`): a menu's
    "By Category of Product" is left whole, for `clean_authors` to refuse. A prefix of the line, so
    the line it came from still holds it."""
    opener = BYLINE_HEAD.match(byline)
    if opener is None and (at := glued_opener(byline)) is not None:  # "Veröffentlicht vonJane Doe 28. Mai"
        opener = BYLINE_HEAD.match(byline := f"{byline[:at]} {byline[at:]}")
    if opener is None:
        return byline
    byline = unglued(byline)  # "By AnthonyJanuary 4, 2026": the month before the date is read as one
    start = opener.end()
    while start < len(byline) and byline[start] in " :":
        start += 1
    end_mark = _NAME_END.search(byline, start)
    stop = end_mark.start() if end_mark else len(byline)
    names: list[list[str]] = [[]]
    after_comma = False
    for found in _WORD_AT.finditer(byline, start, stop):
        word, words = found[0], len(names[-1])
        low = word.lower().strip(".’'")
        if word in ",;" or low in _JOINER_WORDS:
            names.append([])
            after_comma = word in ",;"
            continue
        if _ends_name(byline, found.start(), word, low, words, after_comma, common):
            stop = byline.rfind(",", start, found.start()) if after_comma and not words else found.start()
            break
        names[-1].append(word)
        after_comma = False
    while names[-1] and names[-1][-1].lower() in _PARTICLE_WORDS:  # "Par Jane Doe le 07 mai 2020"
        stop = byline.rfind(names[-1].pop(), start, stop)  # a particle before a date starts no name
    head = byline[:stop].rstrip(" ,;:-–—.")
    if len(last := head.rsplit(None, 1)) == 2 and last[1].lower() in _JOINER_WORDS:
        head = last[0].rstrip(" ,;")  # "Von Jane Doe und dpa": the joiner before what ends the names goes
    if head == byline.rstrip(" ,;:-–—."):
        return byline
    kept = [" ".join(name) for name in names if name]
    dated = dated or _DIGIT.search(byline) is not None
    if not kept or not all(_names_someone(name, common, dated=dated) for name in kept):
        return byline
    return head


def _names_someone(name: str, common: PageWords, *, dated: bool) -> bool:
    """A name a byline may hold: a person's name's shape on this page, credentials after one ("MD"),
    or, on a line that dates the piece, one capitalised word the page never writes in lowercase
    ("6. Dezember 2022 von Fatima in Gefühle"; not "Von Rechts wegen", a turn of phrase)."""
    if common.is_bare_name(name) or _CREDENTIALS.match(name):
        return True
    return (
        dated
        and " " not in name
        and name[:1].isupper()
        and name.isalpha()
        and not common.writes_lowercase(name)
    )


def _ends_name(
    byline: str, at: int, word: str, low: str, words: int, after_comma: bool, common: PageWords
) -> bool:
    """Whether this word of a byline (`words` words into a name) is no part of a name (`byline_head`)."""
    if word[:1].islower():
        return low not in _PARTICLE_WORDS
    if NOT_AUTHOR.match(byline[at:]) or DATE_LABEL.match(byline[at:]) or (words >= 2 and word[-1] == ":"):
        return True  # "Reviewed by", "Published", a label after the name: "Jane Doe Lesezeit: 4 Min."
    if low in MONTHS and _NUMBER_NEXT.match(byline, at + len(word)):  # "By Jane Doe September 18"
        return True
    if low.strip(".,") in AUTHOR_ROLE_WORDS and (words >= 2 or after_comma):
        # "Jane Doe Senior Editor", not "Example Post Staff" (a desk signing as a group, at the end)
        return not (low in GROUP_WORDS and not byline[at + len(word) :].strip(" .,;:-–—|•·"))
    return (
        (words >= 2 or (words == 1 and 2 <= len(low) <= 3))
        and not word.endswith(".")  # an initial ("Bradley M. Kuhn")
        and word[:1].isupper()
        and low not in _PARTICLE_WORDS
        and common.writes_lowercase(low)
    )


_DIGIT = re.compile(r"\d")
_NUMBER_NEXT = re.compile(r"\W{0,3}\d")
_CREDENTIALS = re.compile(r"^(?:[A-Z]{2,5}\.?|(?:[A-Z][a-z]?\.){1,3})$")  # "MD", "DVM.", "Ph.D."


def kind_byline(text: str, common: PageWords) -> str | None:
    """The name of a short line saying what the piece is and who wrote it ("Analysis by Jane Doe",
    "Eine Analyse von Jane Doe"): only a whole name of a person's shape on this page ("Powered by
    WordPress" is none), never a credit ("Photos by ...")."""
    if len(text.split()) > 8 or not (found := _KIND_BY.match(text)):
        return None
    if NOT_AUTHOR.match(text) or DATE_LABEL.match(text) or BYLINE.match(text):
        return None  # "Photos by", "Updated by": someone else; "Written by" is read as a byline
    if text.split(None, 1)[0].lower().endswith("ed"):
        return None  # "Researched by", "Sponsored by": a part other than writing it
    rest = text[found.end() :]
    name = byline_head(rest, common, dated=False)
    # "Guide by Jane Doe Deputy Editor": the name ends where her job title starts (read as a
    # byline's), not at any word ("Guidance by Sector Expand or Collapse" is a menu's).
    cut = byline_head(f"by {rest}", common, dated=False)[3:]
    if (after := rest[len(cut) :].split()) and after[0].lower().strip(".,") in AUTHOR_ROLE_WORDS:
        name = cut
    name = name.split(",", 1)[0].strip()
    return name if common.is_bare_name(name) else _name_before_role(rest)


def _name_before_role(rest: str) -> str | None:
    """A name of a name's shape before its job title ("Will Doe Former Deputy Editor"): the title
    vouches for a person whose first name is also a word ("will")."""
    words = rest.split()
    for k in range(2, min(len(words) - 1, _KIND_NAME_MAX_WORDS) + 1):
        title = [word.lower().strip(".,") for word in words[k:]]
        if len(title) <= ROLE_MAX_WORDS and title[-1] in AUTHOR_ROLE_WORDS and words[k][:1].isupper():
            name = " ".join(words[:k])
            return name if looks_like_name(name) else None
    return None


_KIND_NAME_MAX_WORDS = 3


def name_with_handle(text: str, common: PageWords) -> str | None:
    """A name line that goes on with the person's handle ("Jane Doe @janedoe / 2 days")."""
    if "@" not in text or text.startswith("@"):
        return None
    name = _HANDLE.sub("", text).strip(" |·•-–—/")
    return name if name != text and common.is_bare_name(name) else None


def dated_part(text: str) -> tuple[str, str] | None:
    """The day a short line states, and the part that states it: the whole line, or one of its
    parts set apart by dots or bars ("Jane Doe | Apr 21, 2017 | Travel")."""
    if (day := date_of_line(text)) is not None:
        return text, day
    if not DOTS.search(text):
        return None
    for part in DOTS.split(text):
        if (day := date_of_line(part.strip()) or _month_first_day(part.strip())) is not None:
            return part.strip(), day
    return None


def _month_first_day(part: str) -> str | None:
    """The day of a part that is only a numeric date no day-first reading allows ("12/19/2025")."""
    if not _SLASHED_DAY.match(part) or not (found := dates_in_text(part, limit=1)):
        return None
    return found[0][1]


_SLASHED_DAY = re.compile(r"^[01]?\d/[0-3]?\d/(?:19|20)\d\d$")


def long_byline(text: str) -> str | None:
    """The first part of a long line that opens with a byline, cut at its first separator."""
    if not BYLINE.match(text):
        return None
    head = SEGMENT.split(text, maxsplit=1)[0]
    return head if head != text and is_byline(head) else None


def signed_after_credit(text: str) -> str | None:
    """The byline part of a line that opens with someone else's credit ("Medically reviewed by X —
    Written by Jane Doe — Updated ...")."""
    return next((part for part in SEGMENT.split(text)[1:] if is_byline(part.strip())), None)


def far_cluster_end(lines: list[str], lead: int) -> int | None:
    """When no byline or date stands in the window above the lead, the line below the nearest date
    line or byline further up (a contents list, a product table or a sign-up form can push the prose
    far below the header)."""
    for index in range(max(0, lead - HEADER_WINDOW) - 1, max(-1, lead - _FAR_REACH - 1), -1):
        line = lines[index]
        if len(line.split()) > MAX_META_WORDS or not (META_SIGN.search(line) or META_HEAD.match(line)):
            continue
        if date_of_line(line) or far_byline(lines, index):
            end = index + 1
            while end < lead and end - index < CLUSTER_STEPS and is_meta_line(lines[end]):
                end += 1
            return end
    return None


def far_byline(lines: list[str], index: int) -> bool:
    """A byline far above the lead counts with a date line beside it, or as a label alone over a
    name ("Written by" / "Jane Doe"): a menu holds "By the Numbers", never that."""
    line = lines[index]
    if BYLINE_LABEL.match(line):
        return index + 1 < len(lines) and looks_like_name(lines[index + 1])
    return is_byline(line) and any(
        is_meta_line(other)
        for other in (*lines[max(0, index - 2) : index], *lines[index + 1 : index + CLUSTER_STEPS])
    )


def bare_names(
    pieces: list[tuple[int, str]],
    meta: set[int],
    near: set[int],
    title_at: int | None,
    lead: int,
    common: PageWords,
) -> list[str]:
    """A name without "By": the name-like line right beside a date line near the lead, or the one
    between the headline and the lead ("Headline / Jane Doe / First paragraph"), or one beside a
    date line in the few lines right under the headline ("Headline / Jane Doe / Feb 3, 2025"). Its
    words must be ones the page never writes in lowercase: "Harbour Traffic Updates" is no name."""
    if title_at is None:
        return []
    for position in range(title_at + 1, min(len(pieces), title_at + 1 + CLUSTER_STEPS)):
        index, text = pieces[position]
        if index >= lead or position in meta:
            continue
        # "Jane Doe, MD" keeps the credentials; of "Jane Doe, Senior Editor" the role is no part.
        name = text if common.is_bare_name(text) or common.is_name_list(text) else text.split(",", 1)[0]
        beside = [position - 1, position + 1]
        if position + 1 < len(pieces) and len(pieces[position + 1][1].split()) <= ROLE_MAX_WORDS:
            beside.append(position + 2)  # "Jane Doe / Senior Editor / Feb 3, 2025"
        dated = any(date_of_line(pieces[p][1]) for p in beside if p in meta)
        if dated and (common.is_dated_name(name) or common.is_name_list(name)):
            return [name]  # "Jane Doe, John Roe & Ann Poe" / "Feb 3, 2025": all of them
    # The header block: the headline and what lies between it and the lead, or a cluster right above it.
    # Above it only when the cluster reaches it: "Feb 3, 2025" / "Jane Doe" / "Headline" too, where
    # capitals make a name (on a page that capitalises its nouns the line is the headline's kicker).
    above = title_at - 1 in near or (title_at - 2 in near and not common.capitalises_words)
    first = max(0, title_at - 3) if above else title_at + 1
    places = [n for p in sorted(near) for n in (p - 1, p + 1, p - 2)]
    after = pieces[title_at + 2][0] if title_at + 2 < len(pieces) else lead
    if title_at + 2 in near or after == lead:
        places.append(title_at + 1)  # "Headline / Jane Doe / first paragraph"
    for position in places:
        if first <= position < len(pieces) and position not in near and position != title_at:
            index, text = pieces[position]
            if index < lead and common.is_bare_name(text):
                return [text]
    return []


def cluster(pieces: list[tuple[int, str]], meta: set[int], lead: int, common: PageWords) -> set[int]:
    """The byline cluster right above the lead: its meta lines near the lead, and upward every line
    that is meta, a bare name, a reading time or a separator."""
    near = {p for p in meta if pieces[p][0] >= lead - NAME_REACH}
    if not near:
        return near
    top = min(near)
    while top > 0 and (top - 1 in meta or in_cluster(pieces[top - 1][1], common)):
        top -= 1
    return near | {p for p in range(top, max(near)) if p in meta}


def signing(bylines: list[str]) -> list[str]:
    """The bylines that may sign this article: not one the header prints three times or more (a list
    of teasers, each signed by the same person: "Von Jane Doe am 16.11.2022" under each), nor a run
    of bylines that each name one word (a menu's "By Category" / "By Manufacturer")."""
    names = [clean_authors([byline]) for byline in bylines]
    counts = Counter(tuple(found) for found in names)
    words = {found[0] for found in names if len(found) == 1 and " " not in found[0]}
    if len(words) >= 2 and len(words) == len({tuple(found) for found in names if found}):
        return []
    return [
        byline for byline, found in zip(bylines, names, strict=True) if counts[tuple(found)] < _LIST_REPEATS
    ]


def first_naming(*sources: Callable[[], list[str]]) -> list[str]:
    """The first source's bylines that name someone: a line that only opens like a byline ("Text in
    → data out", "By enabling teams...") names nobody and must not stop the search for one that does."""
    for source in sources:
        if (found := source()) and clean_authors(list(found)):
            return found
    return []
