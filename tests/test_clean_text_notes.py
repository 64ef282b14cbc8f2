"""What follows an article's last paragraph on a page copied as text: its sources, its author's note,
and blank paragraphs that only look like lines.

Every fixture is written for these tests, in the shape of a page copied whole from a browser."""

from __future__ import annotations

from worker.clean.text import clean_text

HEADER = ["Valley Gardener", "Why tomatoes split after rain", "Updated June 2, 2025"]
BODY = [
    "Tomatoes split when a dry spell ends with heavy rain, because the fruit swells faster than its "
    "skin can stretch, and the crack opens along the shoulder within a day or two.",
    "Gardeners who water deeply twice a week rather than a little every evening see far fewer split "
    "fruits, since the plants never go from parched soil to a sudden flood of water.",
    "A thick layer of straw around the stems keeps the soil evenly moist through a heatwave, and it "
    "also stops the lower leaves from catching the blight that splashes up from the ground.",
    "Varieties bred for cherry tomatoes crack more often than beefsteaks, so growers in rainy valleys "
    "often pick them a little early and let them ripen on a sunny windowsill instead.",
]
FOOTER = ["Related stories", "When to prune roses", "Copyright 2025 Valley Gardener."]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    return [[line] for line in lines]


SOURCES = [
    "Article Sources",
    "Our writers use primary sources such as university extension services and peer-reviewed studies.",
    'State Extension Service. "Growing Tomatoes in the Home Garden." Accessed May 2025.',
    'Journal of Garden Science. "Fruit Cracking and Irrigation." Volume 12, 2021.',
]


def test_a_sources_head_after_the_article_drops_what_it_heads() -> None:
    page = _page(HEADER, *_paragraphs(BODY), SOURCES, FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_sources_head_with_most_of_the_text_below_it_is_not_a_closing_list() -> None:
    # A page that starts with a short note on its sources and then tells its story keeps the story.
    page = _page(HEADER, [BODY[0]], ["Sources"], *_paragraphs(BODY[1:]), FOOTER)
    assert clean_text(page).paragraphs[-3:] == BODY[1:]


NOTE = (
    "Ana Ruiz is a freelance writer living on the coast, where she grows forty kinds of tomato in a "
    "garden that floods every spring and writes about it for several magazines."
)


def test_a_bare_name_over_a_note_naming_a_writers_trade_is_an_author_box() -> None:
    # The page prints no byline above the article, but the note says what its person does.
    page = _page(HEADER, *_paragraphs(BODY), ["Ana Ruiz"], [NOTE], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_bare_name_over_the_authors_own_introduction_is_an_author_box() -> None:
    intro = (
        "I'm Ana, and I have grown tomatoes on a flood plain for twenty years; I share what works in "
        "my own garden and what the old growers of the valley taught me about the soil."
    )
    page = _page(HEADER, *_paragraphs(BODY), ["Ana Ruiz"], [intro], FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_list_entry_naming_no_trade_stays() -> None:
    entry = (
        "Sungold Cherry is the sweetest of the small tomatoes, with orange fruits that come early and "
        "keep coming until the first frost, though they crack after every summer storm."
    )
    page = _page(HEADER, *_paragraphs(BODY), ["Sungold Cherry"], [entry], FOOTER)
    assert clean_text(page).paragraphs[-1] == entry


def test_a_line_holding_only_a_zero_width_space_is_a_blank_line() -> None:
    # Editors leave empty paragraphs holding an invisible space between the article's paragraphs.
    blank = ["\u200b"]
    page = _page(HEADER, [BODY[0]], blank, [BODY[1]], blank, [BODY[2]], blank, [BODY[3]], FOOTER)
    layout = clean_text(page)
    assert layout.paragraphs == BODY
    assert "\u200b" not in layout.lines


def test_a_recommended_reading_head_drops_the_teasers_it_heads() -> None:
    teasers = [
        "Recommended Reading",
        "When to prune roses",
        "Roses need less pruning than most gardeners think, and the best time is after the last frost.",
        "by Jane Doe",
    ]
    page = _page(HEADER, *_paragraphs(BODY), teasers, FOOTER)
    assert clean_text(page).paragraphs == BODY


def test_a_signup_prompt_spelt_as_one_word_closes_the_article() -> None:
    prompts = [
        "Want our planting calendar? Use the form below to signup for the weekly garden letter.",
        "Your email",
    ]
    page = _page(HEADER, *_paragraphs(BODY), prompts, FOOTER)
    assert clean_text(page).paragraphs == BODY
