"""Fingerprints computed the fast way equal the reference ones: the SimHash of per-shingle BLAKE2b
integers (published in every event), and datasketch's own MinHash over the same BLAKE2b digests'
low 32 bits (the near-duplicate index, version 2)."""

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


def _blake2b_low_32(shingle: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest()[:4], "little")


def test_minhash_signature_equals_datasketch_over_the_shingles_blake2b():
    for text in (TEXT, TEXT[:500], "one two"):
        reference = MinHash(
            num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME, hashfunc=_blake2b_low_32
        )
        reference.update_batch(list({s.encode("utf-8") for s in shingles(text)}))
        assert np.array_equal(near_fingerprint(text, 0.8).signature, reference.hashvalues.astype(np.uint32))


def test_published_fingerprints_of_a_fixed_text_never_change():
    """The values consumers and the shared index hold: any change here is a contract change."""
    from worker.fingerprints import sha256_hex, simhash_hex

    assert sha256_hex(TEXT) == "545b107344030ce506072d0f4910e7d59bb599fb102de3af7f078d2806c14a16"
    assert simhash_hex(TEXT) == "4cf000aec818cf94"
    assert simhash_hex("one two") == "07cb8d1ae909ec5d"
    near = near_fingerprint(TEXT, 0.8)
    assert hashlib.sha256(near.signature.astype("<u4").tobytes()).hexdigest()[:16] == "ea7da1f0ce8f8369"
    assert (near.size, near.rows, near.bands[:2]) == (376, 3, ("8f9e641a861853ea", "0a14ee23b5293af6"))


def test_a_text_without_words_has_the_empty_signature():
    reference = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    assert np.array_equal(near_fingerprint("", 0.8).signature, reference.hashvalues.astype(np.uint32))
    assert simhash64("  ,, ") == 0


def test_permutations_are_datasketchs_seeded_ones():
    from worker.dedup import _permutations

    reference = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    reference_a, reference_b = reference.permutations
    a, b = _permutations()
    assert np.array_equal(a, reference_a) and np.array_equal(b, reference_b)
    assert a.dtype == reference_a.dtype == np.uint32
