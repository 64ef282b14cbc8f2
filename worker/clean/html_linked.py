"""A paragraph whose sentence runs on into a link, read as the article's text when it sits between
two paragraphs of its own box (`keep_linked_sentences`, a step of the HTML revision)."""

from __future__ import annotations

import re

from worker.clean.html_blocks import GOOD_MIN_CHARS, NEAR_GOOD_MIN_CHARS, Block, BlockClass, ends_as_sentence
from worker.clean.markers import CHROME_HEADS, HTML_TAIL_PROMPTS

# A line that tells the reader to act on its link ("Share this story on Facebook", "Sign up for ...").
_PROMPT = re.compile("|".join((*HTML_TAIL_PROMPTS, rf"^({'|'.join(map(re.escape, CHROME_HEADS))})\b")))

# A linked sentence between paragraphs holds at least this many characters of its own words.
LINKED_SENTENCE_MIN_OWN_CHARS = 20
# ...and a paragraph stands this close to it on each side (short lines, inserts, linked sentences between).
LINKED_SENTENCE_REACH = 3


def keep_linked_sentences(blocks: list[Block]) -> None:
    """A paragraph whose sentence runs on into a link (a clause linked to an earlier story), set
    between two paragraphs of its box, is read as text: it opens with words of its own and ends as a
    sentence does. Too linked to stand alone, it becomes near-good, so its neighbours decide."""
    linked = [_is_linked_sentence(block) for block in blocks]
    for i, block in enumerate(blocks):
        if linked[i] and all(_paragraph_beside(blocks, linked, i, step) for step in (-1, 1)):
            block.cls = block.first_cls = BlockClass.NEAR_GOOD


def names_its_links(block: Block) -> bool:
    """A paragraph of its own words that names its links inside a sentence and ends as one ("The film
    is streaming on Netflix and Hulu."): not a link list, a pointer opening on its link, an insert."""
    return (
        block.tag == "p"
        and not (block.insert or block.starts_with_link or block.in_list)
        and block.chars - block.link_chars >= LINKED_SENTENCE_MIN_OWN_CHARS
        and ends_as_sentence(block.text)
    )


def _is_linked_sentence(block: Block) -> bool:
    """From a near-good line's length; one too short to be a paragraph is read only if it is not a
    prompt (the share row, the app, the newsletter told as a sentence)."""
    if not (block.cls is BlockClass.BAD and block.chars >= NEAR_GOOD_MIN_CHARS and names_its_links(block)):
        return False
    return block.chars >= GOOD_MIN_CHARS or _PROMPT.search(block.text.lower()) is None


def _paragraph_beside(blocks: list[Block], linked: list[bool], i: int, step: int) -> bool:
    """The nearest block from `i` in direction `step` that reads as text or as furniture, looking
    through inserts, short lines and other linked sentences, is a paragraph of `i`'s box."""
    box = blocks[i].path[:-1]
    j = i + step
    for _ in range(LINKED_SENTENCE_REACH):
        if not 0 <= j < len(blocks):
            return False
        other = blocks[j]
        if other.cls is BlockClass.GOOD:
            return other.path[:-1] == box or _same_template(other, blocks[i])
        if other.cls is BlockClass.BAD and not (other.insert or linked[j]):
            return False
        j += step
    return False


def _same_template(other: Block, block: Block) -> bool:
    """Both paragraphs set in boxes of one named template ("div.section > p.body-text"), a site that
    gives each section of the article a box of its own, and `block` a paragraph's length of its own words
    (a row of linked teasers in a repeated box has a few)."""
    return (
        block.chars - block.link_chars >= GOOD_MIN_CHARS and other.kinds == block.kinds and any(block.kinds)
    )
