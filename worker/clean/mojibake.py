"""Text that was UTF-8 but was read as Windows-1252 or Latin-1 somewhere before it reached us.

A page copied after such a misreading prints every curly quote and dash as two or three Latin
letters and controls ("Investorâ€™s", "Investorâ\\x80\\x99s"): the "â" glues onto the word before it,
so the word is no longer the word. Encoding the text back and reading it as UTF-8 undoes the
misreading exactly, and a text that was never misread does not survive that round trip."""

from __future__ import annotations

import re

# A lead byte of a two- or three-byte UTF-8 sequence ("Ã", "â") shown as a letter, then a
# continuation byte shown as a control or a Windows-1252 sign.
_MISREAD = re.compile(r"[âÃ][\x80-\xbf€™œž]")


def fix_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 ("Investorâ€™s") or Latin-1 put back, when the round trip is clean."""
    # Most text holds neither lead letter: two substring scans say so faster than the pattern's search.
    if ("â" not in text and "Ã" not in text) or not _MISREAD.search(text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        try:
            return text.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return text
