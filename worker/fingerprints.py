"""Content fingerprints: an exact one (sha256 of the normalized text) and a near one (64-bit SimHash).

A text is normalized, encoded and cut into shingles once: the event's sha256 and SimHash and the
near-duplicate index's MinHash (`dedup`) all read the same few cached results for the text a task
is publishing, rather than normalizing it three times. The shingles are slices of the one UTF-8
buffer, and each hash function is applied by `map` over them with one join of the digests, so the
per-shingle cost is the hash call alone (a whole page as text has ~2,000 shingles).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1
_TEXTS_CACHED = 2  # the article a task is publishing (a worker process runs one task at a time)
SHINGLE_WORDS = 4
_SPACE = ord(" ")
_BMP_LAST = 0xFFFF
_EMPTY_BLAKE2B_64 = hashlib.blake2b(digest_size=8)


@lru_cache(maxsize=_TEXTS_CACHED)
def normalize_text(text: str) -> str:
    """Case-, accent-form- and whitespace-insensitive form of a text, so trivial re-renders hash alike:
    its words (`\\w+`, after NFKC and case folding) joined by single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if not len(codes) or codes.max() > _BMP_LAST:  # beyond the table (emoji, rare scripts): the regex
        return _words_joined(folded)
    # What `" ".join(re.findall(r"\w+", folded))` gives, with one table look-up a character for the
    # regex's ~2,000 matches (a third of a ms a page): each word character kept, and the first
    # character of each gap between two words made a space.
    word = _word_characters().take(codes)
    last_word = len(word) - 1 - int(np.argmax(word[::-1]))
    kept = word.copy()
    kept[1:last_word] |= ~word[1:last_word] & word[: max(last_word - 1, 0)]
    spaced = codes.copy()
    np.putmask(spaced, ~word, _SPACE)
    return spaced[kept].tobytes().decode("utf-32-le", "surrogatepass")


def _words_joined(folded: str) -> str:
    """The reference: the text's `\\w+` matches joined by single spaces."""
    return " ".join(_WORD.findall(folded))


@cache
def _word_characters() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane, whether `\\w` matches it (made once per
    process from the regex itself, so the table and the regex cannot disagree)."""
    plane = "".join(map(chr, range(_BMP_LAST + 1)))
    table = np.zeros(_BMP_LAST + 1, dtype=bool)
    for match in _WORD.finditer(plane):
        table[match.start() : match.end()] = True
    return table


@lru_cache(maxsize=_TEXTS_CACHED)
def normalized_utf8(text: str) -> bytes:
    return normalize_text(text).encode("utf-8")


def sha256_hex(text: str) -> str:
    return hashlib.sha256(normalized_utf8(text)).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[str]:
    """The text's word shingles, as text (the reference the byte slices of `shingle_bytes` equal)."""
    words = normalize_text(text).split()
    if len(words) < size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


@lru_cache(maxsize=_TEXTS_CACHED)
def shingle_bytes(text: str) -> tuple[bytes, ...]:
    """The text's word 4-shingles in UTF-8, repeats kept: what SimHash and MinHash both hash.

    Slices of the normalized text's UTF-8, whose words are separated by single spaces (a space
    byte is never part of a multi-byte character): shingle i runs from word i's first byte to
    word i+3's last."""
    data = normalized_utf8(text)
    if not data:
        return ()
    spaces = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == _SPACE)
    if len(spaces) < SHINGLE_WORDS - 1:  # fewer words than a shingle: the text is its one shingle
        return (data,)
    starts = np.concatenate(([0], spaces[: 1 - SHINGLE_WORDS] + 1)).tolist()
    ends = np.concatenate((spaces[SHINGLE_WORDS - 1 :], [len(data)])).tolist()
    return tuple([data[start:end] for start, end in zip(starts, ends, strict=True)])


@lru_cache(maxsize=_TEXTS_CACHED)
def shingle_blake2b(text: str) -> np.ndarray:
    """Each shingle's 8-byte BLAKE2b digest (repeats kept), one row of 8 bytes a shingle.

    Each hasher is a copy of one made empty once (`blake2b(digest_size=8)` parses its keyword
    arguments and sets its parameter block on every call: a third of the per-shingle cost)."""
    encoded = shingle_bytes(text)
    copy = _EMPTY_BLAKE2B_64.copy
    digests = []
    for shingle in encoded:
        hasher = copy()
        hasher.update(shingle)
        digests.append(hasher.digest())
    return np.frombuffer(b"".join(digests), dtype=np.uint8).reshape(len(encoded), 8)


def simhash64(text: str) -> int:
    """Charikar's SimHash over word 4-shingles: near-identical texts differ in few of the 64 bits."""
    digests = shingle_blake2b(text)
    if not len(digests):
        return 0
    # One row of 64 bits per shingle: its 8-byte BLAKE2b digest read big-endian, so column 0 is the
    # top bit; a bit is set in the fingerprint when more than half the shingles set it.
    bits = np.unpackbits(digests, axis=1)
    majority = bits.sum(axis=0) * 2 > len(digests)
    return int.from_bytes(np.packbits(majority).tobytes(), "big") & _MASK64


def simhash_hex(text: str) -> str:
    return f"{simhash64(text):016x}"


def hamming_distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
