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


def caption(text: str) -> Block:
    return Block(
        text=text, tag="p", cls=BlockClass.BAD, first_cls=BlockClass.BAD, in_caption=True, insert=True
    )


def test_a_subheading_over_a_photo_caption_and_credit_heads_the_text_below_them() -> None:
    blocks = [
        block("p", PARAGRAPH, BlockClass.GOOD),
        block("h3", "Ice at the northern cape", BlockClass.HEADING),
        caption("The crew hauls the sledges over the pack ice."),
        caption("Photo:"),
        caption("Archive of the expedition society"),
        block("p", PARAGRAPH, BlockClass.GOOD),
    ]
    keep_headings(blocks)
    assert blocks[1].cls is BlockClass.GOOD


def test_a_heading_over_a_box_of_links_set_into_the_text_heads_nothing() -> None:
    linked = [
        Block(text=text, tag="p", cls=BlockClass.BAD, first_cls=BlockClass.BAD, insert=True)
        for text in ("Ten more voyages to read", "The cape in winter")
    ]
    blocks = [
        block("p", PARAGRAPH, BlockClass.GOOD),
        block("h3", "See also", BlockClass.HEADING),
        *linked,
        block("p", PARAGRAPH, BlockClass.GOOD),
    ]
    keep_headings(blocks)
    assert blocks[1].cls is BlockClass.BAD
