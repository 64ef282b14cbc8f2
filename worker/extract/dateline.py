"""Datelines and wire credits: "BRUSSELS (Reuters) -", "Paris, Feb 3 (AFP) -", "WASHINGTON, D.C. —".

The place is taken only where the shape is unmistakable (an agency in parentheses, or a place in
capitals followed by a dash), because a sentence's first words are not a place.
"""

from __future__ import annotations

import re

from worker.article import Dateline
from worker.clean.phrases import CaselessPhrases
from worker.extract.dates import parse_date
from worker.extract.patterns import AGENCIES, AMBIGUOUS_AGENCY_FORMS, MONTH_ALTERNATION

_FORM_TO_AGENCY = {form.lower(): short for short, forms in AGENCIES.items() for form in forms}
_FORMS = "|".join(re.escape(f) for f in sorted(_FORM_TO_AGENCY, key=len, reverse=True))
_UNAMBIGUOUS = "|".join(
    re.escape(f)
    for f in sorted(_FORM_TO_AGENCY, key=len, reverse=True)
    if f.upper() not in AMBIGUOUS_AGENCY_FORMS
)
_PLACE_WORD = r"(?:[A-ZÀ-Þ][\w'’.\-]*|de|del|la|le|al|el|of|am|an|upon|sur|en)"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}){{0,2}}"
_DAY = (
    rf"(?:{MONTH_ALTERNATION})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{MONTH_ALTERNATION})\.?(?:\s+\d{{4}})?"
)
_DASH = r"(?:\s*[-–—:]+\s*|\s+)"
# "Brussels, Belgium, Feb 13 (AFP) Feb 13, 2025" / "BRUSSELS (Reuters) -" / "Paris, Feb 3 (AFP) -"
_WITH_AGENCY = re.compile(
    rf"^(?P<place>{_PLACE})?\s*,?\s*(?:(?P<day>{_DAY})\s*)?[(\[]\s*(?P<agency>{_FORMS})"
    rf"(?:\s*[/,]\s*(?:{_FORMS}))*\s*[)\]](?P<after>{_DASH}|$)",
    re.I,
)
# What `_WITH_AGENCY` cannot match without: an agency opening a bracket. Searched first, as most leads
# hold none, and the full pattern tries every way to split a sentence's first words into a place.
_AGENCY_IN_BRACKETS = re.compile(rf"[(\[]\s*(?:{_FORMS})", re.I)
# "WASHINGTON, D.C. —" / "KYIV, Ukraine -": the place in capitals, then a dash.
_CAPS_PLACE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+){0,3}"
    r"(?:,\s*[A-ZÀ-Þ][\w'’.\-]*(?:\s+[A-ZÀ-Þ][\w'’.\-]*){0,2}){0,2})"
    rf"\s*,?\s*(?:(?P<day>{_DAY})\s*)?(?:[(\[]\s*(?P<agency>{_FORMS})\s*[)\]])?\s*[-–—]+\s*(?=\S)"
)
# "© 2025 AFP", "Copyright Agence France-Presse", "(Reporting by ...; Reuters)", "— AFP"
_CREDIT = re.compile(
    r"(?:©|\(c\)|copyright|source:|credit:|with (?:reporting|files) from)\s*(?:\d{4}\s*)?(?:the\s+)?"
    rf"(?P<agency>{_FORMS})\b"
    rf"|^\s*[-–—]+\s*(?P<tail>{_FORMS})\s*$|^\s*(?P<alone>{_UNAMBIGUOUS})\s*$",
    re.I,
)

# What a line needs for `_CREDIT` to match: a credit word, or a dash or an agency's name opening it.
# Tested first: a page's footer holds many lines, and the agencies' alternation is long.
_CREDIT_WORD = CaselessPhrases(
    "©", "(c)", "copyright", "source:", "credit:", "with reporting from", "with files from"
)
_LONGEST_FORM = max(map(len, _FORM_TO_AGENCY))
# `_CREDIT` on a line without a credit word: only its anchored branches can match, at the line's start.
_CREDIT_OPENING = re.compile(rf"\s*[-–—]+\s*(?P<tail>{_FORMS})\s*$|\s*(?P<alone>{_UNAMBIGUOUS})\s*$", re.I)


def agency_name(form: str) -> str | None:
    """The short form of an agency ("Agence France-Presse" gives "AFP")."""
    return _FORM_TO_AGENCY.get(" ".join(form.split()).lower())


def _place(raw: str | None) -> str | None:
    if not raw:
        return None
    place = raw.strip(" ,-–—:")
    if place.endswith(".") and not re.search(r"\b\w\.\w\.$", place):
        place = place[:-1]  # a full stop, not the end of "D.C."
    if not place or len(place) > 60:
        return None
    if place.isupper():
        place = " ".join(_title_word(w) for w in place.split())
    return place


def _title_word(word: str) -> str:
    if "." in word and len(word) <= 5:
        return word  # D.C., U.K.
    return "-".join(part.capitalize() for part in word.split("-"))


def parse_dateline(line: str) -> tuple[Dateline, str | None] | None:
    """The dateline a lead or a dateline line opens with, and the date it states, if any."""
    head = " ".join(line.split())[:200]
    bracketed = ("(" in head or "[" in head) and _AGENCY_IN_BRACKETS.search(head) is not None
    match = _WITH_AGENCY.match(head) if bracketed else None
    if match and (match["place"] or match["day"] or match["after"].strip() or head.startswith(("(", "["))):
        place = _place(match["place"])
        if place and (not place[0].isupper() or place.lower() in _FORM_TO_AGENCY):
            place = None
        agency = agency_name(match["agency"])
        published = parse_date(head[match.end() :][:40]) or (
            parse_date(match["day"]) if match["day"] else None
        )
        return Dateline(place=place, agency=agency), published
    match = _CAPS_PLACE.match(head)
    if match and len(match["place"]) >= 3 and not match["place"].endswith(("'", "’")):
        agency = agency_name(match["agency"]) if match["agency"] else None
        return Dateline(place=_place(match["place"]), agency=agency), None
    return None


def agency_from_credit(lines: list[str]) -> str | None:
    """The agency a credit or copyright line names ("© Agence France-Presse" gives AFP)."""
    for line in lines:
        if len(line) > 300:
            continue
        alone = len(stripped := line.strip()) <= _LONGEST_FORM or stripped[:1] in "-–—"
        credited = _CREDIT_WORD.found_in(line)
        if not alone and not credited:
            continue
        match = _CREDIT.search(line) if credited else _CREDIT_OPENING.match(line)
        if match:
            found = match.groupdict()
            return agency_name(found.get("agency") or found["tail"] or found["alone"])
    return None
