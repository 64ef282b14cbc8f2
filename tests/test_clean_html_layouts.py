"""Page layouts a template names or splits in ways the cleaner has not seen: the article stays whole.

Each page is written here: an article of a few paragraphs laid out one way, with teasers, menus or
prompts around it; the test checks the article is kept whole and the furniture is gone.
"""

from __future__ import annotations

from tests.html_articles import ARTICLES
from tests.html_articles import clean as _clean

HEADLINE = "Harbour council votes to extend the northern pier"
ARTICLE = [
    *ARTICLES["en"],
    "The ferry company said it would move its morning crossing to the southern quay while the work "
    "goes on, and that it expects no cancellations because of the building site.",
    "Fishermen who had opposed the plan said they would watch the survey closely, since the seabed "
    "north of the pier is where most of the town's boats set their lobster pots.",
    "A public meeting on the timetable will be held at the town hall next month, the council said, "
    "and the plans will be on display in the library until then.",
    "The pier was last extended in the nineteen-sixties, when the town still had a fleet of more "
    "than forty trawlers and a fish market on the quay that opened before dawn every day.",
    "Today about a dozen boats work from the harbour, most of them small, and the council hopes the "
    "longer pier will bring back visiting yachts that now sail on to the larger ports along the coast.",
    "Opponents of the plan have until the end of the month to ask for a review, though none of the "
    "groups that objected last year has said whether it intends to do so.",
]
TEASERS = [
    (
        f"Other story number {i} about the town",
        f"A teaser paragraph for other story number {i}, long enough to read as a sentence of prose "
        "about something else that happened in the town this week, with a link to read more.",
    )
    for i in range(12)
]
MENU = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8)) + "</ul></nav>"


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _headline_column(names: str) -> str:
    cards = "".join(
        f"<div class='card'><h3><a href='/story/{i}'>{head}</a></h3></div>"
        for i, (head, _) in enumerate(TEASERS)
    )
    return f"<div class='{names}'>{cards}</div>"


def _teaser_box(names: str) -> str:
    cards = "".join(
        f"<div class='card'><h3><a href='/story/{i}'>{head}</a></h3><p>{text}</p></div>"
        for i, (head, text) in enumerate(TEASERS)
    )
    return f"<div class='{names}'>{cards}</div>"


def test_an_article_in_a_column_named_sidebar_is_kept_when_it_holds_the_headline() -> None:
    page = (
        f"<html><head><title>{HEADLINE} | The Daily</title></head><body>{MENU}"
        f"<div class='col sidebar-left'><h1>{HEADLINE}</h1>{_paragraphs(ARTICLE)}</div>"
        f"{_headline_column('col main')}{_teaser_box('related-stories')}</body></html>"
    )
    assert _clean(page) == ARTICLE


def test_a_related_box_linking_the_page_itself_is_still_dropped() -> None:
    linked_self = f"<h2><a href='/this-page'>{HEADLINE}</a></h2>"
    related = f"<div class='related'>{linked_self}<p>{TEASERS[0][1]}</p><p>{TEASERS[1][1]}</p></div>"
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}"
        f"<article><h1>{HEADLINE}</h1>{_paragraphs(ARTICLE)}</article>{related}</body></html>"
    )
    assert _clean(page) == ARTICLE


def _gated_page(gate: str, rest_names: str, rest_style: str = "") -> str:
    style = f" style='{rest_style}'" if rest_style else ""
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<article><h1>{HEADLINE}</h1>"
        f"{_paragraphs(ARTICLE[:6])}{gate}<div class='{rest_names}'{style}>{_paragraphs(ARTICLE[6:])}</div>"
        "</article></body></html>"
    )


REGISTER_OVERLAY = (
    "<div class='reg-overlay'><h2>Register to keep reading</h2><p>You have reached your limit of free "
    "articles this month. Create a free account to get unlimited access.</p>"
    "<a href='/register'>Register</a></div>"
)


def test_a_registration_overlay_is_dropped_and_the_article_goes_on_after_it() -> None:
    assert _clean(_gated_page(REGISTER_OVERLAY, "body-rest")) == ARTICLE


def test_the_article_behind_a_paywall_named_box_is_kept_even_hidden() -> None:
    page = _gated_page(REGISTER_OVERLAY, "paywall premium-locked", rest_style="display:none")
    assert _clean(page) == ARTICLE


def test_a_short_article_in_a_box_named_for_its_paywall_is_kept() -> None:
    # A metered site names the box of the whole story after its gate script; a short story fits in a box
    # the size of a byline or a caption box, yet the gate's name does not make it furniture.
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}"
        f"<div class='paywall'><h1>{HEADLINE}</h1>{_paragraphs(ARTICLE[:4])}</div></body></html>"
    )
    assert _clean(page) == ARTICLE[:4]


def test_a_short_subscription_prompt_box_is_dropped() -> None:
    prompt = "<div class='subscription-box'><p>Subscribe today for full access to every story.</p></div>"
    assert _clean(_gated_page(prompt, "body-rest")) == ARTICLE


def _article_page(body: str, after: str = "") -> str:
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<div class='post'><h1>{HEADLINE}</h1>"
        f"{body}</div>{after}</body></html>"
    )


def test_an_article_split_over_sibling_sections_named_as_ads_is_kept_whole() -> None:
    sections = "".join(
        f"<section class='report-section report-section--ads'>{_paragraphs(ARTICLE[i : i + 3])}"
        "<div class='ad-slot'>Advertisement</div></section>"
        for i in range(0, len(ARTICLE), 3)
    )
    assert _clean(_article_page(sections)) == ARTICLE


def test_sibling_comment_boxes_are_dropped_however_long() -> None:
    comments = "".join(f"<div class='comment'><p>{text}</p><p>{text}</p></div>" for _, text in TEASERS)
    assert _clean(_article_page(_paragraphs(ARTICLE[:4]), after=comments)) == ARTICLE[:4]


def test_an_article_only_in_noscript_is_read() -> None:
    body = f"<script>render(post)</script><noscript>{_paragraphs(ARTICLE)}</noscript>"
    assert _clean(_article_page(body)) == ARTICLE


def test_a_tracking_pixel_in_noscript_is_not_text() -> None:
    pixel = "<noscript><p>Please enable JavaScript to view this page.</p></noscript>"
    assert _clean(_article_page(_paragraphs(ARTICLE) + pixel)) == ARTICLE


def test_paragraphs_inside_an_unclosed_caption_are_article_text() -> None:
    body = (
        f"<figure><img src='a.jpg'><figcaption>The pier at dawn. {_paragraphs(ARTICLE)}</figcaption></figure>"
    )
    assert _clean(_article_page(body)) == ARTICLE


def test_an_article_made_of_sibling_gallery_sections_is_kept() -> None:
    sections = "".join(
        f"<div class='gallery-section{' is-next' if i else ''}'>{_paragraphs(ARTICLE[i : i + 3])}</div>"
        for i in range(0, len(ARTICLE), 3)
    )
    assert _clean(_article_page(sections)) == ARTICLE


def test_a_gallery_shown_one_hidden_section_at_a_time_is_kept_whole() -> None:
    sections = "".join(
        f"<div class='gallery-section'{' style=display:none' if i else ''}>"
        f"<h2>Part {i // 3 + 1} of the story</h2>{_paragraphs(ARTICLE[i : i + 3])}</div>"
        for i in range(0, len(ARTICLE), 3)
    )
    kept = _clean(_article_page(sections))
    assert [text for text in kept if not text.startswith("Part ")] == ARTICLE


HIDDEN_VARIANT = (
    "An earlier draft of this report, kept in the page but never shown, said the council had delayed "
    "the vote on the northern pier until the autumn, and that the ferry operators would be consulted "
    "again before any contract for the survey of the seabed was signed."
)


def test_a_hidden_paragraph_inside_the_article_is_not_read() -> None:
    body = (
        _paragraphs(ARTICLE[:4]) + f"<p style='display: none'>{HIDDEN_VARIANT}</p>" + _paragraphs(ARTICLE[4:])
    )
    assert _clean(_article_page(body)) == ARTICLE


def test_a_collapsed_section_of_the_article_is_still_read() -> None:
    body = _paragraphs(ARTICLE[:4]) + f"<div style='display: none'>{_paragraphs(ARTICLE[4:])}</div>"
    assert _clean(_article_page(body)) == ARTICLE


BEHIND_READ_MORE = [
    f"The second part of the report, paragraph {n}, which the page folds away until the reader asks "
    "for the rest: the surveyors found the old timber piles sound below the waterline, so the new "
    "deck can rest on them, and the stone for the pier head will come by barge on the spring tides."
    for n in range(1, 4)
]


def test_an_articles_rest_hidden_paragraph_by_paragraph_until_read_more_is_read() -> None:
    hidden = "".join(f"<p style='display: none'>{text}</p>" for text in BEHIND_READ_MORE)
    body = _paragraphs(ARTICLE) + hidden + "<a href='#more'>Read more</a>"
    assert _clean(_article_page(body)) == [*ARTICLE, *BEHIND_READ_MORE]


def test_a_hidden_list_item_holding_paragraphs_is_a_collapsed_section() -> None:
    answer = "<ul class='faq'><li hidden>" + _paragraphs(BEHIND_READ_MORE) + "</li></ul>"
    assert _clean(_article_page(_paragraphs(ARTICLE) + answer)) == [*ARTICLE, *BEHIND_READ_MORE]


def _column(names: str, inner: str) -> str:
    return f"<div class='{names}'>{inner}</div>"


WIDE_FIGURE = "<figure><img src='pier.jpg'><figcaption>The pier at dawn.</figcaption></figure>"


LONG_ARTICLE = [
    *ARTICLE,
    "The contractor said the survey boat would work only at slack water, so that the divers can see "
    "the seabed clearly, and that the first results should reach the council before the autumn.",
    "Harbour users will be told of each week's work in a notice posted on the quay every Monday, and "
    "the harbour master said he would answer questions at his office on the first floor of the old "
    "customs house.",
]


def test_an_article_box_split_around_a_wide_figure_goes_on_in_its_twin_box() -> None:
    body = (
        _column("section-inner narrow", _paragraphs(LONG_ARTICLE[:8]))
        + _column("section-inner wide", WIDE_FIGURE)
        + _column("section-inner narrow", _paragraphs(LONG_ARTICLE[8:]))
    )
    assert _clean(_article_page(body)) == LONG_ARTICLE


def test_a_twin_box_of_links_after_the_article_box_is_dropped() -> None:
    links = "".join(
        f"<p><a href='/story/{i}'>{head}</a>: {text[:60]}</p>" for i, (head, text) in enumerate(TEASERS[:4])
    )
    body = _column("section-inner narrow", _paragraphs(ARTICLE)) + _column("section-inner narrow", links)
    assert _clean(_article_page(body)) == ARTICLE


def test_prose_in_a_box_of_another_kind_after_the_article_box_is_dropped() -> None:
    bio = (
        "Our harbour reporter has covered the town council for twelve years and lives in a cottage "
        "above the old fish market with two cats and far too many books about boats."
    )
    body = _column("section-inner narrow", _paragraphs(ARTICLE)) + _column("writer-note", f"<p>{bio}</p>")
    assert _clean(_article_page(body)) == ARTICLE


LEAD = (
    "The council's decision ends a year of argument between the fishermen and the ferry company, and "
    "sets the date for the works."
)


def test_a_standfirst_set_as_a_subheading_under_the_headline_is_the_lead() -> None:
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<article><h1>{HEADLINE}</h1>"
        f"<div class='meta'>12 May 2024</div><h2>{LEAD}</h2><div><a href='/listen'>Listen</a></div>"
        f"<p>Photo: Ann Other</p><div class='text'>{_paragraphs(ARTICLE)}</div></article></body></html>"
    )
    assert _clean(page) == [LEAD, *ARTICLE]


def _marked_body_page(before_body: str, description: str = LEAD) -> str:
    return (
        f'<html><head><title>{HEADLINE}</title><meta name="description" content="{description}"></head>'
        f"<body>{MENU}<div class='story'><h1>{HEADLINE}</h1>{before_body}"
        f"<div itemprop='articleBody'>{_paragraphs(ARTICLE)}</div></div></body></html>"
    )


NOTICE = (
    "Thank you for registering with the site. We have sent you a link to confirm your address, which "
    "stays valid for the next twenty-four hours."
)


def test_the_standfirst_the_page_declares_is_kept_above_the_marked_up_body() -> None:
    assert _clean(_marked_body_page(f"<div class='intro'><p>{LEAD}</p></div>")) == [LEAD, *ARTICLE]


def test_a_notice_above_the_marked_up_body_stays_out_though_it_reads_as_prose() -> None:
    page = _marked_body_page(
        f"<div class='intro'><p>{NOTICE}</p></div><div class='intro'><p>{LEAD}</p></div>"
    )
    assert _clean(page) == [LEAD, *ARTICLE]


def test_without_a_declared_description_the_paragraph_right_under_the_headline_is_still_the_lead() -> None:
    # html_standfirst: the paragraph closing the box between the headline and the body.
    page = _marked_body_page(f"<div class='intro'><p>{LEAD}</p></div>", description="")
    assert _clean(page) == [LEAD, *ARTICLE]


def test_without_a_declared_description_only_the_box_next_to_the_marked_up_body_is_read() -> None:
    page = _marked_body_page(
        f"<div class='intro'><p>{LEAD}</p></div>"
        "<div class='audio'><a href='/listen'>Listen to this story</a></div>",
        description="",
    )
    assert _clean(page) == ARTICLE
