"""What one line of a page copied as text says on its own: a byline, a date line, a bare name, a
headline's shape, a reading time; and what the whole page says about a line (`PageWords`: whether
it writes a word in lowercase, its breadcrumbs, its repeated lines). The header reader weighs these."""

from __future__ import annotations

import re
from functools import cached_property
from itertools import pairwise

from worker.clean.phrases import phrase_tree
from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import NAME_WORD, writes_in_lowercase
from worker.extract.dates import MONTHS, dates_in_text, parse_date, two_digit_year_day
from worker.extract.line_memo import remembered
from worker.extract.patterns import (
    AUTHOR_ROLE_WORDS,
    BYLINE_PREFIXES,
    COPYRIGHT_LINE,
    HEADER_CHROME_WORDS,
    NAME_JOINERS,
    NOT_AUTHOR_LABELS,
    PERSON_ROLES,
    PICTURE_LABELS,
    PUBLISHED_LABELS,
    READING_LABELS,
    READING_TIME,
    UPDATED_LABELS,
)

HEADER_WINDOW = 40
_LEAD_MIN_WORDS = 8
LEAD_MIN_LOWER_SHARE = 0.35
_SHARE = LEAD_MIN_LOWER_SHARE
_MAX_HEADLINE_WORDS = 30
MAX_META_WORDS = 14
_NAME_MAX_WORDS = 4
_NAME_MAX_SPACES = 8  # four words and their credentials ("Jane Doe, MD, MPH, FACP")
_TOP_LINES = 5  # where a window title copied with the page stands


def alternation(words: tuple[str, ...]) -> str:
    """Longest first, so "last updated" is tried before "updated"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def any_of(words: tuple[str, ...]) -> str:
    """For a pattern only asked whether a line matches it: the same lines match as with
    `alternation`, but the engine follows a prefix tree instead of trying every word in turn, which
    matters for lists of a hundred labels asked of every line near the header."""
    return phrase_tree(words)


BYLINE = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})\b(?:\s*:\s*|\s+)\S", re.I)
NOT_AUTHOR = re.compile(rf"^(?:{any_of(NOT_AUTHOR_LABELS)})(?:\s+by)?\b", re.I)
_DATE_LABEL_WORDS = (*PUBLISHED_LABELS, *UPDATED_LABELS, "date", "on")
_DATE_LABELS = alternation(_DATE_LABEL_WORDS)
DATE_LABEL = re.compile(rf"^(?:{_DATE_LABELS})\b(?:\s+(?:on|le|am|el|il))?[:\s]*", re.I)
DATE_LABEL_ALONE = re.compile(rf"^(?:{any_of(_DATE_LABEL_WORDS)})(?:\s+on)?\s*:?$", re.I)
_GLUED_BY = re.compile(r"^By(?=[A-ZÀ-Þ][a-zà-ÿ]+\s[A-ZÀ-Þ])")  # "ByJane Doe", the space lost in copying
# Any language's opener glued so to the name ("vonJane Doe", "Veröffentlicht vonJane Doe"), when printed
# in lowercase (`glued_opener`): capitals after a capitalised one are a word's ("DaVinci", "TextMate").
_GLUED_OPENER = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})(?=(?-i:[A-ZÀ-Þ][a-zà-ÿ]+\s[A-ZÀ-Þ]))", re.I)
# "ByJane DoeUpdated January 5": "By", or a month or date label, glued to the name (not "CottageCare").
_GLUED_IN_BYLINE = re.compile(
    r"(?<=^By)(?=[A-ZÀ-Þ])|(?<=[a-zà-ÿ]{2})(?=(?:"
    + alternation(tuple({w.capitalize() for w in (*MONTHS, *PUBLISHED_LABELS, *UPDATED_LABELS)}))
    + r")\b)"
)
# A date label glued to the name before it when the page was copied ("Jane DoePublished: Jan 2, 2025"),
# and a year glued to what follows ("June 29, 2020November 12, 2021").
_GLUED_DATE_LABEL = re.compile(
    r"(?<=[a-zà-ÿ.])(?=(?:Published|Updated|Posted|Last [Uu]pdated)\b)|(?<=\b\d{4})(?=[A-Z][a-z])"
)
_GLUE_HINT = re.compile(r"[a-zà-ÿ.](?:Published|Updated|Posted|Last)|\d[A-Z]")
_CHROME = re.compile(rf"^(?:{any_of(HEADER_CHROME_WORDS)})\b", re.I)
_CRUMB_SEPARATORS = re.compile(r"\s*(?:>|»|›|/|\||·|•|→)\s*")
CRUMB_SIGN = re.compile(r"[>»›/|·•→]")  # found by a scan for one class; most lines hold none
_CREDENTIALS = re.compile(
    r",\s*(?:[A-Z][A-Za-z.\-]{1,7}(?:\s\d+)?)(?:\s*,\s*[A-Z][A-Za-z.\-]{1,7}(?:\s\d+)?)*$"
)
_WORD = re.compile(r"\w+")
# Where the names of a line naming several people part: a comma, perhaps with a joining word after it,
# or a joining word of any language ("Jane Doe, John Roe & Ann Poe", "Jane Doe und John Roe").
_NAME_LIST_JOINS = re.compile(
    rf"\s*,\s*(?:(?:{alternation(NAME_JOINERS)})\s+)?|\s+(?:{alternation(NAME_JOINERS)})\s+", re.I
)
_NAME_LIST_MAX_NAMES = 8
_ROLE_ENDS = AUTHOR_ROLE_WORDS | PERSON_ROLES
_READING_LABEL = re.compile(rf"^(?:estimated\s+)?(?:{alternation(READING_LABELS)})\b", re.I)
_NUMBERED = re.compile(r"^(?:#\s?)?(\d{1,2})(?:[.):]\s|\s[-–—]\s)")  # "1. Plan ahead", "#2) Pack", "3 - Go"
_DIGIT = re.compile(r"\d")
# Chinese characters, kana: scripts written without spaces between words (Hangul is spaced).
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A picture's caption or credit: a label and a colon ("... Photograph: Jane Doe", "Foto: dpa"), a
# broadcaster's "Media caption", a picture agency closing the line ("Jane Doe | Getty Images",
# "Court / Shutterstock"), or a closing "(Photographer / Agency)" or "(FILE)".
_PICTURE_LABEL = re.compile(rf"(?:^|[\s.(])(?:{any_of(PICTURE_LABELS)})\s*:\s*\S", re.I)
_PICTURE_AGENCIES = (
    "getty images", "gettyimages", "shutterstock", "istock", "istockphoto", "alamy", "imago",
    "picture alliance", "picture-alliance", "ap photo", "epa",
)  # fmt: skip
_PICTURE_PARENS = re.compile(
    rf"\((?:file|photo|archive)\)$|\([^()]*\S\s/\s\S[^()]*\)$|\b(?:{'|'.join(_PICTURE_AGENCIES)})\)$"
)
_CAPTION_OPENERS = ("media caption", "image caption")
_SENTENCE_STOP = re.compile(r"[。．！？!?؟۔।]|\.(?:\s|$)")
GLUED_WORDS = re.compile(r"[a-zà-ÿ]{4,}[A-ZÀ-Þ]")  # "McDonald" and "DeSantis" stay names
_SECTION_REACH = 80  # lines below the lead where the article's own subheadings are looked for
_PROSE_MIN_WORDS = 8
_PROSE_MIN_COUNTED = 50
_PROSE_MAX_COUNTED = 400  # words inside sentences, from the lead on: enough to tell
_SENTENCE_END = frozenset('.!?:;"”»')
# Share of capitalised words inside sentences: English pages 0.06 (95% under 0.17), German 0.29
# (90% over 0.2), measured on WCXB dev and trafilatura-eval.
_CAPITALISED_SHARE = 0.2
CLUSTER_STEPS = 4  # lines from a headline down to its byline: a name, a role, a separator
ROLE_MAX_WORDS = 6  # "Senior Editor", "Co-founder of Example Labs"


def line_words(line: str) -> list[str]:
    return _WORD.findall(line.lower())


def cjk_chars(line: str) -> int:
    """How many Chinese or Japanese characters the line holds (none on an ASCII line, the usual one)."""
    if line.isascii() or max(line) < "\u3040":  # C-speed scans: most lines hold no such character
        return 0
    return len(CJK.findall(line))


def word_count(line: str) -> int:
    """How many words a reader sees: the spaced words, and a word for every two more Chinese or
    Japanese characters (those scripts put no space between words), so that a headline of 7
    characters has the 3 words of a headline and a menu entry of 2 to 4 characters does not."""
    words = len(line.split())
    if line.isascii():
        return words  # the usual line, without a call more
    cjk = cjk_chars(line)
    return words + (cjk - 1) // 2 if cjk else words


def _caseless(word: str) -> bool:
    """A word in a script without case (Chinese, Japanese, Arabic, Hebrew, Thai...)."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not first.islower()


def _lower_words(line: str) -> tuple[int, int, int]:
    """The line's `word_count`, how many of its words open in lower case, and how many more are in a
    script without case (a Chinese or Japanese line's characters counted as in `word_count`)."""
    words = line.split()
    cjk = cjk_chars(line)
    extra = (cjk - 1) // 2 if cjk else 0
    lower = sum(1 for w in words if w[:1].islower())
    # Scripts without case start at Hebrew (U+0590): a line below it has no caseless word to count.
    has_caseless = lower < len(words) and not line.isascii() and max(line) >= "\u0590"
    caseless = sum(map(_caseless, words)) + extra if has_caseless else extra
    return len(words) + extra, lower, caseless


def lower_share(line: str) -> float:
    """The share of the line's words that open in lower case or in a script without case: what running
    text is made of in every script, as against Title Case chrome."""
    count, lower, caseless = _lower_words(line)
    return (lower + caseless) / count if count else 0.0


@remembered
def looks_like_prose(line: str) -> bool:
    """Running text: long, and mostly lowercase words (a menu line is long too, but Title Case)."""
    words = line.split()
    # (`split` gives no empty word: its first character is `w[:1]`; counted by a C-level map.)
    if len(words) >= _LEAD_MIN_WORDS and sum(map(str.islower, [w[0] for w in words])) / len(words) >= _SHARE:
        return True  # the usual prose line, read by its spaced words alone
    if line.isascii():
        return False
    count, lower, caseless = _lower_words(line)
    # In a script without case every word reads as lowercase: a long teaser or headline is told from
    # running text by the sentence's stop ("。", ".", "؟", "।") somewhere in it.
    return (
        count >= _LEAD_MIN_WORDS
        and (lower + caseless) / count >= LEAD_MIN_LOWER_SHARE
        and _SENTENCE_STOP.search(line) is not None
    )


@remembered
def is_meta_line(line: str) -> bool:
    """A short byline, date or date label: the header, even when the classifier took it as body."""
    if word_count(line) > MAX_META_WORDS:
        return False
    return any(
        is_byline(part) or DATE_LABEL_ALONE.match(part) or date_of_line(part) for part in _split_glued(line)
    )


@remembered
def is_byline(line: str) -> bool:
    """ "By Jane Doe", "Written by: Jane Doe", "ByJane Doe"; not "Reviewed by" or "Photos by"."""
    if NOT_AUTHOR.match(line) or len(line.split()) > 12:
        return False
    return bool(BYLINE.match(line) or _GLUED_BY.match(line) or glued_opener(line))


def glued_opener(line: str) -> int | None:
    """Where the name starts after a byline opener printed in lowercase and glued to it ("vonJane")."""
    found = _GLUED_OPENER.match(line)
    return found.end() if found and found[0].split()[-1].islower() else None


def unglued(byline: str) -> str:
    """The byline with the spaces the copy lost put back: "ByJane DoeUpdated Feb 3" reads
    "By Jane Doe Updated Feb 3" ("McDonald" and "DeSantis" keep theirs: too few letters before)."""
    if (at := glued_opener(byline)) is not None:  # "Veröffentlicht vonJane Doe"
        byline = f"{byline[:at]} {byline[at:]}"
    return _GLUED_IN_BYLINE.sub(" ", byline)


@remembered
def date_of_line(line: str) -> str | None:
    """The date a short line states ("Feb 13, 2025", "Updated: 2025-02-13 10:00"), never a copyright year."""
    if word_count(line) > 12 or not _DIGIT.search(line) or COPYRIGHT_LINE.search(line):
        return None  # every way of writing a day has a digit in it
    text = DATE_LABEL.sub("", line)
    day = parse_date(text) or two_digit_year_day(text)
    if day and "/" in text and (found := dates_in_text(text, 1)) and found[0][1] != day[:10]:
        return found[0][1] + day[10:]  # "10/12/2023": slashes month first, as in `dates_in_text`
    return day


@remembered
def looks_like_name(line: str) -> bool:
    """A bare person's name as bylines print it: two to four capitalised words, perhaps credentials."""
    if len(line) > 60 or line.count(" ") > _NAME_MAX_SPACES:
        return False
    name = _CREDENTIALS.sub("", line) if "," in line else line  # credentials follow a comma
    words = name.split()
    # The cheap tests first: the word count and the capitals rule out most lines before any pattern.
    if not 2 <= len(words) <= _NAME_MAX_WORDS or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if _DIGIT.search(line) or _CHROME.match(line) or GLUED_WORDS.search(name):
        return False  # "MenuHomeNews" is page chrome run together (the pattern never spans a space)
    if any(w.endswith(("'s", "’s")) for w in words):
        return False  # "Today's Hours" is no name
    return all(NAME_WORD.match(w) for w in words)


def is_picture_credit(line: str) -> bool:
    """A picture's caption or credit line: what stands between the headline and the lead on many pages,
    headline-shaped, and never the headline. The cheap tests first: most lines hold no colon and end
    in no parenthesis or agency."""
    if ":" in line and _PICTURE_LABEL.search(line):
        return True
    tail = line.rstrip().lower()
    if tail.endswith(")"):
        return _PICTURE_PARENS.search(tail[-120:]) is not None
    if tail.endswith(_PICTURE_AGENCIES):
        agency = next(a for a in _PICTURE_AGENCIES if tail.endswith(a))
        return len(tail) > len(agency) and not tail[-len(agency) - 1].isalnum()
    return tail.startswith(_CAPTION_OPENERS)


@remembered
def looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= word_count(line) <= _MAX_HEADLINE_WORDS:
        return False
    if line.endswith((".", ":", ";", ",", "。", "，", "：")) and not line.endswith(("...", "…")):
        return False  # tested before the patterns: most lines above the lead are cut here or there
    if _CHROME.match(line) or _is_reading_time(line) or COPYRIGHT_LINE.search(line):
        return False
    first = line[:1]
    if (
        first.isupper()
        or first.isdigit()
        or first in "\"'“‘「『《【¿¡"
        or (first.isalpha() and not first.islower())
    ):
        return True  # a capital, or a script without case
    return sum(map(str.isupper, [w[0] for w in words])) >= len(words) / 2


def _is_reading_time(line: str) -> bool:
    """ "5 min read", or the same under a label: "Reading time: 5 minutes", "Lesezeit: 5 Minuten"."""
    if line[:1].isdecimal():  # what READING_TIME opens with (\d is Unicode's Nd); a label opens with a letter
        return READING_TIME.match(line) is not None
    return _READING_LABEL.match(line) is not None and _DIGIT.search(line) is not None


def _split_glued(line: str) -> list[str]:
    if not _GLUE_HINT.search(line):
        return [line]  # the common case, found by a cheaper pattern
    return _GLUED_DATE_LABEL.split(line)


def header_pieces(lines: list[str], indices: range) -> list[tuple[int, str]]:
    """The window's lines, with a date label glued to a name split off into a line of its own."""
    window = lines[indices.start : indices.stop]
    if not _GLUE_HINT.search("\n".join(window)):  # the usual window: one search, as the hint spans no line
        return [(index, text) for index, line in zip(indices, window, strict=True) if (text := line.strip())]
    pieces = []
    for index in indices:
        for part in _split_glued(lines[index]):
            if part.strip():
                pieces.append((index, part.strip()))
    return pieces


class PageWords:
    """What the whole page says, worked out once and only when a line needs it."""

    def __init__(self, lines: list[str], lead: int, like: PageWords | None = None) -> None:
        """`like`: a reading of the same lines around another lead, whose answers that do not depend
        on the lead (which lines are names, which words the page writes in lowercase) are shared."""
        self.lines, self.lead = lines, lead
        self._names: dict[str, bool] = {}
        self._lowercase: dict[str, bool] = {}
        if like is not None and like.lines is lines:
            self._names, self._lowercase = like._names, like._lowercase
            if "text" in like.__dict__:
                self.__dict__["text"] = like.text

    def is_bare_name(self, text: str) -> bool:
        """`_is_bare_name`, remembered: the same lines are asked about as candidates and neighbours."""
        known = self._names.get(text)
        if known is None:
            known = self._names[text] = _is_bare_name(text, self)
        return known

    def is_dated_name(self, text: str) -> bool:
        """A name beside a date, where the date vouches for it: `is_bare_name`, or a name whose
        first word the page never writes in lowercase and of whose other words one may be a common
        word ("Madison Green", "Christian Winter"). A menu entry starts with a common word."""
        if self.is_bare_name(text):
            return True
        if not looks_like_name(text):
            return False
        words = [w.lower() for w in _WORD.findall(_CREDENTIALS.sub("", text) if "," in text else text)]
        if len(words) < 2 or any(len(w) <= 2 and w in STOPWORDS for w in words):
            return False
        return not self.writes_lowercase(words[0]) and sum(map(self.writes_lowercase, words[1:])) <= 1

    def is_name_list(self, text: str) -> bool:
        """Several people's names on one line ("Jane Doe, John Roe & Ann Poe"): two or more parts set
        apart by commas or joining words, each a name a date beside it vouches for (`is_dated_name`)."""
        if len(text) > _NAME_LIST_MAX_NAMES * 30 or _DIGIT.search(text):
            return False
        parts = _NAME_LIST_JOINS.split(text.strip())
        if not 2 <= len(parts) <= _NAME_LIST_MAX_NAMES:
            return False
        if any(line_words(part)[-1:] and line_words(part)[-1] in _ROLE_ENDS for part in parts):
            return False  # "Jane Doe, Senior Harbour Correspondent": one person and her job title
        return all(self.is_dated_name(part) for part in parts)

    @cached_property
    def capitalises_words(self) -> bool:
        """Whether the article's prose capitalises common words inside its sentences (German nouns:
        "in den Heizungen unserer Privathäuser"), so that a capital is no sign of a name."""
        capitals = words = 0
        # From the lead down, then the lines above it when the article says too little.
        for line in (*self.lines[self.lead :], *self.lines[: self.lead]):
            if words >= _PROSE_MAX_COUNTED:
                break
            tokens = line.split()
            if len(tokens) < _PROSE_MIN_WORDS:
                continue
            for before, word in pairwise(tokens):
                if before[-1] in _SENTENCE_END or not word[:1].isalpha():
                    continue
                words += 1
                capitals += word[0].isupper()
        return words >= _PROSE_MIN_COUNTED and capitals > _CAPITALISED_SHARE * words

    @cached_property
    def text(self) -> str:
        return " ".join(self.lines)

    def writes_lowercase(self, word: str) -> bool:
        """`writes_in_lowercase` over the page, remembered: a name's words are asked about again and again."""
        known = self._lowercase.get(word)
        if known is None:
            known = self._lowercase[word] = writes_in_lowercase(word, self.text)
        return known

    @cached_property
    def crumbs(self) -> frozenset[str]:
        """The last crumb of every breadcrumb ("Home > Blog > Headline") and the first part of every
        window title ("Headline | Site") in the header window or at the top of the page, lowercased."""
        found = set()
        start = max(0, self.lead - HEADER_WINDOW)
        for line in (*self.lines[:_TOP_LINES], *self.lines[max(start, _TOP_LINES) : self.lead]):
            if not CRUMB_SIGN.search(line):
                continue
            parts = _CRUMB_SEPARATORS.split(line.lower())
            if len(parts) > 1:
                found.update((parts[0], parts[-1]))
        found.update(glued_crumbs(self.lines[start : self.lead]))
        return frozenset(found)

    def is_section_head(self, text: str) -> bool:
        """A numbered line ("1. Plan ahead") whose next number starts a line below the lead too: the
        first section's heading (or a contents entry), no headline. A question is no such sign:
        question headlines head articles whose sections ask questions too."""
        numbered = _NUMBERED.match(text)
        if not numbered:
            return False
        following = f"{int(numbered[1]) + 1}"
        return any((match := _NUMBERED.match(line)) and match[1] == following for line in self.below_lead)

    @cached_property
    def below_lead(self) -> list[str]:
        return self.lines[self.lead : self.lead + _SECTION_REACH]

    @cached_property
    def repeated(self) -> frozenset[str]:
        """Lines printed twice in a row above the lead, lowercased: a page heading the copy repeats
        (a breadcrumb's last crumb on a line of its own, then the headline)."""
        start = max(0, self.lead - HEADER_WINDOW)
        window = [line.lower() for line in self.lines[start : self.lead]]
        return frozenset(a for a, b in pairwise(window) if a == b)


_GLUED_CRUMB_MIN_WORDS = 2


def glued_crumbs(lines: list[str]) -> set[str]:
    """The lines another line ends with, glued to the crumbs before them with no separator left
    ("HomeResearchThe Best Markets" over "The Best Markets"): a breadcrumb whose links lost their
    spaces when the page was copied, its last crumb the page's heading, lowercased."""
    glued = [line for line in lines if GLUED_WORDS.search(line)]
    if not glued:
        return set()
    return {
        tail.lower()
        for tail in set(lines)
        if word_count(tail) >= _GLUED_CRUMB_MIN_WORDS
        and any(
            len(line) > len(tail) and line.endswith(tail) and line[-len(tail) - 1].isalnum() for line in glued
        )
    }


def _is_bare_name(text: str, common: PageWords) -> bool:
    """A name-shaped line whose words the page never writes in lowercase, and no function words of
    its own language. A function word of another language the page never writes is a name ("Dan" is
    Dutch for "than"; an English page never writes "dan"), so one of the merged lists counts only if
    the page writes it: a two-letter word or one on a page too short to show its language."""
    if not looks_like_name(text):
        return False
    words = [w.lower() for w in _WORD.findall(_CREDENTIALS.sub("", text) if "," in text else text)]
    return not any(
        (len(w) <= 2 and w in STOPWORDS) or (len(w) >= 2 and common.writes_lowercase(w)) for w in words
    )


def in_cluster(text: str, common: PageWords) -> bool:
    return len(text) <= 2 or common.is_bare_name(text) or _is_reading_time(text)
