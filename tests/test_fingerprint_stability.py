"""Fingerprints computed the fast way equal the ones published before: the SimHash of per-shingle
BLAKE2b integers, and datasketch's own MinHash with its default SHA-1 hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from datasketch import MinHash

from worker.dedup import MINHASH_SCHEME, MINHASH_SEED, NUM_PERM, near_fingerprint
from worker.fingerprints import shingles, simhash64

TEXT = (Path(__file__).parent / "fixtures" / "wire_story.txt").read_text(encoding="utf-8")


def _simhash_one_shingle_at_a_time(text: str) -> int:
    hashes = [
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")
        for s in shingles(text)
    ]
    if not hashes:
        return 0
    bits = np.unpackbits(np.array(hashes, dtype=">u8").view(np.uint8)).reshape(len(hashes), 64)
    return int.from_bytes(np.packbits(bits.sum(axis=0) * 2 > len(hashes)).tobytes(), "big")


def test_simhash_equals_the_one_shingle_at_a_time_simhash():
    for text in (TEXT, TEXT[:500], "one two", ""):
        assert simhash64(text) == _simhash_one_shingle_at_a_time(text)


def test_minhash_signature_equals_datasketch_with_its_default_hash():
    for text in (TEXT, TEXT[:500], "one two"):
        reference = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
        reference.update_batch(list({s.encode("utf-8") for s in shingles(text)}))
        assert np.array_equal(near_fingerprint(text, 0.8).signature, reference.hashvalues.astype(np.uint32))
