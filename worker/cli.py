"""`newsworker`: extract locally, submit to the service, run it, and watch what it publishes."""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from worker import __version__
from worker.config import ConfigError, Settings
from worker.document import InputKind, load_document
from worker.errors import NewsworkerError
from worker.events import article_data
from worker.pipeline import extract_article

log = logging.getLogger("newsworker")

INPUT_SUFFIXES = {
    ".html": InputKind.HTML,
    ".htm": InputKind.HTML,
    ".xhtml": InputKind.HTML,
    ".txt": InputKind.TEXT,
    ".text": InputKind.TEXT,
}
PROGRESS_MIN_ITEMS = 5


class RedisDown(Exception):
    """Redis (the broker and the stream store) is not reachable: said plainly, no traceback."""


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path | None  # None for stdin

    @property
    def name(self) -> str:
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
    """Files as given; folders recursively, keeping files whose extension names an input kind."""
    for raw in paths:
        if raw == "-":
            yield InputFile(None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                suffixes = [s.lower() for s in child.suffixes if s.lower() != ".gz"]
                if child.is_file() and suffixes and suffixes[-1] in INPUT_SUFFIXES:
                    yield InputFile(child)
        else:
            yield InputFile(path)


def progress(items: list, description: str) -> Iterable:
    show = len(items) >= PROGRESS_MIN_ITEMS and sys.stderr.isatty()
    return tqdm(items, desc=description, unit="doc", file=sys.stderr, disable=not show)


def command_extract(args: argparse.Namespace, settings: Settings) -> int:
    inputs = list(expand_paths(args.paths))
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for item in progress(inputs, "extract"):
        try:
            document = load_document(
                item.read(), kind=item.kind(InputKind(args.as_kind)), url=args.url, limits=settings.parse
            )
            data = article_data(
                extract_article(document, limits=settings.parse), source={"kind": "cli", "path": item.name}
            )
        except (NewsworkerError, OSError, EOFError, gzip.BadGzipFile) as error:
            failures += 1
            reason = getattr(error, "reason", "unreadable")
            print(f"{item.name}: {reason}: {error}", file=sys.stderr)
            continue
        line = json.dumps(data, ensure_ascii=False)
        if out_dir:
            (out_dir / f"{item.stem}.json").write_text(line + "\n", encoding="utf-8")
        else:
            print(line, flush=True)
    return 1 if failures else 0


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def command_submit(args: argparse.Namespace, settings: Settings) -> int:
    from kombu.exceptions import OperationalError

    from worker.celery_app import app, apply_settings
    from worker.tasks import ingest_document, ingest_url

    apply_settings(app, settings)
    urls = [value for value in args.inputs if _is_url(value)]
    files = list(expand_paths(value for value in args.inputs if not _is_url(value)))
    queued = 0
    try:
        for url in progress(urls, "submit urls"):
            ingest_url.delay(url)
            queued += 1
        for item in progress(files, "submit files"):
            content = base64.b64encode(item.read()).decode("ascii")
            ingest_document.delay(
                content,
                kind=str(item.kind(InputKind(args.as_kind))),
                url=args.url,
                content_encoding="base64",
                source={"kind": "cli", "path": item.name},
            )
            queued += 1
    except OperationalError as error:
        raise RedisDown(str(error)) from error
    print(f"queued {queued} task(s) on {settings.redis_url_masked}", file=sys.stderr)
    return 0


def command_tail(args: argparse.Namespace, settings: Settings) -> int:
    import redis

    from worker.connections import connect_redis
    from worker.publish import StreamReader, event_from_entry
    from worker.redis_weather import describe_refusal, refusal_code

    stream = settings.dead_letter_stream if args.dead_letters else settings.stream
    reader = StreamReader(connect_redis(settings), stream, args.group, args.consumer)
    shown = 0
    try:
        reader.create_group("0")
        while args.count is None or shown < args.count:
            pending = reader.read(count=10, pending=True)
            entries = pending or reader.read(count=10, block_ms=args.block_ms)
            if not entries and not args.follow:
                break
            for entry_id, fields in entries:
                body = fields if args.dead_letters else event_from_entry(fields)
                print(json.dumps(body, ensure_ascii=False, indent=None if args.compact else 2), flush=True)
                reader.ack(entry_id)
                shown += 1
    except (redis.ConnectionError, redis.TimeoutError) as error:
        raise RedisDown(str(error)) from error
    except redis.ResponseError as error:  # Redis refusing work (OOM, READONLY, LOADING...)
        if refusal_code(error) is None:
            raise
        raise RedisDown(describe_refusal(error)) from error
    print(f"{shown} entr{'y' if shown == 1 else 'ies'} from {stream} (group {args.group})", file=sys.stderr)
    return 0


def command_run(args: argparse.Namespace, settings: Settings) -> int:
    from worker.service import run_service

    return run_service(settings, concurrency=args.concurrency, beat=not args.no_beat, loglevel=args.loglevel)


def command_demo(args: argparse.Namespace, settings: Settings) -> int:
    from worker.service import run_demo

    return run_demo(settings, timeout_s=args.timeout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsworker", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newsworker {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="clean and extract files locally (no Redis), print event data")
    extract.add_argument(
        "paths", nargs="+", help="files or folders (.html, .htm, .html.gz, .txt), or - for stdin"
    )
    extract.add_argument("--as", dest="as_kind", choices=[k.value for k in InputKind], default="auto")
    extract.add_argument("--url", help="the page's URL, when known")
    extract.add_argument("--out", help="write DIR/<name>.json per input instead of JSON Lines on stdout")
    extract.set_defaults(handler=command_extract)

    submit = sub.add_parser("submit", help="queue files, folders (recursively) and URLs for the workers")
    submit.add_argument("inputs", nargs="+")
    submit.add_argument("--as", dest="as_kind", choices=[k.value for k in InputKind], default="auto")
    submit.add_argument("--url", help="the page's URL, for a single file")
    submit.set_defaults(handler=command_submit)

    run = sub.add_parser("run", help="start worker and beat (an embedded Redis if none is configured)")
    run.add_argument("--concurrency", type=int, default=None)
    run.add_argument("--no-beat", action="store_true", help="start the worker only")
    run.add_argument("--loglevel", default="INFO")
    run.set_defaults(handler=command_run)

    tail = sub.add_parser("tail", help="read events with a consumer group (XREADGROUP/XACK) and print them")
    tail.add_argument("--group", default="newsworker-tail")
    tail.add_argument("--consumer", default="cli")
    tail.add_argument("--count", type=int, default=None, help="stop after this many")
    tail.add_argument("--follow", "-f", action="store_true", help="wait for new events")
    tail.add_argument("--block-ms", type=int, default=2000)
    tail.add_argument("--dead-letters", action="store_true", help="read the dead-letter stream instead")
    tail.add_argument("--compact", action="store_true", help="one line per event")
    tail.set_defaults(handler=command_tail)

    demo = sub.add_parser("demo", help="run the service on the bundled samples and show the events")
    demo.add_argument("--timeout", type=float, default=60.0)
    demo.set_defaults(handler=command_demo)

    from worker.cli_feeds import register as register_feed_commands

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
        settings = Settings.from_env()
        return args.handler(args, settings)
    except ConfigError as error:
        print(f"newsworker: configuration error: {error}", file=sys.stderr)
        return 2
    except RedisDown as error:
        print(
            f"newsworker: Redis at {settings.redis_url_masked} is not reachable or refuses work ({error}). "
            "Start it, or set REDIS_URL.",
            file=sys.stderr,
        )
        return 3
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
