"""Near duplicates: the same story on another site, or with small edits, found with MinHash LSH in Redis.

Exact duplicates (same article id, same normalized text) are `publish`'s business. This module finds
the articles whose word 4-shingle sets overlap by at least `settings.near_duplicate_threshold`,
so a syndicated wire story published by many sites lands in one cluster.

The overlap is the share of the shorter article's shingles found in the other (its containment),
estimated from the MinHash Jaccard similarity J and the two set sizes: |A∩B| = J(|A|+|B|)/(1+J).
Syndication trims and pads (a dropped last paragraph, a credit line, an editor's note), which costs
Jaccard similarity far more than containment. Only articles of comparable length compare this way
(the shorter at least `MIN_SIZE_RATIO` of the longer), so a short brief is not swallowed by a long
round-up that quotes it; others compare by Jaccard similarity.

The signature is datasketch's MinHash; the banding (LSH) lives in Redis, so every worker shares one
index, and its writes join `publish_article`'s MULTI: an article is indexed exactly when its event
is appended.

Keys (under `settings.key_prefix`):
    near:doc:<id>                    hash: `sig` (MinHash values, little-endian uint32, hex),
                                     `size` (shingles), `cluster`, `duplicate_of`
    near:band:<rows>:<band>:<h[:4]>  hash: the rest of a band's hash -> the ids of the articles that
                                     have it, comma-separated (buckets, not a key per band value:
                                     a Redis key costs more memory than the entry it holds)

Candidates from the bands are verified on their stored signatures: a shared band is only a hint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import redis
from datasketch import MinHash

from worker.config import Settings
from worker.fingerprints import shingles

NUM_PERM = 128
MINHASH_SEED = 7
MINHASH_SCHEME = "affine32"  # datasketch 2's default: uint32 values, collision-free permutations
MIN_SIZE_RATIO = 0.5
_BUCKET_CHARS = 4  # 65,536 buckets per band: about 15 entries each at a million articles
# Bands are tuned for a Jaccard similarity below the overlap threshold (an overlap of 0.8 between
# articles of lengths 1 and 1.15 is a Jaccard of 0.67): an article at that similarity shares at least
# one band with its original with this probability; verification then drops the false candidates.
_CANDIDATE_JACCARD_SHARE = 0.75
_MIN_CANDIDATE_PROBABILITY = 0.99
# A candidate must share this many bands, and only the most-sharing are verified. An article at the
# candidate similarity (0.6, 3 rows, 42 bands) shares 9 on average and fewer than 2 once in 2,000;
# two unrelated articles of the same beat (Jaccard 0.15) share 2 or more about once in 100.
MIN_SHARED_BANDS = 2
MAX_VERIFIED_CANDIDATES = 16


@dataclass(frozen=True, slots=True)
class NearFingerprint:
    """An article's MinHash signature and its LSH bands (`rows` values each)."""

    signature: np.ndarray
    size: int
    rows: int
    bands: tuple[str, ...]

    def band_keys(self, settings: Settings) -> list[str]:
        """The bucket of each band (watched while publishing)."""
        return [
            settings.key("near", "band", str(self.rows), str(i), h[:_BUCKET_CHARS])
            for i, h in enumerate(self.bands)
        ]

    def band_fields(self) -> list[str]:
        """Each band's field in its bucket."""
        return [h[_BUCKET_CHARS:] for h in self.bands]


@dataclass(frozen=True, slots=True)
class NearMatch:
    """Where an article belongs: `duplicate_of` is its cluster's first article, None for a new story."""

    cluster: str
    duplicate_of: str | None = None
    similarity: float = 1.0


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's seeded permutations, built once per process (they cost more than a signature)."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


@cache
def band_rows(threshold: float, num_perm: int = NUM_PERM) -> int:
    """Rows per band: the most (fewest false candidates) that still give a pair at the candidate
    Jaccard similarity a `_MIN_CANDIDATE_PROBABILITY` chance of sharing a band. For an overlap
    threshold of 0.8 and 128 values: 3 rows, 42 bands."""
    t = min(max(threshold * _CANDIDATE_JACCARD_SHARE, 0.05), 1.0)
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1.0 - (1.0 - t**rows) ** bands >= _MIN_CANDIDATE_PROBABILITY:
            return rows
    return 1


def near_fingerprint(text: str, threshold: float) -> NearFingerprint:
    """MinHash over the text's word 4-shingles (the same shingles as the SimHash), then its bands."""
    minhash = MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, permutations=_permutations(), scheme=MINHASH_SCHEME
    )
    unique = {s.encode("utf-8") for s in shingles(text)}
    minhash.update_batch(list(unique))
    signature = minhash.hashvalues.astype(np.uint32)
    rows = band_rows(threshold)
    bands = tuple(
        hashlib.blake2b(signature[i * rows : (i + 1) * rows].tobytes(), digest_size=8).hexdigest()
        for i in range(NUM_PERM // rows)
    )
    return NearFingerprint(signature=signature, size=len(unique), rows=rows, bands=bands)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def overlap(jaccard: float, size_a: int, size_b: int) -> float:
    """The shorter set's share found in the other, from their Jaccard similarity and sizes; plain
    Jaccard when the sizes are too far apart to call one a trimmed copy of the other."""
    small, large = sorted((max(size_a, 1), max(size_b, 1)))
    if small < MIN_SIZE_RATIO * large:
        return jaccard
    return min(1.0, jaccard * (small + large) / (1.0 + jaccard) / small)


def _decode(value: bytes | str | None) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


def doc_key(settings: Settings, article_id: str) -> str:
    return settings.key("near", "doc", article_id)


# One command instead of one per band: redis-py spends more time packing and parsing 40-odd small
# commands than Redis spends running them. KEYS: the article's record, then its band buckets;
# ARGV: the fewest shared bands that make a candidate, then each band's field.
_LOOKUP_SCRIPT = """
local own = redis.call('HMGET', KEYS[1], 'cluster', 'duplicate_of')
if own[1] then return {own[1], own[2] or ''} end
local shared, found = {}, {'', ''}
for i = 2, #KEYS do
  local ids = redis.call('HGET', KEYS[i], ARGV[i])
  if ids then
    for member in string.gmatch(ids, '[^,]+') do shared[member] = (shared[member] or 0) + 1 end
  end
end
for member, count in pairs(shared) do
  if count >= tonumber(ARGV[1]) then found[#found + 1] = member; found[#found + 1] = count end
end
return found
"""
# KEYS: the band buckets; ARGV: the article id, the TTL in seconds (0: none), then each band's field.
_INDEX_SCRIPT = """
local id, ttl = ARGV[1], tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  local ids = redis.call('HGET', key, ARGV[i + 2])
  if not ids then
    redis.call('HSET', key, ARGV[i + 2], id)
  elseif not string.find(',' .. ids .. ',', ',' .. id .. ',', 1, true) then
    redis.call('HSET', key, ARGV[i + 2], ids .. ',' .. id)
  end
  if ttl > 0 then redis.call('EXPIRE', key, ttl) end
end
return #KEYS
"""


def lookup(
    client: redis.Redis, settings: Settings, article_id: str, fingerprint: NearFingerprint
) -> NearMatch:
    """The cluster `article_id` joins. Two round trips: the bands (and the article's own record, so a
    re-published article keeps its cluster), then the signatures of the candidates sharing the most
    bands, if any share `MIN_SHARED_BANDS`."""
    keys = [doc_key(settings, article_id), *fingerprint.band_keys(settings)]
    own_cluster, own_duplicate_of, *found = (
        _decode(v)
        for v in client.eval(_LOOKUP_SCRIPT, len(keys), *keys, MIN_SHARED_BANDS, *fingerprint.band_fields())
    )
    if own_cluster:
        return NearMatch(cluster=own_cluster, duplicate_of=own_duplicate_of or None)
    shared = {str(m): int(c) for m, c in zip(found[::2], found[1::2], strict=True) if m != article_id}
    candidates = sorted(shared, key=lambda m: (-shared[m], m))[:MAX_VERIFIED_CANDIDATES]
    if not candidates:
        return NearMatch(cluster=article_id)
    pipe = client.pipeline(transaction=False)
    for candidate in candidates:
        pipe.hmget(doc_key(settings, candidate), "sig", "size", "cluster")
    best: NearMatch | None = None
    for candidate, (sig, size, cluster) in zip(candidates, pipe.execute(), strict=True):
        if sig is None or cluster is None or size is None or len(sig) != 8 * NUM_PERM:
            continue  # expired, or indexed with other parameters
        stored = np.frombuffer(bytes.fromhex(_decode(sig) or ""), dtype="<u4")
        jaccard = similarity(fingerprint.signature, stored)
        score = overlap(jaccard, fingerprint.size, int(size))
        if score >= settings.near_duplicate_threshold and (best is None or score > best.similarity):
            cluster_id = _decode(cluster) or candidate
            best = NearMatch(cluster=cluster_id, duplicate_of=cluster_id, similarity=score)
    return best or NearMatch(cluster=article_id)


def find_near_duplicate(
    client: redis.Redis, settings: Settings, data: dict[str, Any]
) -> tuple[str | None, str]:
    """(duplicate_of, cluster) for an article's event data, without indexing it."""
    match = lookup(
        client, settings, data["id"], near_fingerprint(data["text"], settings.near_duplicate_threshold)
    )
    return match.duplicate_of, match.cluster


def add_to_index(
    pipe: redis.client.Pipeline,
    settings: Settings,
    article_id: str,
    fingerprint: NearFingerprint,
    match: NearMatch,
    ttl_s: int | None = None,
) -> None:
    """Queue the index writes on `pipe` (inside the publishing MULTI; the signature goes as hex, so a
    client with `decode_responses` reads it back too): the article's record, then its
    id in each of its bands. A re-published (updated) article adds its new bands; old ones fail
    verification or still point at the same article."""
    key = doc_key(settings, article_id)
    record = {
        "sig": fingerprint.signature.astype("<u4").tobytes().hex(),
        "size": fingerprint.size,
        "cluster": match.cluster,
    }
    if match.duplicate_of:
        record["duplicate_of"] = match.duplicate_of
    pipe.hset(key, mapping=record)
    if ttl_s:
        pipe.expire(key, ttl_s)
    band_keys = fingerprint.band_keys(settings)
    pipe.eval(_INDEX_SCRIPT, len(band_keys), *band_keys, article_id, ttl_s or 0, *fingerprint.band_fields())
