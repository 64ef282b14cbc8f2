"""The re-ranker's reach under a promo read as the lead: the labeller's likeliest lines a little under
the lead are proposed, a headline over a signer counts as one with its byline under it, and one that
another line holds as a part (a window title, a comments heading) as a crumb. The pages here are
written for the purpose."""

from __future__ import annotations

from dataclasses import replace

from tests.test_extract_text_title_rank import LEAD, SECOND, THIRD
from tests.title_signs import header_proposal, sign
from worker.extract.text_title_candidates import candidates

HEADLINE = "Mixed Planting Versus Row Planting"
PROMO = "Join our spring course and learn how to plan, sow and tend a kitchen garden of your own this year."


def _proposed_under_promo(gap: int) -> bool:
    """Whether the headline, `gap` lines under a promo read as the lead, is proposed when the
    labeller finds it likeliest and the rules chose a menu entry."""
    fillers = [f"Trowel offer number {n}" for n in range(gap - 1)]
    page = ["Green Plot", "Shop", "Courses", PROMO, *fillers, HEADLINE, LEAD, SECOND, THIRD]
    with header_proposal(page) as (proposal, _reading):
        headline = proposal.lines.index(HEADLINE)
        promo = proposal.lines.index(PROMO)
        window = range(0, len(proposal.lines))
        held = replace(
            proposal, lead=promo, chosen=1, ruled=None, second=None, window=window,
            likelihood=lambda i: 0.9 if i == headline else 0.0,
        )  # fmt: skip
        return headline in candidates(held)


def test_the_likeliest_line_right_under_a_promo_read_as_the_lead_is_proposed() -> None:
    assert _proposed_under_promo(1)


def test_the_likeliest_line_three_lines_under_a_promo_read_as_the_lead_is_proposed() -> None:
    assert _proposed_under_promo(3)


def test_the_likeliest_line_four_lines_under_a_promo_read_as_the_lead_is_not_proposed() -> None:
    assert not _proposed_under_promo(4)


def test_a_likely_line_far_under_the_lead_is_not_proposed() -> None:
    assert not _proposed_under_promo(8)


def test_a_headline_over_a_standfirst_over_by_alone_over_a_name_is_marked_meta_under() -> None:
    page = ["Green Plot", "Shop", HEADLINE, "A four-bed plan for a tiny yard, told crop after crop", "By"]
    with header_proposal([*page, "Jane Doe", LEAD, SECOND, THIRD]) as (proposal, reading):
        assert sign(reading, proposal.lines.index(HEADLINE), "meta_under") == 1.0


def _crumb_sign(footer: str, headline: str = HEADLINE) -> float:
    """The headline's `crumb` sign on a page whose last line, far under the lead, is `footer`."""
    page = ["Green Plot", "Shop", headline, LEAD, SECOND, THIRD, footer]
    with header_proposal(page) as (proposal, reading):
        return sign(reading, proposal.lines.index(headline), "crumb")


def test_a_headline_another_line_quotes_is_marked_crumb() -> None:
    assert _crumb_sign(f"2 responses to “{HEADLINE}”") == 1.0


def test_a_headline_a_window_title_line_opens_is_marked_crumb() -> None:
    assert _crumb_sign(f"{HEADLINE} | Green Plot") == 1.0


def test_a_headline_another_line_ends_is_marked_crumb() -> None:
    assert _crumb_sign(f"Ann Poe on {HEADLINE}") == 1.0


def test_a_headline_a_window_title_line_opens_in_capitals_is_marked_crumb() -> None:
    assert _crumb_sign(f"{HEADLINE.upper()} | GREEN PLOT") == 1.0


def test_a_headline_a_sentence_holds_unquoted_mid_way_is_not_marked_crumb() -> None:
    assert _crumb_sign(f"We tried {HEADLINE.lower()} in our own beds for two summers running.") == 0.0


def test_a_headline_no_other_line_holds_is_not_marked_crumb() -> None:
    assert _crumb_sign("2 responses so far") == 0.0


def test_a_two_word_line_opening_a_longer_one_is_not_marked_crumb() -> None:
    assert _crumb_sign("Row Planting | Green Plot", headline="Row Planting") == 0.0
