"""The compiled schema check accepts and rejects exactly what `jsonschema` (the reference) does.

Every shipped schema is run both ways on valid samples and on many invalid ones made from them:
each field removed, replaced by a value of every JSON type, by strings a pattern reads differently
in Rust and Python (non-ASCII digits, a final newline), too long, and unknown fields added.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from worker.document import InputKind, load_document
from worker.events import article_data, article_text, schema_validator, validate_data
from worker.pipeline import extract_article
from worker.schema_check import CompiledSchema

FIXTURES = Path(__file__).parent / "fixtures"

REPLACEMENTS: list[Any] = [
    None,
    0,
    -1,
    1.5,
    1.0,
    True,
    "",
    "x",
    "x" * 9000,
    "https://example.org/a",
    "١٢٣٤-٠١-٠٢",  # Arabic-Indic digits: \d to Python, not to Rust
    "2024-01-02\n",  # `$` matches before a final newline in Python only
    "0123456789abcdef0123456789abcdef\n",
    "html",
    "base64",
    [],
    ["x"],
    [1],
    [""],
    {},
    {"kind": "html"},
    {"kind": "nope"},
    {"place": None, "agency": None},
    {"name": 1},
]


def _article_samples() -> list[dict[str, Any]]:
    samples = []
    for name, kind in (("wire_story.html", InputKind.HTML), ("wire_story.txt", InputKind.TEXT)):
        raw = (FIXTURES / name).read_bytes()
        article = extract_article(load_document(raw, kind=kind, url="https://news.example/story"))
        samples.append(article_data(article, source={"kind": "cli", "path": name}))
    return samples


def _task_samples(task: str) -> list[dict[str, Any]]:
    url = "https://news.example/story"
    return {
        "worker.tasks.ingest_url": [{"url": url}, {"url": url, "hints": {"title": "T"}, "source": None}],
        "worker.tasks.ingest_html": [{"html": "<p>x</p>", "url": url, "source": {"kind": "html"}}],
        "worker.tasks.ingest_text": [{"text": "words", "url": None}],
        "worker.tasks.ingest_document": [
            {"content": "PHA+", "kind": "html", "content_encoding": "base64", "source": {"kind": "cli"}}
        ],
        "worker.tasks.ingest_batch": [
            {
                "documents": [
                    {"content": "words"},
                    {"content": "PHA+", "kind": "html", "content_encoding": "base64"},
                ]
            }
        ],
        "worker.feed_tasks.poll_source": [{"url": url}],
        "worker.feed_tasks.schedule_due_sources": [{}],
    }[task]  # a new task's schema needs samples here


def _schemas() -> Iterator[tuple[str, dict[str, Any]]]:
    root = files("worker.schemas")
    for name in ("article.v1.json", "article.v2.json"):
        yield name, json.loads(root.joinpath(name).read_text(encoding="utf-8"))
    for item in sorted(root.joinpath("tasks").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            yield f"tasks/{item.name}", json.loads(item.read_text(encoding="utf-8"))


def _valid_samples(name: str) -> list[dict[str, Any]]:
    if name.startswith("tasks/"):
        return _task_samples(name.removeprefix("tasks/").removesuffix(".json"))
    samples = _article_samples()
    if name == "article.v1.json":
        samples = [{**data, "text": article_text(data)} for data in samples]
    return samples


def _variants(value: Any) -> Iterator[Any]:
    """The value with each field (at every depth) removed or replaced, and with a field added."""
    yield value
    if isinstance(value, dict):
        yield {**value, "unexpected": 1}
        for key, inner in value.items():
            yield {k: v for k, v in value.items() if k != key}
            for replacement in REPLACEMENTS:
                yield {**value, key: copy.deepcopy(replacement)}
            for changed in _variants(inner):
                if changed is not inner:
                    yield {**value, key: changed}
    elif isinstance(value, list) and value:
        for replacement in REPLACEMENTS[:8]:
            yield [*value, replacement]


@pytest.mark.parametrize("name,schema", list(_schemas()), ids=lambda v: v if isinstance(v, str) else "")
def test_compiled_check_accepts_and_rejects_as_jsonschema_does(name, schema):
    reference = Draft202012Validator(schema)
    compiled = CompiledSchema(schema)
    samples = _valid_samples(name)
    assert all(reference.is_valid(s) for s in samples), f"{name}: a valid sample is not valid"
    checked = rejected = 0
    for sample in samples:
        for variant in _variants(sample):
            expected = sorted(e.message for e in reference.iter_errors(variant))
            assert compiled.is_valid(variant) == (not expected), f"{name}: {variant!r:.300}"
            assert sorted(e.message for e in compiled.iter_errors(variant)) == expected
            checked += 1
            rejected += bool(expected)
    assert rejected >= checked // 2, f"{name}: too few invalid variants to mean anything"


def test_values_the_compiled_check_cannot_read_are_judged_by_jsonschema():
    compiled = schema_validator("article.v2.json")
    data = _article_samples()[0]
    assert not compiled.is_valid({**data, 1: "an integer key"})
    assert not compiled.is_valid({**data, "title": object()})


def test_a_date_ending_in_a_newline_is_as_valid_as_jsonschema_says():
    data = _article_samples()[0]
    data["published"] = "2024-01-02\n"  # Python's `$` matches before it; Rust's does not
    validate_data(data)  # the reference accepts it: so does the event check
