"""The re-ranker's lines under a copy of themselves cut short by an ellipsis
(`text_title_shapes.cut_copies`): a breadcrumb's last crumb or a teaser a site shortened to fit names
the page's headline, printed in full a little under it. The pages here are written for the purpose.
"""

from __future__ import annotations

import pytest

from tests.title_signs import header_proposal
from worker.extract.text_title_shapes import cut_copies

HEADLINE = "Seven Ways to Plant a Raised Bed: From Soil to Harvest"


@pytest.mark.parametrize(
    "crumb",
    [
        "Seven Ways to Plant a Raised Bed:...",
        "Seven Ways to Plant…",
        "Seven Wa...",  # cut inside a word: a copy however short
    ],
)
def test_a_line_under_its_copy_cut_short_is_found(crumb: str) -> None:
    lines = ["Home", "Gardening", crumb, HEADLINE, "By Jane Doe"]
    assert cut_copies(lines, range(len(lines))) == [3]


@pytest.mark.parametrize(
    "lines",
    [
        ["Read more...", "Read more about our courses"],  # two whole words: a link's label, not a copy
        ["Seven Ways to Plant...", "Seven Ways to Plant..."],  # a copy as short as itself
        ["Seven Ways to Plant a Raised Bed", HEADLINE],  # no ellipsis: a line, not a cut copy
        ["Seven Ways to Plant...", *["Shop"] * 6, HEADLINE],  # too far under
    ],
)
def test_no_line_is_found_without_a_near_longer_copy_cut_by_an_ellipsis(lines: list[str]) -> None:
    assert cut_copies(lines, range(len(lines))) == []


def test_the_headline_under_a_cut_crumb_is_proposed_when_a_promo_was_read_as_the_lead() -> None:
    promo = (
        "Our spring courses are intensive garden classes for small groups, blending self-paced lessons "
        "with visits from a tutor who walks your own beds with you."
    )
    menu = [
        "Kitchen GardensGrow food in a small space with our guides",
        "Raised BedsBuild, fill and plant a bed of your own",
        "Seed SavingKeep the seeds of your best plants each year",
        "CompostTurn kitchen scraps into soil for free",
        "Fruit TreesPrune, feed and pick a small orchard",
        *["Shop", "Courses", "About us", "Contact us", "Featured content", "Read article"],
    ]
    lead = (
        "Picture an empty raised bed in early spring, the soil turned and the paths swept, and think "
        "about how you would fill each square of it with mixed planting before the summer comes."
    )
    prose = [
        lead,
        "Most gardeners fill a bed with one crop, and the soil lies bare between the rows for half the year.",
        "A mixed bed keeps the soil covered, feeds the bees and gives a little of everything all summer.",
    ]
    crumbs = ["Home", "Gardening", "Seven Ways to Plant a Raised Bed:..."]
    page = ["Green Plot", "What are spring courses?", promo, "Learn more", *menu, *crumbs, HEADLINE, *prose]
    with header_proposal(page) as (proposal, reading):
        headline = proposal.lines.index(HEADLINE)
        assert proposal.lead < headline  # the promo was read as the lead: the window stops above
        assert headline in reading.found
