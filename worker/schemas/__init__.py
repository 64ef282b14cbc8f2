"""The JSON Schemas newsworker validates against, shipped inside the package.

They live here, in the package itself, so that no working directory can shadow them (a folder
named `worker/` beside the process would otherwise hide a package directory mapped from elsewhere).
The repository's top-level `schemas/` holds the same files for readers of the design;
`tests/test_schemas.py` keeps the two identical.
"""
