"""The site's own name, read from the page itself, and whether a line is (or is mostly) that name.

A headline is the article's; a blog's or a company's name is the site's, printed in its masthead over
every article and again in its footer. The page says it in three ways that need no URL: the holder its
copyright line names at the page's end ("© 2025 Jane Doe · Privacy", "Copyright Example Media. All
rights reserved."), a domain printed as the masthead ("example.com"), and a line printed both among
the page's first lines and among its last ones (the masthead's name repeated in the footer). A line
that is such a name, mostly such a name ("Search Example News"), or such a name before a title
separator and a short tagline ("Jane Doe - Notes on Things") names the site, not the article.
"""

from __future__ import annotations

import re

from worker.extract.patterns import COPYRIGHT_LINE, TITLE_SEPARATORS

_FOOTER_LINES = 15  # where the copyright line and the footer's repeated name stand: the page's end
_TOP_LINES = 6  # where the masthead stands: the page's first lines
_MAX_CHARS = 80
_MAX_WORDS = 6
_NOT_HOLDER = re.compile(
    r"©|\(c\)|copyright|all rights reserved\.?|\b(?:19|20)\d\d\b|\s[-–]\s(?=\d)|\b(?:inc|llc|ltd|gmbh)\b\.?",
    re.I,
)
# What follows the holder on a copyright line: its links ("· Privacy ∙ Terms"), a full stop.
_HOLDER_END = re.compile(r"\s*(?:[|·•∙]|\.\s|\.$|,\s).*$")
_DOMAIN = re.compile(r"^(?:www\.)?([\w-]+)\.(?:[a-z]{2,6})(?:\.[a-z]{2})?$", re.I)
_PLAIN = re.compile(r"[^\w]+")
_MARKS = " .,-–—|·•"  # what stands between a copyright line's holder and its marks, years and links
_TAGLINE_WORDS = 4  # a masthead's tagline after the name; a headline is longer


def plain(text: str) -> str:
    """The words, lowercased, punctuation aside."""
    return " ".join(_PLAIN.sub(" ", text.lower()).split())


def site_names(lines: list[str]) -> frozenset[str]:
    """The site's names the page prints (`plain`): its copyright holder, its masthead's domain (its
    name before the dot, "example" of "example.com") and the lines printed at its top and its end."""
    names: set[str] = set()
    end = lines[-_FOOTER_LINES:] if len(lines) > _FOOTER_LINES else []
    names.add(plain(copyright_holder(end)))
    top = lines[:_TOP_LINES]
    for line in top:
        if found := _DOMAIN.match(line.strip()):
            names.add(plain(found[1]))
    # The footer's lines below the masthead's: on a page of fewer than `_TOP_LINES + _FOOTER_LINES`
    # lines the two spans overlap, and a line of both would be "printed twice" once.
    footer = (
        {plain(line) for line in lines[_TOP_LINES:][-_FOOTER_LINES:] if len(line) <= _MAX_CHARS}
        if end
        else set()
    )
    names.update(low for line in top if (low := plain(line)) in footer and 0 < len(low.split()) <= _MAX_WORDS)
    return frozenset(name for name in names if name)


def copyright_holder(lines: list[str], max_words: int = _MAX_WORDS) -> str:
    """The holder the last copyright line among `lines` naming one names, as printed ("© 2025 Jane
    Doe · Privacy" gives "Jane Doe"); a line naming none ("All rights reserved.") may stand under it."""
    for line in reversed(lines):
        if len(line) <= _MAX_CHARS and COPYRIGHT_LINE.found_in(line):
            cut = _HOLDER_END.sub("", _NOT_HOLDER.sub(" ", line).strip(_MARKS))
            holder = " ".join(cut.split()).strip(_MARKS)
            if holder and len(holder.split()) <= max_words:
                return holder
    return ""


def names_site(line: str, names: frozenset[str]) -> bool:
    """Whether the line is one of the site's names (run together or not: "Jane Doe" for "janedoe"),
    or mostly one, a word or so beside it ("Search Example News", "Example News Home"),
    or opens with one before a title separator and a short part after it (a tagline, a blog's name:
    "Jane Doe - Notes"); a window title's headline stands before the site's name, not after it."""
    if not names:
        return False
    words = plain(line)
    if _is_name(words, names) or _mostly_name(words, names):
        return True
    for separator in TITLE_SEPARATORS:
        if separator not in line:
            continue
        parts = [plain(part) for part in line.split(separator)]
        if _is_name(parts[0], names) and all(len(part.split()) <= _TAGLINE_WORDS for part in parts[1:]):
            return True
    return False


def _is_name(words: str, names: frozenset[str]) -> bool:
    """Whether `plain` words are one of the names, spaced or run together ("jane doe", "janedoe")."""
    return words in names or words.replace(" ", "") in names


_MOSTLY = 0.6  # the share of a line's words a site's name takes for the line to be mostly that name


def _mostly_name(words: str, names: frozenset[str]) -> bool:
    """Whether one of the names (of two words or more) stands whole among the words and takes most of
    them: a menu's entry about the site, not a headline that mentions it."""
    count = len(words.split())
    padded = f" {words} "
    return any(
        " " in name and f" {name} " in padded and len(name.split()) >= _MOSTLY * count for name in names
    )
