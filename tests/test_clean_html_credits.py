"""A caption set as a plain paragraph is known by the picture's credit that closes it, and a
"Related stories" heading set between the article's paragraphs is not the article's subheading.
Pages written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.clean.credits import closes_with_credit
from worker.parse import parse_html

PARAGRAPHS = [
    "The harbour council voted on Tuesday to extend the northern pier by forty metres, ending a dispute "
    "that had divided the town's fishermen and its ferry operators for more than a decade.",
    "Work is due to begin in the spring, once the tender closes, and the council expects the extension "
    "to be ready for the summer season of the following year, weather permitting.",
    "Opponents said they would not appeal the decision, although several asked for the noise of the "
    "building works to be limited to weekdays, which the council agreed to consider.",
]
CAPTION = "Fishing boats moored along the northern pier at dawn. © Harbour Photos / Jane Doe"


def article(middle: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + middle + f"<p>{PARAGRAPHS[2]}</p>"
    return (
        "<html><head><title>Council extends the pier</title></head><body>"
        f"<div class='story'><h1>Council extends the pier</h1>{body}</div></body></html>"
    )


def test_a_line_closing_with_the_rights_sign_and_a_name_is_a_credit() -> None:
    assert closes_with_credit(CAPTION)


def test_a_line_closing_with_a_bracketed_photo_credit_is_a_credit() -> None:
    assert closes_with_credit("The mayor opens the new market hall on Saturday (Photo: Town Press Office)")


def test_a_line_closing_with_a_bracketed_agency_is_a_credit() -> None:
    assert closes_with_credit("Crowds on the pier during the regatta (Jane Doe / Getty Images)")


def test_a_sentence_is_not_a_credit() -> None:
    assert not closes_with_credit(PARAGRAPHS[0])


def test_a_rights_sign_followed_by_a_clause_is_not_a_credit() -> None:
    text = "The logo © was registered in 1998 by the harbour trust, which still licenses it to local firms."
    assert not closes_with_credit(text)


def test_a_sentence_going_on_after_a_trademarked_name_is_not_a_credit() -> None:
    text = "The harbour trust said the new pier would carry its logo, the Anchor© mark, on every bollard."
    assert not closes_with_credit(text)


def test_an_agency_printed_in_lowercase_after_the_rights_sign_is_a_credit() -> None:
    assert closes_with_credit("Fishing boats moored along the northern pier at dawn. © dpa")


def test_a_run_longer_than_any_caption_is_not_read_as_one() -> None:
    assert not closes_with_credit("(photo:" * 200 + "Jane Doe)")


def test_a_bare_copyright_line_is_left_to_the_footer_rules() -> None:
    assert not closes_with_credit("© Harbour Photos")


def test_a_caption_paragraph_inside_the_article_is_dropped() -> None:
    paragraphs = clean_html(parse_html(article(f"<p>{CAPTION}</p>")))
    assert paragraphs == PARAGRAPHS


def test_a_related_stories_heading_between_paragraphs_is_dropped() -> None:
    paragraphs = clean_html(parse_html(article("<div class='box'><h3>Related stories</h3></div>")))
    assert paragraphs == PARAGRAPHS
