"""A plain-text page's author when no line says "By": a bare name with what signs it beside it.

Pages print their author as a name line with the date, or a job title and the date, under it
("Jane Doe" / "March 4, 2025", "Jane Doe" / "Senior Editor" / "March 4, 2025"), often above a long
menu or a contents list that pushes the lead far below. A name line counts only with such a
companion, and only above the lead or right under it: below the article, name lines are teasers'
and comments'.
"""

from __future__ import annotations

from worker.extract.authors import clean_authors
from worker.extract.dates import dates_in_text
from worker.extract.patterns import AUTHOR_ROLE_WORDS, PERSON_ROLES
from worker.extract.text_signs import CLUSTER_STEPS, HEADER_WINDOW, PageWords, date_of_line, line_words

_BELOW_LEAD = 3  # a name line in the first lines of the article: the byline the lead finder passed
_ROLE_MAX_WORDS = 5
_LEAD_REACH = 3  # "Jane Doe" / "Content Editor" / the lead, perhaps a separator between
_NAME_MAX_CHARS = 40
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
        if index >= lead or position + 1 >= len(pieces) or len(text) > _NAME_MAX_CHARS:
            continue
        if is_job_title(pieces[position + 1][1]) and common.is_bare_name(text):
            return text
    return None
