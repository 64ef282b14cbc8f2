"""`newsworker`: extract locally, submit to the service, run it, and watch what it publishes."""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tqdm import tqdm

from worker import __version__
from worker.cli_common import (
    ExitCode,
    RedisDown,
    command_parser_options,
    emit_json,
    redis_url_parent,
    settings_for,
)
from worker.cli_submit import command_submit
from worker.config import ConfigError, Settings
from worker.document import InputKind, load_document, load_fetched_page
from worker.errors import NewsworkerError
from worker.events import article_data
from worker.pipeline import extract_article
from worker.warc import is_warc

log = logging.getLogger("newsworker")

INPUT_SUFFIXES = {
    ".html": InputKind.HTML,
    ".htm": InputKind.HTML,
    ".xhtml": InputKind.HTML,
    ".txt": InputKind.TEXT,
    ".text": InputKind.TEXT,
}
PROGRESS_MIN_ITEMS = 5


@dataclass(frozen=True, slots=True)
class InputFile:
    """One local input. `label` is what an event may say about it: the file's name, or its path
    under the folder that was given; never an absolute local path."""

    path: Path | None  # None for stdin
    label: str = "-"

    @property
    def name(self) -> str:
        """As the user gave it, for messages on stderr."""
        return "-" if self.path is None else str(self.path)

    @property
    def stem(self) -> str:
        """File name without its extensions: `page.html.gz` -> `page`."""
        if self.path is None:
            return "stdin"
        return self.path.name.split(".", 1)[0] or self.path.name

    def kind(self, requested: InputKind) -> InputKind:
        if requested is not InputKind.AUTO or self.path is None:
            return requested
        suffixes = [s.lower() for s in self.path.suffixes if s.lower() != ".gz"]
        return INPUT_SUFFIXES.get(suffixes[-1] if suffixes else "", InputKind.AUTO)

    def read(self) -> bytes:
        raw = sys.stdin.buffer.read() if self.path is None else self.path.read_bytes()
        if self.path is not None and self.path.suffix.lower() == ".gz":
            raw = gzip.decompress(raw)
        return raw


def expand_paths(paths: Iterable[str]) -> Iterator[InputFile]:
    """Files as given; folders recursively, keeping files whose extension names an input kind, and
    web archives (.warc, .warc.gz)."""
    for raw in paths:
        if raw == "-":
            yield InputFile(None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                suffixes = [s.lower() for s in child.suffixes if s.lower() != ".gz"]
                wanted = is_warc(child) or (suffixes and suffixes[-1] in INPUT_SUFFIXES)
                if child.is_file() and wanted:
                    yield InputFile(child, child.relative_to(path).as_posix())
        else:
            yield InputFile(path, path.name)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _url_stem(url: str) -> str:
    """A file name for `--out`: the URL's last path segment without extension, else its host."""
    parts = urlsplit(url)
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1].split(".", 1)[0]
    return segment or parts.hostname or "page"


def progress(items: list, description: str) -> Iterable:
    show = len(items) >= PROGRESS_MIN_ITEMS and sys.stderr.isatty()
    return tqdm(items, desc=description, unit="doc", file=sys.stderr, disable=not show)


def command_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Local extraction: files, folders, stdin, and URLs fetched under the worker's fetch policy."""
    from worker.fetch import FetchPolicy, fetch, new_client

    inputs: list[InputFile | str] = []
    for value in args.paths:
        inputs.extend([value] if is_url(value) else expand_paths([value]))
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    policy = FetchPolicy.from_settings(settings)
    failures = 0
    with new_client() as http:
        for item in progress(inputs, "extract"):
            name = item if isinstance(item, str) else item.name
            try:
                if isinstance(item, str):
                    page = fetch(item, policy=policy, client=http)
                    document = load_fetched_page(
                        page.body, url=page.final_url, content_type=page.content_type, limits=settings.parse
                    )
                    source, stem = {"kind": "cli", "url": page.final_url}, _url_stem(item)
                else:
                    kind = item.kind(InputKind(args.as_kind))
                    document = load_document(item.read(), kind=kind, url=args.url, limits=settings.parse)
                    source, stem = {"kind": "cli", "path": item.label}, item.stem
                data = article_data(extract_article(document, limits=settings.parse), source=source)
            except (NewsworkerError, OSError, EOFError, gzip.BadGzipFile) as error:
                failures += 1
                reason = getattr(error, "reason", "unreadable")
                print(f"{name}: {reason}: {error}", file=sys.stderr)
                continue
            if out_dir:
                line = json.dumps(data, ensure_ascii=False)
                (out_dir / f"{stem}.json").write_text(line + "\n", encoding="utf-8")
            else:
                emit_json(data)
    return ExitCode.INPUTS_FAILED if failures else ExitCode.OK


RUN_EPILOG = """exit codes (as a shell reports them: 128 + the signal that stopped it):
  0    ok: the worker stopped by itself, cleanly (celery -A worker.celery_app control shutdown)
  1    the worker stopped with an error (its log says why)
  2    configuration or usage error
  3    Redis unreachable
  130  interrupted (Ctrl-C, SIGINT), after the worker's warm shutdown
  143  terminated (SIGTERM: docker stop, systemctl stop, kill), after the worker's warm shutdown
  128+N  the worker died of signal N (137: SIGKILL, e.g. out of memory)

Logs go to stderr."""


def command_run(args: argparse.Namespace, settings: Settings) -> int:
    from worker.service import run_service

    return run_service(settings, concurrency=args.concurrency, beat=not args.no_beat, loglevel=args.loglevel)


def command_demo(args: argparse.Namespace, settings: Settings) -> int:
    from worker.service import run_demo

    return run_demo(settings, timeout_s=args.timeout)


KIND_HELP = "read inputs as html or text; auto decides by extension, then by content (default: %(default)s)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsworker", description=__doc__, **command_parser_options())
    parser.add_argument("--version", action="version", version=f"newsworker {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    redis_url = redis_url_parent()
    kinds = [k.value for k in InputKind]

    extract = sub.add_parser(
        "extract",
        help="clean and extract files or URLs locally (no Redis), print event data",
        description="Clean and extract locally, without Redis; print each input's event data. A URL is "
        "fetched under the worker's fetch policy (http/https only, private addresses refused unless "
        "NEWSWORKER_ALLOW_PRIVATE_NETWORKS=true, NEWSWORKER_FETCH_* caps).",
        **command_parser_options(),
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="INPUT",
        help="files or folders (.html, .htm, .html.gz, .txt), http(s) URLs, or - for stdin",
    )
    extract.add_argument("--as", dest="as_kind", choices=kinds, default="auto", help=KIND_HELP)
    extract.add_argument("--url", help="the page's URL, when known (for files and stdin)")
    extract.add_argument(
        "--out", metavar="DIR", help="write DIR/<name>.json per input instead of printing to stdout"
    )
    extract.set_defaults(handler=command_extract)

    submit = sub.add_parser(
        "submit",
        parents=[redis_url],
        help="queue files, folders (recursively), web archives (WARC) and URLs for the workers",
        description="Queue inputs for the workers: URLs as ingest_url tasks; files, and the HTML and text "
        "pages of WARC files (response records with a 2xx status), as ingest_batch tasks of at most "
        "NEWSWORKER_BATCH_MAX_DOCUMENTS documents. Submitting a WARC file again queues only the pages "
        "not queued before; unreadable parts of it become bad_archive dead letters.",
        **command_parser_options(),
    )
    submit.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders (read recursively: .html, .htm, .html.gz, .txt, .warc, .warc.gz), WARC files "
        "or http(s) URLs",
    )
    submit.add_argument("--as", dest="as_kind", choices=kinds, default="auto", help=KIND_HELP)
    submit.add_argument("--url", help="the page's URL, for a single file")
    submit.set_defaults(handler=command_submit)

    run = sub.add_parser(
        "run",
        parents=[redis_url],
        help="start worker and beat (an embedded Redis if none is configured)",
        description="Start a Celery worker and beat as a child process; Ctrl-C for a warm shutdown.",
        **{**command_parser_options(), "epilog": RUN_EPILOG},
    )
    run.add_argument(
        "--concurrency",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: NEWSWORKER_CONCURRENCY, else one per core)",
    )
    run.add_argument("--no-beat", action="store_true", help="start the worker only, no scheduler")
    run.add_argument(
        "--loglevel",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"],
        type=str.upper,
        help="the worker's log level, on stderr (default: %(default)s)",
    )
    run.set_defaults(handler=command_run)

    demo = sub.add_parser(
        "demo",
        parents=[redis_url],
        help="run the service on the bundled samples and show the events",
        description="Start a worker, submit the bundled samples under a key prefix of the demo's own, "
        "print the events a consumer group receives (stdout: events only), and clean up.",
        **command_parser_options(),
    )
    demo.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="give up waiting for the events after this long (default: %(default)s)",
    )
    demo.set_defaults(handler=command_demo)

    from worker.cli_feeds import register as register_feed_commands
    from worker.cli_watch import register as register_watch_commands

    register_watch_commands(sub)
    register_feed_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        settings = settings_for(args, Settings.from_env())
        return args.handler(args, settings)
    except ConfigError as error:
        print(f"newsworker: configuration error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    except RedisDown as error:
        print(
            f"newsworker: Redis at {settings.redis_url_masked} is not reachable or refuses work ({error}). "
            "Start it, or give --redis-url or REDIS_URL.",
            file=sys.stderr,
        )
        return ExitCode.REDIS_UNREACHABLE
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader stopped early (`newsworker tail -f | head -1`): end quietly, no traceback. A
        # tail entry whose line could not be written was not acknowledged.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
