"""A plain-text page's author when no line says "By": a bare name with what signs it beside it.

Pages print their author as a name line with the date, or a job title and the date, under it
("Jane Doe" / "March 4, 2025", "Jane Doe" / "Senior Editor" / "March 4, 2025"), often above a long
menu or a contents list that pushes the lead far below. A name line counts only with such a
companion, and only above the lead or right under it: below the article, name lines are teasers'
and comments'.
"""

from __future__ import annotations

import re

from worker.extract.authors import clean_authors
from worker.extract.dates import dates_in_text
from worker.extract.patterns import (
    AUTHOR_ROLE_WORDS,
    MONTH_ALTERNATION,
    PERSON_ROLES,
    WEEKDAYS,
)
from worker.extract.text_byline_lists import names_before_role
from worker.extract.text_byline_shapes import group_signature, one_word_name
from worker.extract.text_cluster import BY_INSIDE, DOTS, GLUED_IN, byline_head
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import (
    CLUSTER_STEPS,
    DATE_LABEL_ALONE,
    HEADER_WINDOW,
    MAX_META_WORDS,
    NOT_AUTHOR,
    POST_AGE,
    date_of_line,
    is_byline,
    line_words,
    looks_like_prose,
    past_bars,
    split_glued_day,
)

_BELOW_LEAD = 3  # a name line in the first lines of the article: the byline the lead finder passed
_ROLE_MAX_WORDS = 5
_LEAD_REACH = 3  # "Jane Doe" / "Content Editor" / the lead, perhaps a separator between
NAME_MAX_CHARS = 40
_UNDER_HEADLINE = 4  # "Headline" / standfirst / "Credit: ..." / "By Jane Doe ⋅ Editor"
# A day shown without its year ("Jan 4", "9 Jun", "Tue, Jan 4"), which blogs print under the author,
# or with it in a shape the date reader does not take ("December 19. 2025").
_YEARLESS_DAY = re.compile(
    rf"^(?:\w+\.?,?\s+)?(?:(?:{MONTH_ALTERNATION})\.?\s+[0-3]?\d(?:st|nd|rd|th)?"
    rf"|[0-3]?\d\.?\s+(?:{MONTH_ALTERNATION})\.?)(?:[.,]?\s+(?:19|20)\d\d)?$",
    re.I,
)
_OUTLET_AFTER_NAME = re.compile(
    r"^(.*?[a-zà-ÿ.])\s+((?:[A-ZÀ-Þ][A-ZÀ-Þ&'’.-]+\s?){1,3})$"
)  # "Jane Doe USA TODAY"
# "12/11/25", and a day of either order with its time ("10.23.2018 08:15 AM"), which vouches for a name
# as well whichever order the page writes.
_SHORT_NUMERIC_DAY = re.compile(
    r"^[0-3]?\d([/.])[0-3]?\d\1(?:\d\d|(?:19|20)\d\d,?\s+[0-2]?\d:[0-5]\d(?:\s*[ap]\.?m\.?)?)$", re.I
)
_HEADLINE_MIN_WORDS = 5
_STANDFIRST_MAX_CHARS = 300
_DAY_UNDER_NAME = 3
_DAY_ABOVE = 3  # "Jane Doe" / "Writer" / "12/11/25" / "Headline"
_DAY_MAX_WORDS = 5  # "Tue, Jan 4, 2025 10:30 am"
_CLOCK = re.compile(r"\d:\d\d")
_WEEKDAY_CLOCK = re.compile(r"^\w+\.?,?\s+[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?m\.?)?$", re.I)
_TITLED_NAME_MAX_WORDS = 4
_DIGITS = re.compile(r"\d")
TITLED_LINE_MAX_CHARS = 100
_DAY_BELOW = 2  # "Jane Doe Contributing Writer" / "Fact checked by: John Roe" / "Updated: March 12, 2026"
_COMPANION_REACH = (
    3  # "Jane Doe" / "Senior Editor" / "March 4, 2025"  # "Senior Marketing Operations Analyst"
)


def is_role(line: str) -> bool:
    """A job title line: a few words, the last one a role ("Content Editor", "Staff Writer")."""
    words = line_words(line)
    return 0 < len(words) <= _ROLE_MAX_WORDS and words[-1] in AUTHOR_ROLE_WORDS


def is_job_title(line: str) -> bool:
    """A newsroom or company job title ("National Biotech Reporter", "Senior Content Editor"): a few
    words ending in a person's role, never a headline."""
    words = line_words(line)
    return 0 < len(words) <= _ROLE_MAX_WORDS and words[-1] in PERSON_ROLES


def names_a_role(words: list[str]) -> bool:
    """`is_role` or `is_job_title` of a line whose `line_words` are `words` (read once, not twice)."""
    return 0 < len(words) <= _ROLE_MAX_WORDS and (words[-1] in AUTHOR_ROLE_WORDS or words[-1] in PERSON_ROLES)


def name_with_companion(lines: list[str], lead: int, common: PageWords) -> str | None:
    """The first name line near the header with a date right under it, or a job title and a date."""
    for index in range(max(0, lead - HEADER_WINDOW), min(len(lines) - 1, lead + _BELOW_LEAD)):
        line = lines[index]
        if len(line) > 40 or not common.is_bare_name(line):
            continue
        below = lines[index + 1 : index + 1 + _COMPANION_REACH]
        if date_of_line(below[0]) or (is_role(below[0]) and any(date_of_line(other) for other in below[1:])):
            return line
    return None


def dated_bylines(bylines: list[str], pieces: list[tuple[int, str]]) -> list[str]:
    """Of several bylines, those with a date on their line or the next ("by Jane Doe | Aug 24, 2023",
    "By Jane Doe" / "Dec 11, 2025"), among those that name someone: a menu's "By Industry" / "By Use
    Case" carries no date, and "By" / "Last updated on:" names nobody."""
    named = [byline for byline in bylines if clean_authors([byline])]
    if len(named) < 2:
        return bylines
    dated = []
    for byline in named:
        at = next((p for p, (_, text) in enumerate(pieces) if byline in text or text in byline), None)
        if at is None:
            continue
        beside = [pieces[at][1], *(text for _, text in pieces[at + 1 : at + 2])]
        if any(dates_in_text(text, limit=1) for text in beside):
            dated.append(byline)
    return dated or bylines


def name_with_role(
    pieces: list[tuple[int, str]], title_at: int | None, lead: int, common: PageWords
) -> str | None:
    """A name line with a person's job title right under it ("Jane Doe" / "Content Editor") in the
    header: in the few lines under the headline, or right above the lead. Elsewhere the pair is an
    author card or a team list, which sidebars and footers hold."""
    places = [p for p, (index, _) in enumerate(pieces) if lead - _LEAD_REACH <= index < lead]
    if title_at is not None:
        places = [*range(title_at + 1, min(len(pieces), title_at + 1 + CLUSTER_STEPS)), *places]
    for position in places:
        index, text = pieces[position]
        if index >= lead or position + 1 >= len(pieces) or len(text) > NAME_MAX_CHARS:
            continue
        if is_job_title(pieces[position + 1][1]) and common.is_bare_name(text):
            return text
    return None


def byline_under_headline(lines: list[str], headline: int, common: PageWords) -> str | None:
    """A byline within a few lines under the headline, when the lead is far below it (a list of the
    products reviewed, a contents list or a promo read as the first prose pushed it down): the
    headline's own byline, read up to its first separator ("By Jane Doe ⋅ Review Editor ⋅ ...").
    Each name it gives has a given name and a family name: "von Künstlern, Bands, DJs," names none."""
    for index in range(headline + 1, min(len(lines), headline + 1 + _UNDER_HEADLINE)):
        line = lines[index]
        if NOT_AUTHOR.match(line) or not (is_byline(line) or is_byline(line := _before_its_date(line))):
            continue
        head = DOTS.split(line, maxsplit=1)[0].strip()
        names = clean_authors([found := byline_head(head, common)])
        if len(head.split()) <= MAX_META_WORDS and names and all(len(name.split()) > 1 for name in names):
            return found
    return None


def _before_its_date(line: str) -> str:
    """A byline line up to the date it goes on with, without the date's leading words ("By Jane Doe ,
    John Roe on Monday, May 6th, 2024 at 9:12 a.m." reads "By Jane Doe , John Roe"): a date and
    its time may make the line too long for a byline."""
    found = dates_in_text(line, limit=1)
    if not found:
        return line
    words = line[: found[0][0]].split()
    while words and (
        words[-1].lower().strip(".,") in _DATE_LEAD_WORDS or words[-1].lower().strip(".,") in WEEKDAYS
    ):
        words.pop()
    return " ".join(words)


_DATE_LEAD_WORDS = frozenset(("on", "am", "le", "el", "il", "em", "op", "", "-", "|", "–", "—"))


def shows_day(line: str) -> bool:
    """A line that shows a day: a date (`date_of_line`), or a day without its year ("Jan 4") or with
    a two-digit one ("12/11/25") or the post's age ("2 days ago"); enough to vouch for a name beside
    it, never read as the day itself."""
    text = line.strip()
    if POST_AGE.match(text):
        return True
    if ":" in _CLOCK.sub("", text) or len(text.split()) > _DAY_MAX_WORDS:
        return False  # "DATE: 2025-12-12 - 2025-12-17", "Effective beginning 6/2/2025:": a label's
    if _WEEKDAY_CLOCK.match(text) and text.split()[0].strip(".,").lower() in WEEKDAYS:
        return True  # "Thursday 7:45PM", "Fri, 11:40 am": a post's weekday and time
    return bool(date_of_line(text) or _YEARLESS_DAY.match(text) or _SHORT_NUMERIC_DAY.match(text))


def name_beside_day(lines: list[str], headline: int, lead: int, common: PageWords) -> str | None:
    """A signature beside a shown day in the few lines under the headline ("Headline" / "Gabo" /
    "Jan 23", "Headline" / "Jane Doe" / "Jun 9"): a person's name on a line of its own right above or
    below the day, or one word the page never writes in lowercase right above it (below a day, one
    word is a section's: "Oct 31, 2025" / "Blog")."""
    stop = min(lead, len(lines) - 1, headline + 1 + CLUSTER_STEPS)
    for index in range(headline + 1, stop):
        line = lines[index].strip()
        if not line or NOT_AUTHOR.match(line):
            continue
        listed = common.is_name_list(line)  # "Jane Doe, John Roe & Ann Poe" / "Feb 3, 2025"
        if len(line) > NAME_MAX_CHARS and not listed:
            continue
        if listed or common.is_dated_name(line):
            beside = [i for i in (index - 1, index + 1) if i > headline]
        elif group_signature(line, common):  # "Example Team" / "Published" / "Sep 4, 2025"
            day = past_bars(lines, index + 2) if DATE_LABEL_ALONE.match(lines[index + 1]) else index + 1
            beside = [i for i in (index - 1, day) if headline < i < len(lines)]
        elif one_word_name(line, common):
            beside = [index + 1]
        elif name := _name_glued_to_day(line, common):
            return name
        else:
            continue
        if any(shows_day(lines[i]) for i in beside):
            return line
    return None


def _name_glued_to_day(line: str, common: PageWords) -> str | None:
    """The name the copy glued to its day ("Yucy3/4/2025", "Jane DoeNovember 6, 2023"), when the rest is
    a day (or opens with a timestamp) and the name would pass beside one on a line of its own."""
    found = split_glued_day(line)
    if found is None or not (found[2] or shows_day(found[1])):
        return None
    name = found[0]
    return name if common.is_dated_name(name) or one_word_name(name, common) else None


def name_under_headline(lines: list[str], headline: int, lead: int, common: PageWords) -> str | None:
    """A person's name alone on the line right under a headline of a sentence's length ("2025
    Cleaning Industry Trends to Know" / "Jane Doe" / ...). Under a short one ("Marketing Job Board" /
    "Academic Job Board") it is the next entry of a menu the headline was wrongly taken from; on a
    page that capitalises its nouns, capitals alone make no name ("Aktuelle Ausgabe")."""
    index = headline + 1
    if len(lines[headline].split()) < _HEADLINE_MIN_WORDS or common.capitalises_words:
        return None
    if index == lead and index + 1 < len(lines) and _standfirst(lines[index]):
        index += 1  # "Headline" / a standfirst / "Jane Doe" / "Senior Editor" / "April 2, 2024"
        shown = any(shows_day(line) for line in lines[index + 1 : index + 1 + _DAY_UNDER_NAME])
        if not (shown or _name_with_outlet(lines, index, common) or names_before_role(lines[index], common)):
            return None  # "Close Modal" / "Close": a dialog's buttons under the standfirst
    elif index >= min(lead, len(lines)):
        return None
    if named := names_before_role(lines[index], common):
        return named  # "Jane Doe and John Roe | Guest Columnists"
    line = _without_glued_role(lines[index].strip())
    if len(line) > NAME_MAX_CHARS:
        return None
    if common.is_bare_name(line) or _name_with_outlet(lines, index, common):
        return line
    # A desk signing as a group ("Example Staff"), with a shown day a few lines under it.
    shown = any(shows_day(below) for below in lines[index + 1 : index + 1 + _DAY_UNDER_NAME])
    return line if shown and group_signature(line, common) else None


def _without_glued_role(line: str) -> str:
    """A name line without the job title the copy glued to it ("Jane DoeFounder at Example")."""
    for glue in _GLUE.finditer(line):
        if glue[1].lower() in AUTHOR_ROLE_WORDS or glue[1].lower() in PERSON_ROLES:
            return line[: glue.start()]
    return line


_GLUE = re.compile(r"(?<=[a-zà-ÿ])([A-ZÀ-Þ][a-zà-ÿ]+)\b")


def _name_with_outlet(lines: list[str], index: int, common: PageWords) -> bool:
    """A person's name followed by her outlet in capitals, which the page prints elsewhere too ("Jane
    Doe EXAMPLE NEWS" under "EXAMPLE NEWS Sport"): a byline, dated or not."""
    found = _OUTLET_AFTER_NAME.match(lines[index].strip())
    if found is None or not common.is_bare_name(found[1]):
        return False
    return any(found[2] in line for at, line in enumerate(lines) if at != index)


def _standfirst(line: str) -> bool:
    """A standfirst under a headline: prose of a sentence or two, not yet the article's paragraphs."""
    return looks_like_prose(line) and len(line) <= _STANDFIRST_MAX_CHARS


def name_over_headline(lines: list[str], headline: int, common: PageWords) -> str | None:
    """A person's name, or a desk signing as a group ("Team Example"), in the few lines over the
    headline with a shown day under it, perhaps a job title between ("Jane Doe" / "Writer" /
    "12/11/25" / "Headline"): the cluster printed first. Several names on one line sign the same way
    ("Jane Doe y John Roe" / "Hace 9 horas" / "Headline")."""
    for index in range(max(0, headline - _DAY_ABOVE), headline - 1):
        line = lines[index].strip()
        short = len(line) <= NAME_MAX_CHARS and (common.is_bare_name(line) or group_signature(line, common))
        if not (short or common.is_name_list(line)):
            continue
        between = lines[index + 1].strip()
        day = (
            index + 2 if index + 2 < headline and (is_role(between) or _section_label(between)) else index + 1
        )
        if shows_day(lines[day]):
            return line
    return None


def _section_label(line: str) -> bool:
    """A section's label between a byline's name and its day ("Jane Doe" / "Business" / "10.23.2018
    08:15 AM"): one capitalised word of letters."""
    return 2 < len(line) <= _SECTION_MAX_CHARS and line.isalpha() and line[0].isupper() and not line.isupper()


_SECTION_MAX_CHARS = 20


def _name_before_title(text: str, common: PageWords) -> str | None:
    """The name a line opens with when a job title follows it on the same line ("Jane Doe Senior
    Travel Editor", "Jane Doe Contributing Writer | Ferries, harbours"): a person's name of two to
    four words on this page, then a few words ending in a role."""
    words = DOTS.split(text, maxsplit=1)[0].split()
    for k in range(2, min(len(words) - 1, _TITLED_NAME_MAX_WORDS) + 1):
        name, title = " ".join(words[:k]), " ".join(words[k:])
        if not title[:1].isupper() or _DIGITS.search(title):
            continue  # "Jane Doe March 9, 2024 0 Comments": a date and a count, no title
        if names_a_role(line_words(title)) and (
            common.is_bare_name(name) or (k > 2 and common.is_bare_name(_INITIAL.sub("", name)))
        ):
            return name  # "Ana M. Ruiz Senior Contributor": an initial is no word of the page ("y")
    return None


_INITIAL = re.compile(r"\s[A-ZÀ-Þ]\.(?=\s)")


def name_with_title_on_line(lines: list[str], headline: int, lead: int, common: PageWords) -> str | None:
    """A name with its job title on one line in the few lines under the headline, a shown day on
    it or just under it ("Jane Doe Founder & Lead Reviewer" / "Updated Feb 27, 2026"): a header's
    signature, where an author card's name line stands alone. Right under a headline of a sentence's
    length it signs dated or not ("Headline" / "Jane Doe Senior Contributor"); under a short one it
    may be the next entry of a menu the headline was taken from."""
    stop = min(lead, len(lines), headline + 1 + CLUSTER_STEPS)
    sentence = len(lines[headline].split()) >= _HEADLINE_MIN_WORDS
    for index in range(headline + 1, stop):
        line = lines[index].strip()
        if not line or len(line) > TITLED_LINE_MAX_CHARS or NOT_AUTHOR.match(line):
            continue
        if (name := _name_before_title(line, common)) and (
            (sentence and index == headline + 1)
            or any(
                date_of_line(other) or dates_in_text(other, limit=1)
                for other in lines[index : index + 1 + _DAY_BELOW]
            )
        ):
            return name
    return None


INNER_WORDS = 10  # of a long line, the words read from a byline's opener on: a name, a date


def inner_byline(text: str, common: PageWords) -> str | None:
    """A byline inside a long line, after a sentence or a date: a standfirst the copy ran on with its
    byline ("... beyond the islands. By Jane Doe on Dec. 19, 2025"), a date line going on with the
    byline and the categories ("On January 12, 2025 By Jane DoeIn Travel, Tips"). After a sentence
    the opener is capitalised and the byline dated; every name it gives is a person's of two words
    or more, so "... said. By Tuesday the ferries ..." names no one."""
    for found in BY_INSIDE.finditer(text):
        before = text[: found.start()].rstrip()
        after_date = before[-1:].isdigit()
        if not (after_date or (before[-1:] in ".!?" and text[found.start()].isupper())):
            continue
        rest = " ".join(GLUED_IN.sub(" ", text[found.start() :]).split()[:INNER_WORDS])
        if not is_byline(rest) or not (after_date or dates_in_text(rest, limit=1)):
            continue
        head = byline_head(rest, common, dated=True)
        names = clean_authors([head])
        if names and all(len(name.split()) > 1 and common.is_dated_name(name) for name in names):
            return head
    return None
