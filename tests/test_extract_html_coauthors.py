"""HTML bylines that name several people: every author a page names, not only the first."""

from __future__ import annotations

from tests.html_articles import metadata_of

_STORY = "<article><h1>Sea-level survey of the north coast</h1><p>The survey measured it.</p></article>"


def test_plural_citation_meta_gives_every_author() -> None:
    head = "".join(
        f'<meta name="citation_authors" content="{name}">' for name in ("Jane Doe", "John Roe", "Ann Poe")
    )
    assert metadata_of(head, _STORY).authors == ["Jane Doe", "John Roe", "Ann Poe"]


def test_plural_citation_meta_listing_every_author_family_name_first_gives_each_author() -> None:
    # The older scholarly form: one tag, "Family, Given" names separated by semicolons.
    head = '<meta name="citation_authors" content="Doe, Jane; Roe, John; Poe, Ann">'
    assert metadata_of(head, _STORY).authors == ["Jane Doe", "John Roe", "Ann Poe"]
