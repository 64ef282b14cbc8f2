"""Bylines into clean person names: "By Jane Doe and JOHN ROE | Staff Writer, Feb 3" gives two names.

A wrong author costs downstream more than a missing one, so anything that does not look like a name
(too long, holds digits or a URL, is a role or a site name) is dropped rather than guessed at.
"""

from __future__ import annotations

import re
from functools import lru_cache

from worker.clean.phrases import phrase_tree
from worker.clean.text_stopwords import STOPWORDS
from worker.extract.companies import is_company
from worker.extract.languages.data import merged
from worker.extract.patterns import (
    AGENCIES,
    AUTHOR_MAX_CHARS,
    AUTHOR_MAX_WORDS,
    AUTHOR_ROLE_WORDS,
    AUTHOR_STOPLIST,
    BYLINE_PREFIXES,
    CONTRIBUTOR_LABELS,
    GROUP_WORDS,
    HONORIFICS,
    INSTITUTION_WORDS,
    MONTHS,
    NAME_JOINERS,
    NAME_PARTICLES,
    PUBLISHED_LABELS,
    SIGNATURE_ROLES,
    UPDATED_LABELS,
    WEEKDAYS,
)

_PREFIX = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted((*BYLINE_PREFIXES, *CONTRIBUTOR_LABELS), key=len, reverse=True))
    + r")\b\s*[:\-–]?\s+",
    re.I,
)
_INNER_BY = re.compile(r"^.{0,40}?\b(?:by|von|par|por)\s+(?=[A-ZÀ-Þ])", re.S)
# "Christoph von Eichhorn", "Anna von Berg und Ben Kurz": a given name, the particle and one surname
# make a name, not a byline's "von" opening after a word ("Kommentar von Anna Berg").
_VON_NAME = re.compile(
    r"^[A-ZÀ-Þ][\w'’-]+\s+von\s+[A-ZÀ-Þ][\w'’-]+(?:$|\s*[,;&|]|\s+(?:"
    + "|".join(re.escape(j) for j in NAME_JOINERS)
    + r")\s)"
)
_PIECE_KINDS = frozenset(merged("piece_kinds"))  # "Kommentar von Berg": a comment by Berg, not a name


def _von_name(text: str) -> bool:
    """Whether the text opens with a name holding "von" ("Christoph von Eichhorn"), not with a piece's
    kind before its author's "von" ("Kommentar von Berg")."""
    return bool(_VON_NAME.match(text)) and text.split()[0].lower() not in _PIECE_KINDS


# A full stop ends a sentence between two names ("Jane Doe. John Roe"), not an honorific ("Prof. Doe").
_SENTENCE_END = "".join(rf"(?<!\b{h})" for h in HONORIFICS) + r"(?<=[a-z]{2})\.\s+(?=[A-Z])"
_JOINERS = re.compile(
    r"\s*(?:[,;/|•·]|(?-i:"
    + _SENTENCE_END
    + r")|\s(?:"
    + "|".join(re.escape(j) for j in NAME_JOINERS if j != "&")
    + r")\s|&|\+)\s*",
    re.I,
)
# An address's parts are bounded, as mail bounds them: `\S+@\S+` backtracks quadratically on a long token.
_EMAIL = r"[^\s@]{1,64}@[^\s@]{1,255}\.\w+"
_ADDRESSES = re.compile(rf"https?://\S+|www\.\S+|{_EMAIL}|(?<!\w)@\w+")
# The month names as a prefix tree: the same matches (each runs to the end), but at each place the
# engine tries a few first letters instead of two hundred names.
_MONTH_TREE = phrase_tree(MONTHS)
# Every language's publication and update labels ("Veröffentlicht", "Publicado", "Aktualisiert"): a
# byline going on with its date's label ("Jane Doe, Redaktion Veröffentlicht: 26.12.2022") ends there.
# Labels of a few letters ("paru", "datum") may be words of a name or a desk's; English's are above.
_DATE_LABELS = "|".join(
    re.escape(label)
    for label in sorted({*PUBLISHED_LABELS, *UPDATED_LABELS}, key=len, reverse=True)
    if len(label) > 5
)
_NOISE = re.compile(
    rf"https?://\S+|www\.\S+|{_EMAIL}|@\w+|\(.*?\)|\[.*?\]|(?<!\S)#\w.*$|"
    rf"\b(?:{_MONTH_TREE})\.?\s+\d.*$|\b\d.*$|"
    r"\b(?:updated|published|posted|last updated|modified|on)\b\s*:?.*$|"
    rf"(?<!\w)(?:{_DATE_LABELS})(?!\w).*$",
    re.I,
)
_MAX_RAW_CHARS = 1_000  # ten authors with their roles fit in a few hundred characters
# Footnote marks after a name or its letters ("Jane Doe, MD*"), which point to a note below, and the
# registered mark of a certification ("Jane Doe, CFP®"): the letters are the credential. Not a gender
# star ("Autor*in", "AUTOR*INNEN").
_FOOTNOTE_MARKS = re.compile(r"[*†‡®™]+(?![a-zà-ÿ]|(?i:in(?:nen)?)\b)")
_LEADING_JOINER = re.compile(r"^(?:" + "|".join(re.escape(j) for j in NAME_JOINERS) + r")\s+", re.I)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|[A-Z]\.[A-Z]\.(?:[A-Z]\.)?)$")
_GLUED_ROLE = re.compile(r"^(\w*[a-z])([A-Z][a-z]+)$")  # "DoeStaff": a role the copy glued to a surname
# Month names of three letters or more: a third word that is one belongs to a date ("Jane Doe December").
_FULL_MONTHS = frozenset(m for m in MONTHS if len(m) >= 3)
_AGENCY_FORMS = frozenset(form.lower() for forms in AGENCIES.values() for form in forms)
_PARTICLES = "|".join(NAME_PARTICLES) + r"|d'\w+"
_PARTICLE = re.compile(rf"^(?:{_PARTICLES})$")
# A name in a script without capitals: two to four Chinese or Japanese characters, or Korean syllables.
_CJK_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,4}$")
NAME_WORD = re.compile(
    # "Smith-Jones" or "Jean-Luc", not "Award-winning": each part of a hyphenated name is capitalised.
    rf"^(?:[A-ZÀ-ÞĀ-ſА-ЯЁЇІЄҐ][\w'’.]*(?:-[A-ZÀ-ÞĀ-ſА-ЯЁЇІЄҐ][\w'’.]*)*-?|{_PARTICLES}|{_CJK_NAME.pattern[1:-1]})$"
)


def _strip_prefix(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text).strip(" :-–—|,")
    match = _INNER_BY.match(text)
    if match and not re.search(r"[.!?]", match.group(0)) and not _von_name(text):
        text = text[match.end() :]
    return text


def _title_case(name: str) -> str:
    """Names written in capitals ("JANE DOE") as people write them; mixed case is left alone."""
    if name.isupper() and len(name) > 3:
        return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in name.split())
    return name


def _clean_piece(piece: str, strict: bool) -> str | None:
    raw = piece
    piece = _NOISE.sub("", piece)
    piece = _LEADING_JOINER.sub("", _strip_prefix(" ".join(piece.split()))).strip(" .:-–—|,'\"")
    words = _without_outlet(piece.split())
    while (
        words and words[-1].lower().strip(".,") in _FULL_MONTHS and (_dated(words[-1], raw) or len(words) > 2)
    ):
        # "Jane Doe September 5": the month belongs to the date; "Theresa May" and "Alyssa Maio on
        # January 21" (Portuguese's May) keep theirs, as no number follows it.
        words.pop()
    if not (len(words) >= 2 and words[-1].lower() in GROUP_WORDS):
        # "Jane Doe Senior Harbour Correspondent": after a name, the first role word starts the job title.
        first_role = next((i for i, w in enumerate(words) if w.lower().strip(".,") in AUTHOR_ROLE_WORDS), 0)
        if first_role >= 2:
            words = words[:first_role]
        kept = [w for w in words if w.lower().strip(".,") not in AUTHOR_ROLE_WORDS]
        dropped = {w.lower().strip(".,") for w in words} - {w.lower().strip(".,") for w in kept}
        # "Example Contributor", "Staff Physician": no person, a desk signing with its role; kept whole.
        if not (len(kept) == 1 and dropped and dropped <= SIGNATURE_ROLES):
            words = kept
        if dropped and all(w.lower() in STOPWORDS for w in words):
            return None  # "Die Redaktion", "La Rédaction": the desk's article, left when its role went
    words = _without_glued_role(words)  # "Jane DoeStaff Writer": read again once "Writer" is gone
    if len(words) >= 3 and _is_initials_of(words[0], words[1:]):
        words = words[1:]  # "JD Jane Doe": the avatar's initials read before the name
    # A role at the start or end ("Senior Editor Jane Doe") is dropped; one in the middle means prose.
    if not words or _CREDENTIAL.match(piece):
        return None
    name = _title_case(" ".join(words).strip(" .,-–"))
    return name if is_name(name, strict=strict) else None


def _without_outlet(words: list[str]) -> list[str]:
    """A name without what the copy ran on after it: the outlet in capitals ("Jane Doe USA TODAY",
    two words or more: "Jean DUPONT" keeps his) or a role glued to the surname ("Jane DoeStaff")."""
    caps = 0
    while caps < len(words) and len(word := words[-1 - caps]) > 1 and word.isalpha() and word.isupper():
        caps += 1
    if caps >= 2 and len(words) - caps >= 2:
        words = words[:-caps]
    return _without_glued_role(words)


def _without_glued_role(words: list[str]) -> list[str]:
    if len(words) >= 2 and (glued := _GLUED_ROLE.match(words[-1])) and glued[2].lower() in AUTHOR_ROLE_WORDS:
        return [*words[:-1], glued[1]]
    return words


def _dated(month: str, raw: str) -> bool:
    """Whether a number follows this month word in the raw byline: a date's month, not a name."""
    return re.search(rf"(?<!\w){re.escape(month)}\W{{0,3}}\d", raw) is not None


def _site_signing(piece: str, not_names: tuple[str, ...]) -> str | None:
    """The site's own name signing its article, kept whole: "Example Travel Expert" is the site's
    name, not a person with a role, and "Example On" ends in no date's "on". Written with capitals,
    as a name is printed: a login or the host's label ("examplenews") is no signature."""
    piece = " ".join(piece.split()).strip(" .:-–—|,")
    low = piece.lower()
    if (
        piece != low
        and "(" not in piece
        and not _CREDENTIAL.match(piece)
        and any(low == site.lower() for site in not_names)
        and is_name(piece, strict=False)
    ):
        return piece
    return None


def _is_initials_of(token: str, words: list[str]) -> bool:
    return 2 <= len(token) <= 3 and token.isupper() and token == "".join(w[0] for w in words[: len(token)])


def writes_in_lowercase(word: str, text: str) -> bool:
    """Whether `text` has this word in lowercase, as a whole word: a common word ("Complete Guide",
    "Healthy Tips"), which a name is not. A substring search, far cheaper than a regex per word."""
    low = word.lower()
    if not low:
        return False
    start = text.find(low)
    while start != -1:
        end = start + len(low)
        before = text[start - 1] if start else " "
        if (
            not (before.isalnum() or before in "_.@")
            and (end == len(text) or not (text[end].isalnum() or text[end] in "_@" or _dotted_on(text, end)))
            and not _in_link(text, start)
        ):  # "jane@example.com", "@jane", "jane.doe" and ".../author/jane-doe/" are addresses, not the word
            return True
        start = text.find(low, end)
    return False


def _dotted_on(text: str, at: int) -> bool:
    """Whether a full stop at `at` goes on with a letter in lowercase: the word is a handle's, an
    address's or a host's ("jane.doe", "jane.doe@example.org", "janedoe.se", whose owner signs with
    the name), not one of the page's words in lowercase."""
    return text[at] == "." and text[at + 1 : at + 2].islower()


_LINK_REACH = 300  # characters a printed link's start is looked for before a word


def _in_link(text: str, at: int) -> bool:
    """Whether the word at `at` stands inside a link the page prints ("https://example.org/author/jane-doe/")."""
    reach = max(0, at - _LINK_REACH)  # a bounded look-back: a hostile page's one long "link" stays linear
    opening = max(text.rfind(" ", reach, at), text.rfind("\n", reach, at), text.rfind("(", reach, at)) + 1
    return text.find("://", opening, at) != -1 or text.startswith(("www.", "<"), opening)


def is_name(name: str, *, strict: bool = True) -> bool:
    """A person's (or an organisation's) name: 1-5 words, no digits, no sentence, no address.

    `strict` (for text read off the page) also wants capitalised words; a CMS's author field may hold
    a lower-case display name ("jdoe"), which is still the name the site gives."""
    words = name.split()
    if not words or len(words) > AUTHOR_MAX_WORDS or len(name) > AUTHOR_MAX_CHARS or len(name) < 2:
        return False
    low = name.lower()
    if low in AUTHOR_STOPLIST or low in MONTHS or low in WEEKDAYS or any(ch.isdigit() for ch in name):
        return False
    if re.search(r"[a-z]\.[a-z]+\.[a-z]", name):
        return False  # a template's unfilled placeholder ("page.head.author")
    if re.search(r"[!?:;=<>{}|/\\@]|\.(?:com|org|net|html?|php)$", name, re.I):
        return False
    if not strict:
        return True
    if len(words) >= 2 and words[-1].lower() in GROUP_WORDS:
        # "The Example editors", "the Example Team": a desk signing as a group, as the page writes it.
        words = words[1:-1] if words[0].lower() == "the" else words[:-1]
    if not words or not all(NAME_WORD.match(w) for w in words):
        return False
    # Particles ("van der", "de la") are written in lower case; every other word but one is capitalised.
    words = [w for w in words if not _PARTICLE.match(w)] or words
    return sum(1 for w in words if w[0].isupper() or _CJK_NAME.match(w)) >= max(1, len(words) - 1)


def is_institution(name: str) -> bool:
    """A name ending in an institution's word ("Example Heart Foundation") or a company's legal form
    ("Example Holdings Inc.")."""
    words = name.split()
    return bool(words) and (words[-1].lower().strip(".,") in INSTITUTION_WORDS or is_company(name))


def _is_credentials(piece: str, not_names: tuple[str, ...], shouting: bool = False) -> bool:
    """Degree and title letters ("MD", "Ph.D.", "M.D. FACLM", "Jr."), not an agency or the site. In a
    byline written in capitals, words of three letters or more with no stop are a name ("JOHN ROE")."""
    words = piece.split()
    if shouting and len(words) >= 2 and all(len(w) >= 3 and "." not in w for w in words):
        return False
    return (
        0 < len(words) <= 3
        and all(_CREDENTIAL.match(w) for w in words)
        and not any(w.lower().strip(".") in _AGENCY_FORMS for w in words)
        and _key(piece) not in {_key(n) for n in not_names}
    )


def _without_site(name: str, not_names: tuple[str, ...]) -> str:
    """ "Jane Doe Example News" is Jane Doe of Example News: the site's name after a person's goes."""
    for site in not_names:
        if site and len(site) >= 3 and name.lower().endswith(" " + site.lower()):
            rest = name[: -len(site)].strip(" ,-–|")
            if len(rest.split()) >= 2:
                return rest
    return name


def _key(name: str) -> str:
    return re.sub(r"\W+", "", name.lower())


def clean_authors(raw: list[str], *, not_names: tuple[str, ...] = (), strict: bool = True) -> list[str]:
    """Person names from raw byline strings, split, cleaned and deduplicated, in their first order.

    `not_names` are the site's own names: dropped when real names stand beside them ("Jane Doe |
    Example News"), kept when the site is the whole byline (an organisation signing its article).
    A pure function of its arguments, asked of the same bylines by several readers of a page (the
    byline list's filters, the header, the metadata): the last answers are remembered, for bylines of
    a byline's size (an untrusted author field may be long: it is not kept)."""
    texts, sites = tuple(raw), tuple(not_names)
    if sum(len(text) for text in texts if text) > _MAX_REMEMBERED_CHARS:
        return _cleaned_authors(texts, sites, strict)
    return list(_clean_authors(texts, sites, strict))


_MAX_REMEMBERED_CHARS = 1000


@lru_cache(maxsize=64)
def _clean_authors(raw: tuple[str, ...], not_names: tuple[str, ...], strict: bool) -> tuple[str, ...]:
    return tuple(_cleaned_authors(raw, not_names, strict))


def _cleaned_authors(raw: tuple[str, ...], not_names: tuple[str, ...], strict: bool) -> list[str]:
    names: list[str] = []
    for text in raw:
        if not text:
            continue
        if len(text) > _MAX_RAW_CHARS:
            # An author field is untrusted input: a byline is short, and the patterns below are not all
            # linear on a long run of one character ("((((...").
            text = text[:_MAX_RAW_CHARS].rsplit(" ", 1)[0]
        text = _strip_prefix(" ".join(_FOOTNOTE_MARKS.sub(" ", _ADDRESSES.sub(" ", text)).split()))
        last: int | None = None  # where this byline's previous name stands in `names`
        for piece in _JOINERS.split(text):
            if last is not None and _is_credentials(piece, not_names, text.isupper()):
                # "Jane Doe, MD, MPH": the letters after a name are part of how it is signed.
                names[last] = f"{names[last]}, {' '.join(piece.split())}"
                continue
            name = _site_signing(piece, not_names) or _clean_piece(piece, strict)
            if name and _key(name) not in {_key(n) for n in names}:
                names.append(name)
                last = len(names) - 1
            elif name:
                last = None
    # "Jane Doe" and "Doe" are one person: keep the fuller name.
    names = [n for n in names if not any(n != m and n.lower() in m.lower().split() for m in names)]
    names = [_without_site(n, not_names) for n in names]
    banned = {_key(n) for n in not_names if n}
    # "CNN Business" beside "Jill Doe" on cnn.com is the site's desk, not a second author.
    people = [n for n in names if _key(n) not in banned and _key(n.split()[0]) not in banned]
    people = people or names
    if strict and any(len(n.split()) >= 2 for n in people):
        # "Jane Doe, Writer, Hardware": beside full names, a lone word is a desk or a beat, not a person.
        people = [n for n in people if len(n.split()) >= 2]
    # "Jane Doe, Director, Example Institute": beside a person, an institution is her affiliation.
    persons = [n for n in people if not is_institution(n)]
    return persons if persons and len(persons) < len(people) else people
