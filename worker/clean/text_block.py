"""Where the article is in a page copied as text: the heaviest stretch of lines, prose worth its
length and everything else a cost (see `clean.text` for the whole stage).

Every line gets a value, prose its length and everything else a cost (a menu item a little, an ad
marker more, a "Related" head a lot; a copyright footer or a second page's masthead cannot be crossed
at all). The candidate articles are the maximal-weight stretches of that sequence (Ruzzo and Tompa),
so a headline list between two blocks of prose keeps them apart unless the prose beyond it is worth
more than the list costs. The heaviest candidate wins, a lower one needing a little more weight, and
neighbours a short inline box away join it. A review or listicle parts its prose with headings and
spec rows, so its heaviest section may sit far down: weighed again with those lines costing half, the
stretch holding the winner reaches up to where the article starts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from worker.clean.text_line_model import DEFAULT_LINE_THRESHOLDS, Flag, Line, LineClass

# Fixed, not the page's raised threshold (`text_line_model.headline_caps`), which only the line shape
# reads: applied to block weighing too it measured worse (docs/measurements.md, textbody16).
HEADLINE_CAPS = DEFAULT_LINE_THRESHOLDS.headline_caps
PROSE = (LineClass.GOOD, LineClass.NEAR_GOOD)
_HARD_BREAKS = (Flag.SECTION, Flag.DISCUSSION, Flag.LEGAL, Flag.FOOTER, Flag.MASTHEAD)
_ENDS = (Flag.FOOTER, Flag.MASTHEAD)  # no article runs across a copyright line or a site's name
# A member read through its class costs a lookup each time (Python 3.11): the loops over lines use these.
_GOOD, _SECTION, _NONE = LineClass.GOOD, Flag.SECTION, Flag.NONE
_HARD_BREAK_SET = frozenset(_HARD_BREAKS)


@dataclass(frozen=True, slots=True)
class BlockLimits:
    """How a block is weighed and revised. Prose is worth its characters (NEAR_GOOD lines a share);
    other lines cost: `short_cost` a lowercase short line, `label_cost` a headline-case one, `bad_cost`
    a marker, `break_cost` a section/comments head or consent text, `end_cost` a footer or masthead.
    Prose under a "Name says:" line (`comment_reach` lines) or below a comments head weighs
    `comment_share`; below a "Related"/"More" head `section_share` until `section_resume_run` GOOD lines
    in a row. `depth_discount` handicaps lower candidates; the `merge_*` limits join neighbours;
    `max_kept_short_run` and `list_share` decide runs of short lines; `lede_*` a lede above the block;
    `max_list_items` bounds a list the block's last lines announce with a colon; below the block, the
    announcing line is a clause of `min_announce_words` or more, not a label ("Related posts:").
    `span_share` scales the short/label/marker costs for the coarser pass that finds where the article
    starts; a block above the chosen one joins when it holds `span_min_good` GOOD lines or more and a
    line of `span_min_chars` or more (a menu's teasers are a sentence each, an article's paragraphs
    longer). A section head repeated `min_entry_heads` times over paragraphs (`entry_min_chars`) heads
    a list article's boxes, not its end (`_entry_heads`)."""

    near_good_share: float = 0.7
    near_label_share: float = 0.0
    short_cost: float = 10.0
    label_cost: float = 40.0
    bad_cost: float = 60.0
    break_cost: float = 400.0
    end_cost: float = 1e6
    comment_cost: float = 150.0
    comment_share: float = 0.2
    comment_reach: int = 6
    section_share: float = 0.3
    section_resume_run: int = 2
    min_prose_before_comments: float = 500.0
    depth_discount: float = 0.7
    max_merge_gap: int = 8
    merge_share: float = 0.2
    merge_min_good: int = 2
    max_kept_short_run: int = 3
    list_share: float = 0.5
    lede_stop: float = 0.3
    lede_words: int = 6
    max_list_items: int = 40
    min_announce_words: int = 5
    span_share: float = 0.5
    span_min_good: int = 3
    span_min_chars: int = 250
    min_entry_heads: int = 3
    entry_min_chars: int = 200


DEFAULT_BLOCK_LIMITS = BlockLimits()


def _entry_heads(lines: list[Line], limits: BlockLimits) -> set[int]:
    """The "Related"/"More on" heads that a list article repeats under each of its entries ("More on
    Harbour School:" over a few links, then the next entry's prose): a head seen `min_entry_heads`
    times or more, every two in a row parted by prose, mostly by a paragraph of `entry_min_chars` or
    more (a front page parts its "More in ..." boxes with a teaser's sentence or two), heads a box
    inside the article, not the article's end. Told by the head's first two words (the phrase,
    without what it names)."""
    found: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.flag is _SECTION:
            found.setdefault(" ".join(line.key.partition(":")[0].split()[:2]), []).append(index)
    entries: set[int] = set()
    for indexes in found.values():
        if len(indexes) < limits.min_entry_heads:
            continue
        longest = sorted(_longest_good(lines, above + 1, below - 1) for above, below in pairwise(indexes))
        if longest[0] > 0 and longest[len(longest) // 2] >= limits.entry_min_chars:
            entries.update(indexes)
    return entries


@lru_cache(maxsize=8)
def _flag_costs(limits: BlockLimits) -> dict[Flag, float]:
    """What a furniture line whose flag breaks or ends an article costs, by flag (made once a limits)."""
    by_flag = {flag: -limits.end_cost for flag in _ENDS}
    by_flag.update((flag, -limits.break_cost) for flag in _HARD_BREAKS if flag not in _ENDS)
    by_flag[Flag.COMMENT] = -limits.comment_cost
    return by_flag


def _values(lines: list[Line], limits: BlockLimits, entries: set[int] | None = None) -> list[float]:
    """Each line's value for a candidate article block: prose its length, everything else a cost;
    prose right under a "Name says:" line is a reader's comment and weighs little. `entries`: section
    heads that are a list article's boxes (`_entry_heads`), weighed as markers. One loop with the costs
    by flag looked up, not a call per line: pages run to hundreds of lines, and this is weighed twice
    a page."""
    by_flag = _flag_costs(limits)
    near_share, label_share = limits.near_good_share, limits.near_label_share
    bad_value, label_value, short_value = -limits.bad_cost, -limits.label_cost, -limits.short_cost
    min_prose, resume_run = limits.min_prose_before_comments, limits.section_resume_run
    reach, comment_share, section_share = limits.comment_reach, limits.comment_share, limits.section_share
    # Read once: a member read through its class costs.
    good, near_good, bad = LineClass.GOOD, LineClass.NEAR_GOOD, LineClass.BAD
    comment, discussion_flag, section_flag, chrome = Flag.COMMENT, Flag.DISCUSSION, Flag.SECTION, Flag.CHROME
    entries = entries or set()
    after_comment = reach + 1
    prose_seen = 0.0
    discussion = False
    section = False
    run = 0  # consecutive GOOD lines
    values: list[float] = []
    for index, line in enumerate(lines):
        kind, flag = line.kind, line.flag
        if entries and index in entries:
            value, flag = bad_value, chrome
        elif kind is good:
            value = float(line.chars)
        elif kind is near_good:
            # A line that does not end like a sentence (a teaser, a list item) weighs little until revision.
            value = line.chars * (near_share if line.sentence else label_share)
        elif (cost := by_flag.get(flag)) is not None:
            value = cost
        elif kind is bad:
            value = bad_value
        elif line.stop == 0.0 or line.caps >= HEADLINE_CAPS:
            value = label_value
        else:
            value = short_value
        if prose_seen >= min_prose:
            # Below the article's start, comments hold other people's text to the page's end; a
            # "Related"/"More" section holds teasers until the article's paragraphs resume.
            discussion = discussion or flag is discussion_flag
            section = section or flag is section_flag
        run = run + 1 if kind is good else 0
        if section and run >= resume_run:
            section = False
            values[-1] /= section_share  # the line above: the run's first GOOD line
        if flag is comment or flag in _HARD_BREAK_SET:
            after_comment = 0 if flag is comment else reach + 1
        else:
            after_comment += 1
            if value > 0:
                prose_seen += value
                if discussion or after_comment <= reach:
                    value *= comment_share
                elif section:
                    value *= section_share
        values.append(value)
    return values


def _attaches_below(line: Line, above: Line) -> bool:
    """Whether a line just after the block continues it: a short last paragraph, or a list item
    under a line that announces it with a colon."""
    if line.kind is LineClass.BAD:
        return False
    if line.kind in PROSE:
        return True
    return (line.sentence and line.stop > 0.0) or above.colon


def _attaches_above(line: Line, below: Line, limits: BlockLimits) -> bool:
    """Whether a line just before the block starts it: a lede that is prose but too short, or one
    set in the same paragraph as the first line. Never a headline: headlines drop function words."""
    if line.kind is LineClass.BAD or line.colon:
        return False
    if line.kind is LineClass.NEAR_GOOD:
        return line.sentence or line.stop >= limits.lede_stop
    same_block = not below.gap_before
    return same_block and line.words >= limits.lede_words and line.stop >= limits.lede_stop


def _candidate_blocks(values: list[float]) -> list[tuple[float, tuple[int, int]]]:
    """All maximal-weight stretches of the page, in order (Ruzzo and Tompa's linear scan): each is a
    candidate article, and no two of them would weigh more joined than apart.
    Returns (weight, (first, last)) per candidate."""
    segments: list[list[float]] = []  # [first, last, sum before first, sum after last]
    total = 0.0
    for index, value in enumerate(values):
        if value <= 0.0:
            total += value
            continue
        segment = [index, index, total, total + value]
        total += value
        while True:
            j = len(segments) - 1
            while j >= 0 and segments[j][2] >= segment[2]:
                j -= 1
            if j < 0 or segments[j][3] >= segment[3]:
                segments.append(segment)
                break
            segment = [segments[j][0], segment[1], segments[j][2], segment[3]]
            del segments[j:]
    return [(high - low, (int(first), int(last))) for first, last, low, high in segments]


def _merge_neighbours(
    lines: list[Line], candidates: list[tuple[float, tuple[int, int]]], chosen: int, limits: BlockLimits
) -> tuple[int, int]:
    """The chosen block, joined with the blocks just before and after it when only a few lines part
    them (an inline "Related" box, a gallery) and they carry real prose, not a teaser or two."""
    weight, (first, last) = candidates[chosen]
    for step in (-1, 1):
        index = chosen + step
        while 0 <= index < len(candidates):
            other_weight, (other_first, other_last) = candidates[index]
            gap = range(last + 1, other_first) if step > 0 else range(other_last + 1, first)
            if len(gap) > limits.max_merge_gap or other_weight < limits.merge_share * weight:
                break
            if any(lines[i].flag in _ENDS for i in gap):
                break
            if _good_lines(lines, other_first, other_last) < limits.merge_min_good:
                break
            first, last = min(first, other_first), max(last, other_last)
            index += step
    return first, last


def _span_start(
    lines: list[Line],
    candidates: list[tuple[float, tuple[int, int]]],
    first: int,
    last: int,
    limits: BlockLimits,
    entries: set[int] | None = None,
) -> int:
    """Where the article starts: a listicle or a product review parts its prose with headings, labels
    and spec rows, so a heavier section further down can win alone. Weighed again with those lines
    costing less (hard breaks still cost in full), the stretch holding the chosen block reaches up over
    the article's first sections; it starts at the first block in it holding real prose (a few GOOD
    lines, not a menu's teaser). Only upwards: below the article, comments and teasers wait."""
    # The blocks above the chosen one that hold real prose, in order: the page is weighed again only
    # when there is one (most pages start the article at its first such block).
    starts = [
        start
        for _w, (start, end) in candidates
        if start < first
        and _good_lines(lines, start, end) >= limits.span_min_good
        and max(lines[i].chars for i in range(start, end + 1)) >= limits.span_min_chars
    ]
    if not starts:
        return first
    for _weight, (low, high) in _candidate_blocks(_values(lines, _coarse(limits), entries)):
        if low <= first and last <= high:
            return next((start for start in starts if low <= start), first)
    return first


def _longest_good(lines: list[Line], first: int, last: int) -> int:
    """The length of the longest GOOD line in the range (0 when none)."""
    return max((lines[i].chars for i in range(first, last + 1) if lines[i].kind is _GOOD), default=0)


@lru_cache(maxsize=8)
def _coarse(limits: BlockLimits) -> BlockLimits:
    """`limits` with the short, label and marker costs scaled by `span_share` (made once a limits)."""
    return replace(
        limits,
        short_cost=limits.short_cost * limits.span_share,
        label_cost=limits.label_cost * limits.span_share,
        bad_cost=limits.bad_cost * limits.span_share,
    )


def _good_lines(lines: list[Line], first: int, last: int) -> int:
    return sum(1 for i in range(first, last + 1) if lines[i].kind is _GOOD)


def find_main_block(lines: list[Line], limits: BlockLimits = DEFAULT_BLOCK_LIMITS) -> tuple[int, int] | None:
    """The first and last line of the article: the heaviest candidate stretch (see the module's
    docstring), joined with near neighbours, then widened over a short lede above and a short last
    paragraph or announced list below. None when the page holds no prose at all."""
    entries = _entry_heads(lines, limits)
    candidates = _candidate_blocks(_values(lines, limits, entries))
    if not candidates:
        return None
    # Pages put the article before their footers and link lists: of two blocks, the lower one must
    # weigh more to win.
    count = len(lines)
    chosen = max(
        range(len(candidates)),
        key=lambda i: candidates[i][0] * (1.0 - limits.depth_discount * sum(candidates[i][1]) / (2 * count)),
    )
    first, last = _merge_neighbours(lines, candidates, chosen, limits)
    first = _span_start(lines, candidates, first, last, limits, entries)
    while first <= last and lines[first].kind not in PROSE:
        first += 1
    while first > 0 and _attaches_above(lines[first - 1], lines[first], limits):
        first -= 1
    while last + 1 < len(lines):
        if _attaches_below(lines[last + 1], lines[last]):
            last += 1
        elif (end := _announced_list_end(lines, last, limits)) > last:
            last = end
        elif (
            lines[last + 1].kind is not LineClass.BAD
            and lines[last + 1].words >= limits.min_announce_words
            and (end := _announced_list_end(lines, last + 1, limits)) > last + 1
        ):
            last = end  # the list's announcement is the line right below the block ("Tour dates:")
        else:
            break
    return first, last


def _announced_list_end(lines: list[Line], last: int, limits: BlockLimits) -> int:
    """The last item of a list the block ends with or announces ("The tour dates are:", then maybe its
    first items): the run of lines below that no marker flags (list items are short and few of their
    words are function words, so the weighing cannot keep them); `last` when nothing is announced."""
    start = last  # back over the items already kept, which do not end like sentences, to the colon
    while (
        start > 0
        and last - start < limits.max_list_items
        and not (lines[start].colon or lines[start].sentence)
    ):
        start -= 1
    if not lines[start].colon or lines[start].flag is not Flag.NONE:
        return last
    end = last
    while end + 1 < len(lines) and end + 1 - start <= limits.max_list_items and lines[end + 1].flag is _NONE:
        end += 1
    return end
