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
    r"[(\[]\s*(?:" + "|".join(re.escape(w) for w in CREDIT_HEADS) + r")\s*:[^)\]]*[)\]]\W*$"
)
# "(Jane Doe / Getty Images)": a picture agency named in the closing brackets.
CREDIT_NAME_TAIL = re.compile(
    r"[(\[][^()\[\]]*\b(?:" + "|".join(re.escape(w) for w in CREDIT_NAMES) + r")\b[^()\[\]]*[)\]]\W*$"
)
# A caption is at most this long; after its closing rights sign, a credit names at most this many words.
CAPTION_MAX_WORDS = 60
SIGNED_MAX_WORDS = 8


def closes_with_credit(text: str) -> bool:
    """A caption's text: a short line that ends in a picture's credit (after words of its own)."""
    if len(text.split(maxsplit=CAPTION_MAX_WORDS)) > CAPTION_MAX_WORDS:
        return False
    low = text.lower()
    before, sign, after = low.rpartition("©")
    if sign and before.strip() and len(after.split()) <= SIGNED_MAX_WORDS:
        return True
    return low.endswith((")", "]")) and (
        CREDIT_TAIL.search(low) is not None or CREDIT_NAME_TAIL.search(low) is not None
    )
