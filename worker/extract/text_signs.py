"""What one line of a page copied as text says on its own: a byline, a date line, a bare name, a
headline's shape, a reading time. What the whole page says about a line (whether it writes a word in
lowercase, its breadcrumbs, its repeated lines) is read in `text_page_words`; the header reader weighs
both."""

from __future__ import annotations

import re

from worker.clean.phrases import phrase_tree
from worker.extract.authors import NAME_WORD
from worker.extract.dates import MONTHS, dates_in_text, parse_date, two_digit_year_day
from worker.extract.languages.ages import merged_ages
from worker.extract.line_memo import remembered
from worker.extract.patterns import (
    BYLINE_PREFIXES,
    COPYRIGHT_LINE,
    HEADER_CHROME_WORDS,
    NOT_AUTHOR_LABELS,
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


def alternation(words: tuple[str, ...]) -> str:
    """Longest first, so "last updated" is tried before "updated"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def any_of(words: tuple[str, ...]) -> str:
    """For a pattern only asked whether a line matches it: the same lines match as with
    `alternation`, but the engine follows a prefix tree instead of trying every word in turn, which
    matters for lists of a hundred labels asked of every line near the header."""
    return phrase_tree(words)


BYLINE = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})\b(?:\s*:\s*|\s+)\S", re.I)
# An opener alone: a line opening with none is no byline (`BYLINE`, `_GLUED_BY`, `_GLUED_OPENER` open so).
BYLINE_OPENER = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})", re.I)
NOT_AUTHOR = re.compile(rf"^(?:{any_of(NOT_AUTHOR_LABELS)})(?:\s+by)?\b", re.I)
_DATE_LABEL_WORDS = (*PUBLISHED_LABELS, *UPDATED_LABELS, "date", "on")
_DATE_LABELS = alternation(_DATE_LABEL_WORDS)
DATE_LABEL = re.compile(rf"^(?:{_DATE_LABELS})\b(?:\s+(?:on|le|am|el|il))?[:\s]*", re.I)
DATE_LABEL_ALONE = re.compile(rf"^(?:{any_of(_DATE_LABEL_WORDS)})(?:\s+on)?\s*:?$", re.I)
_AGE = merged_ages()
_BEFORE, _AFTER, _ONE, _UNITS = (alternation(words) for words in _AGE)
# A post's age in any language ("2 hours ago", "vor einer Stunde", "Hace 9 horas", "3 godziny temu"),
# perhaps after a bullet and a date label ("• Publiziert vor 4 Stunden", "Erstellt: vor 2 Tagen"): the
# "before now" word on its language's side of the count ("Stunden vor" is none), never missing.
POST_AGE = re.compile(
    rf"^[•·|/\s-]*(?:(?:{_DATE_LABELS})\b\s*:?\s*)?(?=\S)(?:(?:{_BEFORE})\s+(?:\d+|{_ONE})?\s*(?:{_UNITS})\.?"
    rf"|(?:\d+|{_ONE})?\s*(?:{_UNITS})\.?\s+(?:{_AFTER}))$",
    re.I,
)
# Where the copy glued a name to the day after it: a lowercase letter, then a digit or a capitalised
# month before its day's number ("Yucy3/4/2025", "Jane Doe22. Februar 2020", "Jane DoeNovember 6, 2023");
# a month's name inside a name ("LaMar Jones", "DeMar") is followed by no number.
_GLUED_DAY = re.compile(rf"(?<=[a-zà-ÿ])(?=\d|(?=[A-ZÀ-Þ])(?i:{alternation(MONTHS)})\b\.?,?\s*\d)")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S*", re.I)  # a linked story's "/2017/02/14/" is its day
# "— Jane Doe (@janedoe) March 3, 2024": an embedded post's signature, dated by its own author.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^(]{0,60}\(@\w+\)")
_ISO_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")  # "Jane Doe2021-12-14T12:38:19+01:00December 14th"


def split_glued_day(line: str) -> tuple[str, str, bool] | None:
    """A line the copy glued from a name and its day: the name, the rest, and whether the rest opens with
    a timestamp (a theme's hidden one, which says the line is a byline's); None without such a glue."""
    found = _GLUED_DAY.search(line)
    if found is None or DIGIT.search(line[: found.start()]):
        return None
    return line[: found.start()].strip(), line[found.start() :], bool(_ISO_STAMP.match(line[found.start() :]))


_GLUED_BY = re.compile(r"^By(?=[A-ZÀ-Þ][a-zà-ÿ]+\s[A-ZÀ-Þ])")  # "ByJane Doe", the space lost in copying
# Any language's opener glued so to the name ("vonJane Doe", "Veröffentlicht vonJane Doe"), when printed
# in lowercase (`glued_opener`): capitals after a capitalised one are a word's ("DaVinci", "TextMate").
_GLUED_OPENER = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})(?=(?-i:[A-ZÀ-Þ][a-zà-ÿ]+\s[A-ZÀ-Þ]))", re.I)
# "ByJane DoeUpdated January 5": "By", or a month or date label, glued to the name (not "CottageCare").
_GLUED_AFTER_NAME = tuple({w.capitalize() for w in (*MONTHS, *PUBLISHED_LABELS, *UPDATED_LABELS)})
# Led by a look at the character where a space goes (a capital, or the first letter of one of those
# words): most characters fail there, before the look-behinds and the words are tried.
_GLUED_IN_BYLINE = re.compile(
    "(?=[A-ZÀ-Þ" + "".join(sorted({re.escape(w[0]) for w in _GLUED_AFTER_NAME})) + "])"
    r"(?:(?<=^By)(?=[A-ZÀ-Þ])|(?<=[a-zà-ÿ]{2})(?=(?:" + any_of(_GLUED_AFTER_NAME) + r")\b))"
)
# A date label glued to the name before it when the page was copied ("Jane DoePublished: Jan 2, 2025"),
# and a year glued to what follows ("June 29, 2020November 12, 2021").
_GLUED_DATE_LABEL = re.compile(
    r"(?<=[a-zà-ÿ.])(?=(?:Published|Updated|Posted|Last [Uu]pdated)\b)|(?<=\b\d{4})(?=[A-Z][a-z])"
)
# Found from the capital it glues on, what stands before that looked back at: the engine skips ahead to
# a line's few capitals instead of trying a pattern at each of its lowercase letters (only whether a line
# holds one is asked).
_GLUE_HINT = re.compile(
    r"[A-Z](?:(?<=[a-zà-ÿ.]P)(?:ublished|osted)|(?<=[a-zà-ÿ.]U)pdated|(?<=[a-zà-ÿ.]L)ast|(?<=\d[A-Z]))"
)
_CHROME = re.compile(rf"^(?:{any_of(HEADER_CHROME_WORDS)})\b", re.I)
# A breadcrumb's or a window title's separator: not glued between two words ("12/19/2025", "and/or",
# a tag's "<br>" in a headline about markup), where it belongs to the words.
# Written to open with the sign (an unglued one, or one but ">" before no word character): the engine
# skips ahead to a line's few signs instead of trying a look-behind at every character (the same matches
# as "(?<!\w)[>»›/|·•→]|[»›/|·•→](?!\w)").
CRUMB_SIGN = re.compile(r"[>»›/|·•→](?:(?<!\w[>»›/|·•→])|(?<!>)(?!\w))")
CREDENTIALS = re.compile(
    r",\s*(?:[A-Z][A-Za-z.\-]{1,7}(?:\s\d+)?)(?:\s*,\s*[A-Z][A-Za-z.\-]{1,7}(?:\s\d+)?)*$"
)
WORD = re.compile(r"\w+")
_READING_LABEL = re.compile(rf"^(?:estimated\s+)?(?:{alternation(READING_LABELS)})\b", re.I)
DIGIT = re.compile(r"\d")
# Chinese characters, kana: scripts written without spaces between words (Hangul is spaced).
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FROM_HEBREW = re.compile(r"[^\x00-\u058f]")  # a character from U+0590 (Hebrew) on
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
# A capital after four lowercase letters or more ("McDonald" and "DeSantis" stay names); only whether a
# line holds one is asked, so the capital is found first and the letters before it looked back at.
GLUED_WORDS = re.compile(r"[A-ZÀ-Þ](?<=[a-zà-ÿ]{4}[A-ZÀ-Þ])")
# Where else the copy loses a space: a question's or a cry's end run into the next word ("IT?HOW TO
# START"; not in Chinese or Japanese, written without spaces), a number run into a capitalised word.
_RUN_ON = re.compile(rf"[?!](?!{CJK.pattern})[^\W\d_]|\d[A-Z][a-z.]")


def runs_words_together(line: str, prose: str) -> bool:
    """Whether the copy ran words together on the line where it lost a space (`GLUED_WORDS`,
    "SubscribeSign in"; `_RUN_ON`): a widget's or a contents list's line. A word the prose under the
    line (`prose`, lowercased) writes as well is a name so spelt ("WordPress", "1Password"), no sign."""
    for found in (*GLUED_WORDS.finditer(line), *_RUN_ON.finditer(line)):
        if found[0][0] in "?!":
            return True
        start, end = found.start(), found.end()
        while start > 0 and line[start - 1].isalnum():
            start -= 1
        while end < len(line) and line[end].isalnum():
            end += 1
        if not re.search(rf"(?<!\w){re.escape(line[start:end].lower())}(?!\w)", prose):
            return True
    return False


CLUSTER_STEPS = 4  # lines from a headline down to its byline: a name, a role, a separator
ROLE_MAX_WORDS = 6  # "Senior Editor", "Co-founder of Example Labs"


def line_words(line: str) -> list[str]:
    return WORD.findall(line.lower())


# An ASCII line's bytes as `str.split` parts them: its spaces (those of `str.isspace`, "\x1c" to "\x1f"
# too) kept, its capitals made "A", every other byte a dot; a word opening with a capital is " A".
_SPACES = frozenset(b" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
_CAPITAL_MARKS = bytes(
    0x41 if 0x41 <= byte <= 0x5A else 0x20 if byte in _SPACES else 0x2E for byte in range(256)
)


def capitalised_words(line: str) -> int:
    """How many of an ASCII line's spaced words open with a capital (`sum(map(str.isupper, [w[0] for w
    in line.split()]))`), by one table pass and a count: asked of every line the labeller reads."""
    return (b" " + line.encode().translate(_CAPITAL_MARKS)).count(b" A")


# The same with the lowercase letters made "a": a word opening in lowercase is " a".
_LOWERCASE_MARKS = bytes(
    0x61 if 0x61 <= byte <= 0x7A else 0x20 if byte in _SPACES else 0x2E for byte in range(256)
)


def lowercase_words(line: str) -> int:
    """How many of an ASCII line's spaced words open in lowercase (`sum(map(str.islower, [w[0] for w
    in line.split()]))`), as `capitalised_words` counts: asked of every long line near the header."""
    return (b" " + line.encode().translate(_LOWERCASE_MARKS)).count(b" a")


def cjk_chars(line: str) -> int:
    """How many Chinese or Japanese characters the line holds (none on an ASCII line, the usual one)."""
    if line.isascii():  # a C-speed test: most lines hold no such character
        return 0
    return len(CJK.findall(line))  # one scan (max() over the line costs several times more)


@remembered  # asked of the same header lines by most signs: a dict look-up after the first time
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
    has_caseless = lower < len(words) and not line.isascii() and _FROM_HEBREW.search(line) is not None
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
    ascii_ = line.isascii()
    # (`split` gives no empty word: its first character is `w[:1]`; counted by a C-level map.)
    if len(words) >= _LEAD_MIN_WORDS:
        lower = lowercase_words(line) if ascii_ else sum(map(str.islower, [w[0] for w in words]))
        if lower / len(words) >= _SHARE:
            return True  # the usual prose line, read by its spaced words alone
    if ascii_:
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
    # Most lines open with no opener: told by one pattern, before the labels and the glued openers.
    if not BYLINE_OPENER.match(line) or NOT_AUTHOR.match(line):
        return False
    return bool(BYLINE.match(line) or _GLUED_BY.match(line) or glued_opener(line)) and len(line.split()) <= 12


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
    if word_count(line) > 12 or not DIGIT.search(line) or COPYRIGHT_LINE.found_in(line):
        return None  # every way of writing a day has a digit in it
    if "(@" in line and _EMBED_SIGNATURE.match(line):
        return None
    text = DATE_LABEL.sub("", line)
    if "/" in text:
        text = _WEB_ADDRESS.sub(" ", text)
    day = parse_date(text) or two_digit_year_day(text)
    if day and "/" in text and (found := dates_in_text(text, 1)) and found[0][1] != day[:10]:
        return found[0][1] + day[10:]  # "10/12/2023": slashes month first, as in `dates_in_text`
    return day


@remembered
def looks_like_name(line: str) -> bool:
    """A bare person's name as bylines print it: two to four capitalised words, perhaps credentials."""
    if len(line) > 60 or line.count(" ") > _NAME_MAX_SPACES:
        return False
    name = CREDENTIALS.sub("", line) if "," in line else line  # credentials follow a comma
    words = name.split()
    # The cheap tests first: the word count and the capitals rule out most lines before any pattern.
    if not 2 <= len(words) <= _NAME_MAX_WORDS or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if DIGIT.search(line) or _CHROME.match(line) or GLUED_WORDS.search(name):
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
    if not 3 <= word_count(line) <= _MAX_HEADLINE_WORDS:
        return False
    if line.endswith((".", ":", ";", ",", "。", "，", "：")) and not line.endswith(("...", "…")):
        return False  # tested before the patterns: most lines above the lead are cut here or there
    if _CHROME.match(line) or is_reading_time(line) or COPYRIGHT_LINE.found_in(line):
        return False
    first = line[:1]
    if (
        first.isupper()
        or first.isdigit()
        or first in "\"'“‘「『《【¿¡"
        or (first.isalpha() and not first.islower())
    ):
        return True  # a capital, or a script without case
    words = line.split()  # split only here: most lines are told by the tests above
    return sum(map(str.isupper, [w[0] for w in words])) >= len(words) / 2


def is_reading_time(line: str) -> bool:
    """ "5 min read", or the same under a label: "Reading time: 5 minutes", "Lesezeit: 5 Minuten"."""
    if line[:1].isdecimal():  # what READING_TIME opens with (\d is Unicode's Nd); a label opens with a letter
        return READING_TIME.match(line) is not None
    return _READING_LABEL.match(line) is not None and DIGIT.search(line) is not None


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


def past_bars(lines: list[str], index: int) -> int:
    """The first line from `index` on that is not a separator alone ("Published" / "|" / "Oct 10,
    2025": the copy kept the bar between the label and its date on a line of its own)."""
    while index < len(lines) - 1 and lines[index].strip() in _BARS:
        index += 1
    return index


_BARS = frozenset(("|", "•", "·", "⋅", "-", "–", "—", "/"))
