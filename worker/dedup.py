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

The signature is datasketch's MinHash ("affine32", computed here with numpy, datasketch being the
tests' reference) over the low 32 bits of
each shingle's BLAKE2b digest, the digest the event's SimHash takes anyway (index version 2; version 1
hashed every shingle again with SHA-1). Workers of the two versions share an index harmlessly but do
not find each other's articles: across an upgrade, near duplicates are found among the articles of
the new version only, for one dedup window. The banding (LSH) lives in Redis, so every worker shares
one index, and its writes run in `publish_article`'s script (`INDEX_LUA`): an article is indexed
exactly when its event is appended.

Keys (under `settings.key_prefix`), each expiring with its day (see `retention`):
    near:doc:<id[:16]>                  string `cluster|dup|size|sig`: the cluster id, 1 when the
                                        article is a duplicate, its shingle count and its MinHash
                                        values' low 16 bits (base64); one string, not a hash,
                                        because a hash holding a long value costs a hash table
    near:<day>:<rows>:<band>:<bucket>   hash: the next 6 hex digits of a band's hash -> the short
                                        ids of that day's articles that have it, comma-separated
    near:width:<day>                    the day's bucket width: how many hex digits of a band's
                                        hash name its bucket (chosen from the day before's volume)
    near:count:<day>                    articles indexed that day

The index is time-bucketed: an article goes into the buckets of the day it is published, which
expire whole `dedup_s` after that day ends, and a lookup reads the buckets of every day still alive.
So a near duplicate is found when it comes within `NEWSWORKER_DEDUP_TTL_S` (default the retention,
7 days) of its original, and never after a day more; nothing refreshes a bucket's expiry.

Buckets are sized so each holds 6 to 96 (`_BUCKET_TARGET_ENTRIES`) of a day's articles: few
enough that Redis keeps the hash as a compact listpack (up to 128 entries), many enough that the
key's own cost is shared. A day's width is fixed at its first article, from the day before's count
(16 buckets a band up to 1,536 articles a day, 65,536 at a million); a first day at a much higher
volume than the day before overfills its buckets, which then cost more, for that day.

Two copies of a new story published at the same moment by workers on either side of midnight (by
their clocks) check different days' buckets, and may found two clusters; at any other time one
script finds the other's bands changed, and its task reads again and finds the other.

Candidates from the bands are verified on their stored signatures: a shared band is only a hint.
"""

from __future__ import annotations

import base64
import hashlib
import time
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import redis

from worker.config import Settings
from worker.dedup_scripts import FIELD_CHARS, LOOKUP_LUA
from worker.events import article_text
from worker.fingerprints import shingle_blake2b
from worker.retention import DAY_S, Retention, day_expires_at, days_within

NUM_PERM = 128
MINHASH_SEED = 7
MINHASH_SCHEME = "affine32"  # datasketch 2's default: uint32 values, collision-free permutations
MIN_SIZE_RATIO = 0.5
_FIELD_CHARS = FIELD_CHARS  # with the bucket's digits, 28 to 40 bits of a band's hash
_MIN_WIDTH, _MAX_WIDTH = 1, 4  # 16 to 65,536 buckets a band a day
_BUCKET_TARGET_ENTRIES = 96
SHORT_ID_CHARS = 16  # an article in the index: 64 bits of its id, no collision in a window's millions
SIGNATURE_BITS = 16  # b-bit MinHash: the low 16 bits of each value, enough to compare signatures
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

    def band_keys(self, settings: Settings, day: int, width: int) -> list[str]:
        """The bucket of each band on `day` (today's are checked unchanged when publishing)."""
        prefix = settings.key("near", str(day), str(self.rows), "")  # the same for every band
        return [f"{prefix}{i}:{h[:width]}" for i, h in enumerate(self.bands)]

    def band_fields(self, width: int) -> list[str]:
        """Each band's field in its bucket of a day of that width."""
        return [h[width : width + _FIELD_CHARS] for h in self.bands]

    def packed_fields(self, width: int) -> str:
        """`band_fields` as the scripts take them: one string, `_FIELD_CHARS` characters a field."""
        return "".join([h[width : width + _FIELD_CHARS] for h in self.bands])


@dataclass(frozen=True, slots=True)
class NearMatch:
    """Where an article belongs: `duplicate_of` is its cluster's first article, None for a new story."""

    cluster: str
    duplicate_of: str | None = None
    similarity: float = 1.0
    # A digest of today's band fields as the lookup read them: `publish` appends only while they are
    # unchanged, so two copies of a new story published at once cannot both found a cluster.
    bands_read: str = ""


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's seeded "affine32" permutations (`MinHash._init_permutations`: odd multipliers a,
    offsets b, drawn from `RandomState(MINHASH_SEED)`), made once per process. Made here rather
    than by datasketch, whose import brings scipy: a second of start-up and tens of MB in every
    worker process for two arrays (`tests/test_fingerprint_stability.py` checks they are equal)."""
    generator = np.random.RandomState(MINHASH_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


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


# datasketch's MurmurHash3 32-bit finalizer (`_fmix`), the pre-mix of its "affine32" scheme.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
_EMPTY_BLAKE2B_64 = hashlib.blake2b(digest_size=8)
_EMPTY_SIGNATURE = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def minhash_signature(hashes: np.ndarray) -> np.ndarray:
    """datasketch's MinHash of these 32-bit hash values ("affine32": each value pre-mixed with the
    MurmurHash3 finalizer, then min over the permutations a*h+b mod 2^32), without building a
    MinHash object for each article; `tests/test_fingerprint_stability.py` checks it against
    datasketch."""
    if not len(hashes):
        return _EMPTY_SIGNATURE.copy()
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    hv = hashes.astype(np.uint32)
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = _permutations()
    permuted = np.multiply.outer(a, hv)  # one row a permutation: the min runs along contiguous memory
    permuted += b[:, np.newaxis]
    return permuted.min(axis=1)


def _distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` (sorted distinct values) by one sort and a comparison of neighbours:
    numpy 2's `unique` hashes, about 4x slower on the ~2,000 digests of a page."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def near_fingerprint(text: str, threshold: float) -> NearFingerprint:
    """MinHash over the text's distinct word 4-shingles (the SimHash's shingles), then its bands.

    Each shingle's 32-bit hash is the low half of the BLAKE2b digest the SimHash already took of it
    (its first 4 bytes, little-endian), so a shingle is hashed once for both; until index
    version 2 it was a SHA-1 of its own, a second hash call on every shingle."""
    digests = _distinct(shingle_blake2b(text).view("<u8").ravel())
    signature = minhash_signature((digests & 0xFFFFFFFF).astype(np.uint32))
    rows = band_rows(threshold)
    values = signature.tobytes()
    width = rows * signature.itemsize
    copy = _EMPTY_BLAKE2B_64.copy  # a copy of an empty hasher: no keyword parsing a band
    bands = []
    for start in range(0, (NUM_PERM // rows) * width, width):
        hasher = copy()
        hasher.update(values[start : start + width])
        bands.append(hasher.hexdigest())
    return NearFingerprint(signature=signature, size=len(digests), rows=rows, bands=tuple(bands))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (full or b-bit): the share of equal values,
    less the share that low bits alone make equal by chance (Li and König's b-bit MinHash)."""
    mask = (1 << SIGNATURE_BITS) - 1
    equal = float(np.count_nonzero((a & mask) == (b & mask))) / len(a)
    chance = 1.0 / (1 << SIGNATURE_BITS)
    return max(0.0, (equal - chance) / (1.0 - chance))


def overlap(jaccard: float, size_a: int, size_b: int) -> float:
    """The shorter set's share found in the other, from their Jaccard similarity and sizes; plain
    Jaccard when the sizes are too far apart to call one a trimmed copy of the other."""
    small, large = sorted((max(size_a, 1), max(size_b, 1)))
    if small < MIN_SIZE_RATIO * large:
        return jaccard
    return min(1.0, jaccard * (small + large) / (1.0 + jaccard) / small)


def _decode(value: bytes | str | None) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


def short_id(article_id: str) -> str:
    return article_id[:SHORT_ID_CHARS]


def doc_key(settings: Settings, article_id: str) -> str:
    return settings.key("near", "doc", short_id(article_id))


def width_key(settings: Settings, day: int) -> str:
    return settings.key("near", "width", str(day))


def count_key(settings: Settings, day: int) -> str:
    return settings.key("near", "count", str(day))


def width_for_volume(articles_a_day: int) -> int:
    """Hex digits of a bucket name: the fewest that keep a day's buckets under the target."""
    width = _MIN_WIDTH
    while width < _MAX_WIDTH and articles_a_day > _BUCKET_TARGET_ENTRIES * 16**width:
        width += 1
    return width


@dataclass(frozen=True, slots=True)
class IndexDays:
    """The days a lookup reads, each with its bucket width (today first), and today's expiry."""

    today: int
    widths: dict[int, int]
    expires_at: int
    new_width: bool  # today's width is not recorded yet: this article's EXEC records it

    @property
    def today_width(self) -> int:
        return self.widths[self.today]

    @staticmethod
    def read_keys(settings: Settings, now_s: float) -> list[str]:
        """What `resolve` needs, read in the publishing MGET: yesterday's count, each day's width."""
        days = days_within(now_s, Retention.of(settings).dedup_s)
        return [count_key(settings, days[0] - 1), *(width_key(settings, d) for d in days)]

    @classmethod
    def resolve(cls, settings: Settings, now_s: float, values: list[str | None]) -> IndexDays:
        window_s = Retention.of(settings).dedup_s
        days = days_within(now_s, window_s)
        yesterday_count, *widths = values
        found = {day: int(w) for day, w in zip(days, widths, strict=True) if w}
        new_width = days[0] not in found
        if new_width:
            found[days[0]] = width_for_volume(int(yesterday_count or 0))
        ordered = {day: found[day] for day in days if day in found}
        return cls(days[0], ordered, day_expires_at(days[0], window_s), new_width)


def read_index_days(client: redis.Redis, settings: Settings, now_s: float) -> IndexDays:
    keys = IndexDays.read_keys(settings, now_s)
    return IndexDays.resolve(settings, now_s, [_decode(v) for v in client.mget(keys)])


def _encode_record(fingerprint: NearFingerprint, match: NearMatch) -> str:
    low = (fingerprint.signature & ((1 << SIGNATURE_BITS) - 1)).astype("<u2").tobytes()
    duplicate = "1" if match.duplicate_of else "0"
    return f"{match.cluster}|{duplicate}|{fingerprint.size}|{base64.b64encode(low).decode()}"


def _decode_record(record: str) -> tuple[str, int, np.ndarray] | None:
    """(cluster, size, b-bit signature), or None for a record of another format."""
    parts = record.split("|")
    if len(parts) != 4:
        return None
    signature = np.frombuffer(base64.b64decode(parts[3]), dtype="<u2")
    if len(signature) != NUM_PERM:
        return None
    return parts[0], int(parts[2]), signature.astype(np.uint32)


def lookup_command(
    settings: Settings, article_id: str, fingerprint: NearFingerprint, days: IndexDays
) -> list[Any]:
    """The EVAL arguments of the lookup's first round trip (for a pipeline): the bands of every day
    in the window, and the article's own record, so a re-published article keeps its cluster."""
    keys, fields = [doc_key(settings, article_id)], []
    for day, width in days.widths.items():
        keys += fingerprint.band_keys(settings, day, width)
        fields.append(fingerprint.packed_fields(width))
    return [LOOKUP_LUA, len(keys), *keys, MIN_SHARED_BANDS, len(fingerprint.bands), "".join(fields)]


def match_of(
    client: redis.Redis, settings: Settings, article_id: str, fingerprint: NearFingerprint, reply: list
) -> NearMatch:
    """The cluster `article_id` joins, from `lookup_command`'s reply: the signatures of the
    candidates sharing the most bands are read (one more round trip) if any share `MIN_SHARED_BANDS`."""
    own_cluster, own_duplicate_of, bands_read, *found = (_decode(v) for v in reply)
    if own_cluster:
        return NearMatch(cluster=own_cluster, duplicate_of=own_duplicate_of or None, bands_read=bands_read)
    own = short_id(article_id)
    shared = {str(m): int(c) for m, c in zip(found[::2], found[1::2], strict=True) if m != own}
    candidates = sorted(shared, key=lambda m: (-shared[m], m))[:MAX_VERIFIED_CANDIDATES]
    if not candidates:
        return NearMatch(cluster=article_id, bands_read=bands_read)
    records = client.mget([doc_key(settings, c) for c in candidates])
    best: NearMatch | None = None
    for record in records:
        decoded = _decode_record(_decode(record) or "")
        if decoded is None:
            continue  # expired, or indexed with other parameters
        cluster_id, size, stored = decoded
        score = overlap(similarity(fingerprint.signature, stored), fingerprint.size, size)
        if score >= settings.near_duplicate_threshold and (best is None or score > best.similarity):
            best = NearMatch(cluster_id, cluster_id, score, bands_read)
    return best or NearMatch(cluster=article_id, bands_read=bands_read)


def lookup(
    client: redis.Redis,
    settings: Settings,
    article_id: str,
    fingerprint: NearFingerprint,
    days: IndexDays | None = None,
) -> NearMatch:
    """The cluster `article_id` joins: `lookup_command`, then `match_of` (one or two round trips)."""
    days = days or read_index_days(client, settings, time.time())
    reply = client.eval(*lookup_command(settings, article_id, fingerprint, days))
    return match_of(client, settings, article_id, fingerprint, reply)


class RecordedWidths:
    """The bucket widths of days this process has read, by width key. A day's width never changes
    once recorded (it is set NX and expires with the day), so the next publish can look its bands up
    in the same round trip as it reads its dedup records; that read checks the guess."""

    _KEPT = 64

    def __init__(self) -> None:
        self._widths: dict[str, str] = {}

    def guess(self, settings: Settings, now_s: float, read_keys: list[str]) -> IndexDays | None:
        """The days `IndexDays.resolve` would give if every width is as remembered; None when
        today's is not known yet."""
        if read_keys[1] not in self._widths:
            return None
        return IndexDays.resolve(settings, now_s, [None, *(self._widths.get(k) for k in read_keys[1:])])

    def expected(self, read_keys: list[str]) -> list[str]:
        """What an `IndexDays.read_keys` read finds if every width is as remembered ('' for a day
        whose width is not known here; yesterday's count is never compared)."""
        return ["", *(self._widths.get(k, "") for k in read_keys[1:])]

    def remember(self, read_keys: list[str], values: list[str | None]) -> None:
        """Note the widths an `IndexDays.read_keys` read found recorded."""
        if len(self._widths) > self._KEPT:
            self._widths.clear()
        for key, value in zip(read_keys[1:], values[1:], strict=True):
            if value:
                self._widths[key] = value


def find_near_duplicate(
    client: redis.Redis, settings: Settings, data: dict[str, Any], *, now_s: float | None = None
) -> tuple[str | None, str]:
    """(duplicate_of, cluster) for an article's event data, without indexing it."""
    days = read_index_days(client, settings, time.time() if now_s is None else now_s)
    near = near_fingerprint(article_text(data), settings.near_duplicate_threshold)
    match = lookup(client, settings, data["id"], near, days)
    return match.duplicate_of, match.cluster


def index_writes(
    settings: Settings, article_id: str, fingerprint: NearFingerprint, match: NearMatch, days: IndexDays
) -> tuple[list[str], list[str | int]]:
    """INDEX_LUA's keys and arguments (run by `publish` in the script that appends the event): the
    article's record, then its short id in each of today's band buckets, all expiring with today. A
    re-published (updated) article adds its new bands and moves its record to today; old bands fail
    verification or still point at the same article."""
    band_keys = fingerprint.band_keys(settings, days.today, days.today_width)
    keys = [
        doc_key(settings, article_id),
        count_key(settings, days.today),
        width_key(settings, days.today),
        *band_keys,
    ]
    args: list[str | int] = [
        _encode_record(fingerprint, match),
        short_id(article_id),
        days.expires_at,
        (days.today + 2) * DAY_S,
        days.today_width if days.new_width else "",
        fingerprint.packed_fields(days.today_width),
    ]
    return keys, args
