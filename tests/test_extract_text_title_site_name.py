"""The site's name on a plain-text page (`text_site_name`) and the re-ranker's signs that tell a
headline from the lines around it (`text_title_rank`): the site's name, a topic's label over the
headline (a kicker), the standfirst under it. The pages here are written for the purpose.
"""

from __future__ import annotations

from tests.title_signs import header_proposal, sign
from worker.extract.text_site_name import names_site, site_names
from worker.extract.text_title_shapes import kicker, subtitle

PROSE = (
    "Picture an empty raised bed in early spring, the soil turned and the paths swept, and think about "
    "how you would fill each square of it with mixed planting before the summer comes."
)
FOOTER = [
    "About",
    "Contact",
    "Privacy",
    "Green Plot Weekly",
    "© 2025 Green Plot Weekly. All rights reserved.",
]


def _page(top: list[str]) -> list[str]:
    return [*top, *([PROSE] * 20), *FOOTER]


def test_the_copyright_line_names_the_site() -> None:
    assert "green plot weekly" in site_names(_page(["Home", "Mixed Planting Versus Row Planting"]))


def test_a_copyright_line_with_its_links_after_the_holder_names_the_holder_alone() -> None:
    lines = [
        *([PROSE] * 20),
        "Subscribe",
        "© 2025 Jane Doe · Privacy ∙ Terms ∙ Collection notice",
        "Get the app",
    ]
    assert site_names(lines) == frozenset({"jane doe"})


def test_a_rights_line_under_the_copyright_line_leaves_the_holder_named() -> None:
    lines = [*([PROSE] * 20), "© 2025 Green Plot Weekly", "All rights reserved."]
    assert site_names(lines) == frozenset({"green plot weekly"})


def test_a_masthead_domain_names_the_site() -> None:
    assert "janedoe" in site_names(["janedoe.net", "Notes", "A Post About Compost", *([PROSE] * 20)])


def test_a_line_printed_at_the_top_and_again_at_the_end_names_the_site() -> None:
    lines = ["Leaf and Root", "Shop", "Mixed Planting Versus Row Planting", *([PROSE] * 20), "Leaf and Root"]
    assert "leaf and root" in site_names(lines)


def test_a_short_page_has_no_footer_to_read_a_name_from() -> None:
    assert site_names(["Green Plot", "Mixed Planting", PROSE, "Green Plot"]) == frozenset()


def test_a_headline_near_the_end_of_a_page_of_few_lines_is_not_printed_twice() -> None:
    # Eighteen lines: the first six and the last fifteen share three, the headline among them.
    lines = ["Home", "Guides", "Shop", "Mixed Planting Versus Row Planting", "By Jane Doe", *([PROSE] * 13)]
    assert site_names(lines) == frozenset()


def test_the_sites_name_a_word_beside_it_and_the_name_before_its_tagline_name_the_site() -> None:
    names = frozenset({"green plot weekly", "janedoe"})
    assert names_site("Green Plot Weekly", names)
    assert names_site("Search Green Plot Weekly", names)
    assert names_site("Jane Doe", names)  # the masthead's domain, its words run together
    assert names_site('Jane Doe - "Notes on Soil"', names)


def test_a_headline_that_speaks_of_the_site_or_ends_with_its_name_is_no_sites_name() -> None:
    names = frozenset({"green plot weekly"})
    assert not names_site("How Green Plot Weekly Grew a Garden on a Roof", names)
    assert not names_site("Mixed Planting Versus Row Planting - Green Plot Weekly", names)
    assert not names_site("Green Plot Weekly: Mixed Planting Versus Row Planting in a Small Bed", names)


def test_a_short_label_right_over_a_longer_headline_is_a_kicker() -> None:
    lines = ["Raised Beds", "How to Fill a Raised Bed With Mixed Planting", "By Jane Doe", PROSE]
    assert kicker(lines, 0, 2)
    assert not kicker(lines, 1, 9)  # the headline over its byline


def test_a_sentence_case_line_right_under_the_headline_is_its_standfirst() -> None:
    lines = ["Mixed Planting Versus Row Planting", "Why one crop a bed leaves the soil bare", "By Jane Doe"]
    long_words = [w for w in lines[1].split() if len(w) >= 4]
    assert subtitle(lines, 1, long_words)
    headline_words = [w for w in lines[0].split() if len(w) >= 4]
    assert not subtitle(lines, 0, headline_words)


def test_the_reranker_marks_the_line_that_names_the_site_and_not_the_headline() -> None:
    page = _page(
        ["Home", "Guides", "Search Green Plot Weekly", "Mixed Planting Versus Row Planting", "By Jane Doe"]
    )
    with header_proposal(page) as (proposal, reading):
        assert sign(reading, proposal.lines.index("Search Green Plot Weekly"), "site") == 1.0
        assert sign(reading, proposal.lines.index("Mixed Planting Versus Row Planting"), "site") == 0.0


def test_a_headline_loses_the_site_name_a_copyright_line_over_a_rights_line_names() -> None:
    from worker.clean.text import clean_text
    from worker.extract.text import extract_text_metadata

    page = [
        "Home",
        "Mixed Planting Versus Row Planting - Green Plot Weekly",
        "By Jane Doe",
        "March 3, 2025",
        *([PROSE] * 12),
        "About",
        "© 2025 Green Plot Weekly",
        "All rights reserved.",
    ]
    metadata = extract_text_metadata(clean_text("\n\n".join(page)))
    assert metadata.title == "Mixed Planting Versus Row Planting"
