"""Headings join the article when article text follows them closely, or a subheading that does: a
part's title over a chapter's title over the text. Blocks written here."""

from __future__ import annotations

from worker.clean.html_blocks import Block, BlockClass
from worker.clean.html_revise import keep_headings


def block(tag: str, text: str, cls: BlockClass) -> Block:
    return Block(text=text, tag=tag, cls=cls, first_cls=cls)


PARAGRAPH = "The expedition left the harbour at dawn and reached the northern cape two days later."


def test_a_part_title_over_a_chapter_title_over_text_is_kept() -> None:
    blocks = [
        block("h2", "Part One: The Voyage", BlockClass.HEADING),
        block("h3", "The Northern Cape", BlockClass.HEADING),
        block("p", PARAGRAPH, BlockClass.GOOD),
    ]
    keep_headings(blocks)
    assert [b.cls for b in blocks] == [BlockClass.GOOD] * 3


def test_a_heading_over_a_heading_of_its_own_rank_heads_nothing() -> None:
    blocks = [
        block("h3", "Popular", BlockClass.HEADING),
        block("h3", "The Northern Cape", BlockClass.HEADING),
        block("p", "Photo: archive", BlockClass.BAD),
        block("p", PARAGRAPH, BlockClass.GOOD),
    ]
    keep_headings(blocks)
    assert [b.cls for b in blocks[:2]] == [BlockClass.BAD, BlockClass.GOOD]


def test_a_heading_with_no_text_under_it_is_dropped() -> None:
    blocks = [block("p", PARAGRAPH, BlockClass.GOOD), block("h2", "Newsletter", BlockClass.HEADING)]
    keep_headings(blocks)
    assert blocks[-1].cls is BlockClass.BAD
