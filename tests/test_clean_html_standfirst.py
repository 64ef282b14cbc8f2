"""The standfirst in a box of its own before the article's body: a paragraph under the headline (in the
header box, or in a teaser box between the headline and the body) goes with the article, above it.
Each page is written here."""

from __future__ import annotations

from tests.html_articles import clean as _clean
from tests.test_clean_html_shapes import _paragraphs

HEADLINE = "Harbour ferry sails again after a winter of repairs"
LEAD = (
    "The town's only ferry crosses the bay again on Monday, three months late and over budget, but the "
    "harbour master says the crossing is now safer than it has been for a decade."
)
BODY = [
    "The ferry was taken out of service in November when inspectors found corrosion in the hull plates "
    "below the waterline, and the repairs at the boatyard upriver took far longer than planned.",
    "Commuters spent the winter on a replacement bus that needed almost an hour to go around the bay, "
    "against twelve minutes on the water, and shops on the far side say they lost customers.",
    "The council has promised a review of the contract with the boatyard, and the first crossing on "
    "Monday morning will carry the mayor and a group of pupils from the primary school.",
]
MENU = "<ul class='menu'><li><a href='/'>Home</a></li><li><a href='/local'>Local</a></li></ul>"


def _page(main: str, title: str = HEADLINE) -> str:
    return (
        f"<html><head><title>{title} | Coast News</title></head><body>{MENU}<main>{main}</main>"
        "<footer><p>Coast News, all rights reserved</p></footer></body></html>"
    )


def _body() -> str:
    return f"<article class='story-body'>{_paragraphs(BODY)}</article>"


def _under_headline(*boxes: str) -> str:
    """The headline's box, then `boxes`, then the article's body: a page's main column."""
    return f"<div class='head'><h1>{HEADLINE}</h1></div>{''.join(boxes)}{_body()}"


def test_the_lead_closing_the_header_box_goes_above_the_body() -> None:
    header = (
        f"<header class='story-head'><h1>{HEADLINE}</h1><div class='date'>12 March 2024</div><p>{LEAD}</p>"
    )
    kept = _clean(_page(header + "</header>" + _body()))
    assert kept.index(LEAD) < kept.index(BODY[0])
    assert BODY[-1] in kept


def test_a_teaser_box_between_the_headline_and_the_body_is_the_lead() -> None:
    main = _under_headline(f"<div class='teaser'><p>{LEAD}</p></div>")
    kept = _clean(_page(main))
    assert kept.index(LEAD) < kept.index(BODY[0])


def test_an_excerpt_of_the_bodys_opening_is_not_said_twice() -> None:
    excerpt = BODY[0][:120] + " […]"
    main = f"<header><h1>{HEADLINE}</h1><p>{excerpt}</p></header>{_body()}"
    kept = _clean(_page(main))
    assert excerpt not in kept
    assert kept.count(BODY[0]) == 1


def test_a_box_before_the_body_with_no_headline_above_it_is_not_the_lead() -> None:
    box = "<div class='panel'><p>" + LEAD + "</p></div>"
    kept = _clean(_page(box + _body() + f"<h2>{HEADLINE}</h2>"))
    assert LEAD not in kept
    assert BODY[0] in kept


def test_a_linked_paragraph_under_the_headline_is_not_the_lead() -> None:
    teaser = f"<div class='teaser'><p>{LEAD} <a href='/ferry-timetable'>See the timetable.</a></p></div>"
    kept = _clean(_page(_under_headline(teaser)))
    assert not any(LEAD in text for text in kept)


def test_a_dek_set_as_a_box_of_text_rather_than_a_paragraph_is_left_to_the_template() -> None:
    header = f"<header><h1>{HEADLINE}</h1><div class='dek'>{LEAD}</div></header>"
    kept = _clean(_page(header + _body()))
    assert LEAD not in kept
    assert BODY[0] in kept


CAPTION = (
    "Passengers wait on the quay in the rain for the first crossing, while the harbour master checks "
    "the ticket machines that were installed during the winter."
)
NOTICE = (
    "This story is for subscribers only. Subscribe today for full access to every story, the daily "
    "newsletter and the paper's archive from just one pound a week."
)


def test_a_photo_and_its_caption_between_the_headline_and_the_body_are_not_the_lead() -> None:
    photo = f"<div class='figure-box'><img src='/ferry.jpg'><p>{CAPTION}</p></div>"
    kept = _clean(_page(_under_headline(photo)))
    assert CAPTION not in kept
    assert BODY[0] in kept


def test_a_caption_named_paragraph_under_the_headline_is_not_the_lead() -> None:
    caption = f"<div class='wp-caption'><p class='wp-caption-text'>{CAPTION}</p></div>"
    kept = _clean(_page(_under_headline(caption)))
    assert CAPTION not in kept


def test_a_notice_box_under_the_headline_is_not_the_lead_without_a_declared_description() -> None:
    # Guard: its name (a paywall's) already keeps it out.
    notice = f"<div class='paywall-message'><p>{NOTICE}</p></div>"
    kept = _clean(_page(_under_headline(notice)))
    assert NOTICE not in kept
    assert BODY[0] in kept


def test_a_box_under_the_headline_that_the_declared_description_does_not_describe_is_not_the_lead() -> None:
    notice = f"<div class='intro'><p>{NOTICE}</p></div>"
    page = _page(_under_headline(notice)).replace(
        "</title>", f'</title><meta name="description" content="{LEAD}">'
    )
    kept = _clean(page)
    assert NOTICE not in kept
    assert BODY[0] in kept


def test_a_lead_sharing_the_storys_words_with_a_declared_description_of_its_own_is_kept() -> None:
    description = "Commuters welcome back the harbour ferry after a winter of repairs to its hull"
    main = _under_headline(f"<div class='teaser'><p>{LEAD}</p></div>")
    page = _page(main).replace("</title>", f'</title><meta name="description" content="{description}">')
    kept = _clean(page)
    assert kept.index(LEAD) < kept.index(BODY[0])


def test_a_dateline_box_between_the_headline_and_the_teaser_box_is_passed_over() -> None:
    main = _under_headline(
        "<div class='when'>12 March 2024, 9:40</div>", f"<div class='teaser'><p>{LEAD}</p></div>"
    )
    kept = _clean(_page(main))
    assert kept.index(LEAD) < kept.index(BODY[0])


def test_a_picture_beside_the_headline_in_the_header_box_keeps_its_lead() -> None:
    header = f"<header class='story-head'><img src='/a.jpg' alt=''><h1>{HEADLINE}</h1><p>{LEAD}</p></header>"
    kept = _clean(_page(header + _body()))
    assert kept.index(LEAD) < kept.index(BODY[0])


def test_a_lead_sharing_the_headlines_words_is_kept_under_a_sites_tagline_as_description() -> None:
    tagline = "Read the latest local news from Coast News today"
    main = _under_headline(f"<div class='teaser'><p>{LEAD}</p></div>")
    lead = LEAD.replace("The town's only ferry crosses", "The harbour ferry crosses")
    page = _page(main.replace(LEAD, lead)).replace(
        "</title>", f'</title><meta name="description" content="{tagline}">'
    )
    kept = _clean(page)
    assert kept.index(lead) < kept.index(BODY[0])


def test_a_subheading_sentence_under_a_tall_header_is_the_lead() -> None:
    header = (
        f"<h1>{HEADLINE}</h1><p>Repairs ran three months late.</p><div class='date'>posted on March 3</div>"
        "<div class='byline'><a href='/ana'>Ana Reyes</a></div><div class='role'>Coast News Reporter</div>"
    )
    photo = "<p><a href='/photo'>View this image ›</a></p><p>Harbour Police</p>"
    page = _page(
        f"<article><div class='head'>{header}</div><h2>{LEAD}</h2>{photo}{_paragraphs(BODY)}</article>"
    )
    assert _clean(page) == [LEAD, *BODY]
