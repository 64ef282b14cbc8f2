"""The language model's feature counts, made for every byte at once in arrays, are py3langid's own
byte-by-byte walk's: the automaton forgets what it read more than `WALK_REACH` bytes back."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import visit_counts

from worker.extract.language import WALK_REACH, _identifier, _tables

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
