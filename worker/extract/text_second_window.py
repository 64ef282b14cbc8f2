"""The line labeller's second window over a plain-text page, where its first is unsure of a headline.

The first window stands above the first line of prose. A guide's contents list, a product table or a
promo read as prose can push that line far from the article's header (above it or below it); the
second window is led by the paragraph under the header's byline or date cluster found elsewhere (else
by the page's first paragraph under a headline-shaped line), and the likelier headline of the two wins
(`text_header.read_header`).
"""

from __future__ import annotations

from worker.extract.text_anchors import lead_from
from worker.extract.text_labels import LineLabel, LineLabeller, PageView, default_labeller, page_view, window
from worker.extract.text_not_headline import never_headline
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import (
    CLUSTER_STEPS,
    MAX_META_WORDS,
    date_of_line,
    is_byline,
    is_meta_line,
    looks_like_headline,
    looks_like_prose,
)

_PROMO_REACH = 8  # lines under the lead where the header a promo pushed down may stand
_PROMO_PROSE = 4  # lines under that cluster where its first paragraph may stand


def _date_cluster_end(lines: list[str], index: int) -> int | None:
    """The line below the byline or date cluster that `index` opens, when it opens one."""
    line = lines[index]
    if len(line.split()) > MAX_META_WORDS or not is_meta_line(line):
        return None
    if not (date_of_line(line) or is_byline(line)):
        return None
    end = index + 1
    while end < len(lines) and end - index < CLUSTER_STEPS and is_meta_line(lines[end]):
        end += 1
    return end if end < len(lines) else None


def headline_in_second_window(
    lines: list[str], body: list[int], view: PageView, labeller: LineLabeller | None, common: PageWords
) -> tuple[int, float] | None:
    """When the window holds no likely headline: the labeller's headline in a second window, led by
    the line under the nearest byline or date cluster above the first prose line: above the first
    window (a guide's contents list, a product table or a promo read as prose pushed the first prose
    line far below its header), or inside it when a paragraph follows the cluster (the body classifier
    kept the text from the first section on, not the opening paragraph under the byline); else led by
    the paragraph under a headline and its cluster a few lines below the lead (`_lead_under_promo`);
    else, when no cluster led a window, by the page's first paragraph above the first window with a
    headline-shaped line over it (`_first_paragraph_above`)."""
    start = window(view).start
    ends = (end for i in range(view.top - 1, -1, -1) if (end := _date_cluster_end(lines, i)) is not None)
    lead = next(
        (found for end in ends if _leads_above(lines, found := lead_from(lines, end), start, view.top)), None
    )
    if lead is None:
        lead = _lead_under_promo(lines, view.lead)
    if lead is None:
        lead = _first_paragraph_above(lines, start)
    if lead is None:
        return None
    second = page_view(
        lines,
        body,
        lead,
        lead,
        view.stopwords,
        None,
        PageWords(lines, lead, like=common),
        view.gaps,
        view.measured,
    )
    return (
        (labeller or default_labeller())
        .label(second)
        .best(
            LineLabel.HEADLINE,
            lead + 1,
            unless=lambda i: never_headline(lines[i], common),
        )
    )


def _lead_under_promo(lines: list[str], lead: int) -> int | None:
    """The first paragraph of a header a few lines below the lead: the lead read first was a promo or a
    notice printed above the header. The paragraph under a byline or date cluster that a headline-shaped
    line stands over ("Sign up for our newsletter ..." / "Sign Up" / "Headline" / "Last modified: ..." /
    the first paragraph); else, with no such cluster, the first paragraph right under a headline-shaped
    line ("Try our coaching ..." / "Apply Now" / "Headline" / the first paragraph)."""
    reach = range(lead + 2, min(len(lines), lead + 1 + _PROMO_REACH))
    for index in reach:
        if (end := _date_cluster_end(lines, index)) is None:
            continue
        if not any(looks_like_headline(lines[k]) for k in range(index - 2, index)):
            return None
        under = range(end, min(len(lines), end + _PROMO_PROSE))
        return next((k for k in under if looks_like_prose(lines[k])), None)
    return next((k for k in reach if looks_like_prose(lines[k]) and looks_like_headline(lines[k - 1])), None)


def _leads_above(lines: list[str], found: int, start: int, top: int) -> bool:
    """Whether the line under a cluster leads a second window: above the first window's start, or
    above its first prose line and a paragraph itself (a menu line under a date leads no header)."""
    return found < start or (found < top and looks_like_prose(lines[found]))


_OVER_PARAGRAPH = 2  # lines over a page's first paragraph where its headline may stand


def _first_paragraph_above(lines: list[str], start: int) -> int | None:
    """The page's first paragraph, when it stands above the first window with a headline-shaped line
    right over it (or one line between: a kicker, a button): a form, a product table or a contents
    list the body classifier kept pushed the first prose line far below the header, and no byline or
    date cluster led a window to where it stood (a cluster may stand elsewhere: asked only when the
    cluster-led and promo-led windows found no lead). The page's first line is never its paragraph:
    a headline must stand over it."""
    first = next((index for index in range(1, start) if looks_like_prose(lines[index])), None)
    if first is None or not any(
        looks_like_headline(lines[k]) for k in range(max(0, first - _OVER_PARAGRAPH), first)
    ):
        return None
    return first
