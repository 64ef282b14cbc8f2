"""Lines that are never a text page's headline, however headline-shaped: a breadcrumb trail, a table's
row, a link to another post, a tag list, a reading time, a month and its year, a name, a credit."""

from __future__ import annotations

import re

from worker.extract.patterns import MONTH_ALTERNATION, READING_TIME, TITLE_SEPARATORS, TRAIL_STEP
from worker.extract.text_cluster import DOTS
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import POST_AGE, date_of_line, is_picture_credit, word_count

# A link to the previous or next post, as a blog prints it around the article ("← Older post title",
# "Newer post title →", "« Older title"): an arrow, a space, then the other post's title; or the title,
# a space, then the arrow. Guillemets count only unmatched: «Quoted headline» opens with one too.
_POST_LINK_OPEN = re.compile(r"^[←⟵⇐◄◀«‹]\s+\S")
_POST_LINK_CLOSE = re.compile(r"\S\s+[→⟶⇒►▶»›]$")


def is_trail_or_row(line: str) -> bool:
    """A breadcrumb trail of two steps or more ("Blog > Health > Tips") or a table's row, its cells
    copied with tabs between them ("Pos\tPlayer\tPlays"): where the page is or a table, no headline."""
    return "\t" in line or (len(TRAIL_STEP.findall(line)) >= 2 and "«" not in line)


def is_post_link(line: str) -> bool:
    """A link to the blog's previous or next post beside the article ("← Older title", "Newer title →"):
    another post's title, never this one's."""
    if _POST_LINK_OPEN.match(line):
        closing = {"«": "»", "‹": "›"}.get(line[0])
        return closing is None or closing not in line  # «Quoted headline» opens with one too
    if _POST_LINK_CLOSE.search(line):
        opening = {"»": "«", "›": "‹"}.get(line[-1])
        return opening is None or opening not in line
    return False


_TAG_MIN_PARTS = 4
_TAG_MAX_WORDS = 2


def is_tag_list(line: str) -> bool:
    """The post's tags or categories copied as one line ("amiga, dogs, floppy, Hunde, Hundeleben"): four
    parts or more between commas, none longer than two words; a headline lists fewer, in longer phrases."""
    if line.count(",") < _TAG_MIN_PARTS - 1:
        return False
    return all(0 < len(part.split()) <= _TAG_MAX_WORDS for part in line.split(","))


def tells_reading_time(line: str) -> bool:
    """A dateline's part that gives the reading time after another part ("Jane Doe | 5 min read",
    "Travel Desk · 8 min read"): the byline cluster's line, never the headline it stands under."""
    parts = DOTS.split(line)
    return len(parts) > 1 and any(READING_TIME.match(part.strip()) for part in parts[1:])


# A month and its year alone ("Januar 2022", "Sept. 2024"): an archive's heading or a teaser's date.
_MONTH_AND_YEAR = re.compile(rf"(?:{MONTH_ALTERNATION})\.?,?\s+(?:1[89]|20)\d\d", re.IGNORECASE)


def is_month_and_year(line: str) -> bool:
    """Whether the line is only a month and a year, which dates a list of posts, not an article."""
    return _MONTH_AND_YEAR.fullmatch(line.strip()) is not None


def never_headline(line: str, common: PageWords) -> bool:
    """A person's name (a byline the labeller was unsure of), the first entry of a numbered list that
    goes on below the lead (a contents list or the first section's heading), a picture's credit, a
    breadcrumb trail, a table's row, a link to another post, a tag list, a line that gives the reading
    time or the post's age ("2 days ago"), a month and its year alone."""
    return (
        common.is_bare_name(line)
        or is_month_and_year(line)
        or POST_AGE.match(line.strip()) is not None
        or common.is_section_head(line)
        or is_picture_credit(line)
        or is_trail_or_row(line)
        or is_post_link(line)
        or is_tag_list(line)
        or tells_reading_time(line)
    )


_DATED_MIN_WORDS = 3  # what is left of a headline once its date is cut off


def without_dated_affix(title: str) -> str:
    """The headline without the date a window title or a post's heading printed beside it, after or
    before a separator ("Headline / Dec 2025", "March 3, 2025 | Headline"): the post's date, no words
    of its headline, or a full date glued before it (`_without_glued_date`). Unchanged when what is
    left would be shorter than three words."""
    for separator in TITLE_SEPARATORS:
        if separator == ": " or separator not in title:
            continue  # "Update: ..." opens a headline; a colon never sets a date apart
        first, _, last = title.partition(separator)
        rest, _, tail = title.rpartition(separator)
        if _is_date(tail) and word_count(rest) >= _DATED_MIN_WORDS:
            return rest.strip()
        if _is_date(first) and word_count(last) >= _DATED_MIN_WORDS:
            return last.strip()
    return _without_glued_date(title)


_GLUED_DATE_MAX_WORDS = 5  # "Thursday, December 18, 2025": the longest date a headline's line opens with


def _without_glued_date(title: str) -> str:
    """The headline without a full date that opens its line with no separator, as a blog's list of
    posts prints it ("Dec 18 2025 Preparing the Spring Release"): the shortest opening words that read
    as a day (`date_of_line`) and end in a number, when a capitalised headline of three words or more
    follows them."""
    words = title.split()
    if not words or not words[0][:1].isalnum():
        return title
    for size in range(1, min(_GLUED_DATE_MAX_WORDS, len(words) - _DATED_MIN_WORDS) + 1):
        opening, rest = words[:size], words[size:]
        if not opening[-1].rstrip(",.")[-1:].isdigit() or date_of_line(" ".join(opening)) is None:
            continue
        if rest[0][:1].isupper() and not rest[0].isdigit():
            return " ".join(rest)
        return title
    return title


def _is_date(part: str) -> bool:
    part = part.strip()
    return bool(part) and (is_month_and_year(part) or date_of_line(part) is not None)
