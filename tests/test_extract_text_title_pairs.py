"""Which of two headline-shaped lines near the byline cluster the rules take for the headline, when
the copy puts a shortened crumb, a button or a picture's caption beside them: the full headline over
its standfirst, never the crumb, the standfirst or the caption. Pages written for the purpose."""

from __future__ import annotations

from worker.extract.text_header import read_header_by_rules
from worker.extract.text_signs import looks_like_headline

HEADLINE = "Harbour Ferry Terminal Approved After Two Years of Hearings"
STANDFIRST = "Our final word on the terminal, as the council and the residents who fought it see it"
LEAD = (
    "The harbour authority approved the new ferry terminal on Tuesday after two years of hearings, "
    "and said the first boats would dock there next summer."
)
# A headline whose words the lead does not use: only where it stands tells it from the standfirst.
ROUNDUP = "Crossings of the Month: Our Best Sailings of November and December"
SECOND = "Residents had argued that the terminal would bring traffic to the old quarter's narrow streets."


def test_the_fuller_line_under_a_shortened_crumb_is_the_headline() -> None:
    """ "Home" / "Harbour Terminal Approved After Hearings" / the headline in full: the crumb's words
    are all the headline's (not in a row), so the line under it is no first subheading but the
    headline."""
    crumb = "Harbour Terminal Approved After Hearings"
    lines = ["Harbour Notes", "Home", crumb, HEADLINE, LEAD, SECOND]
    assert read_header_by_rules(lines, [4, 5]).title == HEADLINE


def test_a_headline_over_a_different_line_keeps_it_as_its_subheading() -> None:
    """Two headline-shaped lines whose words differ: the upper is the headline, as before."""
    subheading = "What the Council Decided on Tuesday Night"
    lines = ["Harbour Notes", "Home", HEADLINE, subheading, LEAD, SECOND]
    assert read_header_by_rules(lines, [4, 5]).title == HEADLINE


def test_a_button_between_headline_and_standfirst_leaves_the_headline_over_them() -> None:
    """ "Read later" printed between the headline and its standfirst: the standfirst over the byline
    is still the standfirst, the headline the line over the button."""
    lines = ["Harbour Notes", ROUNDUP, "Read later", STANDFIRST, "Jane Doe Published 19 December 2025", LEAD]
    assert read_header_by_rules(lines, [5]).title == ROUNDUP


def test_a_standfirst_over_a_caption_is_no_headline() -> None:
    """Headline, standfirst (no full stop, as decks often print), then the picture's caption over the
    byline: the standfirst is no headline over the caption; the headline is the line over them."""
    caption = "Ferries wait at the old quay, where the new terminal will stand by next summer. ( JANE ROE"
    deck = "Officials say the first boats would dock there next summer, after the authority approved it"
    lines = ["Harbour Notes", HEADLINE, deck, caption, "By Jane Doe", "November 18, 2019", LEAD, SECOND]
    assert read_header_by_rules(lines, [6, 7]).title == HEADLINE


def test_a_link_back_to_the_list_has_no_headline_shape() -> None:
    assert not looks_like_headline("Back to posts")
    assert not looks_like_headline("Back to all articles")


def test_the_link_back_above_the_date_is_not_the_headline() -> None:
    lines = ["Jane Doe", "Posts Reading", "Back to posts", "June 6, 2021", "A brief intro to ferries", LEAD]
    assert read_header_by_rules(lines, [5]).title == "A brief intro to ferries"
