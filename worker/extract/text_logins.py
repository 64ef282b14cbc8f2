"""A site's login or an acronym signing a plain-text article, which `clean_authors` takes for no name.

Blogs print the account that posted an article as it is spelt ("Posted on July 1, 2024 by jdoe",
"by examplesite | Apr 21, 2025", "jdoe" / "September 8, 2025" under the headline), and
organisations sign with their initials ("March 4, 2025 by EXU"). Such a signature is lowercase or in
capitals, so the name rules refuse it; it counts here only where the header dates it, and a login
only when the page writes the word nowhere else (a login is no word of the language).
"""

from __future__ import annotations

import re

from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import writes_in_lowercase
from worker.extract.dateline import agency_name
from worker.extract.dates import MONTHS, dates_in_text
from worker.extract.patterns import AUTHOR_STOPLIST, WEEKDAYS
from worker.extract.text_bylines import shows_day
from worker.extract.text_cluster import BYLINE_HEAD, DOTS
from worker.extract.text_signs import CLUSTER_STEPS, is_byline

_LOGIN = re.compile(r"^[a-z][a-z0-9_.\-]{2,24}$")  # "jdoe", "jane_doe", "j.doe", "examplesite"
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # an organisation signing with its initials
_DATED_REACH = 1  # the byline's own line, or the line right above or below it, shows the day


def is_login(word: str) -> bool:
    """A word shaped like a site's login: lowercase letters, digits, "_", "." or "-", and no word
    of the function words, months, weekdays or the placeholders no one signs with ("admin")."""
    low = word.lower()
    return (
        _LOGIN.match(word) is not None
        and word[-1].isalnum()
        and low not in STOPWORDS
        and low not in MONTHS
        and low not in WEEKDAYS
        and low not in AUTHOR_STOPLIST
    )


def _written_elsewhere(word: str, byline: str, lines: list[str]) -> bool:
    """Whether the page writes the word in lowercase on a line that holds no byline: a word of its
    language ("by email"), not an account's name."""
    return any(
        writes_in_lowercase(word, line) and byline not in line and not is_byline(line) for line in lines
    )


def login_byline(bylines: list[str], lines: list[str], start: int, stop: int) -> str | None:
    """The login or initials of the first byline among `bylines` (read from lines[start:stop]) that is
    only an opener and one such word, before a separator or a date ("by jdoe | Apr 21, 2025"), with a
    day on its line or next to it."""
    for byline in bylines:
        opener = BYLINE_HEAD.match(byline)
        if opener is None:
            continue
        words = DOTS.split(byline[opener.end() :], maxsplit=1)[0].strip(" :").split()
        if len(words) != 1:
            continue
        word = words[0].rstrip(".,")
        if is_login(word):
            if _written_elsewhere(word, byline, lines):
                continue
        elif not (_ACRONYM.match(word) and agency_name(word) is None):
            continue  # "By AFP": an agency is the wire it came by, read as such
        at = next((i for i in range(start, stop) if byline in lines[i]), None)
        if at is None:
            continue
        near = lines[max(0, at - _DATED_REACH) : at + 1 + _DATED_REACH]
        if any(dates_in_text(line, limit=1) or shows_day(line) for line in near):
            return word
    return None


def login_beside_day(lines: list[str], headline: int, lead: int) -> str | None:
    """A login alone on a line in the few lines under the headline, a day right under or over it
    ("Headline" / "jdoe" / "September 8, 2025"), which the page prints nowhere else."""
    stop = min(lead, len(lines) - 1, headline + 1 + CLUSTER_STEPS)
    for index in range(headline + 1, stop):
        word = lines[index].strip()
        if not is_login(word) or not any(shows_day(lines[i]) for i in (index - 1, index + 1) if i > headline):
            continue
        if sum(writes_in_lowercase(word, line.lower()) for line in lines) == 1:
            return word
    return None
