"""The lxml stages of HTML cleaning: a cheap first cut, then the subtree that holds the article
(`worker.clean.html_slim` then strips what BeautifulSoup would only carry along). BeautifulSoup
builds its tree about 14x slower than lxml parses, so everything that can be decided on the lxml
tree is decided here, and BeautifulSoup only sees the article's neighbourhood:

    first_cut(root)            drop script/style/svg..., hidden and boilerplate-named subtrees
    score_containers(root)     per element: text that looks like article paragraphs, minus the rest
    main_candidates(root)      the best-scoring element, with the siblings that carry article text too,
                               its template's boxes listing its items (html_twins) and the
                               standfirst in the box before it (html_standfirst)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from worker.clean.html_hidden import PARAGRAPH_ONLY_TAGS, is_lone_paragraph
from worker.clean.html_hints import hinted_body
from worker.clean.html_lead import declared_lead, holds_title
from worker.clean.html_paragraphs import PARAGRAPH_MIN_CHARS, ParagraphChars
from worker.clean.html_running import RUNNING_TAGS, in_running_text, unlink_anchors
from worker.clean.html_standfirst import standfirst_before
from worker.clean.html_twins import listed_twins
from worker.clean.selectors import (
    BLOCK_TAGS,
    BOILERPLATE_PARTS,
    CELL_TAGS,
    CODE_TAGS,
    COMMENT_PARTS,
    CONTENT_PARTS,
    DROP_TAGS,
    FURNITURE_TAGS,
    GATE_PARTS,
    HIDDEN_STYLE,
    NAME_SPLIT,
    NAME_SPLIT_LOWER,
    SOFT_PARTS,
    is_live_commentary,
)

# A block of `PARAGRAPH_MIN_CHARS` or more with at most this share of link text counts for its
# containers as article text.
PARAGRAPH_MAX_LINK_DENSITY = 0.6
# Every other character counts against its containers with this weight (links: fully).
SHORT_TEXT_WEIGHT = 0.3
LINK_TEXT_WEIGHT = 1.0
# Links inside running text (a linked lead-in) cost their block this much per character.
LINKED_TEXT_WEIGHT = 1.0
# A furniture or boilerplate-named subtree holding this share of the page's paragraph text is kept.
KEEP_SHARE = 0.5
# A hidden subtree holding this much paragraph text is a collapsed section of the article, not junk.
HIDDEN_KEEP_CHARS = 200
# A boilerplate-named subtree ("sidebar", "related", "widget") that holds the page's headline and this
# much paragraph text is the article in a badly named column, not furniture.
HEADLINE_KEEP_CHARS = 200
# A subtree named only as a subscription gate (paywall, subscription) that holds this much paragraph
# text is the article's rest behind the gate (often hidden until the reader logs in); the prompt is short.
GATED_KEEP_CHARS = 400
# A <noscript> holding this much paragraph text is the page's article for readers without script (a
# blog that renders its posts by script); a short one holds a pixel or an "enable JavaScript" note.
NOSCRIPT_KEEP_CHARS = 400
# A caption holding this much paragraph text is the page's text inside a caption left unclosed.
CAPTION_MAX_CHARS = 600
# A sibling of the best container joins it when it scores this share of the best score.
SIBLING_SHARE = 0.2
# Ideographic scripts say in one character what others say in about three.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_OR_ABOVE = re.compile("[\u3040-\U0010ffff]")  # from `CJK`'s lowest up (max() made a str a char)
CJK_SCALE = 3.0
# The first 3,000 text nodes, as itertext() yields them (comments and PIs left out), made in libxml2.
_FIRST_TEXTS = etree.XPath("descendant-or-self::text()[position() <= 3000]", smart_strings=False)
CJK_MIN_SHARE = 0.3


# Paragraph characters of each (parent, first class word) run of sibling sections, counted once.
_Runs = dict[tuple[etree._Element, str], int]


@lru_cache(maxsize=4096)
def name_parts(names: str) -> frozenset[str]:
    """The lowercase parts of a class/id string ("post-shareBar x_y" -> post, share, bar, x, y)."""
    if names == names.lower():
        return frozenset(part for part in NAME_SPLIT_LOWER.split(names) if part)  # no camelCase to split
    return frozenset(part.lower() for part in NAME_SPLIT.split(names) if part)


def names_of(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


@lru_cache(maxsize=4096)
def is_boilerplate_named(classes: str, ident: str) -> bool:
    """Named (class, id) as page furniture (share bar, ads, related...) and not also named as content;
    or the readers' comments by its id, which names that one box ("comment-box"), whatever its
    template class says ("user-post-box"). The verdict is cached: a page's elements share names."""
    names = f"{classes} {ident}"
    if len(names) < 3:
        return False
    parts = name_parts(names)
    boilerplate = parts & BOILERPLATE_PARTS
    if not boilerplate or is_live_commentary(names, boilerplate):
        return False
    return not parts & CONTENT_PARTS or is_comments_id(ident)


def is_comments_id(element_id: str | None) -> bool:
    """An id naming the readers' comments and nothing of the article ("comment-box", "comments")."""
    if not element_id:
        return False
    parts = name_parts(element_id)
    return bool(parts & COMMENT_PARTS) and not parts & CONTENT_PARTS


def is_gate_named(element: etree._Element) -> bool:
    """Named as boilerplate only by subscription-gate words ("paywall", "premium-locked")."""
    boilerplate = name_parts(names_of(element)) & BOILERPLATE_PARTS
    return bool(boilerplate) and boilerplate <= GATE_PARTS


@lru_cache(maxsize=4096)
def is_soft_named(classes: str) -> bool:
    """Classed as a caption, gallery, byline... box (`SOFT_PARTS`), which the block stage reads as a
    box of short text, and not also named as content."""
    if len(classes) < 3:
        return False
    parts = name_parts(classes)
    return bool(parts & SOFT_PARTS) and not parts & CONTENT_PARTS


def drop_subtree(element: etree._Element) -> None:
    """Remove a subtree but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def first_cut(root: lxml.html.HtmlElement, title: str = "") -> None:
    """Drop what can never be article text: non-text tags, then hidden subtrees, furniture and
    subtrees named as boilerplate, unless one of them holds most of the page's paragraph text, or
    (named only) the headline the page's <title> repeats above paragraphs of its own, or (named only
    as a subscription gate) paragraphs of prose: the article's rest behind the gate. One walk, which
    never enters a subtree it has doomed."""
    reopen_misplaced_text(root)
    unlink_anchors(root)
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    held_by = ParagraphChars(root)
    total = held_by(root) or 1
    runs: _Runs = {}
    doomed = []
    walker = etree.iterwalk(root, events=("start",))
    for _, element in walker:
        tag = element.tag
        if not isinstance(tag, str) or element is root:
            continue
        get = element.get  # the tests inlined: this loop visits every element of the page
        classes, ident, style = get("class"), get("id"), get("style")
        named = classes is not None or ident is not None
        named = named and is_boilerplate_named(classes or "", ident or "")
        hidden = (
            get("hidden") is not None
            or get("aria-hidden") == "true"
            or (style is not None and HIDDEN_STYLE.search(style) is not None)
        )
        if tag in CODE_TAGS and not hidden:
            walker.skip_subtree()  # a highlighter's class names ("comment", "tag") say nothing of the page
            continue
        if not (named or hidden or tag in FURNITURE_TAGS):
            if classes:  # a soft name is a class's
                _unname_soft_run(element, runs, total, held_by)
            continue
        held = held_by(element)
        if held >= KEEP_SHARE * total:
            continue  # a page wrapped in one such element, or revealed by script after load
        if (
            held >= HIDDEN_KEEP_CHARS
            and hidden
            and not named
            and not is_lone_paragraph(element, held_by, HIDDEN_KEEP_CHARS)
        ):
            # Collapsed sections and tabs hold article text the reader opens; a gallery shown one
            # hidden section at a time is one soft-named run like any other. A hidden paragraph
            # alone is no section: a text the page does not show (a variant, a copy for robots).
            _unname_soft_run(element, runs, total, held_by)
            continue
        if named and (
            (not hidden and tag in RUNNING_TAGS and in_running_text(element))  # a phrase, not a widget
            or _is_article_despite_name(element, held, hidden, title, runs, total, held_by)
        ):
            _unname(element)  # the block classifier must not read the name again
            continue
        doomed.append(element)
        walker.skip_subtree()
    for element in doomed:
        drop_subtree(element)


def _is_article_despite_name(
    element: etree._Element,
    held: int,
    hidden: bool,
    title: str,
    runs: _Runs,
    total: int,
    held_by: ParagraphChars,
) -> bool:
    """A boilerplate-named subtree that is the article all the same: one of several sibling sections
    of one name that together hold most of the page's paragraph text; the article's rest behind a
    subscription gate; the column holding the page's headline and paragraphs of its own."""
    if held and _named_run_chars(element, runs, held_by) >= KEEP_SHARE * total:
        return True
    if held >= GATED_KEEP_CHARS and is_gate_named(element):
        return True
    return (
        not hidden
        and held >= HEADLINE_KEEP_CHARS
        and bool(title)
        and holds_title(element, title, linked=False)
    )


def _unname_soft_run(element: etree._Element, runs: _Runs, total: int, held_by: ParagraphChars) -> None:
    """Sections of one soft name ("gallery") that together are the article lose the name, which the
    block stage would read as a box of short captions."""
    classes = element.get("class")
    if classes and is_soft_named(classes) and _named_run_chars(element, runs, held_by) >= KEEP_SHARE * total:
        _unname(element)


def _unname(element: etree._Element) -> None:
    element.attrib.pop("class", None)
    element.attrib.pop("id", None)


def _named_run_chars(element: etree._Element, runs: _Runs, held_by: ParagraphChars) -> int:
    """Paragraph text of the element and its siblings of the same template class (the first class
    word: "section section--ads", "section hidden"): together they may be the article, each alone a
    small part. Never comments, which come one box per comment."""
    parent = element.getparent()
    names = (element.get("class") or "").split()
    if parent is None or not names or name_parts(" ".join(names)) & COMMENT_PARTS:
        return 0
    # Keyed by the element itself, not its id(): lxml frees an element's proxy between visits, and a
    # later parent's proxy may get the same id() and read another parent's sum.
    key = (parent, names[0])
    if key not in runs:
        runs[key] = sum(held_by(el) for el in parent if (el.get("class") or "").split()[:1] == names[:1])
    return runs[key]


def reopen_misplaced_text(root: etree._Element) -> None:
    """Article text where markup hides it: a <noscript> holding the article (its script copy is
    dropped), a caption left unclosed around the rest of the page. Each becomes a plain <div>."""
    # Counted once for the page: captions left unclosed nest, each around the rest of the page.
    held_by = None
    for element in list(root.iter("noscript", "figcaption", "caption")):
        if held_by is None:
            held_by = ParagraphChars(root)
        limit = NOSCRIPT_KEEP_CHARS if element.tag == "noscript" else CAPTION_MAX_CHARS
        if held_by(element) >= limit:
            element.tag = "div"


@dataclass(slots=True)
class Scores:
    """Per element: the signed text score and the article-like characters it holds."""

    score: dict[etree._Element, float]
    good_chars: dict[etree._Element, int]


def text_scale(root: etree._Element) -> float:
    """How many characters of this page's script count as one of an alphabetic one (CJK: 3)."""
    head = "".join(_FIRST_TEXTS(root))[:20000]
    if CJK_OR_ABOVE.search(head) is None:
        return 1.0  # not one character of those scripts
    sample = "".join(head.split())
    cjk = len(CJK.findall(sample))
    return CJK_SCALE if sample and cjk >= CJK_MIN_SHARE * len(sample) else 1.0


def score_containers(root: lxml.html.HtmlElement, scale: float = 1.0) -> Scores:
    """Maximum-subtree scoring: each text block adds its length to every ancestor when it reads as a
    paragraph, and subtracts a share of it otherwise. The element with the best sum holds the article
    and as little else as possible.

    One walk: a block's characters (its own text, its inline descendants', their tails) are counted
    while it is open, valued when it closes, and every element's sum is its children's plus its own
    block's, so no element's ancestors are ever walked."""
    score: dict[etree._Element, float] = {}
    good: dict[etree._Element, int] = {}
    # Per open element: [counts of its block (chars, link chars), in a link, sum, good sum, holds text]
    frames: list[list] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            parent = frames[-1] if frames else None
            tag = element.tag
            if parent is None or (tag in BLOCK_TAGS and tag not in CELL_TAGS):
                counts, in_link = [0, 0], tag == "a"
            else:
                counts, in_link = parent[0], parent[1] or tag == "a"
            own = len((element.text or "").strip())
            if own:
                counts[0] += own
                if in_link:
                    counts[1] += own
            frames.append([counts, in_link, 0.0, 0, False])
            continue
        counts, _, total, good_total, holds = frames.pop()
        parent = frames[-1] if frames else None
        if parent is None or counts is not parent[0]:  # the element opened a block: value it
            count, link = counts
            if count:
                holds = True
                if (
                    count - link
                ) * scale >= PARAGRAPH_MIN_CHARS and link <= PARAGRAPH_MAX_LINK_DENSITY * count:
                    # Running text with links in it (a roundup's linked lead-ins) still reads as text.
                    total += count - LINKED_TEXT_WEIGHT * link
                    good_total += count - link
                else:
                    total -= SHORT_TEXT_WEIGHT * (count - link) + LINK_TEXT_WEIGHT * link
        if holds:
            score[element] = total
            if good_total:
                good[element] = good_total
        if parent is not None:
            parent[2] += total
            parent[3] += good_total
            parent[4] = parent[4] or holds
            tail = len((element.tail or "").strip())
            if tail:
                parent[0][0] += tail
                if parent[1]:
                    parent[0][1] += tail
    return Scores(score, good)


def widen_paragraph(best: etree._Element, scores: Scores) -> etree._Element:
    """A lone paragraph is never a whole article: when the best-scoring element is a <p> (the page's
    one long paragraph, its short ones around it scored as loss), its parent holds the article."""
    parent = best.getparent()
    if best.tag in PARAGRAPH_ONLY_TAGS and parent is not None and parent.tag not in ("body", "html"):
        return parent
    return best


def main_candidates(
    root: lxml.html.HtmlElement, scale: float = 1.0, title: str = "", description: str = ""
) -> list[etree._Element]:
    """The subtree(s) to hand to BeautifulSoup, in document order: the best-scoring container (or the
    page's marked-up article body, with the standfirst the page declares set above it), its siblings
    that carry article text of their own or list its items (`listed_twins`), and the standfirst in the
    box before them (`standfirst_before`)."""
    scores = score_containers(root, scale)
    if not scores.score:
        return [root]
    # Ties go to the first element met, the innermost wrapper: it holds the same text.
    best = max(scores.score, key=scores.score.__getitem__)
    if scores.score[best] <= 0:
        return [root]
    best = widen_paragraph(best, scores)
    hint = hinted_body(scores.good_chars, best, title)
    if hint is not None and hint is not best:
        lead = declared_lead(hint, best, scores.score, description)
        return [*(lead or standfirst_before(hint, title, scale, description)), hint]
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = SIBLING_SHARE * scores.score[best]
    twins = {id(twin) for twin in listed_twins(best)}
    kept = [
        sibling
        for sibling in parent
        if sibling is best
        or id(sibling) in twins
        or (isinstance(sibling.tag, str) and scores.score.get(sibling, 0.0) >= threshold)
    ]
    return [*standfirst_before(kept[0], title, scale, description, best), *kept]
