"""Headlines without their site-name affixes: "Storm hits coast | Example News" gives "Storm hits coast"."""

from __future__ import annotations

import re
from functools import lru_cache

from worker.clean.mojibake import fix_mojibake
from worker.extract.languages.data import LANGUAGES
from worker.extract.patterns import TITLE_SEPARATORS, TRAIL_STEP

_PUNCT = re.compile(r"[^\w\s]")
_HOST = re.compile(r"(?:[\w-]+\.)+(?:com|net|org|info|news|co|io|tv|[a-z]{2})", re.I)
# "Headline (example.com) 87": the source's host a link aggregator prints after the headline, perhaps
# with the count of comments after it.
_SOURCE_HOST = re.compile(rf"\s+\((?:{_HOST.pattern})(?:/[\w.~-]+)*\)(?:\s+\d+)?$", re.I)
_MAX_HEADLINE_WORDS = 30
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}")  # an address's last step, not a title
_CUT_TITLE_CHARS = 100  # a JSON-LD headline this long may have been cut to search engines' limit
_MIN_OVERLAP = 0.15
_MAX_SITE_WORDS = 4  # a site's name as a title's affix: "Example News", "The Example Gazette"
_SAME_TITLE_OVERLAP = 0.85  # above it, two spellings of one title: the metadata's is the publisher's
_MAX_KICKER_WORDS = 4  # a topic line above a headline: "Coronavirus", "Local News", "Energy policy"
_MIN_KICKED_WORDS = 3
# Characters of the scripts written without spaces between words (Chinese, Japanese kana, Thai).
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")
_MIN_UNSPACED_CHARS = 8  # "湖面冰层提前融化" is a headline's start; "钓鱼频道" a section's name
# "Headline-Site", "Headline_Site", "Headline｜Site": the last unspaced sign before a short part with no
# sentence mark; "Site|Headline", "Site｜Headline": a bar after the site's name.
_UNSPACED_AFFIX = re.compile(r"(?P<head>.*\S)(?P<sign>[-_|｜—–])(?P<tail>[^-_|｜—–\s!?。！？，、]{2,20})")
# A long dash is a sentence's own in these scripts ("……——读者排起长队"): it sets off a site only by name.
_SENTENCE_DASHES = frozenset("—–")
_LATIN_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
_UNSPACED_PREFIX = re.compile(r"(?P<site>[^|｜]{2,30}?)\s?[|｜]\s?(?P<head>[^|｜]+)")
_MAX_UNSPACED_SITE_CHARS = 6  # "新华网", "人民网", "百度百科": a site's name, not a headline's half
# The separators' signs, standing alone between a kicker and its headline ("Local News | ...") or
# closing the kicker's last word ("Energy: ...").
_SEPARATOR_SIGNS = frozenset(separator.strip() for separator in TITLE_SEPARATORS)
_KICKER_MARKS = frozenset("".join(_SEPARATOR_SIGNS))
_MIN_LOWER_WORD_CHARS = 4  # a word this long set in lowercase: the headline is in sentence case
_TAG_DASHES = (" – ", " — ", " - ")  # a dash set between the headline and a tag after it
_MAX_TAG_WORDS = 3
# Languages whose headlines are set in title case: elsewhere (German capitalises every noun) capitals
# after a dash are the headline's own words. A page that declares no language may be in title case.
_TITLE_CASE_LANGUAGES = ("en",)
_CONTINUATIONS = frozenset(w for code in _TITLE_CASE_LANGUAGES for w in LANGUAGES[code].continuations)


@lru_cache(maxsize=512)
def normalized(text: str | None) -> str:
    """Lower case, no punctuation, single spaces: how two spellings of one headline are compared.
    Remembered: choosing a title compares the same few texts dozens of times."""
    return " ".join(_PUNCT.sub(" ", (text or "").lower()).split())


def _names_a_host(part: str) -> bool:
    """A short title part that ends in a host name ("Example.com", "Brand | brand.co.uk"): a site
    names itself so, a headline's words never."""
    words = part.split()
    return 0 < len(words) <= _MAX_SITE_WORDS + 1 and _HOST.fullmatch(words[-1]) is not None


def _site_like(part: str, site_names: list[str]) -> bool:
    key = normalized(part).replace(" ", "")
    if not key or _names_a_host(part):
        return True
    for name in site_names:
        other = normalized(name).replace(" ", "")
        if not other:
            continue
        shorter, longer = sorted((key, other), key=len)
        # "Example" names "Example News"; "Cyber Security" does not name "National Cyber Security Centre".
        if shorter == longer or (
            len(shorter) >= 4 and shorter in longer and len(shorter) >= 0.6 * len(longer)
        ):
            return True
    return False


def _only_site(title: str, site_names: list[str]) -> bool:
    """Whether `title` writes nothing but one of the site's names (or a host name)."""
    key = normalized(title).replace(" ", "")
    return _HOST.fullmatch(title.strip()) is not None or any(
        key == normalized(name).replace(" ", "") for name in site_names
    )


def without_source_host(title: str) -> str:
    """`title` without the source's host in brackets (and a comment count) that a link aggregator
    copies after the headline: "Grads Find Degrees No Longer Guarantee Jobs (example.com) 87"."""
    return _SOURCE_HOST.sub("", title) or title


def strip_site_affixes(title: str, site_names: list[str]) -> str:
    """`title` without a leading or trailing part that names the site (or is much shorter than the rest)."""
    title = _without_unspaced_affix(" ".join(title.split()), site_names)
    for separator in TITLE_SEPARATORS:
        if separator not in title:
            continue
        parts = title.split(separator)
        if separator == ": " and normalized(parts[0]) not in {normalized(n) for n in site_names}:
            continue  # "Topic: the rest" is a headline; only "Site: headline" loses its prefix
        if _site_like(parts[-1], site_names):
            return strip_site_affixes(separator.join(parts[:-1]), site_names)
        if _site_like(parts[0], site_names):
            if TRAIL_STEP.fullmatch(separator) and len(parts) > 2:
                # "Site » Blog Archive » Headline": a trail from the site down to the page, whose
                # last step is the page's own title when it is the longest.
                last = len(parts[-1].split())
                if all(len(part.split()) < last for part in parts[1:-1]):
                    return strip_site_affixes(parts[-1], site_names)
            return strip_site_affixes(separator.join(parts[1:]), site_names)
        # "Headline – Site – its tagline": the site's name in the middle, its slogan after it.
        middle = next((i for i in range(1, len(parts) - 1) if _site_like(parts[i], site_names)), None)
        if middle is not None:
            return strip_site_affixes(separator.join(parts[:middle]), site_names)
        if separator.strip() in "|·•»«" and len(parts[-1].split()) <= 4 < len(parts[0].split()):
            # "Headline | Section | Brand": the short trailing parts are the site's navigation.
            return strip_site_affixes(separator.join(parts[:-1]), site_names)
    return title


def _without_unspaced_affix(title: str, site_names: list[str]) -> str:
    """A headline in a script written without spaces (Chinese, Japanese) without the site's name set
    after it with no space around the sign ("武汉春天来了-新华网", "东京下雪了_某某网"), or before it with a
    bar ("NEWS EXAMPLE|東京で雪", the site's name or a brand in capitals): a short part beside a long
    headline, as the spaced separators read it."""
    match = _UNSPACED_AFFIX.fullmatch(title)
    if match:
        head, sign, tail = match["head"], match["sign"], match["tail"]
        short = len(tail) <= _MAX_UNSPACED_SITE_CHARS and sign not in _SENTENCE_DASHES
        if (
            len(_UNSPACED.findall(head)) >= _MIN_UNSPACED_CHARS
            and head[-1] not in _SENTENCE_DASHES  # "——", the sentence's doubled dash
            and not (_LATIN_WORD_CHAR.match(head[-1]) and _LATIN_WORD_CHAR.match(tail))  # "Nova-X5"
            and (short or _site_like(tail, site_names))
        ):
            return head
    match = _UNSPACED_PREFIX.fullmatch(title)
    if (
        match
        and len(_UNSPACED.findall(match["head"])) >= _MIN_UNSPACED_CHARS
        and (_site_like(match["site"], site_names) or match["site"].isupper())
    ):
        return match["head"]
    return title


def _without_whole_name(title: str, site_names: list[str]) -> str:
    """`title` without a site's name that itself holds a separator, written whole before or after
    the headline ("Enchufla Figuren - Salsa-Figuren - Rueda in Berlin" by the site "Salsa-Figuren -
    Rueda in Berlin"), which splitting at each separator cannot see."""
    for name in site_names:
        name = " ".join(name.split())
        rest = title[len(name) + 1 :] if title.lower().startswith(name.lower() + " ") else ""
        if _HOST.fullmatch(name) and len(rest.split()) >= 2 and rest[0].isalnum():
            return rest  # "example.com Headline": the site's host, set before the headline as its name
        if not any(separator in name for separator in TITLE_SEPARATORS):
            continue
        for separator in TITLE_SEPARATORS:
            if title.endswith(separator + name) and len(title) > len(separator + name):
                return title[: -len(separator + name)]
            if title.startswith(name + separator) and len(title) > len(name + separator):
                return title[len(name + separator) :]
    return title


def _overlap(first: str, second: str) -> float:
    """Share of words two titles have in common (Jaccard)."""
    a, b = set(normalized(first).split()), set(normalized(second).split())
    return len(a & b) / max(1, len(a | b))


def _long_enough(key: str) -> bool:
    """A normalized heading long enough to be told from a section's name: three words, or in a
    script written without spaces (Chinese, Japanese, Thai) as many characters as a short sentence."""
    return len(key.split()) >= 3 or len(_UNSPACED.findall(key)) >= _MIN_UNSPACED_CHARS


def _is_headline(heading: str) -> bool:
    """A heading short enough to be a headline: not a sentence of the lead set in a big font."""
    words = heading.split()
    return 2 <= len(words) <= _MAX_HEADLINE_WORDS and not (len(words) > 12 and heading.endswith("."))


def _untruncated(titles: list[str]) -> list[str]:
    """The titles with a cut one (a JSON-LD headline held to search engines' 110 characters, or one
    ending in "…") replaced by a longer title that it starts."""
    out = []
    for title in titles:
        key = normalized(title)
        if len(title) >= _CUT_TITLE_CHARS or title.endswith(("…", "...")):
            key = normalized(title.rstrip(".… "))
            title = next(
                (t for t in titles if len(normalized(t)) > len(key) and normalized(t).startswith(key)), title
            )
        out.append(title)
    return out


def _kicked(heading: str, title: str) -> bool:
    """Whether `heading` is "Kicker: Headline" and `title` the headline alone: the heading ends with the
    title after a few words of its own, set apart by a separator or a colon ("Local News | ...",
    "Energy: ...") or written as a name (one or two capitalised words: "Local News Headline") before a
    headline that starts with a capital but is in sentence case, where a name stands out. Not the start
    of one sentence ("How Much Does a Pike Licence Cost", "Anna Berg wins the pike contest")."""
    words = normalized(title).split()
    tail = " ".join(words)
    if len(words) < _MIN_KICKED_WORDS or not normalized(heading).endswith(" " + tail):
        return False
    raw = heading.split()
    # The heading's own words before the title's, counted as written (not as normalized: "U.S.").
    start = next((i for i in range(1, len(raw)) if normalized(" ".join(raw[i:])) == tail), None)
    if start is None:
        return False
    kicker = raw[:start]
    extra = len(normalized(" ".join(kicker)).split())
    if not 0 < extra <= _MAX_KICKER_WORDS:
        return False
    if kicker[-1][-1:] in _KICKER_MARKS or raw[start] in _SEPARATOR_SIGNS:
        return True
    shown = raw[start:]
    return (
        extra <= 2
        and all(word[:1].isupper() for word in kicker)
        and shown[0][:1].isupper()
        and any(len(word) >= _MIN_LOWER_WORD_CHARS and word[:1].islower() for word in shown[1:])
    )


def repeated_site_names(meta_titles: list[str], headings: list[str], site_names: list[str] = ()) -> list[str]:
    """Headings that repeat an affix of a metadata title: the first or last part of "Headline | Site",
    when the rest is far longer, is the site's name, and an <h1> that writes only it is the logo's.
    Not when another part of that title already names the site ("Headline | example.ch | Tagline",
    "Headline - Example Youth Club - EYC"): the title has its site's name, and the short part the
    <h1> repeats is the headline."""
    found = []
    for heading in headings:
        key = normalized(heading)
        words = len(key.split())
        if not key or words > _MAX_SITE_WORDS:
            continue
        for title in meta_titles:
            for separator in TITLE_SEPARATORS:
                parts = title.split(separator)
                if len(parts) < 2 or key not in {normalized(parts[0]), normalized(parts[-1])}:
                    continue
                if any(normalized(t) == key for t in meta_titles):
                    continue  # og:title says the same: the article's title, not the logo
                # Another part names the site, and not as the heading does ("Lakeside Daily | Headline |
                # lakesidedaily.com" still has the logo in its <h1>).
                others = [p for p in parts if normalized(p) != key]
                if any(_site_like(p, list(site_names)) and not _site_like(heading, [p]) for p in others):
                    continue
                rest = sum(len(normalized(p).split()) for p in parts) - words
                if rest >= 2 * words + 2:
                    found.append(heading)
    return found


def without_tagline(title: str) -> str:
    """`title` without a short tag a dash sets after a headline in title case, every word of the tag
    capitalised as a label is ("Wedding Planning Tools – Caterer Comparison Spreadsheet", "... –
    Infographic", "... - Part 1"): a tag of the page's kind or series, not the headline's words. Not a
    phrase that goes on in sentence case ("– tips and tricks"), or opens with a word that carries the
    headline's sentence on (`Words.continuations`: "– Until Now"), an exclamation ("– My Favorites!"),
    a tag after a headline in sentence case (where capitals mark names, or every noun, as in German),
    nor after a headline too short to stand alone ("Zero Waste – A Beginner's Guide")."""
    for dash in _TAG_DASHES:
        head, found, tag = title.rpartition(dash)
        if not found:
            continue
        words = tag.split()
        if (
            0 < len(words) <= _MAX_TAG_WORDS
            and all(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words)
            and tag.rstrip()[-1:] not in "!?"
            and words[0].lower() not in _CONTINUATIONS
            and len(head.split()) >= _MIN_KICKED_WORDS  # words as written: "2.0" is one
            and dash not in head
            and all(
                w[:1].isupper() or w[:1].isdigit() for w in head.split() if len(w) >= _MIN_LOWER_WORD_CHARS
            )
        ):
            return head.rstrip()
    return title


def choose_title(
    meta_titles: list[str],
    headings: list[str],
    site_names: list[str],
    *,
    several: bool | None = None,
    language: str | None = None,
) -> str | None:
    """`_chosen_title` without a tag after a dash (`without_tagline`), on a page whose declared
    `language` sets headlines in title case (or that declares none)."""
    chosen = _chosen_title(meta_titles, headings, site_names, several=several)
    return without_tagline(chosen) if chosen and sets_title_case(language) else chosen


def sets_title_case(language: str | None) -> bool:
    """Whether a page in `language` (a code, "en-GB"; None: unknown) sets its headlines in title case,
    where a capitalised tag after a dash stands apart from the headline (`without_tagline`)."""
    return not language or language.lower().split("-")[0].split("_")[0] in _TITLE_CASE_LANGUAGES


def _chosen_title(
    meta_titles: list[str], headings: list[str], site_names: list[str], *, several: bool | None = None
) -> str | None:
    """The page's headline: an <h1> the metadata confirms, else the most trusted metadata title.

    A heading that equals a metadata title (or one of its separator-split parts) is the headline as
    shown; metadata titles alone carry site names and SEO suffixes, so they come stripped. `several`
    says whether the first heading has rivals where it stands (other <h1> in the same container: a
    template's section titles); by default, whether there is more than one heading."""
    several = len(headings) > 1 if several is None else several
    meta_titles = [fix_mojibake(" ".join(t.split())) for t in meta_titles if t and t.strip()]
    site_names = [*site_names, *repeated_site_names(meta_titles, headings, site_names)]
    # A logo that writes the host as an address, in lowercase ("example.com"); not a product's name
    # that the pattern reads as one ("Next.js", "ASP.NET"), which may start the headline.
    site_names += [h for h in headings if h.strip().islower() and _HOST.fullmatch(h.strip())]
    meta_titles = [t for t in meta_titles if len(t.split()) <= _MAX_HEADLINE_WORDS] or meta_titles[:1]
    # A permalink's pilcrow after a documentation page's heading ("Installing¶") is no word of it, nor
    # the source's host a link aggregator prints after a headline ("Headline (example.com) 87").
    headings = [
        strip_site_affixes(without_source_host(fix_mojibake(h).rstrip(" ¶")), site_names) for h in headings
    ]
    stripped = _untruncated(
        [strip_site_affixes(_without_whole_name(t, site_names), site_names) for t in meta_titles]
    )
    # A metadata title that is only the site's name (a front page's og:title left on every page) or
    # the page's slug ("pike-licence-prices-2026") names no article: the other metadata titles come first.
    no_article = [_only_site(t, site_names) or _SLUG.fullmatch(t) is not None for t in stripped]
    named = [t for t, none in zip(stripped, no_article, strict=True) if not none]
    stripped = named + [t for t, none in zip(stripped, no_article, strict=True) if none]
    keys = {normalized(t) for t in meta_titles} | {normalized(t) for t in stripped}
    for title in meta_titles:
        for separator in TITLE_SEPARATORS:
            keys.update(normalized(p) for p in title.split(separator))
    keys.discard("")
    for heading in headings:
        key = normalized(heading)
        if key in keys and not _site_like(heading, site_names):
            return heading
    for heading in headings:
        key = normalized(heading)
        # "Headline – a subtitle" whose metadata title is the headline alone.
        for title in stripped:
            cut = title.rstrip(" .")
            rest = heading[len(cut) :] if heading.startswith(cut) else ""
            if len(cut.split()) >= 3 and rest[:3].strip() in {"–", "—", "-", "|", ":"}:
                return cut
        for title in stripped:
            if _kicked(heading, title):
                return title
        # A heading that starts the metadata title (the title adds a subtitle or a site name).
        if _long_enough(key) and any(k.startswith(key) for k in keys) and not _site_like(heading, site_names):
            return heading
    # The visible headline of the article, as readers see it, over a metadata title written for search;
    # unless the page has several <h1> (a template's section titles), or the one shares no words with
    # what the metadata calls the article (a section or brand heading), or it is the same title
    # spelled a little differently. Not when the heading writes the metadata's very words in another
    # order or with other punctuation ("Training: Training Basics"): no spelling to correct, the
    # heading is the title as shown. Each test against the metadata title closest to the heading: an
    # og:title may hold a teaser ("Not sure which hub you need? ...") where <title> spells the heading;
    # a title naming no article (the site alone, a slug) is no measure, sharing words with a masthead.
    if stripped and not several and headings:
        closest = max(named or stripped, key=lambda t: _overlap(headings[0], t))
        shared = _overlap(headings[0], closest)
        if shared <= _MIN_OVERLAP:
            return stripped[0]
        if _SAME_TITLE_OVERLAP <= shared < 1:
            return closest
    elif stripped:
        return stripped[0]
    for heading in headings:
        if _is_headline(heading) and not _site_like(heading, site_names):
            return heading
    if stripped:
        return stripped[0]
    return next((h for h in headings if _is_headline(h)), None)
