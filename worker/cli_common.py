"""What every `newsworker` command shares: its exit codes, the `--redis-url` option, and how it
prints JSON (one line per object when stdout is a pipe or a file, indented only on a terminal)."""

from __future__ import annotations

import argparse
import json
import sys
from enum import IntEnum
from typing import Any, TextIO

from worker.config import Settings


class ExitCode(IntEnum):
    """The exit status of every command, as its `--help` states it."""

    OK = 0
    INPUTS_FAILED = 1
    USAGE = 2
    REDIS_UNREACHABLE = 3
    INTERRUPTED = 130


class RedisDown(Exception):
    """Redis (the broker and the stream store) is not reachable: said plainly, no traceback. Defined
    here, not in `worker.cli`, so that `python -m worker.cli` (where that module is `__main__`)
    catches the one class every command raises."""


EXIT_CODES_EPILOG = """exit codes:
  0    ok
  1    some inputs failed (each said on stderr; the others still came out)
  2    configuration or usage error
  3    Redis unreachable
  130  interrupted (Ctrl-C)

Events and results go to stdout (JSON Lines when stdout is not a terminal); logs go to stderr."""


class HelpFormatter(argparse.HelpFormatter):
    """Wraps a one-paragraph description; keeps text laid out in lines (the exit codes) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def command_parser_options() -> dict[str, Any]:
    """Keyword arguments for `add_parser`/`ArgumentParser`: the exit codes in every `--help`."""
    return {"epilog": EXIT_CODES_EPILOG, "formatter_class": HelpFormatter}


def redis_url_parent() -> argparse.ArgumentParser:
    """The `--redis-url` option, for every command that talks to Redis (`parents=[...]`)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--redis-url",
        metavar="URL",
        default=None,
        help="Redis to use (redis://, rediss://, unix://, sentinel://); overrides REDIS_URL",
    )
    return parent


def settings_for(args: argparse.Namespace, settings: Settings) -> Settings:
    """The settings with `--redis-url` applied, when the command has it and it was given."""
    url = getattr(args, "redis_url", None)
    return settings.with_redis_url(url) if url else settings


def emit_json(value: Any, *, compact: bool = False, stream: TextIO | None = None) -> None:
    """Print one JSON document: one line unless stdout is a terminal (and `compact` not asked)."""
    out = stream or sys.stdout
    pretty = not compact and out.isatty()
    print(json.dumps(value, ensure_ascii=False, indent=2 if pretty else None), file=out, flush=True)
