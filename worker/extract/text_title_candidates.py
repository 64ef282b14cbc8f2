"""The lines the plain-text headline re-ranker (`text_title_rank`) weighs: the rules' picks, the line
labeller's likeliest lines of its window, the headlines over a byline and the lines a page names as
its headline elsewhere, less those no rule may propose."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from worker.extract.text_headline import headline_over_signer, signs_for_person
from worker.extract.text_not_headline import never_headline
from worker.extract.text_page_words import NUMBERED_ENTRY
from worker.extract.text_signs import BYLINE_OPENER, is_byline
from worker.extract.text_title_shapes import cut_copies

if TYPE_CHECKING:
    from worker.extract.text_title_rank import Proposal

# Proposed lines beside the chain's pick: the rules' first pick and the second window's, then the
# labeller's likeliest lines of its window up to this many in all (more of them when a pick is None).
CANDIDATES = 8
_MIN_LIKELIHOOD = 0.02  # a line the labeller finds less likely is no candidate (unless a rule chose it)
# Lines under the lead where a headline over its byline may stand (a promo read as the lead).
_SIGNED_BELOW = 40
_UNDER_LEAD = 3  # lines under the lead where the labeller's likeliest are proposed too
_PLAIN = re.compile(r"[^\w]+")
_LIST_REACH = 12  # lines above a numbered entry where the entry before it stands


def reach(proposal: Proposal) -> range:
    """Where a proposed line beyond the labeller's likeliest may stand: from its window to a little
    under the lead."""
    return range(proposal.window.start, min(len(proposal.lines), proposal.lead + _SIGNED_BELOW))


def candidates(
    proposal: Proposal, over_bylines: tuple[int, ...] | None = None, cut: tuple[int, ...] | None = None
) -> list[int]:
    """The proposed lines: the chain's pick first, then the rules' first pick, the second window's, the
    labeller's likeliest lines of its window down to a little under the lead (a promo's blurb read as the
    lead stands over the headline), the headlines over a byline (`signed`) and the lines
    under a copy of themselves cut short (`cut_copies`), less those no rule may propose (`_never`)."""
    likely = proposal.likelihood
    last = proposal.lead + _UNDER_LEAD
    ranked = sorted(((likely(i), i) for i in proposal.window if i <= last), reverse=True)
    found = [proposal.chosen] if proposal.chosen is not None else []
    others = [p for p in (proposal.ruled, proposal.second) if p is not None]
    for p, index in ranked:
        if len(others) >= CANDIDATES or p < _MIN_LIKELIHOOD:
            break
        others.append(index)
    if over_bylines is None:
        over_bylines = tuple(signed(proposal))
    if cut is None:
        cut = tuple(cut_copies(proposal.lines, reach(proposal)))
    # Each other line asked once (the rules' picks are often the labeller's likeliest too).
    others = list(dict.fromkeys(i for i in (*others, *over_bylines, *cut) if i != proposal.chosen))
    chosen = _plain(proposal.lines[proposal.chosen]) if proposal.chosen is not None else ""
    return found + [index for index in others if not _never(proposal, index, chosen)]


def _plain(line: str) -> str:
    """The line's words, lowercased, punctuation aside."""
    return " ".join(_PLAIN.sub(" ", line.lower()).split())


def _kicker_of_chosen(chosen: str, line: str) -> bool:
    """The chain's pick (`chosen`, `_plain`) with a kicker or a crumb glued before it ("Guides
    Headline" over "Headline"): the rules took the headline alone (`text_headline.without_glued_kicker`)."""
    if not chosen:
        return False
    plain = _plain(line)
    return plain != chosen and plain.endswith(chosen)


def _never(proposal: Proposal, index: int, chosen: str) -> bool:
    """A line no rule may propose (`never_headline`), or a numbered list's entry after the first
    ("2. Board at the old quarter" under "1. Buy a pass"): an entry of the contents or a section's.
    `chosen`: the chain's pick, `_plain`."""
    line = proposal.lines[index]
    if never_headline(line, proposal.common) or _kicker_of_chosen(chosen, line):
        return True
    numbered = NUMBERED_ENTRY.match(line)
    if numbered is None or numbered[1] == "1":
        return False
    before = f"{int(numbered[1]) - 1}"
    above = proposal.lines[max(0, index - _LIST_REACH) : index]
    return any((match := NUMBERED_ENTRY.match(other)) and match[1] == before for other in above)


def signed(proposal: Proposal) -> list[int]:
    """The headline-shaped lines over a byline or a person signing (`signs_for_person`), from the
    labeller's window to a little under the lead."""
    lines = proposal.lines
    # Most lines here (the prose under the lead) open with no byline's opener: told by the pattern
    # alone, before `is_byline` is asked (and remembers the answer).
    opens = BYLINE_OPENER.match
    signs, common = signs_for_person, proposal.common  # "By" over a name, a long byline of several
    signers = (
        k for k in reach(proposal) if opens(lines[k]) and (is_byline(lines[k]) or signs(lines, k, common))
    )
    found = (headline_over_signer(lines, k) for k in signers)
    return list(dict.fromkeys(index for index in found if index is not None))
