"""A picture's credit closing a caption, for both readers (plain-text lines and HTML blocks).

A caption set as a paragraph (no <figcaption>, or a page copied as text) still says what it is at its
end: the rights sign and an agency or a photographer ("... at the summit. © AFP / Jane Doe"), or the
credit in brackets ("... in Berlin (Foto: dpa)", "(Jane Doe / Getty Images)"). Text does not end so.
"""

from __future__ import annotations

import re

from worker.clean.markers import CREDIT_HEADS, CREDIT_NAMES

# "(Photo: Jane Doe)", "[Bild: Agentur]" closing the line.
CREDIT_TAIL = re.compile(
    r"[(\[]\s*(?:" + "|".join(re.escape(w) for w in CREDIT_HEADS) + r")\s*:[^()\[\]]*[)\]]\W*$"
)
# "(Jane Doe / Getty Images)": a picture agency named in the closing brackets.
CREDIT_NAME_TAIL = re.compile(
    r"[(\[][^()\[\]]*\b(?:" + "|".join(re.escape(w) for w in CREDIT_NAMES) + r")\b[^()\[\]]*[)\]]\W*$"
)
# A caption is at most this long; after its closing rights sign, a credit names at most this many words.
CAPTION_MAX_WORDS = 60
SIGNED_MAX_WORDS = 8
# Sixty words of any script fit; a longer run without spaces is no caption. The closing brackets are
# looked for in the last characters only, so no text costs more than a short one to test.
CAPTION_MAX_CHARS = 800
_TAIL_CHARS = 200
_AGENCY_MAX_CHARS = 4  # "dpa", "afp", "epa": agencies some captions print in lowercase


def ends_with_bracketed_credit(low: str) -> bool:
    """`low` (lowercased) ends in a credit in brackets: "(Foto: dpa)", "(Jane Doe / Getty Images)"."""
    if not low.endswith((")", "]")):
        return False
    tail = low[-_TAIL_CHARS:]
    return CREDIT_TAIL.search(tail) is not None or CREDIT_NAME_TAIL.search(tail) is not None


def _names_a_credit(after: str) -> bool:
    """What follows a rights sign is a credit when it names a picture agency or each of its words is
    a name's or an agency's ("© AFP / Jane Doe", "© 2024 Example Images", "© dpa"), not a sentence
    going on ("the Anchor© mark, on every bollard")."""
    words = after.split()
    if len(words) > SIGNED_MAX_WORDS:
        return False
    low = after.lower()
    return any(name in low for name in CREDIT_NAMES) or all(
        not w[:1].isalpha() or w[:1].isupper() or len(w) <= _AGENCY_MAX_CHARS for w in words
    )


def closes_with_credit(text: str) -> bool:
    """A caption's text: a short line that ends in a picture's credit (after words of its own)."""
    if len(text) > CAPTION_MAX_CHARS or len(text.split(maxsplit=CAPTION_MAX_WORDS)) > CAPTION_MAX_WORDS:
        return False
    before, sign, after = text.rpartition("©")
    if sign and before.strip() and _names_a_credit(after):
        return True
    return ends_with_bracketed_credit(text.lower())


# A footer's copyright gives its year first ("© 2025 Example News", "Copyright © 2025 ..."); a sign
# opening a longer line without one ("© Jane Doe A nurse gives a flu shot ... on May 18, 2019")
# credits a picture inside the article.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_LEAD = 20
_SIGNED_WORDS = 6


def signed_picture(low: str, count: int | None = None) -> bool:
    """A lowercased line opening with the copyright sign that credits a picture, not the page: a name
    and a caption after the sign (more than `_SIGNED_WORDS` of `count` words), no year first ("© Jane
    Doe A nurse gives a flu shot at a clinic ..."). `count` None: any line so opening, however short
    ("© Jane Doe / Agency"), which the caller tells from a footer by what follows it."""
    return (
        low.startswith(("©", "(c)"))
        and (count is None or count > _SIGNED_WORDS)
        and _YEAR.search(low, 0, _YEAR_LEAD) is None
    )
