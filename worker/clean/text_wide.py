"""Lines in scripts written without spaces (Chinese, Japanese): measured as prose is, not as one word.

`read_lines` splits words at spaces and punctuation, so a Chinese or Japanese clause is one "word" with
no stop word in it: every line then looks like a label, a page's prose cannot be told from its menus
and lines that end on a quote or a clause mark do not read as sentences. This pass re-measures those
lines: about two characters make a word, the share of function characters (particles, grammatical
characters: `text_stopwords.FUNCTION_CHARS`) stands for the share of stop words, and a line ends like a
sentence on 。！？ or a clause mark (、，；: the text goes on in the next line), behind any closing
quote or bracket. Lines of other scripts are left as they are, so other pages do not change.
"""

from __future__ import annotations

import re

from worker.clean.text_line_model import WORD, Line
from worker.clean.text_stopwords import WIDE_FUNCTION_CHARS

# Han ideographs and kana (Hangul is spaced: Korean words are read as words).
WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WIDE_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CHARS_PER_WORD = 2
MIN_WIDE_SHARE = 0.5  # of the line's letters: a Latin line quoting one name in Han stays Latin
_CLOSERS = "”’」』）)】〕》〉\"' 　"
_ENDS = frozenset("。！？!?…、，；.")
_FUNCTION = WIDE_FUNCTION_CHARS.__contains__


def measure_wide_lines(lines: list[Line], stopwords: frozenset[str]) -> None:
    """Re-measure (in place) the lines mostly in Han or kana: words, stop-word share, sentence end."""
    done: dict[str, tuple[int, float, bool]] = {}  # by text: a page repeats its menus
    for line in lines:
        measures = done.get(line.text)
        if measures is None:
            measures = done[line.text] = _measures(line, stopwords)
        if measures[0]:
            line.words, line.stop, line.sentence = measures


def _measures(line: Line, stopwords: frozenset[str]) -> tuple[int, float, bool]:
    """(words, stop share, ends like a sentence) of a wide line; (0, 0.0, False) for any other."""
    text = line.text
    wide = sum(len(run) for run in _WIDE_RUN.findall(text))
    if not wide:
        return 0, 0.0, False
    others = WORD.findall(_WIDE_RUN.sub(" ", line.low))
    if wide < MIN_WIDE_SHARE * (wide + sum(map(len, others))):
        return 0, 0.0, False
    words = max(1, round(wide / CHARS_PER_WORD)) + len(others)
    stops = sum(map(_FUNCTION, text)) + sum(map(stopwords.__contains__, others))
    ending = text.rstrip(_CLOSERS)
    sentence = line.sentence or (bool(ending) and ending[-1] in _ENDS and not ending.endswith(".."))
    return words, min(1.0, stops / words), sentence
