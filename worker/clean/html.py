"""HTML boilerplate removal: an lxml tree in, the article's paragraphs out, in order.

The stages, each a pure step testable alone (jusText's shape):

    first_cut            lxml: drop non-text tags, hidden and boilerplate-named subtrees   (html_cut)
    main_candidates      lxml: the subtree that holds the article, by maximum text score   (html_cut)
    slim                 lxml: strip images and attributes the classifier never reads       (html_slim)
    to_soup              BeautifulSoup (lxml parser) builds only that subtree              (html_slim)
    make_blocks          the text blocks with their features                                (html_walk)
    classify_blocks      context-free classes                                                (html_blocks)
    revise_blocks        context-sensitive revision                                          (html_revise)
    judge_blocks         the learned model's verdict over the rules' (optional)             (block_model)
    keep_amount_lists    a list of amounts (a recipe's ingredients) goes with the article   (html_quantities)
    keep_whole_lists     a list most of whose items are kept, whole                      (html_list_items)
    drop_repeats         a paragraph-long text said twice, once                             (html_repeats)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import lxml.html

from worker.clean.block_model import BlockModel, judge_blocks, shipped_block_model
from worker.clean.html_blocks import classify_blocks
from worker.clean.html_cut import first_cut, main_candidates, text_scale
from worker.clean.html_lead import page_description, page_title
from worker.clean.html_list_items import keep_whole_lists
from worker.clean.html_quantities import keep_amount_lists
from worker.clean.html_repeats import drop_repeats
from worker.clean.html_revise import revise_blocks
from worker.clean.html_slim import slim, to_soup
from worker.clean.html_walk import Block, BlockClass, make_blocks


@dataclass(slots=True)
class PageBlocks:
    """The blocks of the article's neighbourhood as the rules judged them, and what the model reads
    beside them: the page's <title> (normalized) and its script's character scale."""

    blocks: list[Block]
    title: str
    scale: float


def rule_blocks(root: lxml.html.HtmlElement, *, authors: Sequence[str] = ()) -> PageBlocks:
    """Every stage up to the rules' revision. Cuts `root`."""
    title = page_title(root)
    description = page_description(root)
    first_cut(root, title)
    scale = text_scale(root)
    subtrees = main_candidates(root, scale, title, description)
    slim(subtrees)
    soup = to_soup(subtrees)
    blocks = revise_blocks(classify_blocks(make_blocks(soup), scale), authors)
    return PageBlocks(blocks, title, scale)


def clean_html(
    root: lxml.html.HtmlElement,
    *,
    url: str | None = None,
    authors: Sequence[str] = (),
    block_model: BlockModel | None = None,
    rules_only: bool = False,
) -> list[str]:
    """The article's paragraphs, in order. Cuts `root` (metadata was read from it before); `authors`
    (from the metadata) mark the bylines and the author's bio box around the article; the block model
    (`block_model`, else the shipped one) has the last word on each block the rules judged, unless
    `rules_only`. Where the rules found no article at all, the model does not pick one out of the
    furniture: the caller reads the page again the looser way (`html_fallback`)."""
    page = rule_blocks(root, authors=authors)
    if not rules_only and any(block.cls is BlockClass.GOOD for block in page.blocks):
        model = block_model or shipped_block_model()
        judge_blocks(page.blocks, model, title=page.title, scale=page.scale)
    keep_amount_lists(page.blocks)
    keep_whole_lists(page.blocks)
    return [text for block in drop_repeats(page.blocks) for text in block.output]
