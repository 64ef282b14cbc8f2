"""Where a plain-text article starts: its first line of prose and its lead, the header standing above.

The body classifier may start the body early (on a long menu line) or late, and may take a
sentence-case headline for the first paragraph; the lead is found again here as the first line that
reads like prose, below a byline that follows a standfirst.
"""

from __future__ import annotations

from worker.extract.text_signs import (
    HEADER_WINDOW,
    is_meta_line,
    looks_like_headline,
    looks_like_prose,
)

_LEAD_SEARCH = 4
_STANDFIRST_REACH = 3  # lines below a first paragraph where a byline still makes it a standfirst
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "’", ")", ":", "。", "！", "？", "」")


def first_prose(lines: list[str], body: list[int]) -> int:
    """The body's first line, unless that is a menu the classifier let in (long, but in Title Case)."""
    found = next((i for i in body[:_LEAD_SEARCH] if looks_like_prose(lines[i])), body[0] if body else None)
    if found is None:
        return next(
            (i for i, line in enumerate(lines) if looks_like_prose(line)), min(len(lines), HEADER_WINDOW)
        )
    return found


def _is_headline_as_prose(lines: list[str], top: int) -> bool:
    """A sentence-case headline the body classifier took for the first paragraph: it has a
    paragraph's words but no sentence's end, and real prose follows it."""
    line = lines[top] if top < len(lines) else ""
    return (
        not line.endswith(_SENTENCE_ENDS)
        and top + 1 < len(lines)
        and looks_like_headline(line)
        and looks_like_prose(lines[top + 1])
        and lines[top + 1].endswith(_SENTENCE_ENDS)
    )


def find_lead(lines: list[str], body: list[int]) -> int:
    """The first paragraph of the article's prose, where the header ends: below a byline or date
    that follows the first prose line within a few lines (then that line was a standfirst)."""
    return lead_from(lines, first_prose(lines, body))


def anchors(lines: list[str], body: list[int]) -> tuple[int, int]:
    """The first line of prose (a headline the body classifier took as prose passed over) and the
    lead (below a byline that follows a standfirst): the header stands above them."""
    top = first_prose(lines, body)
    if _is_headline_as_prose(lines, top):
        top += 1
    return top, lead_from(lines, top)


def lead_from(lines: list[str], lead: int) -> int:
    """`find_lead` once the first prose line is known: never above it."""
    last_meta = None
    for index in range(lead + 1, min(len(lines), lead + _STANDFIRST_REACH + 1)):
        if is_meta_line(lines[index]):
            last_meta = index
    return last_meta + 1 if last_meta is not None and last_meta + 1 < len(lines) else lead
