"""Fingerprints computed the fast way equal the reference ones: the SimHash of per-shingle BLAKE2b
integers (published in every event), and datasketch's own MinHash over the same BLAKE2b digests'
low 32 bits (the near-duplicate index, version 2)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import numpy as np
from datasketch import MinHash
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from worker.dedup import MINHASH_SCHEME, MINHASH_SEED, NUM_PERM, near_fingerprint
from worker.fingerprints import normalize_text, shingles, simhash64

TEXT = (Path(__file__).parent / "fixtures" / "wire_story.txt").read_text(encoding="utf-8")


def _words_by_regex(text: str) -> str:
    """The normalized text as the fingerprints were first defined: NFKC, case folded, `\\w+` words
    joined by single spaces."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


# Characters where a table and the regex could part: word and non-word ASCII, accents and combining
# marks, ligatures NFKC splits, titlecase letters, digits of other scripts, CJK, lone surrogates and
# characters beyond the Basic Multilingual Plane (emoji, historic scripts).
_TRICKY = (
    "aZ_9 .,\t\n-'\u00e9\u0301\u00df\ufb01\u01c5\u00bd\u0663\u4e2d\u3000\u200b\ud800\U0001f600\U00010400"
)


def test_normalized_text_is_the_regex_words_joined_by_spaces():
    for text in (TEXT, "", " ", "a", "a.", ".a", "..a..b..", "  ,, ", "x\ud800y", "emoji \U0001f600 x"):
        assert normalize_text(text) == _words_by_regex(text)


def test_normalized_text_is_the_regex_words_for_every_character_of_the_basic_plane():
    plane = "".join(map(chr, range(0x10000)))
    for start in range(0, len(plane), 500):  # word and non-word characters side by side, in runs
        text = " ".join(plane[start : start + 500])
        assert normalize_text(text) == _words_by_regex(text)
        assert normalize_text(plane[start : start + 500]) == _words_by_regex(plane[start : start + 500])


@hypothesis_settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=40))
def test_normalized_text_is_the_regex_words_joined_by_spaces_for_any_text(text: str):
    assert normalize_text(text) == _words_by_regex(text)


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
