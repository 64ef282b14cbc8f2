"""Content fingerprints: an exact one (sha256 of the normalized text) and a near one (64-bit SimHash)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1


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


def _hash64(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


def simhash64(text: str) -> int:
    """Charikar's SimHash over word 4-shingles: near-identical texts differ in few of the 64 bits."""
    hashes = [_hash64(s) for s in shingles(text)]
    if not hashes:
        return 0
    # One row of 64 bits per shingle (big-endian bytes, so column 0 is the top bit); a bit is set in
    # the fingerprint when more than half the shingles set it.
    bits = np.unpackbits(np.array(hashes, dtype=">u8").view(np.uint8)).reshape(len(hashes), 64)
    majority = bits.sum(axis=0) * 2 > len(hashes)
    return int.from_bytes(np.packbits(majority).tobytes(), "big") & _MASK64


def simhash_hex(text: str) -> str:
    return f"{simhash64(text):016x}"


def hamming_distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
