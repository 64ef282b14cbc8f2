"""A JSON Schema (2020-12) compiled once per process: a check in microseconds, the reference's word.

`jsonschema` (pure Python) took about 2 ms to check one article event, paid by the publisher and by
every consumer, and again for each task's arguments. `jsonschema-rs` compiles the schema to native
code and checks the same event in microseconds. It is the fast path only: `jsonschema` stays the
reference, so accept and reject are exactly `jsonschema`'s, and its error messages are the ones
dead letters and rejections carry:

- the compiled check accepts: accepted. Where the two could differ is a Python value that is no
  JSON value (a tuple is an array to jsonschema-rs, not to jsonschema); every caller checks what
  `json.loads` gave or lists it built;
- it rejects (or cannot read the value): `jsonschema` decides. The two differ on some strings:
  `\\d` in a pattern is any Unicode digit to Python, ASCII to Rust, and `$` matches before a final
  newline in Python only; `jsonschema` accepting such a value is what counts.

`tests/test_schema_check.py` runs both on valid and invalid samples of every shipped schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError


class CompiledSchema:
    """One schema, checked fast (`jsonschema_rs`) with `jsonschema` as the reference."""

    __slots__ = ("_fast", "reference")

    def __init__(self, schema: dict[str, Any]) -> None:
        Draft202012Validator.check_schema(schema)
        self.reference = Draft202012Validator(schema)
        self._fast = jsonschema_rs.Draft202012Validator(schema)

    def fast_accepts(self, instance: Any) -> bool:
        try:
            return bool(self._fast.is_valid(instance))
        except (ValueError, TypeError, OverflowError):  # a value jsonschema-rs cannot read
            return False  # the reference decides

    def is_valid(self, instance: Any) -> bool:
        return self.fast_accepts(instance) or self.reference.is_valid(instance)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        """The reference's errors, none when the compiled check accepts (the usual case, fast)."""
        if self.fast_accepts(instance):
            return iter(())
        return self.reference.iter_errors(instance)
