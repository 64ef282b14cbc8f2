"""A list article that closes each entry with the same "More on ..." box keeps every entry: a section
head repeated under paragraphs heads boxes inside the article, not its end.

Every fixture is written for these tests, in the shape of a page copied whole from a browser."""

from __future__ import annotations

from worker.clean.text import clean_text

HEADER = ["Campus Guide", "The five harbour colleges, ranked", "Updated May 3, 2025"]
ENTRIES = [
    (
        "1. North Quay College",
        "North Quay College has trained the coast's ship engineers for a century, and its workshops by "
        "the water still build a small boat every year with the students who will later sail it. Most of "
        "its graduates find work within a month.",
    ),
    (
        "2. Lighthouse Institute",
        "The Lighthouse Institute is smaller and younger, but its courses in marine biology fill up within "
        "a week, thanks to a research station on the cliffs that students run on their own. Its library "
        "opens all night in the exam weeks.",
    ),
    (
        "3. Dockside School of Trade",
        "Dockside teaches the business of the port rather than its ships: logistics, customs and insurance, "
        "with a year spent at one of the shipping firms that fund most of its scholarships. Classes are "
        "taught in the evening as well.",
    ),
    (
        "4. Harbour Arts Academy",
        "Painters have come to the harbour for its light since the old fish market closed, and the academy "
        "that grew out of their studios now offers degrees in design, film and photography. Its summer "
        "show draws crowds from the whole region.",
    ),
]
FOOTER = ["Related stories", "When to apply for a scholarship", "Copyright 2025 Campus Guide."]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks)


def _box(name: str) -> list[str]:
    return [
        f"More on {name}:",
        f"{name} Admissions Guide",
        f"Visiting {name}",
        f"{name} Graduate Jobs Report",
    ]


def _entries(count: int) -> list[list[str]]:
    blocks: list[list[str]] = []
    for head, paragraph in ENTRIES[:count]:
        name = head.partition(" ")[2]
        blocks += [[head], [paragraph], _box(name)]
    return blocks


def test_every_entry_under_a_repeated_more_on_box_is_kept() -> None:
    paragraphs = clean_text(_page(HEADER, *_entries(4), FOOTER)).paragraphs
    assert [paragraph for _head, paragraph in ENTRIES] == [p for p in paragraphs if len(p) > 80]


def test_the_repeated_boxes_are_not_kept() -> None:
    paragraphs = clean_text(_page(HEADER, *_entries(4), FOOTER)).paragraphs
    assert not any(p.startswith("More on") or p.endswith("Graduate Jobs Report") for p in paragraphs)


def test_a_more_on_head_seen_twice_still_ends_the_article() -> None:
    # Two boxes could be the article's last box and the page's own: no pattern to read.
    paragraphs = clean_text(_page(HEADER, *_entries(2), FOOTER)).paragraphs
    assert ENTRIES[1][1] not in paragraphs or ENTRIES[0][1] not in paragraphs
