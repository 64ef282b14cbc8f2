"""Which line above the lead is the headline: the headline-shaped line with the most evidence
(`HeadlineEvidence`), read from where it stands against the byline cluster, the lead and the page."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from operator import methodcaller

from worker.extract.authors import clean_authors
from worker.extract.patterns import (
    BYLINE_PREFIXES,
    TOC_HEADINGS,
)
from worker.extract.text_bylines import is_job_title
from worker.extract.text_cluster import byline_head
from worker.extract.text_not_headline import (
    is_post_link,
    is_tag_list,
    is_trail_or_row,
    never_headline,
    tells_reading_time,
)
from worker.extract.text_page_words import (
    PageWords,
    in_cluster,
)
from worker.extract.text_signs import (
    BYLINE,
    CJK,
    CLUSTER_STEPS,
    CRUMB_SIGN,
    GLUED_WORDS,
    LEAD_MIN_LOWER_SHARE,
    NOT_AUTHOR,
    POST_AGE,
    ROLE_MAX_WORDS,
    any_of,
    cjk_chars,
    date_of_line,
    is_byline,
    is_meta_line,
    is_picture_credit,
    line_words,
    looks_like_headline,
    looks_like_name,
    looks_like_prose,
    lower_share,
    word_count,
)

_TOC_HEAD = re.compile(rf"^(?:{any_of(TOC_HEADINGS)})\s*:?$", re.I)
_STANDFIRST_MIN_WORDS = 4
_OPENER_ALONE = re.compile(rf"^(?:{any_of(BYLINE_PREFIXES)})\s*:?$", re.I)  # "By" / "Jane Doe" on two lines
# A word without the punctuation around it, by a C-level call a word (a lead holds a hundred).
_STRIP_EDGES = methodcaller("strip", ".,;:!?\"'“”‘’()")
_SIGNED_REACH = 4  # lines over the first byline where its headline stands (a date or standfirst between)
_CJK_PAIR = re.compile(
    rf"{CJK.pattern}{{2}}"
)  # shorter: a kicker ("World News") or a label, not a headline or standfirst


# When no sign speaks for the rules' pick (its evidence not above 0: a language menu's entry nearest the
# lead) or the rules chose none, the labeller's headline needs this much, not `MIN_HEADLINE_PROBABILITY`:
# WCXB dev half 1 347 -> 348 of 415, half 0 unchanged (0.05 lost one); trafilatura-eval's proxy 463 -> 465.
UNEVIDENCED_HEADLINE_PROBABILITY = 0.1


@dataclass(frozen=True, slots=True)
class HeadlineEvidence:
    """What each sign that a line is the headline is worth. Signs that carry across sites: it sits
    right above the byline or date, perhaps with a bare name, its role or a standfirst between
    (`above_byline`; the standfirst itself gets nothing), right above the first paragraph or right
    below the byline cluster (`beside_lead`), the page repeats it as a breadcrumb's last crumb or a
    window title (`crumb`) or prints it twice in a row (`repeated`), the first paragraphs use its
    words (`lead_words`, times the share used), it is a sentence-length line (`long`). Each line
    further from the lead costs `distance`."""

    above_byline: float = 2.0
    beside_lead: float = 1.0
    crumb: float = 2.5
    repeated: float = 1.0
    lead_words: float = 3.0
    long: float = 0.5
    long_words: int = 5
    distance: float = 0.05


DEFAULT_HEADLINE_EVIDENCE = HeadlineEvidence()


def _lead_share(candidate: str, lead_words: set[str], lead_text: str) -> float:
    """How many of the headline's content words the first paragraphs use; in Chinese or Japanese,
    which write no spaces, how many of its pairs of characters."""
    if cjk_chars(candidate) >= 2:
        pairs = [pair for i in range(len(candidate) - 1) if _CJK_PAIR.fullmatch(pair := candidate[i : i + 2])]
        return sum(pair in lead_text for pair in pairs) / len(pairs) if pairs else 0.0
    content = [w for w in line_words(candidate) if len(w) >= 4]
    if not content:
        return 0.0
    return sum(1 for w in content if w in lead_words) / len(content)


def weigh_title(
    pieces: list[tuple[int, str]],
    meta: set[int],
    near: set[int],
    top: int,
    lead_text: str,
    common: PageWords,
    evidence: HeadlineEvidence = DEFAULT_HEADLINE_EVIDENCE,
) -> tuple[int, float] | None:
    """The headline-like piece above `top` (the first line of prose, a standfirst if a byline follows
    it) with the most evidence, the nearest one winning ties, and its evidence (above zero only when
    some sign speaks for it: a line that merely stands nearest the lead scores below)."""
    lead_words = set(map(_STRIP_EDGES, lead_text.lower().split()))
    toc = max((p for p, (_, text) in enumerate(pieces) if _TOC_HEAD.match(text)), default=len(pieces))
    # Each test below is asked of a piece and of the one under it, by this candidate and the one above:
    # remembered per position for this page's pieces (the tests are pure given `meta` and `common`).
    reaches: dict[int, bool] = {}
    standfirst: dict[int, bool] = {}

    def reaches_byline(position: int) -> bool:
        known = reaches.get(position)
        if known is None:
            known = reaches[position] = _reaches_byline(pieces, position, meta, common)
        return known

    def is_standfirst(position: int) -> bool:
        known = standfirst.get(position)
        if known is None:
            known = standfirst[position] = _is_standfirst(pieces, position, meta)
        return known

    best: tuple[float, int] | None = None
    for position, (index, text) in enumerate(pieces):
        if index >= top or position in meta or common.is_section_head(text):
            continue
        if not (looks_like_headline(text) or is_titled_sentence(text)):
            continue
        if position >= toc and not (
            reaches_byline(position) or (is_standfirst(position + 1) and reaches_byline(position + 1))
        ):
            continue  # an entry of the contents list, unless the header stands under an empty one
        below = pieces[position + 1] if position + 1 < len(pieces) else (top, "")
        score = evidence.lead_words * _lead_share(text, lead_words, lead_text) - evidence.distance * (
            top - index
        )
        if reaches_byline(position):
            if not is_standfirst(position):  # else the headline is the line above it
                score += evidence.above_byline  # perhaps with a bare name or a role between
        elif (
            is_standfirst(under := _past_button(pieces, position, 1, meta))
            and reaches_byline(under)
            and not is_standfirst(position)  # a standfirst over a caption: its headline is above it
        ):
            score += evidence.above_byline  # with a standfirst (and perhaps a button) between
        elif (below[0] == top and not _under_headline(pieces, position, meta)) or position - 1 in near:
            score += evidence.beside_lead  # "Headline / first paragraph", "Jane Doe / Feb 3 / Headline"
        elif (
            position + 2 < len(pieces)
            and pieces[position + 2][0] == top
            and _under_headline(pieces, position + 1, meta)
        ):
            score += evidence.beside_lead  # "Headline / first subheading (or standfirst) / paragraph"
        low = text.lower()
        if low in common.repeated:
            score += evidence.repeated
        if low in common.crumbs:
            score += evidence.crumb
        if word_count(text) >= evidence.long_words:
            score += evidence.long
        if best is not None and (score, position) <= best:
            continue  # it cannot win: what it is is never asked
        if (
            is_job_title(text)
            or is_picture_credit(text)
            or is_trail_or_row(text)
            or is_post_link(text)
            or is_tag_list(text)
            or tells_reading_time(text)
            or POST_AGE.match(text.strip())
            or common.is_name_list(text)
        ):
            continue  # "National Biotech Reporter", "Jane Doe | Getty Images", "Jane Doe & John Roe"
        if not common.is_bare_name(text):
            best = (score, position)  # asked last: whether a line is a name costs the most
    return (best[1], best[0]) if best else None


_TITLED_MIN_LETTERS = 4  # the words whose capital tells Title Case ("to", "the", "for" are lowercase there)
_TITLED_SHARE = 0.75


def is_titled_sentence(line: str) -> bool:
    """A headline that ends with a full stop ("Things to Know Before Your First Trip."): a line of a
    headline's shape but for the stop, in Title Case (three in four of its longer words capitalised);
    a standfirst or a sentence ending so writes them in lowercase."""
    if not line.endswith(".") or line.endswith(("..", "…")) or not looks_like_headline(line[:-1]):
        return False
    words = [word for word in line.split() if len(word) >= _TITLED_MIN_LETTERS]
    return bool(words) and sum(word[0].isupper() for word in words) >= _TITLED_SHARE * len(words)


def _under_headline(pieces: list[tuple[int, str]], position: int, meta: set[int]) -> bool:
    """Whether the piece is a headline-like line right under another of four or more words: of two
    such lines the upper is the headline, the lower its first subheading or standfirst."""
    if not 0 < position < len(pieces) or position - 1 in meta or position in meta:
        return False
    above, text = pieces[position - 1][1], pieces[position][1]
    upper, lower = above.lower().rstrip(".…"), text.lower().rstrip(".…")
    if upper in lower or set(line_words(upper)) < set(line_words(lower)):
        return False  # "Headline..." over "Headline: in full": the fuller line is the headline
    return (
        word_count(above) >= _STANDFIRST_MIN_WORDS
        and looks_like_headline(text)
        and looks_like_headline(above)
        and not (CRUMB_SIGN.search(above) or GLUED_WORDS.search(above))
    )


def _reaches_byline(pieces: list[tuple[int, str]], position: int, meta: set[int], common: PageWords) -> bool:
    """Whether the byline cluster starts right below the piece: a meta line next, or one after a bare
    name, the name's role ("Jane Doe / Senior Editor / Feb 3, 2025") or a separator."""
    after_name = False
    for below in range(position + 1, min(len(pieces), position + 1 + CLUSTER_STEPS)):
        if below in meta:
            return True
        text = pieces[below][1]
        if in_cluster(text, common) or common.is_bare_name(text.split(",", 1)[0]):
            after_name = len(text) > 2  # "Jane Doe", "Jane Doe, Senior Editor"
        elif after_name and len(text.split()) <= ROLE_MAX_WORDS:
            after_name = False  # the role under the name
        else:
            return False
    return False


_BUTTON_MAX_WORDS = 2  # "Read later", "Share", "Save": a headline has three words or more


def _past_button(pieces: list[tuple[int, str]], position: int, step: int, meta: set[int]) -> int:
    """The piece `step` (1 or -1) from `position`, or the one past it when that is a button of two
    words or fewer, no part of the byline cluster, printed between a headline and its standfirst."""
    near = position + step
    if (
        0 <= near + step < len(pieces)
        and near not in meta
        and word_count(pieces[near][1]) <= _BUTTON_MAX_WORDS
    ):
        return near + step
    return near


def _is_standfirst(pieces: list[tuple[int, str]], position: int, meta: set[int]) -> bool:
    """Over a byline cluster, a line of a sentence's shape right below a headline-like line is the
    standfirst and that line the headline: the headline comes first. Either of fewer than four words
    is a kicker ("World News") or a label, not a headline and its standfirst."""
    if not 0 < position < len(pieces):
        return False
    over = _past_button(pieces, position, -1, meta)
    text, above = pieces[position][1], pieces[over][1]
    if min(word_count(above), word_count(text)) < _STANDFIRST_MIN_WORDS or over in meta:
        return False
    if over < position - 1 and word_count(text) < word_count(above):
        return False  # "Teaser / Economy / Headline": a kicker between; a standfirst runs longer
    if not (looks_like_headline(above) or is_titled_sentence(above)):
        return False  # "Who's Reading Your Mail? Increasingly, Not a Human." ends with a stop, in Title Case
    if CRUMB_SIGN.search(above) or GLUED_WORDS.search(above):
        return False  # a breadcrumb or a menu run together above it
    return lower_share(text) >= LEAD_MIN_LOWER_SHARE


# How likely, against the labeller's pick above it, the headline over the byline under that pick must be;
# a pick the labeller is surer of than `SIGNED_BELOW_UNSURE` stands (a headline over a headline-shaped
# standfirst). WCXB dev half 1: 346 -> 347 of 415, half 0 unchanged; trafilatura-eval's proxy +1.
SIGNED_BELOW_SHARE = 0.3
SIGNED_BELOW_UNSURE = 0.5


def signed_headline_below(
    lines: list[str], chosen: int | None, lead: int, likelihood: Callable[[int], float], common: PageWords
) -> int | None:
    """The headline over the first byline that signs a person between the chosen line and the lead
    (`signed_headline`), when the labeller is unsure of the chosen one and finds the signed one
    `SIGNED_BELOW_SHARE` as likely:
    a line above a signed headline ("Newsletter Name / Subscribe / Headline / Standfirst / Jane Doe /
    Oct 28, 2024") is the site's name or a menu's, not the article's headline."""
    unsure = likelihood(chosen) if chosen is not None else 0.0
    if not 0.0 < unsure < SIGNED_BELOW_UNSURE:
        return None  # no pick, a sure one, or one outside the labeller's window (it never weighed it)
    signer = next((k for k in range(chosen + 1, lead) if signs_for_person(lines, k, common)), None)
    if signer is None:
        return None
    found = headline_over_signer(lines, signer)
    if found is None or found <= chosen or never_headline(lines[found], common):
        return None
    if any(looks_like_prose(lines[index]) for index in range(chosen + 1, found)):
        return None  # the chosen line's standfirst: the line over the byline is a caption or a subheading
    return found if likelihood(found) >= SIGNED_BELOW_SHARE * unsure else None


def headline_over_signer(lines: list[str], signer: int) -> int | None:
    """The nearest headline-shaped line over a signing byline, a date, a name, a picture's credit or
    a standfirst passed over; None when another line stands between."""
    for index in range(signer - 1, max(-1, signer - 1 - _SIGNED_REACH), -1):
        line = lines[index]
        if is_meta_line(line) or looks_like_name(line) or is_picture_credit(line) or looks_like_prose(line):
            continue
        return index if looks_like_headline(line) else None
    return None


def signed_headline(lines: list[str], stop: int, common: PageWords) -> int | None:
    """The headline over the page's first byline that signs a person ("By Jane Doe", "Written by Jane
    Doe ⋅ Review Editor", "By" over "Jane Doe"), when that byline stands above `stop`: a buying guide's
    header, printed over a product table or a contents list whose text pushed the first prose line far
    below it. The nearest headline-shaped line over the byline, a date, a name, a picture's credit or a
    standfirst passed over; None when no person signs above `stop` or no headline stands over the first."""
    signer = next((index for index in range(stop) if signs_for_person(lines, index, common)), None)
    return None if signer is None else headline_over_signer(lines, signer)


def signs_for_person(lines: list[str], index: int, common: PageWords) -> bool:
    """Whether the line signs the page for a person: a byline whose first name has a person's name's
    shape on this page (a menu's "By Use Case" or "By Industry" has not), "By" over a name, or a bare
    name with a date line under it (its role perhaps between)."""
    line = lines[index].strip()
    if _OPENER_ALONE.match(line):
        return index + 1 < len(lines) and common.is_bare_name(lines[index + 1].strip())
    if common.is_bare_name(line):  # "Jane Doe" over a date, perhaps with her role between
        return any(date_of_line(lines[k]) for k in range(index + 1, min(len(lines), index + 3)))
    if NOT_AUTHOR.match(line) or not (BYLINE.match(line) or is_byline(line)):
        return False  # "Reviewed by Jane Doe" signs nothing
    names = clean_authors([byline_head(line, common)])  # "By Jane Doe, Senior Editor & John Roe, ...
    return bool(names) and common.is_dated_name(names[0])  # the opener vouches, as a date does


_PLAIN = re.compile(r"[^\w]+")  # two lines compared by their words, punctuation aside
_BARE_MIN_WORDS = 3


def without_glued_kicker(lines: list[str], at: int) -> int | None:
    """The line right below the chosen headline when the chosen one is that line with a kicker, a label
    or a breadcrumb before it ("Guides Getting to Yes: ..." or "HomeNewsBreaking: ..." over "Getting
    to Yes: ..."): the page printed the headline alone under it. Not the line above: a breadcrumb's last
    crumb printed over a headline that opens with a kicker ("Handel" / "Paris: Handel") is no headline."""
    if at + 1 >= len(lines):
        return None
    chosen = " ".join(_PLAIN.sub(" ", lines[at].lower()).split())
    bare = " ".join(_PLAIN.sub(" ", lines[at + 1].lower()).split())
    if bare.count(" ") >= _BARE_MIN_WORDS - 1 and bare != chosen and chosen.endswith(bare):
        return at + 1
    return None


_OVER_CLUSTER_REACH = 4  # lines between a headline and what stands under its byline cluster
# How likely, against the labeller's pick under the cluster, the line over it must be to win.
OVER_CLUSTER_SHARE = 0.8


def headline_over_cluster(
    lines: list[str], chosen: int, likelihood: Callable[[int], float], common: PageWords
) -> int | None:
    """The headline-shaped line right over the byline or date cluster that stands over the chosen line
    ("Headline / Jane Doe / Follow / Oct 15, 2015 · 18 min read / First subheading / lead"), when the
    labeller finds it about as likely a headline (`OVER_CLUSTER_SHARE` of the chosen one's
    `likelihood`): the headline comes before its byline, the line under the cluster is the first
    subheading or the standfirst."""
    dated = False
    for above in range(chosen - 1, max(-1, chosen - 2 - _OVER_CLUSTER_REACH), -1):
        line = lines[above]
        if is_meta_line(line):
            dated = True
        elif in_cluster(line, common) or len(line.split()) == 1:  # a name, "Follow", "·", "5 min read"
            continue
        elif not dated or above == chosen - 1:
            return None
        else:
            keep = looks_like_headline(line) and not never_headline(line, common)
            return above if keep and likelihood(above) >= OVER_CLUSTER_SHARE * likelihood(chosen) else None
    return None


_MENU_ENTRY_MAX_WORDS = 2
_MENU_NEIGHBOUR_WORDS = 3
_MENU_COPIES = 3  # a label printed so often is the menu's, wherever it stands
# How likely, against the labeller's belief in the menu's entry, a headline printed once must be to win.
MENU_ENTRY_SHARE = 0.5


def instead_of_menu_entry(
    lines: list[str], chosen: int, candidates: range, likelihood: Callable[[int], float], common: PageWords
) -> int | None:
    """A longer headline-shaped line the page prints once, when the chosen one is a label of two words
    or fewer that it prints three times or more, or twice over the lead ("All Products", "Engagement
    Ring", the site's name), among other short labels: a menu's entry or a masthead, printed in each
    copy of the menu. A short
    headline printed twice stands once over its article and once in it or in the window title. The
    likeliest such line of `candidates`, if the labeller finds it `MENU_ENTRY_SHARE` as likely."""
    if word_count(lines[chosen]) > _MENU_ENTRY_MAX_WORDS:
        return None
    label = lines[chosen].lower()
    at = [index for index, line in enumerate(lines) if line.lower() == label]
    if len(at) < _MENU_COPIES and not (len(at) == 2 and at[-1] < common.lead):
        return None
    if not all(
        0 <= k < len(lines) and word_count(lines[k]) <= _MENU_NEIGHBOUR_WORDS
        for k in (chosen - 1, chosen + 1)
    ):
        return None  # a menu's entry stands among other short labels; a headline over prose does not
    copies = Counter(line.lower() for line in lines)
    words = word_count(lines[chosen])
    found = max(
        (
            (likelihood(index), index)
            for index in candidates
            if index != chosen
            and copies[lines[index].lower()] == 1
            and word_count(lines[index]) > words
            and looks_like_headline(lines[index])
            and not never_headline(lines[index], common)
        ),
        default=None,
    )
    return found[1] if found and found[0] >= MENU_ENTRY_SHARE * likelihood(chosen) else None
