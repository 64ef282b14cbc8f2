"""The language model's feature counts, made for every byte at once in arrays, are py3langid's own
byte-by-byte walk's: the automaton forgets what it read more than `WALK_REACH` bytes back. Its
float16 weights, widened by moving their bits, are numpy's cast of them."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import visit_counts

from worker.extract.language import WALK_REACH, _identifier, _tables, _weight_bits, _weights

TEXTS = [
    "The council agreed on Tuesday to widen the bridge before the winter floods return.",
    "Le conseil a décidé mardi d'élargir le pont avant le retour des crues de l'hiver.",
    "Совет во вторник решил расширить мост до возвращения зимних паводков.",
    "市議会は火曜日、冬の洪水が戻る前に橋を広げることを決めた。",
    "a",
    "ab c",
    "12 34",
    "",
]


def test_from_any_state_the_reach_in_bytes_leads_where_it_leads_from_the_start() -> None:
    """Pairs (a state, the start) walked over every byte together: after `WALK_REACH` bytes no pair
    of different states is left. Walked in slices of states, to hold little memory at a time."""
    moves, rows, _ = _tables(_identifier())
    letters = np.arange(256, dtype=np.intp)
    count = len(rows)
    pairs = np.arange(count, dtype=np.int64) * count  # (state, start) as state * count + start
    for _ in range(WALK_REACH):
        found = []
        for piece in np.array_split(pairs, max(1, len(pairs) // 4096)):
            ours = moves[(rows[piece // count][:, None] + letters).ravel()].astype(np.int64)
            start = moves[(rows[piece % count][:, None] + letters).ravel()].astype(np.int64)
            apart = ours != start
            found.append(np.unique(ours[apart] * count + start[apart]))
        pairs = np.unique(np.concatenate(found))
    assert len(pairs) == 0


@pytest.mark.parametrize("text", TEXTS)
def test_the_array_walk_counts_each_feature_as_py3langid_does_in_first_seen_order(text: str) -> None:
    identifier = _identifier()
    raw = text.encode("utf-8")
    expected = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, raw)
    found = identifier.visits(raw)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert (found[0].tolist(), found[1].tolist()) == (list(expected), list(expected.values()))


def test_every_weight_of_the_shipped_model_widened_by_its_bits_is_numpys_cast() -> None:
    """All 100,000 rows, a slice at a time: the bit move is taken (every weight a negative normal
    number) and gives numpy's float32 of each weight, bit for bit."""
    identifier = _identifier()
    assert _weight_bits(identifier) is not None
    rows = identifier.nb_ptc.shape[0]
    for start in range(0, rows, 8192):
        features = np.arange(start, min(rows, start + 8192))
        widened = _weights(identifier, features)
        assert widened.dtype == np.float32
        assert widened.tobytes() == identifier.nb_ptc[features].astype(np.float32).tobytes()


class _Weights:
    def __init__(self, weights: np.ndarray) -> None:
        self.nb_ptc = weights


@pytest.mark.parametrize("weight", [0.0, -0.0, 1.5, -1e-6, -np.inf])
def test_a_model_with_a_weight_the_bit_move_cannot_widen_is_cast_by_numpy(weight: float) -> None:
    """Zero, a positive, a subnormal or an infinite weight: numpy's cast, which handles them all."""
    weights = np.array([[-1.0, -2.5], [weight, -0.125]], dtype=np.float16)
    identifier = _Weights(weights)
    assert _weight_bits(identifier) is None  # type: ignore[arg-type]
    widened = _weights(identifier, np.array([1, 0]))  # type: ignore[arg-type]
    assert np.asarray(widened, dtype=np.float32).tobytes() == weights[[1, 0]].astype(np.float32).tobytes()
