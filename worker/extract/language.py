"""The language of the text itself (py3langid), trusted over markup that disagrees with it.

Templates often declare the site's default language on every page, whatever the article is in.
"""

from __future__ import annotations

import io
import lzma
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import BinaryIO

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

MIN_CHARS = 200
MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 1200  # py3langid is linear in its input; 1,200 characters decide as well
# py3langid reads its input a byte at a time in Python: three short pieces spread over the sample (its
# start, middle and end, so an opening quote in another language cannot decide alone) settle most
# pages, and only a hesitant verdict on them (close languages, mixed text) pays for the whole sample.
_QUICK_PIECES = 3
_QUICK_PIECE_CHARS = 100
_QUICK_CONFIDENCE = 0.99


# py3langid's automaton forgets what it read more than this many bytes back: from any state, six bytes
# lead where they lead from the start (`tests/test_language_walk.py` proves it on the shipped model).
# So the state after each byte is the start's walk over the six bytes ending there, for every byte
# at once in numpy, instead of py3langid's walk a byte at a time in Python.
WALK_REACH = 6


class _Identifier(LanguageIdentifier):
    """py3langid's classifier, its feature counts made by `WALK_REACH` array steps (the same counts, in
    the same first-seen order, so the same scores to the bit)."""

    def _raw_score(self, text: bytes) -> np.ndarray:
        found = self.visits(text)
        if found is None:
            return super()._raw_score(b"")  # no features: py3langid's own answer for that
        features, counts = found
        return np.log1p(counts.astype(np.float32)) @ _weights(self, features) + self.nb_pc

    def visits(self, text: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """The features the walk over `text` emits and how often, in the order they first appear."""
        moves, rows, output = _tables(self)
        letters = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
        size = len(letters)
        if not size:
            return None
        states = np.zeros(size, dtype=np.intp)
        for step in range(WALK_REACH):
            skip = WALK_REACH - 1 - step  # the first bytes have fewer before them: their walk starts later
            if skip < size:
                states[skip:] = moves[rows[states[skip:]] + letters[: size - skip]]
        emitted = output[states]
        emitted = emitted[emitted >= 0]
        if not len(emitted):
            return None
        # Counted by a dict, which keeps the first-seen order itself: a few hundred features, where
        # numpy's unique (a sort) and the argsort back to that order cost more than the Python ints.
        seen = Counter(emitted.tolist())
        features = np.fromiter(seen, dtype=np.intp, count=len(seen))
        return features, np.fromiter(seen.values(), dtype=np.intp, count=len(seen))


# A float16 weight whose sign is set and whose exponent is neither 0 nor 31 (a negative normal number),
# its 16 bits moved up 13 places, plus this, is the same number's float32 bits: the sign from bit 28
# to 31, the exponent's bias from 15 to 127. Exact, as numpy's cast is, and about four times faster.
_NEGATIVE_HALF_TO_SINGLE = np.uint32((0x80000000 + ((127 - 15) << 23) - (0x8000 << 13)) % (1 << 32))


def _weights(identifier: LanguageIdentifier, features: np.ndarray) -> np.ndarray:
    """The model's float16 weights of `features` (its rows), as float32: what the score's product
    with float32 counts widens them to, the same numbers, only sooner. py3langid's weights are log
    probabilities, all negative normal numbers (checked once a process): their bits are moved
    instead of numpy's cast, number by number (a third of a verdict's time)."""
    bits = _weight_bits(identifier)
    if bits is None:
        return identifier.nb_ptc[features]
    widened = bits[features].astype(np.uint32)
    widened <<= 13  # in place: the same integers as `(w << 13) + c`, without two more arrays a verdict
    widened += _NEGATIVE_HALF_TO_SINGLE
    return widened.view(np.float32)


@lru_cache(maxsize=1)
def _weight_bits(identifier: LanguageIdentifier) -> np.ndarray | None:
    """The weights' bits (the same memory) when all are negative normal float16 numbers; else None."""
    weights = identifier.nb_ptc
    if weights.dtype != np.float16 or not weights.flags.c_contiguous:
        return None
    bits = weights.view(np.uint16)
    # Sign set, exponent 1 to 30: the bits 0x8400 to 0xFBFF (a minimum and a maximum, no 14 MB temporaries).
    return bits if bits.min() >= 0x8400 and bits.max() <= 0xFBFF else None


@lru_cache(maxsize=1)
def _tables(identifier: LanguageIdentifier) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The automaton's moves and outputs as arrays over the same memory, and its row offsets (1 MB)."""
    return (
        np.frombuffer(identifier.tk_nextmove, dtype=np.asarray(identifier.tk_nextmove).dtype),
        np.asarray(identifier._rowbase, dtype=np.intp),
        np.frombuffer(identifier.tk_output, dtype=np.asarray(identifier.tk_output).dtype),
    )


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """Loaded once per process (the model takes a moment), with probabilities normalized.

    The same arrays as py3langid's own loader, read without its copies: it turns the 37 MB
    transition table into a second array and the states' features into a list of 100,000 ints
    while the first are still held, a 30 MB spike on a worker's first page (its peak RSS), and 4 MB
    kept. Here each table is read once and the classifier indexes a memoryview of it (the same ints)."""
    with _unpacked_model() as unpacked, np.load(unpacked, allow_pickle=False) as model:
        rows = np.asarray(model["nextmove_row"])
        return _Identifier(
            model["ptc"],
            model["pc"],
            model["classes"].tolist(),
            memoryview(np.ascontiguousarray(model["nextmove"]).ravel()),
            memoryview(np.ascontiguousarray(model["out_feat"]).ravel()),
            norm_probs=True,
            tk_row=memoryview(np.ascontiguousarray(rows).ravel()),
        )


@contextmanager
def _unpacked_model() -> Iterator[BinaryIO]:
    """py3langid's model decompressed into a seekable file, as `np.load` wants it: a temporary file
    on disk, or memory (a brief 70 MB more) where the temporary folder cannot be written (a
    read-only container)."""
    try:
        unpacked: BinaryIO = tempfile.TemporaryFile(suffix=".npz")  # noqa: SIM115 (closed by the with below)
    except OSError:
        unpacked = io.BytesIO()
    with unpacked, lzma.open(MODEL_DIR / MODEL_FILE) as packed:
        shutil.copyfileobj(packed, unpacked, length=1 << 20)
        unpacked.seek(0)
        yield unpacked


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
