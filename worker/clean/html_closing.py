"""Short lines set right against the article's paragraphs, in their own box: the post's opening or
closing lines, read by the short-block revision (`html_revise.revise_blocks`).

    closes_a_paragraph_run(blocks, classes, i)   a short sentence beside a paragraph of its box, or
                                                 the box's last line signing the post off
    join_closing_lines(blocks, shorts)           such lines in a row: each joins when the one beside
                                                 it did ("Sure?" / "Sure." under a dialogue)
"""

from __future__ import annotations

import re

from worker.clean.html_blocks import Block, BlockClass, looks_like_prose
from worker.clean.html_linked import names_its_links
from worker.clean.markers import CHROME_HEADS, CHROME_LINES, COMMENT_HEADS, SECTION_HEADS

# A sign-off: a greeting and a name ("Cheers, Anna", "Your editors"): letters, spaces, commas and
# the punctuation of names; a credit ("Photo: X", "abc/XYZ") or a date has a colon, slash or digit.
_SIGN_OFF = re.compile(r"^[^\W\d_][\w ,.'’-]*$")
SIGN_OFF_MAX_WORDS = 4
# Of that shape too, the page's furniture the marker lists name: a label or a button ("Tags", "Skip to
# content"), a section's head ("Editor's Picks", "Filed under Politics"), the comments' ("Leave a Reply").
_FURNITURE_LINES = CHROME_LINES | COMMENT_HEADS | SECTION_HEADS
_FURNITURE_HEADS = CHROME_HEADS | SECTION_HEADS
_NOT_IN_A_PHRASE = re.compile(r"[^\w\s'’-]")


def closes_a_paragraph_run(blocks: list[Block], classes: list[BlockClass], i: int) -> bool:
    """A short sentence set right against the article's paragraphs, in their own box: the post's
    opening or closing line ("See you there!"), not furniture, which sits in boxes of its own. With no
    link, or naming its links inside a sentence (`names_its_links`): a link list or a "Read more"
    pointer does not.
    A line of no sentence shape joins only as the post's sign-off (`signs_off`)."""
    block = blocks[i]
    if not looks_like_prose(block.text) and not signs_off(blocks, classes, i):
        return False
    if block.link_chars and not names_its_links(block):
        return False
    box = block.path[:-1]
    return any(
        0 <= j < len(blocks) and classes[j] is BlockClass.GOOD and blocks[j].path[:-1] == box
        for j in (i - 1, i + 1)
    )


def signs_off(blocks: list[Block], classes: list[BlockClass], i: int) -> bool:
    """The last line of the article's box, a plain paragraph (no class of its own, no link) right
    under the box's last paragraph of text, of a few words shaped as a greeting and a name ("Cheers,
    Anna"): the author's sign-off. A box's own heading or share line is a classed `div`; a credit or a
    date carries a colon, a slash or digits (`_SIGN_OFF`); furniture is named by the marker lists
    (`_names_furniture`)."""
    block = blocks[i]
    box = block.path[:-1]
    return (
        block.tag == "p"
        and block.kinds[-1:] == ("",)
        and not block.link_chars
        and len(block.text.split()) <= SIGN_OFF_MAX_WORDS
        and _SIGN_OFF.match(block.text) is not None
        and i > 0
        and classes[i - 1] is BlockClass.GOOD
        and blocks[i - 1].path[:-1] == box
        and (i + 1 == len(blocks) or blocks[i + 1].path[:-1] != box)
        and not _names_furniture(block.text)
    )


def _names_furniture(text: str) -> bool:
    """The line is one of the marker lists' chrome lines or comment or section heads, or starts with a
    section head or a prompt ("Share on", "Filed under"), lowercased and without its punctuation."""
    words = _NOT_IN_A_PHRASE.sub(" ", text.lower()).split()
    return " ".join(words) in _FURNITURE_LINES or any(
        " ".join(words[:n]) in _FURNITURE_HEADS for n in range(1, len(words) + 1)
    )


def join_closing_lines(blocks: list[Block], shorts: list[int]) -> None:
    """The short blocks (`shorts`, indexes) the revision dropped join the article when they close or
    open a paragraph run counting the lines it kept: a dialogue's last short reply under the others,
    a sign-off under a closing line. Downwards, then upwards, so a run of them joins line by line."""
    classes = [b.cls for b in blocks]
    for order in (shorts, shorts[::-1]):
        for i in order:
            if blocks[i].cls is BlockClass.BAD and closes_a_paragraph_run(blocks, classes, i):
                blocks[i].cls = classes[i] = BlockClass.GOOD
