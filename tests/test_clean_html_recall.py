"""Article text the cleaner must not lose: a phrase inside a sentence named like furniture, a paragraph
between two short linked pointers, sections headed by <h1>. Each page is written here."""

from __future__ import annotations

import lxml.html

from tests.test_clean_html_shapes import _paragraphs
from worker.clean import clean_html
from worker.clean.html_blocks import Block, BlockClass
from worker.clean.html_revise import keep_boxed_near_good, read_inner_titles
from worker.clean.html_running import in_running_text
from worker.parse import parse_html

LEAD = [
    "The ferry between the two islands ran again on Monday after a winter of repairs to its hull, "
    "and the harbour master said the timetable would return to four crossings a day by spring.",
    "Islanders had crossed by fishing boat since November, when a storm tore the ferry from its "
    "moorings and drove it onto the rocks below the lighthouse on the northern point.",
]
TAIL = [
    "The repairs cost more than the council had set aside, and the shortfall was met by a levy on "
    "the holiday lets that fill the island's villages every summer.",
    "A second ferry is to be built in the yard on the mainland over the next two years, so that one "
    "boat can be serviced while the other keeps the crossing open.",
]


def _page(body: str) -> str:
    head = "<html><head><title>Ferry returns</title></head>"
    return f"{head}<body><div class='story'>{body}</div></body></html>"


def test_a_link_named_as_a_popup_inside_a_sentence_keeps_its_words() -> None:
    sentence = (
        "<p>The crossing takes forty minutes in calm weather, and the crew call the narrows "
        "<a class='popup' href='#note'>the mill race</a> for the current that runs there at "
        "every ebb tide, strong enough to turn a loaded boat.</p>"
    )
    kept = clean_html(parse_html(_page(_paragraphs(LEAD) + sentence + _paragraphs(TAIL))))
    assert any("call the narrows the mill race for the current" in text for text in kept)


def test_a_named_link_standing_alone_is_not_running_text() -> None:
    box = lxml.html.fromstring("<div><a class='share' href='/s'>Share this story</a></div>")
    assert not in_running_text(box[0])


def test_a_named_link_at_a_sentences_end_is_running_text() -> None:
    paragraph = lxml.html.fromstring("<p>The crew call it <a class='popup' href='#n'>the race</a>.</p>")
    assert in_running_text(paragraph[0])


def _block(text: str, cls: BlockClass, box: int = 1, tag: str = "p", n: int = 0) -> Block:
    return Block(text=text, tag=tag, cls=cls, first_cls=cls, path=(box, 100 + n))


def test_a_near_good_paragraph_between_pointers_in_the_articles_box_is_kept() -> None:
    near = "The lighthouse was built in 1871 and its lamp, [[3]] still turns. It is lit by [[4]] power."
    blocks = [
        _block(LEAD[0], BlockClass.GOOD, n=0),
        _block("Main article: Lighthouse", BlockClass.BAD, box=2, n=1),
        _block(near, BlockClass.BAD, n=2),
        _block("Main article: Ferry", BlockClass.BAD, box=2, n=3),
        _block(TAIL[0], BlockClass.GOOD, n=4),
    ]
    keep_boxed_near_good(blocks, [2])
    assert blocks[2].cls is BlockClass.GOOD


def test_a_near_good_block_in_a_box_of_its_own_stays_dropped() -> None:
    teaser = "Read our guide to the island's beaches, walks and cafés before you book a crossing."
    blocks = [
        _block(LEAD[0], BlockClass.GOOD, n=0),
        _block(teaser, BlockClass.BAD, box=3, n=1),
        _block(TAIL[0], BlockClass.GOOD, n=2),
    ]
    keep_boxed_near_good(blocks, [1])
    assert blocks[1].cls is BlockClass.BAD


def _sections_under(*head: tuple[str, int]) -> list[Block]:
    """The <h1>s given (text, box), then a story whose editor set its section titles as <h1>s in the
    box of its paragraphs: a first paragraph, "The storm", a paragraph, "The repairs", a paragraph."""
    n = len(head)
    return [
        *(_block(text, BlockClass.BAD, box=box, tag="h1", n=i) for i, (text, box) in enumerate(head)),
        _block(LEAD[0], BlockClass.GOOD, n=n),
        _block("The storm", BlockClass.BAD, tag="h1", n=n + 1),
        _block(LEAD[1], BlockClass.GOOD, n=n + 2),
        _block("The repairs", BlockClass.BAD, tag="h1", n=n + 3),
        _block(TAIL[0], BlockClass.GOOD, n=n + 4),
    ]


def test_several_h1s_below_the_first_paragraph_are_section_titles() -> None:
    blocks = _sections_under()
    read_inner_titles(blocks)
    assert [blocks[1].cls, blocks[3].cls] == [BlockClass.HEADING, BlockClass.HEADING]


def test_an_h1_just_above_the_first_paragraph_of_such_a_page_heads_its_first_section() -> None:
    blocks = _sections_under(("Ferry returns to the islands", 2), ("Why the crossing matters", 1))
    read_inner_titles(blocks)
    assert [blocks[0].cls, blocks[1].cls] == [BlockClass.BAD, BlockClass.HEADING]


def test_the_pages_first_h1_just_above_the_first_paragraph_stays_the_headline() -> None:
    blocks = _sections_under(("Ferry returns to the islands", 1))
    read_inner_titles(blocks)
    assert blocks[0].cls is BlockClass.BAD


def test_an_h1_under_a_headline_set_among_the_paragraphs_is_left_to_the_other_rules() -> None:
    blocks = _sections_under(("Ferry returns to the islands", 1), ("After a winter of repairs", 1))
    read_inner_titles(blocks)
    assert blocks[1].cls is BlockClass.BAD


def test_one_h1_below_a_kicker_paragraph_stays_the_headline() -> None:
    blocks = [
        _block(LEAD[0], BlockClass.GOOD, n=0),
        _block("Ferry returns to the islands", BlockClass.BAD, tag="h1", n=1),
        _block(LEAD[1], BlockClass.GOOD, n=2),
    ]
    read_inner_titles(blocks)
    assert blocks[1].cls is BlockClass.BAD


def test_h1s_each_in_a_box_of_their_own_head_a_landing_pages_sections() -> None:
    blocks = [
        _block(LEAD[0], BlockClass.GOOD, n=0),
        _block("Our routes", BlockClass.BAD, box=4, tag="h1", n=1),
        _block(LEAD[1], BlockClass.GOOD, n=2),
        _block("Our fleet", BlockClass.BAD, box=5, tag="h1", n=3),
        _block(TAIL[0], BlockClass.GOOD, n=4),
    ]
    read_inner_titles(blocks)
    assert [blocks[1].cls, blocks[3].cls] == [BlockClass.BAD, BlockClass.BAD]


# The same rules read end to end, through the parser and the whole cleaner (its block model too).

SECTION_TITLES = ["The storm", "The repairs", "The new boat"]


def _sectioned_story() -> str:
    """A story whose editor set each section title as <h1>, in the box of its paragraphs, below the
    first paragraph."""
    sections = [
        f"<h1>{SECTION_TITLES[0]}</h1>{_paragraphs(LEAD[1:])}",
        f"<h1>{SECTION_TITLES[1]}</h1>{_paragraphs(TAIL[:1])}",
        f"<h1>{SECTION_TITLES[2]}</h1>{_paragraphs(TAIL[1:])}",
    ]
    return _page(_paragraphs(LEAD[:1]) + "".join(sections))


def test_a_short_paragraph_between_two_main_article_pointers_of_the_story_is_kept() -> None:
    short = "The keepers left the point in 1962, when the lamp was made automatic."
    body = (
        _paragraphs(LEAD)
        + "<h2>The lighthouse</h2>"
        + "<p>Main article: <a href='/wiki/northern-point-lighthouse'>Northern Point Lighthouse</a></p>"
        + f"<p>{short}</p>"
        + "<h2>The ferry</h2>"
        + "<p>Main article: <a href='/wiki/island-ferry'>Island ferry service history</a></p>"
        + _paragraphs(TAIL)
    )
    assert short in clean_html(parse_html(_page(body)))


def test_h1_section_titles_below_the_first_paragraph_are_kept_in_order() -> None:
    kept = clean_html(parse_html(_sectioned_story()))
    assert [text for text in kept if text in SECTION_TITLES] == SECTION_TITLES


def test_a_related_stories_h1_among_h1_section_titles_is_dropped() -> None:
    """Its links set between two sections, the next under a plain <h2> that ends the related section."""
    body = (
        f"{_paragraphs(LEAD[:1])}<h1>{SECTION_TITLES[0]}</h1>{_paragraphs(LEAD[1:])}"
        f"<h1>{SECTION_TITLES[1]}</h1>{_paragraphs(TAIL[:1])}"
        "<h1>Related stories</h1><ul>"
        "<li><a href='/harbour-wall'>Harbour wall to be raised by a metre</a></li>"
        "<li><a href='/island-school'>Island school gets a new roof</a></li></ul>"
        f"<h2>{SECTION_TITLES[2]}</h2>{_paragraphs(TAIL[1:])}"
    )
    assert "Related stories" not in clean_html(parse_html(_page(body)))


def test_an_h1_section_title_ends_a_related_stories_section_and_the_article_goes_on() -> None:
    paragraph = (
        "The council met on {day} evening and agreed, after a long debate, to fund the repair of "
        "the harbour wall before the winter storms arrive again."
    )
    days = ("Tuesday", "Monday", "Friday", "Sunday")
    html = (
        "<html><body><div class='story'><h1>Harbour wall to be repaired</h1>"
        f"<p>{paragraph.format(day=days[0])}</p><h1>The storm</h1><p>{paragraph.format(day=days[1])}</p>"
        "<h1>Related stories</h1><ul><li><a href='/a'>Pier reopens after winter</a></li>"
        "<li><a href='/b'>Ferry timetable changes</a></li></ul>"
        f"<h1>The repairs</h1><p>{paragraph.format(day=days[2])}</p>"
        f"<h1>The new boat</h1><p>{paragraph.format(day=days[3])}</p></div></body></html>"
    )
    kept = clean_html(parse_html(html))
    assert kept[-4:] == [
        "The repairs",
        paragraph.format(day=days[2]),
        "The new boat",
        paragraph.format(day=days[3]),
    ]


def test_the_rules_keep_a_sentence_naming_its_links_that_closes_a_section_of_the_article() -> None:
    """Judged by the rules alone: the model would keep this page's sentence either way, not every page's."""
    closing = (
        "<p>The new timetable is posted at <a href='/office'>the harbour office</a> and on "
        "<a href='/ferry'>the ferry page</a>.</p>"
    )
    heading = "<h3><a href='/repairs'>The repairs</a></h3>"
    page = _page(_paragraphs(LEAD) + closing + heading + _paragraphs(TAIL))
    kept = clean_html(parse_html(page), rules_only=True)
    assert "The new timetable is posted at the harbour office and on the ferry page." in kept


def test_a_read_more_pointer_closing_a_section_of_the_article_is_still_dropped() -> None:
    pointer = "<p>Read more: <a href='/storm'>How the storm drove the ferry onto the rocks</a></p>"
    heading = "<h3><a href='/repairs'>The repairs</a></h3>"
    kept = clean_html(parse_html(_page(_paragraphs(LEAD) + pointer + heading + _paragraphs(TAIL))))
    assert not any("Read more" in text for text in kept)


def test_a_sentence_run_on_into_links_is_text_between_paragraphs_of_one_templates_section_boxes() -> None:
    """Each section of the story in a box of its own class: the linked sentence opens the second box."""
    linked = (
        "<p class='para'>The harbour master, who had <a href='/storm'>warned the council about the moorings "
        "two winters before the storm tore the ferry loose</a> and <a href='/letters'>wrote to it again in "
        "the autumn after the first gales</a>, said on Monday that the repairs were long overdue and cost "
        "too much.</p>"
    )
    first = "".join(f"<p class='para'>{text}</p>" for text in LEAD)
    second = "".join(f"<p class='para'>{text}</p>" for text in TAIL)
    body = f"<div class='section'>{first}</div><div class='section'>{linked}{second}</div>"
    kept = clean_html(parse_html(_page(body)), rules_only=True)
    assert any(text.startswith("The harbour master, who had") for text in kept)
