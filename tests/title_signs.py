"""The text title re-ranker's signs of a page's header lines, read as its training records them: a
helper for the re-ranker's specs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from worker.clean.text import clean_text
from worker.extract.text import read_layout_header, reading_text_page
from worker.extract.text_title_rank import FEATURES, Proposal, Reading, features


@contextmanager
def header_proposal(page: list[str]) -> Iterator[tuple[Proposal, Reading]]:
    """The header's proposal for the page written as `page` (one line per paragraph) and the
    re-ranker's reading of it; signs are read inside the block, while the page is being read."""
    from bench.train_titles import _Recorder

    layout = clean_text("\n\n".join(page))
    recorder = _Recorder()
    with reading_text_page(layout):
        read_layout_header(layout, recorder)
        yield recorder.proposal, Reading(recorder.proposal)


def sign(reading: Reading, line: int, name: str) -> float:
    """The value of the sign called `name` for the proposal's line at `line`."""
    return features(reading, line)[FEATURES.index(name)]
