"""The wheel lists its packages by name (pyproject.toml): a new sub-package left off that list would
import from the repository and fail in every installed worker."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_lists_every_package_of_the_source_tree():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "worker").rglob("__init__.py")
    }
    assert in_tree == listed
