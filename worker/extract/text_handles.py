"""A byline that signs with a site's handle in lowercase, under a plain-text page's headline.

"by jdoe", "Posted on July 1, 2024 by jdoe", "by jdoe | Apr 21, 2025": a blog's user name, which
`clean_authors` refuses (a name read off a page is capitalised). Read only in the few lines under
the headline, after an English "by" at the line's start or after its date, and only when the page
never writes the handle as a word of its own ("by hand", "by default") and it is no site account's
("by admin"). A handle alone on its line right above the day under the headline signs too.
"""

from __future__ import annotations

import re

from worker.extract.languages.data import LANGUAGES
from worker.extract.patterns import ACCOUNT_WORDS
from worker.extract.text_bylines import shows_day
from worker.extract.text_signs import DIGIT, alternation

_UNDER_HEADLINE = 3  # "Headline" / "by jdoe" / "Apr 21, 2025" / "No comments"
_MAX_WORDS = 10  # a byline line's words, its date and separators with it
_BARE_HANDLE = re.compile(r"^[a-z][a-z0-9_]{1,23}[a-z0-9]$")  # "jdoe", "jane_doe42": one token, no dots
_OPENERS = alternation(tuple(p for p in LANGUAGES["en"].byline if p == "by" or p.endswith(" by")))
# The opener, the handle, then what ends it: the line's end, a separator, "on"/"at" and the date,
# a digit, or a capital the copy glued to it ("by jdoeFebruary 16, 2026").
_HANDLE = re.compile(
    rf"(?i:(?:^|(?<=\s))(?:{_OPENERS}))\s+([a-z][a-z0-9_.]{{2,24}}?)"
    r"(?=$|\s*[|•·,–—]|\s-\s|\s+(?:on|at|in)\s|[A-Z]|\s*\d)"
)


def handle_byline(lines: list[str], headline: int | None, stopwords: frozenset[str]) -> str | None:
    """The handle a byline under the headline signs with, if one does (see the module)."""
    if headline is None:
        return None
    for index in range(headline + 1, min(len(lines), headline + 1 + _UNDER_HEADLINE)):
        line = lines[index].strip()
        found = _HANDLE.search(line)
        if found is None or len(line.split()) > _MAX_WORDS:
            continue
        if found.start() > 0 and not DIGIT.search(line[: found.start()]):
            continue  # only a date may stand before the opener: "Posted on July 1, 2024 by jdoe"
        handle = found[1].rstrip(".")
        if handle in stopwords or _is_account(handle) or _writes_as_word(lines, handle, index):
            return None
        return handle
    return _handle_beside_day(lines, headline, stopwords)


def _handle_beside_day(lines: list[str], headline: int, stopwords: frozenset[str]) -> str | None:
    """A handle alone on its line right above the day under the headline ("Headline" / "jdoe" /
    "Sep 8, 2025"): a blog's user name signing, when the page never writes it as a word of its own
    (a section's "news" it does) and it is no site account's ("admin")."""
    for index in range(headline + 1, min(len(lines) - 1, headline + 1 + _UNDER_HEADLINE)):
        line = lines[index].strip()
        if not _BARE_HANDLE.match(line) or not shows_day(lines[index + 1]):
            continue
        if line in stopwords or _is_account(line) or _writes_as_word(lines, line, index):
            return None
        return line
    return None


def _is_account(handle: str) -> bool:
    """A site's own account ("admin", "siteadmin", "webmaster"): the software's signature, no author's."""
    return any(word in handle for word in ACCOUNT_WORDS)


def _writes_as_word(lines: list[str], handle: str, byline: int) -> bool:
    """Whether a line other than the byline writes the handle in lowercase as a word of a sentence:
    not after "by", nor alone on its line (the signature under the article)."""
    word = re.compile(rf"(?<![\w@.])(?<![Bb]y ){re.escape(handle)}(?![\w@])")
    return any(
        i != byline and handle in line and line.strip() != handle and word.search(line)
        for i, line in enumerate(lines)
    )


# "@janedoe • Jan 26, 2026" opening a line under the headline, or "by @janedoe" wherever the page
# signs with it ("Posted on 15/12/2025 by @JaneDoe" under the article).
_AT_OPENING = re.compile(r"^@(\w{3,30})\b")
_MIN_HANDLE_LETTERS = 5  # "Jane Doe" as "@janedoe"; fewer letters match names by chance
_BY_AT = re.compile(r"(?i:\bby)\s+@(\w{3,30})\b")
_CAPITALISED_RUN = re.compile(r"(?<![\w@])[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:\s[A-ZÀ-Þ][a-zà-ÿ'’-]+){1,2}(?![\w@])")


def named_handle(lines: list[str], headline: int | None) -> str | None:
    """The person behind an @handle that signs the article, when the page prints her name too
    ("@janedoe" under the headline, "Jane Doe" in the author box or "© 2025 Jane Doe"): the name of
    two or three capitalised words whose letters are the handle's. The handle alone is no name."""
    if "@" not in "\n".join(lines):
        return None  # the usual page: no handle anywhere, found by one scan, not a pattern a line
    handles = [
        "".join(ch for ch in found[1].lower() if ch.isalpha())
        for index, line in enumerate(lines)
        if (found := _BY_AT.search(line))
        or (
            headline is not None
            and headline < index <= headline + _UNDER_HEADLINE
            and (found := _AT_OPENING.match(line.strip()))
        )
    ]
    for handle in dict.fromkeys(h for h in handles if len(h) >= _MIN_HANDLE_LETTERS):
        for line in lines:
            for run in _CAPITALISED_RUN.findall(line):
                if "".join(ch for ch in run.lower() if ch.isalpha()) == handle:
                    return run
    return None
