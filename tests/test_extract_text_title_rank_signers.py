"""The re-ranker's headlines over a signer (`text_title_candidates.signed`) and its sign of words run together
(`glued`): a headline is proposed, and marked signed, when a person signs it, however the byline is
printed ("By" over the name, several names and the date on one long line). The pages here are written
for the purpose.
"""

from __future__ import annotations

import pytest

from tests.title_signs import header_proposal, sign
from worker.extract.text_signs import runs_words_together

LEAD = (
    "Picture an empty raised bed in early spring, the soil turned and the paths swept, and think about "
    "how you would fill each square of it with mixed planting before the summer comes."
)
SECOND = "Most gardeners fill a bed with one crop, and the soil lies bare between the rows for half the year."
PROMO = "Join our spring course and learn how to plan, sow and tend a kitchen garden of your own this year."
HEADLINE = "Mixed Planting Versus Row Planting"


def _signed_headline(byline: list[str]) -> bool:
    page = ["Green Plot", "Shop", "Courses", PROMO, "Spring Courses", HEADLINE, *byline, LEAD, SECOND]
    with header_proposal(page) as (proposal, reading):
        headline = proposal.lines.index(HEADLINE)
        return headline in reading.found and sign(reading, headline, "signed") == 1.0


def test_a_headline_over_by_alone_over_a_name_is_proposed() -> None:
    assert _signed_headline(["By", "Jane Doe", "March 3, 2025"])


def test_a_headline_over_a_long_byline_naming_several_people_is_proposed() -> None:
    byline = "By Jane Doe , John Roe , Mary Major and Ann Minor on March 3, 2025 | 4 Comments"
    assert _signed_headline(["A planting plan for a bed of four squares, crop by crop.", byline])


def test_a_headline_over_no_signer_is_not_marked_signed() -> None:
    assert not _signed_headline(["March 3, 2025"])


@pytest.mark.parametrize(
    ("line", "glued"),
    [
        ("SubscribeSign in", True),  # two buttons copied without a space between them
        ("WHAT IS IT?HOW TO START", True),  # a contents list run into one line
        ("Rivers Crossed: 41U.K. Counties Walked: 12", True),  # a profile's counters run together
        (HEADLINE, False),
        ("Is Mixed Planting Worth It? A Year in Four Beds", False),
        ("The 10 Best Seeds of 2025", False),
    ],
)
def test_words_run_together_are_marked_glued(line: str, glued: bool) -> None:
    assert runs_words_together(line, LEAD.lower()) is glued


@pytest.mark.parametrize(
    "line",
    [
        "这款手机值得买吗?我们用了一个月",  # Chinese parts no words by spaces: nothing was lost
        "新しい苗床!春の植え付けガイド",  # nor does Japanese
    ],
)
def test_a_question_or_a_cry_in_chinese_or_japanese_is_not_glued(line: str) -> None:
    assert not runs_words_together(line, "")


def test_a_name_written_in_camel_case_that_the_prose_writes_too_is_not_glued() -> None:
    headline = "How We Moved Our Garden Club From WordPress to a Paper Newsletter"
    prose = "for ten years our club kept its notes on wordpress, and we printed them once a month."
    assert not runs_words_together(headline, prose)


def test_a_headline_naming_a_camel_case_brand_is_not_marked_glued() -> None:
    headline = "Why Our Garden Club Left LinkedIn for a Paper Newsletter"
    lead = "For ten years our garden club posted its courses on LinkedIn, and few members read them there."
    page = ["Green Plot", "Shop", "SubscribeSign in", headline, "By Jane Doe", "March 3, 2025", lead, SECOND]
    with header_proposal(page) as (proposal, reading):
        assert sign(reading, proposal.lines.index(headline), "glued") == 0.0
