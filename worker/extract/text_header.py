"""The header of a plain-text article: which line above the prose is the headline, the byline, the date.

A page copied as text loses its markup, but its header keeps a shape that carries across sites:
a headline, then a cluster of short lines (a byline, perhaps a bare name with a role, a date, a
dateline) just above the first paragraph of prose; sometimes the cluster comes first and the headline
after it. The body classifier may start the body early (on a long menu line) or late, so the lead is
found again here as the first line that reads like prose, and every line near it is read by what it
looks like. The headline is then chosen by evidence, not position alone: a line the page repeats as the
last crumb of a breadcrumb ("Home > Blog > Headline"), one whose words the lead paragraphs use, one
that sits next to the byline cluster. What single lines are is read in `text_signs`; the headline is
chosen in `text_headline`; the lead is found in `text_anchors`; this module reads the byline cluster
around it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from worker.article import Dateline
from worker.clean.text_line_model import Line
from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import clean_authors
from worker.extract.text_anchors import anchors
from worker.extract.text_author_box import author_box
from worker.extract.text_byline_below import byline_below, full_name_below
from worker.extract.text_byline_labels import contributors_line, note_under_name, own_field
from worker.extract.text_byline_lists import marked_author_list
from worker.extract.text_byline_place import byline_just_under, menu_entry_above, signed_under_headline
from worker.extract.text_bylines import (
    byline_under_headline,
    dated_bylines,
    is_job_title,
    name_beside_day,
    name_over_headline,
    name_under_headline,
    name_with_companion,
    name_with_role,
    name_with_title_on_line,
)
from worker.extract.text_cluster import (
    DOTS,
    NAME_REACH,
    bare_names,
    cluster,
    far_cluster_end,
    first_naming,
    signing,
    unglued,
)
from worker.extract.text_dated_names import name_over_day_and_time
from worker.extract.text_dates import (
    day_told_by_lead,
    first_date_line,
    labelled_days_below,
    stated_first_line_day,
)
from worker.extract.text_header_meta import read_meta
from worker.extract.text_headline import (
    UNEVIDENCED_HEADLINE_PROBABILITY,
    headline_over_cluster,
    instead_of_menu_entry,
    signed_headline,
    signed_headline_below,
    weigh_title,
    without_glued_kicker,
)
from worker.extract.text_labels import (
    LineLabel,
    LineLabeller,
    WindowLabels,
    default_labeller,
    page_view,
)
from worker.extract.text_not_headline import never_headline
from worker.extract.text_page_words import PageWords
from worker.extract.text_second_window import headline_in_second_window
from worker.extract.text_signs import (
    HEADER_WINDOW,
    MAX_META_WORDS,
    NOT_AUTHOR,
    header_pieces,
    looks_like_prose,
)
from worker.extract.text_title_rank import TitleRanker, default_ranker, proposal_of

_UNDER_HEADLINE_REACH = 8  # lines under a headline where its byline cluster and the lead may stand
# The labeller's headline replaces the rules' when at least this likely, and its byline fills in when
# the rules found none; both chosen on WCXB dev with a model trained without it
# (`python -m bench.train_lines --without wcxb-dev`); 0.35 since its window reaches 30 lines up, 0.25
# since the window-title-part sign (chosen on WCXB dev's half 0: 0.15 / 0.25 / 0.35 / 0.45 gave
# 281 / 287 / 286 / 284 of 378; half 1 319 -> 321 of 415); 0.2 since the blank-line signs (`gap:`), which
# make the labeller surer of a headline set apart than the rules' pick (half 0: 0.25 / 0.2 / 0.15 gave
# 303 / 307 / 307 of 378; half 1 340 / 340 / 342 of 415).
MIN_HEADLINE_PROBABILITY = 0.2
MIN_BYLINE_PROBABILITY = 0.7
# Below this, the window's headline may stand in the wrong window: a second one is read further up
# (tuned on WCXB dev's half 0, 0.5 and 0.7 alike).
UNSURE_HEADLINE_PROBABILITY = 0.5
# A line of a person's name's shape (`PageWords.is_bare_name`) needs less of the labeller's belief:
# the rules and the model agree it could sign the article.
MIN_NAME_BYLINE_PROBABILITY = 0.7
# Below this, the headline over the page's first signed byline above the window wins (a buying guide's
# header over a product table); WCXB dev half 0: 0.5, 0.7, 0.9 alike; half 1: 327, 328, 327 of 415.
SIGNED_HEADLINE_PROBABILITY = 0.7


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    bylines: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    dateline: Dateline | None = None
    title_line: int | None = None  # which of the lines the title is (the labeller reads the rules' pick)
    title_evidence: float = 0.0  # what speaks for the rules' pick (`text_headline.weigh_title`); 0: no pick


def read_header(
    lines: list[str],
    body: list[int],
    *,
    stopwords: frozenset[str] = STOPWORDS,
    labeller: LineLabeller | None = None,
    gaps: frozenset[int] | None = None,
    measured: tuple[Line, ...] = (),
    ranker: TitleRanker | None = None,
) -> Header:
    """Headline, byline lines, publish date and dateline from the lines around the article's lead:
    read by the rules, then the headline as the line labeller (`text_labels`, the shipped model
    unless `labeller` is given) weighs the window with the rules' pick among its signs. `gaps`: the
    lines a blank line stands above in the copy (`TextLayout.gaps`), None when it kept none;
    `measured`: the clean stage's reading of the lines (`TextLayout.measured`), which the labeller
    reads too."""
    header, common, (top, lead) = _read_by_rules(lines, body)
    if not lines:
        return header
    if common is None or common.lead != lead:  # the rules moved to a header far above
        common = PageWords(lines, lead, like=common)
    view = page_view(lines, body, top, lead, stopwords, header.title_line, common, gaps, measured)
    verdict = (labeller or default_labeller()).label(view)
    likely = verdict.likelihood(LineLabel.HEADLINE)
    best = verdict.best(LineLabel.HEADLINE, lead + 1, unless=lambda i: never_headline(lines[i], common))
    first_best = best
    ruled, evidence, second = header.title_line, header.title_evidence, None
    if (best is None or best[1] < UNSURE_HEADLINE_PROBABILITY) and (
        second := headline_in_second_window(lines, body, view, labeller, common)
    ):
        best = second if best is None or second[1] > best[1] else best

    floor = MIN_HEADLINE_PROBABILITY if header.title_evidence > 0 else UNEVIDENCED_HEADLINE_PROBABILITY
    if best is not None and best[1] >= floor and best[0] != header.title_line:
        header = replace(header, title=lines[best[0]], title_line=best[0])
    if (
        best is not None
        and header.title_line == best[0]
        and (over := headline_over_cluster(lines, best[0], likely, common)) is not None
    ):
        header = replace(header, title=lines[over], title_line=over)
    if (first_best is None or first_best[1] < SIGNED_HEADLINE_PROBABILITY) and (
        signed := signed_headline(lines, verdict.lines.start, common)
    ) is not None:
        header = replace(header, title=lines[signed], title_line=signed)
    if (below := signed_headline_below(lines, header.title_line, lead, likely, common)) is not None:
        header = replace(header, title=lines[below], title_line=below)
    if header.title_line is not None and (bare := without_glued_kicker(lines, header.title_line)) is not None:
        header = replace(header, title=lines[bare], title_line=bare)
    candidates = range(verdict.lines.start, lead + 1)
    if (
        header.title_line is not None
        and (once := instead_of_menu_entry(lines, header.title_line, candidates, likely, common)) is not None
    ):
        header = replace(header, title=lines[once], title_line=once)
    picks = (header.title_line, ruled, evidence, second)  # the chain's, the rules' first, the second window's
    proposal = proposal_of(view, body, picks, verdict)
    ranked = (ranker or default_ranker()).choose(proposal)
    if (
        header.bylines
        and header.title_line is not None
        and all(menu_entry_above(lines, byline, header.title_line, common) for byline in header.bylines)
    ):
        header = replace(header, bylines=())  # "By Category" / "By Industry": a menu's, not the headline's
    if not header.bylines and header.title_line is not None:
        header = with_cluster_under(lines, header, lead, common)
    if (
        not header.bylines
        and (byline := _labelled_byline(lines, verdict, common))
        and (header.title_line is None or not menu_entry_above(lines, byline, header.title_line, common))
    ):  # the labeller's byline is no menu's "By Event Type" either
        header = replace(header, bylines=(byline,))
    if (
        not header.bylines
        and header.title_line is not None
        and (byline := byline_under_headline(lines, header.title_line, common))
    ):
        header = replace(header, bylines=(byline,))
    if (
        not header.bylines
        and header.title_line is not None
        and (
            byline := name_with_title_on_line(lines, header.title_line, lead, common)
            or marked_author_list(lines, header.title_line)
            or name_beside_day(lines, header.title_line, lead, common)
            or name_under_headline(lines, header.title_line, lead, common)
            or name_over_headline(lines, header.title_line, common)
        )
    ):
        header = replace(header, bylines=(byline,))
    if not header.bylines and (name := name_over_day_and_time(lines, lead, common)):
        header = replace(header, bylines=(name,))
    if name := signed_under_headline(lines, header.title_line, header.bylines, lead, common):
        header = replace(header, bylines=(name,))
    if name := byline_just_under(lines, header.title_line, header.bylines, common):
        header = replace(header, bylines=(name,))
    if header.bylines and (full := full_name_below(header.bylines, lines, min(top, lead) + 1)):
        header = replace(header, bylines=(full,))
    if not header.bylines and (
        name := author_box(lines, lead, common) or note_under_name(lines, lead, common)
    ):
        header = replace(header, bylines=(name,))
    if ranked is not None and ranked != header.title_line:  # the bylines stay those read by the chain's pick
        header = replace(header, title=lines[ranked], title_line=ranked)
        if not header.bylines and (byline := byline_under_headline(lines, ranked, common)):
            header = replace(header, bylines=(byline,))  # unless it named no one: the ranked headline's own
    return header


def with_cluster_under(lines: list[str], header: Header, lead: int, like: PageWords | None = None) -> Header:
    """The byline and date under the chosen headline, when the lead read first stood elsewhere (a
    contents list or a promo read as prose between them): the rules read again with the first prose
    line under the headline as the lead, and trusted only when they choose the same headline. `like`:
    the first reading of the page's words, whose lead-free answers the second shares."""
    start = header.title_line + 1
    reach = range(start, min(len(lines), start + _UNDER_HEADLINE_REACH))
    under = next((i for i in reach if looks_like_prose(lines[i])), None)
    if under is None or under == lead:
        return header
    again = _read_by_rules(lines, [under], like)[0]
    if again.title_line != header.title_line or not again.bylines:
        return header
    names = clean_authors(list(again.bylines))
    if not names or any(len(name.split()) < 2 for name in names):
        return header  # "von Künstlern, Bands, DJs": a sentence going on, not a byline far from the lead
    return replace(header, bylines=again.bylines, published=header.published or again.published)


def _labelled_byline(lines: list[str], verdict: WindowLabels, common: PageWords) -> str | None:
    """When the rules found no byline: the line the labeller is surest is one, up to its first
    separator ("Jane Doe ⋅ Review Editor ⋅ Updated ..."); `clean_authors` reads the name from it."""
    best = verdict.best(LineLabel.BYLINE, verdict.lines.stop)
    if best is None:
        return None
    line = lines[best[0]]
    if best[1] < (MIN_NAME_BYLINE_PROBABILITY if common.is_bare_name(line) else MIN_BYLINE_PROBABILITY):
        return None
    if len(line.split()) > MAX_META_WORDS or NOT_AUTHOR.match(line) or is_job_title(line):
        return None  # "Reviewed by Tom Berg", "Photos by ...", "Senior Editor": no author
    return DOTS.split(line, maxsplit=1)[0].strip() or None


def read_header_by_rules(lines: list[str], body: list[int]) -> Header:
    """Headline, byline lines, publish date and dateline from the lines around the article's lead,
    by the rules alone."""
    return _read_by_rules(lines, body)[0]


def _read_by_rules(
    lines: list[str], body: list[int], like: PageWords | None = None
) -> tuple[Header, PageWords | None, tuple[int, int]]:
    """`read_header_by_rules`, what it learnt of the page's words (the labeller asks the same), and the
    page's `anchors` (found once: the labeller's window stands on them too). `like`: an earlier reading
    of the same lines, whose lead-free answers are shared."""
    if not lines:
        return Header(), None, (0, 0)
    found = top, lead = anchors(lines, body)  # a standfirst above a byline is no headline
    lead_text = " ".join(lines[top : top + 3])
    pieces = header_pieces(lines, range(max(0, lead - HEADER_WINDOW), min(len(lines), lead + 1)))
    common = PageWords(lines, lead, like=like)
    meta = read_meta(pieces, lead, common)
    if not meta.positions and (far := far_cluster_end(lines, lead)) is not None:
        top = lead = far  # the header stands above a contents list, a product table or a form
        pieces = header_pieces(lines, range(max(0, lead - HEADER_WINDOW), lead + 1))
        common = PageWords(lines, lead, like=common)
        meta = read_meta(pieces, lead, common)
    near = cluster(pieces, meta.positions, lead, common)
    weighed = weigh_title(pieces, meta.positions, near, top, lead_text, common)
    title_at = weighed[0] if weighed else None
    if meta.published is None:  # no date shown, or only an update's: the labelled one below
        meta.published, below_updated = labelled_days_below(lines, lead + 1)
        meta.updated = meta.updated or below_updated
    article_end = body[-1] + 1 if body and body[-1] >= lead else len(lines)
    if first := stated_first_line_day(lines, max(0, lead - HEADER_WINDOW), article_end):
        shown = meta.published or meta.updated
        meta.published, meta.updated = (
            first,
            meta.updated or (shown if shown and shown[:10] != first else None),
        )
    if meta.published is None and meta.updated is None and meta.dateline is None:
        start = pieces[title_at][0] if title_at is not None else max(0, top - NAME_REACH)
        meta.published = day_told_by_lead(lines, start, lead) or first_date_line(lines, lead)
    bylines = first_naming(
        lambda: dated_bylines(signing(meta.bylines), pieces),
        lambda: bare_names(pieces, meta.positions, near, title_at, lead, common),
        lambda: [name for name in (name_with_role(pieces, title_at, lead, common),) if name],
        lambda: contributors_line(pieces),
        lambda: byline_below(lines, lead + 1),
        lambda: [name for name in (name_with_companion(lines, lead, common),) if name],
    )  # an author box below the article signs last, once the headline's lines named no one
    header = Header(
        title=pieces[title_at][1] if title_at is not None else None,
        bylines=tuple(unglued(own_field(byline)) for byline in bylines),
        published=meta.published or meta.updated,
        updated=meta.updated,
        dateline=meta.dateline,
        title_line=pieces[title_at][0] if title_at is not None else None,
        title_evidence=weighed[1] if weighed else 0.0,
    )
    return header, common, found
