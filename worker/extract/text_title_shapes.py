"""The shapes of a line among its neighbours that the headline re-ranker (`text_title_rank`) reads:
a topic's label over a headline (a kicker), a standfirst under one, a promo among other posts'
headlines, and its words' look-up in the prose under it."""

from __future__ import annotations

from worker.extract.text_signs import is_meta_line, looks_like_headline, word_count

_KICKER_WORDS = 4  # a topic's label over the headline ("Raised Beds"); a headline is longer


def kicker(lines: list[str], index: int, words: int) -> bool:
    """A short line right over a longer headline-shaped one: a topic's label over the headline."""
    if words > _KICKER_WORDS or index + 1 >= len(lines):
        return False
    below = lines[index + 1]
    return word_count(below) > words + 1 and looks_like_headline(below) and not is_meta_line(below)


def subtitle(lines: list[str], index: int, long_words: list[str]) -> bool:
    """A line in sentence case (most of its longer words in lowercase) right under a headline-shaped
    line: the headline's standfirst, not the headline."""
    if index == 0 or len(long_words) < 2:
        return False
    above = lines[index - 1]
    lowered = sum(w[:1].islower() for w in long_words[1:]) / (len(long_words) - 1)
    return lowered > 0.5 and looks_like_headline(above) and not is_meta_line(above)


_CUT_REACH = 6  # lines under a shortened copy where the line it was cut from stands
# Words of a copy cut between words ("Read more..." over "Read more about us" is a link's label, not a
# copy); one cut inside a word ("Seven Wa...") may be shorter.
_CUT_MIN_WORDS = 3
_ELLIPSES = ("...", "\u2026")
_CUT_TRAIL = " .:,;-\u2013\u2014"


def cut_copies(lines: list[str], reach: range) -> list[int]:
    """The lines printed a little under a copy of themselves cut short by an ellipsis ("Seven Ways
    to Plant:..." over "Seven Ways to Plant: From Soil to Harvest"): a breadcrumb's last crumb or a
    teaser a site shortened to fit, which names the page's own headline. The copies are looked for
    in `reach`."""
    found = []
    for at in reach:
        line = lines[at].rstrip()
        if not line.endswith(_ELLIPSES):
            continue
        stem = line.rstrip(".\u2026").rstrip(_CUT_TRAIL).lower()
        if not stem:
            continue
        few = word_count(stem) < _CUT_MIN_WORDS
        for index in range(at + 1, min(len(lines), at + 1 + _CUT_REACH)):
            low = lines[index].rstrip().lower()
            if not low.startswith(stem) or len(low) <= len(stem) + 1 or low.endswith(_ELLIPSES):
                continue
            if not few or low[len(stem)].isalnum():  # a short copy counts when cut inside a word
                found.append(index)
            break
    return list(dict.fromkeys(found))


_LIST_AROUND = 3  # lines over and under a line where the other entries of a list of links stand
_LISTED_WORDS = 5


def listed(lines: list[str], index: int) -> float:
    """How many of the `2 * _LIST_AROUND` places around the line (over and under; a place past the
    page's edge counts as no headline) hold headlines of `_LISTED_WORDS` words or more, as a share: a
    promo among other posts' headlines, not the article's own. The article's byline and date lines
    are capitalised too, and count as no headline."""
    around = [
        k for k in range(index - _LIST_AROUND, index + _LIST_AROUND + 1) if k != index and 0 <= k < len(lines)
    ]
    found = sum(
        word_count(lines[k]) >= _LISTED_WORDS and looks_like_headline(lines[k]) and not is_meta_line(lines[k])
        for k in around
    )
    return found / (2 * _LIST_AROUND)


def uses(text: str, word: str) -> bool:
    """Whether `word` (a run of `\\w` characters) is one of the text's words (`_WORD`), found by a
    substring search: what the prose under a line holds is asked of a few words only, cheaper than
    parting the whole prose into words."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    """A character `\\w` matches: a letter, a digit or a number of any script, or the underscore."""
    return char.isalnum() or char == "_"
