"""The site's disclosure set above or beside the article: "We may receive compensation when you click on
links", "Dieser Beitrag enthält Werbung". Not the article's text, and no model brings it back.
"""

from __future__ import annotations

import re

from worker.clean.markers import HTML_DISCLOSURES

# A disclosure is a short paragraph; a longer one that says so is an article about such things.
DISCLOSURE_MAX_WORDS = 60

_DISCLOSURE = re.compile("|".join(HTML_DISCLOSURES))


def is_disclosure(text: str) -> bool:
    """A short paragraph telling the reader the page earns from the products or links it names."""
    if len(text.split(maxsplit=DISCLOSURE_MAX_WORDS)) > DISCLOSURE_MAX_WORDS:
        return False
    return _DISCLOSURE.search(text.lower()) is not None
