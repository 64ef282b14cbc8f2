"""The last word on a plain-text page's headline: a learned re-ranker over the few lines the header's
rules and the line labeller proposed.

`text_header.read_header` reaches its headline through a chain of rules, each of which may replace the
pick before it on one sign (the labeller's belief, a byline under a line, a menu's copies). Each rule
sees only its own sign; here every proposed line is described by all of them at once (`features`), and
a linear score learnt from the benchmark sets' truth (`python -m bench.train_titles`, the weights in
`worker/models/text_titles.json`) chooses among them: the line the rules chose, the rules' first pick
and the labeller's likeliest lines of its window. The signs are the evidence the rules read already:
how likely the labeller finds the line, whether a byline or a date stands right under it or over it,
whether the page prints it again (a window title, a breadcrumb's last crumb, twice in a row), how many
of its words the paragraphs under it use, how far above the first line of prose it stands and whether
prose stands between; whether it is the site's own name (`text_site_name`), a short topic's label right
over a longer headline (a kicker) or a sentence-case standfirst right under one.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from operator import mul

from worker.extract.text_labels import LineLabel, PageView, WindowLabels
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import (
    is_meta_line,
    looks_like_headline,
    looks_like_prose,
    runs_words_together,
    word_count,
)
from worker.extract.text_site_name import names_site, site_names
from worker.extract.text_title_candidates import candidates, reach, signed
from worker.extract.text_title_shapes import cut_copies, kicker, listed, subtitle, uses

MODEL_FILE = "text_titles.json"
_META_REACH = 3  # lines under or over a headline where its byline or date stands
_ECHO_LINES = 12  # the prose lines under a candidate whose words it is looked for in
_TOP_LINES = 5  # where a window title copied with the page stands
_FAR = 40.0  # lines above the lead counted in full; a line further up is as far
_LONG = 4
_WORD = re.compile(r"\w+")
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»·•/]\s+")
_PART_AFTER = re.compile(r"\s*[|\-–—:»·•/~(]")  # what follows a headline opening a longer line
_QUOTES_OPEN, _QUOTES_CLOSE = "“\"‘«'", "”\"’»'"
_QUOTED_MIN_WORDS = 3  # a shorter line is part of many a longer one (a section's name, a kicker)

# The signs, in the order of the model's weights.
FEATURES = (
    "bias",
    "likely",  # the labeller's belief that the line is the headline (0 outside its window)
    "chosen",  # the line the rules' chain chose
    "ruled",  # the line `weigh_title` chose first, on the header's evidence alone
    "evidence",  # that pick's evidence, capped
    "second",  # the labeller's headline in its second window
    "second_likely",  # how likely its second window finds that line
    "short",  # two words or fewer
    "long",  # more than twelve words
    "question",
    "copies2",  # the page prints the line twice
    "copies3",  # three times or more: a menu's entry
    "twice",  # printed twice in a row
    "crumb",  # a breadcrumb's last crumb or a window title's first part, or a part of another line (`quoted`)
    "toptitle",  # a part of a window title at the top of the page
    "meta_under",  # a byline or a date within three lines under it, or a signer under it (`signed`)
    "meta_over",  # one within three lines over it
    "over_lead",  # right above the first line of prose
    "far",  # how far above the first line of prose, in `_FAR` lines
    "below",  # under the first line of prose
    "prose_between",  # a paragraph stands between it and the lead
    "echo",  # the share of its longer words the prose under it uses
    "headline_shape",  # `looks_like_headline`
    "signed",  # the headline-shaped line over a byline ("By Jane Doe"), a standfirst or a date between
    "set_apart",  # a blank line above it and below it in the copy
    "byline_under",  # how likely the labeller finds a byline within three lines under it
    "top_words",  # the share of its longer words the page's first lines (a window title) use
    "titled",  # the share of its longer words written with a capital
    "listed",  # headline-shaped lines of five words or more around it: a list of other posts' links
    "unweighed",  # outside the labeller's window: `likely` is 0 for want of a belief, not by one
    "site",  # the site's name, as the page prints it elsewhere (`text_site_name.names_site`)
    "kicker",  # four words or fewer right over a longer headline-shaped line: a topic's label
    "subtitle",  # in sentence case right under a headline-shaped line: its standfirst
    "glued",  # words run together where the copy lost a space ("SubscribeSign in"): a widget's or a menu's
    # Against the rules' pick (0 for that line itself):
    "more_likely",  # how much likelier the labeller finds this line
    "meta_not_chosen",  # a byline or date stands next to this line and none next to the pick
    "over_subheading",  # above the pick, which stands right over the lead with no prose between them
    "chosen_question",  # the pick asks a question (a guide's first section heading)
)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the header knows when it weighs a page's headline lines."""

    lines: list[str]
    lead: int
    top: int
    chosen: int | None  # the rules' chain's pick
    ruled: int | None  # `weigh_title`'s pick
    evidence: float
    second: int | None  # the second window's headline
    second_likely: float  # how likely the second window found it
    window: range
    likelihood: Callable[[int], float]
    common: PageWords
    prose_under: Callable[[int], list[int]]  # the prose lines under a line, first few
    byline_likelihood: Callable[[int], float]
    gaps: frozenset[int] | None  # the lines a blank line stands above; None: the copy kept none
    counts: Counter[str]  # how often the page prints each line, lowercased


def proposal_of(
    view: PageView,
    body: list[int],
    picks: tuple[int | None, int | None, float, tuple[int, float] | None],
    verdict: WindowLabels,
) -> Proposal:
    """The header's state as a `Proposal`: the labeller's `view` of the page and its `verdict`, the
    body's lines in order, and `picks`: the chain's pick, `weigh_title`'s pick and its evidence, and
    the second window's headline and belief."""
    chosen, ruled, evidence, second = picks

    def prose_under(index: int) -> list[int]:
        return body[bisect_right(body, index) :][:_ECHO_LINES]

    return Proposal(
        view.lines,
        view.lead,
        view.top,
        chosen,
        ruled,
        evidence,
        second[0] if second else None,
        second[1] if second else 0.0,
        verdict.lines,
        verdict.likelihood(LineLabel.HEADLINE),
        view.common,
        prose_under,
        verdict.likelihood(LineLabel.BYLINE),
        view.gaps,
        view.counts,
    )


class Reading:
    """What the signs of a page's proposed lines read, made once a page: the lines' copies, the headlines
    over a byline, the window title's words, each line's longer words, each proposed line's own signs."""

    def __init__(self, proposal: Proposal) -> None:
        self.proposal = proposal
        lines = proposal.lines
        self.copies = proposal.counts
        self.signed = tuple(signed(proposal))  # `signed`, made once: a candidate and a sign
        self.signs = frozenset(self.signed)
        self.cut = tuple(cut_copies(lines, reach(proposal)))  # `cut_copies`, made once: candidates
        self._words: dict[int, list[str]] = {}
        self._prose: dict[tuple[int, ...], str] = {}
        self._own: dict[int, list[float]] = {}
        self._found: list[int] | None = None

    # What only a candidate's signs read, made on first use: a page with one candidate scores none.
    @cached_property
    def _top_lines(self) -> list[str]:
        return [line.lower() for line in self.proposal.lines[:_TOP_LINES]]

    @cached_property
    def tops(self) -> set[str]:
        return {part for line in self._top_lines for part in _TITLE_SEPARATOR.split(line)}

    @cached_property
    def top_text(self) -> str:
        """The window title's words looked up by `uses`."""
        return " ".join(self._top_lines)

    @cached_property
    def site_names(self) -> frozenset[str]:
        return site_names(self.proposal.lines)

    @cached_property
    def _page_text(self) -> str:
        """The page's lines, lowercased, each between newlines: what `quoted` searches."""
        return "\n" + "\n".join(self.proposal.lines).lower() + "\n"

    @property
    def found(self) -> list[int]:
        """The proposed lines (`candidates`), made once."""
        if self._found is None:
            self._found = candidates(self.proposal, self.signed, self.cut)
        return self._found

    def words(self, index: int) -> list[str]:
        """The line's words of `_LONG` letters or more, lowercased."""
        found = self._words.get(index)
        if found is None:
            low = self.proposal.lines[index].lower()
            found = self._words[index] = [w for w in _WORD.findall(low) if len(w) >= _LONG]
        return found

    def prose_text(self, prose: list[int]) -> str:
        """The prose lines `prose` joined by a space, lowercased (a space parts no word and changes no
        letter's case), made once for the lines most candidates stand over."""
        key = tuple(prose)
        found = self._prose.get(key)
        if found is None:
            found = self._prose[key] = " ".join([self.proposal.lines[k] for k in prose]).lower()
        return found

    def quoted(self, index: int) -> bool:
        """Another line of the page holds this one as a part: opening it before a separator
        ("Headline | Site", "Headline ~ Directions"), ending it ("Site | Headline", "Jane on Headline")
        or in quotes ("2 responses to “Headline”"): a window title, a section or a comment names it."""
        line = self.proposal.lines[index]
        if word_count(line) < _QUOTED_MIN_WORDS:
            return False
        text, low = self._page_text, line.lower()
        at = text.find(low)
        while at >= 0:
            end = at + len(low)
            before, after = text[at - 1], text[end]
            opens = before == "\n" and _PART_AFTER.match(text, end) is not None
            ends = after == "\n" and not before.isalnum()
            whole = before == "\n" and after == "\n"  # a copy of the whole line
            if not whole and (opens or ends or (before in _QUOTES_OPEN and after in _QUOTES_CLOSE)):
                return True
            at = text.find(low, at + 1)
        return False

    def own(self, index: int) -> list[float]:
        found = self._own.get(index)
        if found is None:
            found = self._own[index] = _own(self, index)
        return found


def features(reading: Reading, index: int) -> list[float]:
    """The line's signs (`FEATURES`): its own, then against the chain's pick."""
    proposal = reading.proposal
    own = reading.own(index)
    chosen = proposal.chosen
    if chosen is None or index == chosen:
        return [*own, 0.0, 0.0, 0.0, 0.0]
    pick = reading.own(chosen)
    lead = min(proposal.top, proposal.lead)
    has_meta = own[_AT["meta_under"]] or own[_AT["meta_over"]]
    pick_meta = pick[_AT["meta_under"]] or pick[_AT["meta_over"]]
    return [
        *own,
        own[_AT["likely"]] - pick[_AT["likely"]],
        float(bool(has_meta) and not pick_meta),
        float(
            index < chosen
            and chosen == lead - 1
            and not any(looks_like_prose(proposal.lines[k]) for k in range(index + 1, chosen))
        ),
        pick[_AT["question"]],
    ]


_AT = {name: at for at, name in enumerate(FEATURES)}


def _own(reading: Reading, index: int) -> list[float]:
    """The signs of the line alone."""
    proposal = reading.proposal
    lines, top, copies = proposal.lines, proposal.top, reading.copies
    line = lines[index]
    low = line.lower()
    words = word_count(line)
    neighbours = {lines[k].lower() for k in (index - 1, index + 1) if 0 <= k < len(lines)}
    under = range(index + 1, min(len(lines), index + 1 + _META_REACH))
    over = range(max(0, index - _META_REACH), index)
    prose = proposal.prose_under(index)
    prose_text = reading.prose_text(prose)
    own = reading.words(index)
    long_words = [w for w in line.split() if len(w) >= _LONG]
    lead = min(top, proposal.lead)
    return [
        1.0,
        proposal.likelihood(index),
        float(index == proposal.chosen),
        float(index == proposal.ruled),
        min(proposal.evidence, 5.0) / 5.0 if index == proposal.ruled else 0.0,
        float(index == proposal.second),
        proposal.second_likely if index == proposal.second else 0.0,
        float(words <= 2),
        float(words > 12),
        float(line.rstrip().endswith("?")),
        float(copies[low] == 2),
        float(copies[low] >= 3),
        float(low in neighbours),
        float(low in proposal.common.crumbs or reading.quoted(index)),
        float(words >= 2 and low in reading.tops and copies[low] >= 1 and index >= _TOP_LINES),
        float(index in reading.signs or any(is_meta_line(lines[k]) for k in under)),
        float(any(is_meta_line(lines[k]) for k in over)),
        float(index == lead - 1),
        min(max(0, lead - index), _FAR) / _FAR,
        float(index > lead),
        float(
            bool(prose)
            and prose[0] < lead
            and any(looks_like_prose(lines[k]) for k in range(index + 1, lead))
        ),
        sum(uses(prose_text, w) for w in own) / len(own) if own else 0.0,
        float(looks_like_headline(line)),
        float(index in reading.signs),
        float(proposal.gaps is not None and index in proposal.gaps and index + 1 in proposal.gaps),
        max((proposal.byline_likelihood(k) for k in under), default=0.0),
        sum(uses(reading.top_text, w) for w in own) / len(own) if own and index >= _TOP_LINES else 0.0,
        sum(w[:1].isupper() for w in long_words) / len(long_words) if long_words else 0.0,
        listed(lines, index),
        float(index not in proposal.window),
        float(names_site(line, reading.site_names)),
        float(kicker(lines, index, words)),
        float(subtitle(lines, index, long_words)),
        float(runs_words_together(line, prose_text)),
    ]


@dataclass(frozen=True, slots=True)
class TitleRanker:
    """A linear score over `FEATURES`; the highest-scoring candidate is the headline."""

    weights: tuple[float, ...]

    def score(self, row: list[float]) -> float:
        if len(row) != len(self.weights):
            raise ValueError(f"{len(row)} signs for {len(self.weights)} weights")
        return sum(map(mul, self.weights, row))  # the products summed in order, as a loop would

    def choose(self, proposal: Proposal) -> int | None:
        reading = Reading(proposal)
        found = reading.found
        if len(found) < 2:
            return proposal.chosen
        scored = [(self.score(features(reading, index)), -k, index) for k, index in enumerate(found)]
        return max(scored)[2]


def ranker_from(data: dict) -> TitleRanker:
    if tuple(data["features"]) != FEATURES or len(data["weights"]) != len(FEATURES):
        raise ValueError("the title model was trained on other features: retrain it (bench.train_titles)")
    return TitleRanker(tuple(float(w) for w in data["weights"]))


# The rules' chain alone: what a test of one of its rules reads the header with.
CHAIN_ONLY = TitleRanker(tuple(float(name == "chosen") for name in FEATURES))


@cache
def default_ranker() -> TitleRanker:
    """The weights that ship with the package, read on first use."""
    text = resources.files("worker.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return ranker_from(json.loads(text))
