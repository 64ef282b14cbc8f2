"""The line labeller's features: what a window line shows its neighbours of itself."""

from __future__ import annotations

from worker.clean.text import clean_text
from worker.extract.text_anchors import anchors
from worker.extract.text_label_signs import NEIGHBOUR_SIGNS
from worker.extract.text_labels import features, page_view, window

_PAGE = "\n".join(
    [
        "Front Page",
        "Local News",
        "Home > Local News > Transport",
        "",
        "Tram Line to the Old Mill Opens After Two Years of Work",
        "",
        "Marta Lindqvist",
        "By Marta Lindqvist",
        "March 3, 2025",
        "Local News",
        "",
        "The first tram left the depot at six in the morning, carrying a handful of commuters and a "
        "crowd of railway enthusiasts who had waited on the platform since before dawn.",
        "",
        "The line links the riverside estates with the station, and the city expects that it will "
        "carry several thousand passengers a day once the spring timetable starts in April.",
    ]
)
_OWN_ONLY = ("-1:", "1:", "metabelow:", "metaabove:", "hlrank:")


def _rows() -> list[list[str]]:
    layout = clean_text(_PAGE)
    top, lead = anchors(layout.lines, layout.body)
    view = page_view(layout.lines, layout.body, top, lead, layout.stopwords, gaps=layout.gaps)
    return features(view, window(view))


def test_a_line_shows_its_neighbours_its_word_count_and_its_neighbour_signs_in_its_own_order() -> None:
    rows = _rows()
    assert len(rows) > 3
    for position, row in enumerate(rows):
        assert row[0] == "bias"
        own = [sign for sign in row[1:] if not sign.startswith(_OWN_ONLY)]
        shown = [own[0], *[sign for sign in own[1:] if sign in NEIGHBOUR_SIGNS]]
        assert own[0].startswith("w:")
        if position + 1 < len(rows):
            assert [s[3:] for s in rows[position + 1] if s.startswith("-1:")] == shown
        if position:
            assert [s[2:] for s in rows[position - 1] if s.startswith("1:")] == shown
    # the page shows each neighbour sign at least once, so none is left out of the contract unseen
    seen = {sign for row in rows for sign in row}
    assert {"byline", "date", "name", "hl", "prose", "dup", "crumbline"} <= seen


def test_the_lines_around_a_byline_read_how_far_it_stands() -> None:
    rows = _rows()
    byline = next(p for p, row in enumerate(rows) if "byline" in row)
    assert "metabelow:1" in rows[byline - 1]
    assert "metaabove:1" in rows[byline + 1]
