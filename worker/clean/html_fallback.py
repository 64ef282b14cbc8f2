"""The looser reading of a page the main cleaner kept nothing of: jusText's paragraph classifier
over the whole page, in the page's language.

The main cleaner (`worker.clean.html`) first chooses the subtree that holds the article and then
reads its blocks; an article in markup it does not expect (each paragraph in its own photo box, a
post that is one list of linked items, text set in table cells) can leave it with nothing. A page is
refused only when it holds no prose at all, so before refusing, the page is read again the way
jusText reads it: every paragraph of the page on its own, kept when it is long enough, carries few
links and is dense in the stopwords of the page's language (running prose is; menus, link lists and
credits are not), then revised by its neighbours. A navigation or index page (many short linked
lines) keeps nothing here either. Last, a page that marks its article body (<article>, itemprop=
articleBody, <main>) but holds no prose in it (a photo post of short notes, a list of facts) gives
that body's own plain lines (`marked_body_lines`). A page with neither gives the text of its best
candidate container that is not link, caption or label (`candidate_lines`): a digest of linked items
with notes of their own, a photo post's one line. Only a page with no such text is refused.
"""

from __future__ import annotations

from functools import cached_property

import justext
import lxml.html
from justext.core import ParagraphMaker, PathInfo, classify_paragraphs, revise_paragraph_classification
from justext.paragraph import Paragraph

from worker.clean.html_blocks import MAX_LINK_DENSITY as BLOCK_MAX_LINK_DENSITY
from worker.clean.html_blocks import (
    NEAR_GOOD_MIN_CHARS,
    classify_blocks,
    is_marker,
    is_mostly_urls,
    looks_like_prose,
)
from worker.clean.html_cut import (
    first_cut,
    main_candidates,
    name_parts,
    names_of,
    text_scale,
)
from worker.clean.html_lead import page_title
from worker.clean.html_revise import trim_tail_prompts
from worker.clean.html_running import unlink_anchors
from worker.clean.html_sections import drop_boilerplate_sections
from worker.clean.html_slim import slim, to_soup
from worker.clean.html_walk import INVISIBLE, Block, BlockClass, make_blocks
from worker.clean.selectors import ARTICLE_HINTS_XPATH, COMMENT_PARTS, CONTENT_PARTS, TITLE_TAGS
from worker.clean.text_stopwords import page_stopwords

# jusText's own defaults (length in characters, stopword density, link density): the looser reading
# is jusText's, not a second set of hand-set thresholds.
LENGTH_LOW = justext.core.LENGTH_LOW_DEFAULT
LENGTH_HIGH = justext.core.LENGTH_HIGH_DEFAULT
STOPWORDS_LOW = justext.core.STOPWORDS_LOW_DEFAULT
STOPWORDS_HIGH = justext.core.STOPWORDS_HIGH_DEFAULT
MAX_LINK_DENSITY = justext.core.MAX_LINK_DENSITY_DEFAULT
MAX_HEADING_DISTANCE = justext.core.MAX_HEADING_DISTANCE_DEFAULT
PAGE_TAGS = frozenset({"html", "body"})
# The language is read from the page's paragraphs at least this long, up to this much text.
LANGUAGE_SAMPLE_MIN_CHARS = 40
LANGUAGE_SAMPLE_CHARS = 5000


class _Paragraph(Paragraph):
    """jusText's paragraph, its text joined and normalised once: jusText's own does it again on
    every read (its length, words, stopwords, links: four or more a paragraph). Read only once the
    paragraph is complete (its maker asks its length when the next one starts). Its `xpath`, which
    nothing here reads and which costs a format per enclosing element, is not kept."""

    def __init__(self, path: PathInfo) -> None:
        self.dom_path = path.dom
        self.text_nodes: list[str] = []
        self.chars_count_in_links = 0
        self.tags_count = 0
        self.class_type = ""

    @cached_property
    def text(self) -> str:  # type: ignore[override]
        return Paragraph.text.fget(self)  # type: ignore[attr-defined]


class _ParagraphMaker(ParagraphMaker):
    """jusText's paragraph maker, making `_Paragraph`s."""

    def _start_new_pragraph(self) -> None:
        if self.paragraph and self.paragraph.contains_text():
            self.paragraphs.append(self.paragraph)
        self.paragraph = _Paragraph(self.path)


def drop_comments(root: lxml.html.HtmlElement) -> None:
    """Readers' comments are prose but never the article: a short post under a long thread would
    otherwise be read as its comments."""
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in PAGE_TAGS:
            continue  # <body class="comments-open">: a page that allows comments
        parts = name_parts(names_of(element))
        if parts & COMMENT_PARTS and not parts & CONTENT_PARTS:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def prose_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    """The page's paragraphs that read as prose in its language, in order; [] for a page of none.

    `root` is a fresh parse of the page (jusText's preprocessing cuts it)."""
    # CJK scripts write no spaces: stopword density and character counts mean nothing there, so the
    # classification goes by length (counted as jusText counts, scaled) and link density alone.
    drop_comments(root)
    unlink_anchors(root)
    dom = justext.core.preprocessor(root)
    scale = text_scale(dom)
    paragraphs = _ParagraphMaker.make_paragraphs(dom)
    if not paragraphs:
        return []
    if scale > 1.0:
        stopwords: frozenset[str] = frozenset()
        low = high = 0.0
    else:
        sample = "\n".join(p.text for p in paragraphs if len(p.text) >= LANGUAGE_SAMPLE_MIN_CHARS)
        stopwords = page_stopwords(sample[:LANGUAGE_SAMPLE_CHARS])
        low, high = STOPWORDS_LOW, STOPWORDS_HIGH
    classify_paragraphs(
        paragraphs,
        stopwords,
        int(LENGTH_LOW / scale),
        int(LENGTH_HIGH / scale),
        low,
        high,
        MAX_LINK_DENSITY,
        False,
    )
    revise_paragraph_classification(paragraphs, MAX_HEADING_DISTANCE)
    texts = (INVISIBLE.sub("", p.text) for p in paragraphs if not p.is_boilerplate)
    return [text for text in texts if text.strip()]


def marked_body_lines(root: lxml.html.HtmlElement) -> list[str]:
    """The plain lines of the page's marked-up article body, for a page whose body holds no prose:
    its short paragraphs, subheadings and list items, without its links, labels and captions (nor
    the headline, which is metadata). [] for a page that marks no body. Cuts `root`."""
    first_cut(root, page_title(root))
    for xpath in ARTICLE_HINTS_XPATH:
        found = [el for el in root.xpath(xpath) if el.text_content().strip()]
        if found:
            break
    else:
        return []
    body = max(found, key=lambda el: len(el.text_content()))
    slim([body])
    blocks = classify_blocks(make_blocks(to_soup([body])), text_scale(body))
    for block in blocks:
        if block.cls is not BlockClass.BAD and block.tag not in TITLE_TAGS and not block.in_caption:
            block.cls = BlockClass.GOOD
    drop_boilerplate_sections(blocks)  # "Related posts" and what it heads
    trim_tail_prompts(blocks)
    return [text for block in blocks if block.cls is BlockClass.GOOD for text in block.output]


def candidate_lines(root: lxml.html.HtmlElement) -> list[str]:
    """The last reading before a page is refused: the blocks of the best-scoring container (as the
    main cleaner chooses it) that carry words of their own, at least a short line's worth outside
    links, and are neither the headline nor a caption, label or share button. A page of links only
    (an index, a menu) gives []. Where that leaves nothing, the same container's sentences that the
    classifier set aside as inserts (`_set_aside_sentences`): a photo page's caption. Readers'
    comments are never read here (`drop_comments`). Cuts `root`."""
    drop_comments(root)
    title = page_title(root)
    first_cut(root, title)
    scale = text_scale(root)
    subtrees = main_candidates(root, scale, title)
    slim(subtrees)
    blocks = [
        block
        for block in classify_blocks(make_blocks(to_soup(subtrees)), scale)
        if block.tag not in TITLE_TAGS and (block.chars - block.link_chars) * scale >= NEAR_GOOD_MIN_CHARS
    ]
    own = [text for block in blocks if not block.insert for text in block.output]
    return own or _set_aside_sentences(blocks)


def _set_aside_sentences(blocks: list[Block]) -> list[str]:
    """Captions, kept when they read as sentences with few links and are no label, credit or share
    line: on a page with nothing else, the caption under the photo is the story. Text the template
    boxed as furniture (a sidebar, a promotion, a newsletter box) is not: on a page whose article is
    rendered by script, that is all that is left."""
    return [
        text
        for block in blocks
        if block.in_caption
        and looks_like_prose(block.text)
        and block.link_density <= BLOCK_MAX_LINK_DENSITY
        and not is_marker(block.text)
        and not is_mostly_urls(block.text)
        for text in block.output
    ]
