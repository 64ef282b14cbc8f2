"""Lines in scripts written without spaces (Chinese, Japanese, Thai): measured as prose is, not as a word.

`read_lines` splits words at spaces and punctuation, so a Chinese or Japanese clause is one "word" with
no stop word in it, and a Thai phrase a few: every line then looks like a label, a page's prose cannot
be told from its menus, and a Thai page, which has no full stop, has no sentence at all. This pass
re-measures those lines: about two Han or kana characters, or four Thai letters, make a word; the share
of function characters (particles, grammatical characters) and Thai function words
(`text_stopwords.FUNCTION_CHARS`, `UNSPACED_FUNCTION_WORDS`) stands for the share of stop words; a line
ends like a sentence on 。！？ or a clause mark (、，；: the text goes on in the next line) behind any
closing quote or bracket, and a Thai line on a letter after a few function words. Lines of other
scripts are left as they are, so other pages do not change.
"""

from __future__ import annotations

import re

from worker.clean.text_line_model import WORD, Line
from worker.clean.text_stopwords import UNSPACED_FUNCTION_WORDS, WIDE_FUNCTION_CHARS

_HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_THAI = "\u0e00-\u0e7f"
# Where a page needs this pass (Hangul is spaced: Korean words are read as words).
WIDE = re.compile(f"[{_HAN_KANA}{_THAI}]")
_WIDE_RUN = re.compile(f"[{_HAN_KANA}]+")
_THAI_RUN = re.compile(f"[{_THAI}]+")
_UNSPACED_RUN = re.compile(f"[{_HAN_KANA}{_THAI}]+")
_THAI_FUNCTION = re.compile("|".join(sorted(UNSPACED_FUNCTION_WORDS["th"].split(), key=len, reverse=True)))
CHARS_PER_WORD = 2
THAI_CHARS_PER_WORD = 4
MIN_WIDE_SHARE = 0.5  # of the line's letters: a Latin line quoting one name in Han stays Latin
THAI_SENTENCE_STOPS = 2
_CLOSERS = "”’」』）)】〕》〉\"' 　"
_ENDS = frozenset("。！？!?…、，；.")
# "……开放。（记者 王明）": a sentence, then its credit or note in brackets.
_TRAILING_NOTE = re.compile(r"[（(【\[][^（()）【】\[\]]{1,40}[）)】\]]$")
_FUNCTION = WIDE_FUNCTION_CHARS.__contains__


def measure_wide_lines(lines: list[Line], stopwords: frozenset[str]) -> None:
    """Re-measure (in place) the lines mostly in Han, kana or Thai: words, stop-word share, sentence end."""
    done: dict[str, tuple[int, float, bool]] = {}  # by text: a page repeats its menus
    for line in lines:
        measures = done.get(line.text)
        if measures is None:
            measures = done[line.text] = _measures(line, stopwords)
        if measures[0]:
            line.words, line.stop, line.sentence = measures


def _measures(line: Line, stopwords: frozenset[str]) -> tuple[int, float, bool]:
    """(words, stop share, ends like a sentence) of an unspaced line; (0, 0.0, False) for any other."""
    text = line.text
    wide = sum(len(run) for run in _WIDE_RUN.findall(text))
    thai_runs = _THAI_RUN.findall(text)
    thai = sum(map(len, thai_runs))
    if not wide and not thai:
        return 0, 0.0, False
    others = WORD.findall(_UNSPACED_RUN.sub(" ", line.low))
    if wide + thai < MIN_WIDE_SHARE * (wide + thai + sum(map(len, others))):
        return 0, 0.0, False
    words = max(1, round(wide / CHARS_PER_WORD) + round(thai / THAI_CHARS_PER_WORD)) + len(others)
    thai_stops = sum(len(_THAI_FUNCTION.findall(run)) for run in thai_runs)
    stops = sum(map(_FUNCTION, text)) + thai_stops + sum(map(stopwords.__contains__, others))
    ending = text.rstrip(_CLOSERS)
    if ending != text and (note := _TRAILING_NOTE.search(text)):
        ending = text[: note.start()].rstrip(_CLOSERS) or ending
    last = ending[-1:]
    sentence = (
        line.sentence
        or (last in _ENDS and not ending.endswith(".."))
        or (thai > wide and _THAI_RUN.fullmatch(last) is not None and thai_stops >= THAI_SENTENCE_STOPS)
    )
    return words, min(1.0, stops / words), sentence
