"""Content fingerprints: an exact one (sha256 of the normalized text) and a near one (64-bit SimHash).

A text is normalized and cut into shingles once: the event's sha256 and SimHash and the
near-duplicate index's MinHash (`dedup`) all read the same few cached results for the text a task
is publishing, rather than normalizing it three times.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1
_TEXTS_CACHED = 2  # the article a task is publishing (a worker process runs one task at a time)


@lru_cache(maxsize=_TEXTS_CACHED)
def normalize_text(text: str) -> str:
    """Case-, accent-form- and whitespace-insensitive form of a text, so trivial re-renders hash alike."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 4) -> list[str]:
    words = normalize_text(text).split()
    if len(words) < size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


@lru_cache(maxsize=_TEXTS_CACHED)
def shingle_bytes(text: str) -> tuple[bytes, ...]:
    """The text's word 4-shingles in UTF-8, repeats kept: what SimHash and MinHash both hash."""
    return tuple(s.encode("utf-8") for s in shingles(text))


def simhash64(text: str) -> int:
    """Charikar's SimHash over word 4-shingles: near-identical texts differ in few of the 64 bits."""
    encoded = shingle_bytes(text)
    if not encoded:
        return 0
    # One row of 64 bits per shingle: its 8-byte BLAKE2b digest read big-endian, so column 0 is the
    # top bit; a bit is set in the fingerprint when more than half the shingles set it.
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(s, digest_size=8).digest() for s in encoded])
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(len(encoded), 64)
    majority = bits.sum(axis=0) * 2 > len(encoded)
    return int.from_bytes(np.packbits(majority).tobytes(), "big") & _MASK64


def simhash_hex(text: str) -> str:
    return f"{simhash64(text):016x}"


def hamming_distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
