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
