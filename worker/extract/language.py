"""The language of the text itself (py3langid), trusted over markup that disagrees with it.

Templates often declare the site's default language on every page, whatever the article is in.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CHARS = 200
MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 1200  # py3langid is linear in its input; 1,200 characters decide as well
# py3langid reads its input a byte at a time in Python: three short pieces spread over the sample (its
# start, middle and end, so an opening quote in another language cannot decide alone) settle most
# pages, and only a hesitant verdict on them (close languages, mixed text) pays for the whole sample.
_QUICK_PIECES = 3
_QUICK_PIECE_CHARS = 100
_QUICK_CONFIDENCE = 0.99


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """Loaded once per process (the model takes a moment), with probabilities normalized."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _spread(text: str, pieces: int, chars: int) -> str:
    """`pieces` stretches of `chars` characters, evenly spread from the start to the end of `text`."""
    step = (len(text) - chars) / (pieces - 1)
    return "\n".join(text[round(i * step) : round(i * step) + chars] for i in range(pieces))


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of `text` and the model's confidence; None when there is too little text."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return None, 0.0
    return _detect(sample)


# A page's language is told twice from text (its long lines to clean it, its paragraphs for the
# metadata), often the same characters: the last few verdicts are kept, not a page's worth more.
@lru_cache(maxsize=4)
def _detect(sample: str) -> tuple[str, float]:
    identifier = _identifier()
    if len(sample) > _QUICK_PIECES * _QUICK_PIECE_CHARS:
        code, confidence = identifier.classify(_spread(sample, _QUICK_PIECES, _QUICK_PIECE_CHARS))
        if confidence >= _QUICK_CONFIDENCE:
            return code, float(confidence)
    code, confidence = identifier.classify(sample)
    return code, float(confidence)


def choose_language(declared: str | None, text: str) -> str | None:
    """The declared language unless the text is confidently in another; the text's when none is declared."""
    detected, confidence = detect_language(text)
    if detected is None:
        return declared
    if declared is None or (declared != detected and confidence >= MIN_CONFIDENCE):
        return detected
    return declared
