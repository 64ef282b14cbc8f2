"""The HTML title chosen by the page's evidence: which of the <title>'s parts names the site, and which
the headline, told by what else the page says (its og:site_name, a host name, its <h1>)."""

from __future__ import annotations

import lxml.html

from worker.article import Metadata
from worker.extract import extract_html_metadata

PARAGRAPH = "<p>The anglers met at dawn on the frozen lake and waited for the first pike of the winter.</p>"


def _read(head: str, body: str) -> Metadata:
    html = f"<html><head>{head}</head><body>{body}{PARAGRAPH}</body></html>"
    return extract_html_metadata(lxml.html.document_fromstring(html))


def test_a_short_heading_is_the_headline_when_the_title_names_the_site_elsewhere() -> None:
    # "Winter pike" repeats the title's first part, far shorter than the rest; but the rest names the
    # site (a host name) and its slogan, so the heading is the headline, not the logo.
    found = _read(
        "<title>Winter pike | anglerpost.ch | Your weekly magazine for lake and river fishing</title>",
        "<article><h1>Winter pike</h1></article>",
    )
    assert found.title == "Winter pike"


def test_a_kicker_in_the_heading_is_not_part_of_the_headline_the_metadata_gives() -> None:
    # The <h1> sets the section's name before the headline; og:title writes the headline alone.
    found = _read(
        '<meta property="og:title" content="Ice fishing season opens on the northern lakes">',
        "<article><h1>Local News | Ice fishing season opens on the northern lakes</h1></article>",
    )
    assert found.title == "Ice fishing season opens on the northern lakes"


def test_a_heading_whose_last_words_repeat_a_short_metadata_title_is_kept_whole() -> None:
    # "How Much Does a ..." is one sentence, not a kicker above "Pike Licence Cost".
    found = _read(
        '<meta property="og:title" content="Pike Licence Cost">',
        "<article><h1>How Much Does a Pike Licence Cost</h1></article>",
    )
    assert found.title == "How Much Does a Pike Licence Cost"
