"""What the whole page says about a line of a page copied as text: whether it writes a word in
lowercase (so a capitalised one is a name), its breadcrumbs and window title, its repeated lines, its
numbered sections; worked out once a page and only when a line needs it (`PageWords`). What a line
says on its own is read in `text_signs`."""

from __future__ import annotations

import re
from functools import cached_property
from itertools import pairwise

from worker.clean.phrases import ASCII_FOLDS
from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import writes_in_lowercase
from worker.extract.patterns import AUTHOR_ROLE_WORDS, NAME_JOINERS, PERSON_ROLES
from worker.extract.text_signs import (
    CREDENTIALS,
    DIGIT,
    GLUED_WORDS,
    HEADER_WINDOW,
    WORD,
    alternation,
    is_reading_time,
    line_words,
    looks_like_name,
    word_count,
)

_ANY_CRUMB_SIGN = re.compile(r"[>»›/|·•→]")  # any separator, glued ones too: "Home/Blog/Headline"
_CRUMB_SEPARATORS = re.compile(r"\s*(?:>|»|›|/|\||·|•|→)\s*")
# Where the names of a line naming several people part: a comma, perhaps with a joining word after it,
# or a joining word of any language ("Jane Doe, John Roe & Ann Poe", "Jane Doe und John Roe").
_NAME_LIST_JOINS = re.compile(
    rf"\s*,\s*(?:(?:{alternation(NAME_JOINERS)})\s+)?|\s+(?:{alternation(NAME_JOINERS)})\s+", re.I
)
_NAME_LIST_MAX_NAMES = 8
_JOINER_WORDS = frozenset(NAME_JOINERS)
_ROLE_ENDS = AUTHOR_ROLE_WORDS | PERSON_ROLES
# A numbered list's entry: "1. Plan ahead", "#2) Pack", "3 - Go".
NUMBERED_ENTRY = re.compile(r"^(?:#\s?)?(\d{1,2})(?:[.):]\s|\s[-–—]\s)")
_SECTION_REACH = 80  # lines below the lead where the article's own subheadings are looked for
_PROSE_MIN_WORDS = 8
_PROSE_MIN_COUNTED = 50
_PROSE_MAX_COUNTED = 400  # words inside sentences, from the lead on: enough to tell
_SENTENCE_END = frozenset('.!?:;"”»')
# Share of capitalised words inside sentences: English pages 0.06 (95% under 0.17), German 0.29
# (90% over 0.2), measured on WCXB dev and trafilatura-eval.
_CAPITALISED_SHARE = 0.2
_TOP_LINES = 5  # where a window title copied with the page stands


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
        words = [w.lower() for w in WORD.findall(CREDENTIALS.sub("", text) if "," in text else text)]
        if len(words) < 2 or any(len(w) <= 2 and w in STOPWORDS for w in words):
            return False
        return not self.writes_lowercase(words[0]) and sum(map(self.writes_lowercase, words[1:])) <= 1

    def is_name_list(self, text: str) -> bool:
        """Several people's names on one line ("Jane Doe, John Roe & Ann Poe"): two or more parts set
        apart by commas or joining words, each a name a date beside it vouches for (`is_dated_name`)."""
        if len(text) > _NAME_LIST_MAX_NAMES * 30 or DIGIT.search(text) or not _may_part(text):
            return False
        parts = _NAME_LIST_JOINS.split(text.strip())
        if not 2 <= len(parts) <= _NAME_LIST_MAX_NAMES:
            return False
        if any(line_words(part)[-1:] and line_words(part)[-1] in _ROLE_ENDS for part in parts):
            return False  # "Jane Doe, Senior Harbour Correspondent": one person and her job title
        # Three names or more vouch for one more of a name's shape ("Rui Ma", whose "ma" is a word).
        doubtful = [part for part in parts if not self.is_dated_name(part)]
        return not doubtful or (len(parts) >= 3 and len(doubtful) == 1 and looks_like_name(doubtful[0]))

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
            # The first letters of the words not opening a sentence, gathered by a comprehension.
            counted = [w[0] for b, w in pairwise(tokens) if b[-1] not in _SENTENCE_END and w[0].isalpha()]
            words += len(counted)
            capitals += sum(map(str.isupper, counted))
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
            if not _ANY_CRUMB_SIGN.search(line):
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
        numbered = NUMBERED_ENTRY.match(text)
        if not numbered:
            return False
        following = f"{int(numbered[1]) + 1}"
        entries = (NUMBERED_ENTRY.match(line) for line in self.below_lead)
        return any(match and match[1] == following for match in entries)

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


def _may_part(text: str) -> bool:
    """Whether `_NAME_LIST_JOINS` may part the line: it holds a comma or a joining word standing alone
    (the usual headline holds neither, and is passed without the pattern). A letter the case-blind
    pattern folds to an ASCII one ("İ" for "i") sends the line to the pattern."""
    return (
        "," in text
        or not _JOINER_WORDS.isdisjoint(text.lower().split())
        or (not text.isascii() and not ASCII_FOLDS.isdisjoint(text))
    )


def _is_bare_name(text: str, common: PageWords) -> bool:
    """A name-shaped line whose words the page never writes in lowercase, and no function words of
    its own language. A function word of another language the page never writes is a name ("Dan" is
    Dutch for "than"; an English page never writes "dan"), so one of the merged lists counts only if
    the page writes it: a two-letter word or one on a page too short to show its language."""
    if not looks_like_name(text):
        return False
    writes_lowercase = common.writes_lowercase
    for word in WORD.findall(CREDENTIALS.sub("", text) if "," in text else text):  # a loop: no generator
        w = word.lower()
        if (len(w) <= 2 and w in STOPWORDS) or (len(w) >= 2 and writes_lowercase(w)):
            return False
    return True


def in_cluster(text: str, common: PageWords) -> bool:
    return len(text) <= 2 or common.is_bare_name(text) or is_reading_time(text)
