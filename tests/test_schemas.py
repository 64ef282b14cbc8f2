"""The published schemas (top-level `schemas/`) and the ones the package ships are the same files."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from jsonschema import Draft202012Validator

REPOSITORY_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
PACKAGE_SCHEMAS = Path(__file__).resolve().parent.parent / "worker" / "schemas"


def _json_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.json"))}


def test_package_ships_exactly_the_published_schemas():
    published = _json_files(REPOSITORY_SCHEMAS)
    shipped = _json_files(PACKAGE_SCHEMAS)
    assert published, "no schema under schemas/"
    assert shipped == published, "schemas/ and worker/schemas/ differ: copy the changed file across"


def test_every_shipped_schema_is_a_valid_2020_12_schema():
    for name in _json_files(PACKAGE_SCHEMAS):
        schema = json.loads(files("worker.schemas").joinpath(name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
