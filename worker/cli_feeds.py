"""`newsworker sources add|list|remove|load` and `newsworker poll`: follow sources, poll one now.

`register(subparsers)` adds the commands to the main parser; each handler takes
`(args, settings)` like the other commands and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import redis

from worker.cli_common import ExitCode, command_parser_options, redis_url_parent, settings_for
from worker.config import ConfigError, Settings
from worker.connections import connect_redis
from worker.errors import FetchError
from worker.redis_weather import refusal_code


def register(subparsers: Any) -> None:
    """Add `sources` and `poll` to the `newsworker` parser's subcommands."""
    redis_url = redis_url_parent()
    sources = subparsers.add_parser(
        "sources",
        help="the followed feeds and sitemaps (kept in Redis)",
        description="Follow feeds and sitemaps: beat polls each one at its interval.",
        **command_parser_options(),
    )
    actions = sources.add_subparsers(dest="sources_command", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add", parents=[redis_url], help="follow a feed or sitemap (due at once)", **command_parser_options()
    )
    add.add_argument("url", help="the feed's or sitemap's http(s) URL")
    add.add_argument(
        "--interval",
        type=float,
        default=None,
        metavar="SECONDS",
        help="seconds between polls (default: NEWSWORKER_POLL_INTERVAL_S)",
    )
    add.set_defaults(handler=command_sources_add)
    listing = actions.add_parser(
        "list",
        parents=[redis_url],
        help="every followed source with its interval and next poll",
        **command_parser_options(),
    )
    listing.set_defaults(handler=command_sources_list)
    remove = actions.add_parser(
        "remove", parents=[redis_url], help="stop following a source", **command_parser_options()
    )
    remove.add_argument("url", help="the source's URL, as listed")
    remove.set_defaults(handler=command_sources_remove)
    load = actions.add_parser(
        "load",
        parents=[redis_url],
        help="load the source file now (as beat does at start)",
        **command_parser_options(),
    )
    load.add_argument("path", nargs="?", help="YAML or TOML file (default: NEWSWORKER_SOURCES)")
    load.set_defaults(handler=command_sources_load)

    poll_parser = subparsers.add_parser(
        "poll",
        parents=[redis_url],
        help="poll one feed or sitemap now and queue its new entries",
        description="Poll one feed or sitemap now: print each new and skipped URL and a summary.",
        **command_parser_options(),
    )
    poll_parser.add_argument("source_url", metavar="URL", help="the feed's or sitemap's http(s) URL")
    poll_parser.set_defaults(handler=command_poll)


def _redis_guard(handler: Any) -> Any:
    """Redis down is said plainly with its exit status, never a traceback."""

    def wrapped(args: argparse.Namespace, settings: Settings | None = None) -> int:
        settings = settings_for(args, settings or Settings.from_env())
        try:
            return handler(args, settings)
        except (redis.ConnectionError, redis.TimeoutError, redis.ResponseError) as error:
            if isinstance(error, redis.ResponseError) and refusal_code(error) is None:
                raise  # a bug, not Redis saying no (OOM, READONLY, LOADING...)
            print(
                f"newsworker: Redis at {settings.redis_url_masked} is not reachable "
                f"or refuses work ({error}).",
                file=sys.stderr,
            )
            return ExitCode.REDIS_UNREACHABLE

    wrapped.__doc__ = handler.__doc__
    return wrapped


@_redis_guard
def command_sources_add(args: argparse.Namespace, settings: Settings) -> int:
    from worker.sources import add_source

    try:
        source = add_source(connect_redis(settings), settings, args.url, interval_s=args.interval)
    except ConfigError as error:
        print(f"newsworker: {error}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"following {source.url} every {source.effective_interval_s(settings):.0f}s")
    return ExitCode.OK


@_redis_guard
def command_sources_list(args: argparse.Namespace, settings: Settings) -> int:
    from worker.sources import list_sources

    now = time.time()
    rows = list_sources(connect_redis(settings), settings)
    for source, due_at in rows:
        interval = f"{source.effective_interval_s(settings):.0f}s" + (
            "" if source.interval_s else " (default)"
        )
        due = "not scheduled" if due_at is None else _relative(due_at - now)
        print(f"{source.url}\tevery {interval}\tnext poll {due}\tfrom {source.origin}")
    print(f"{len(rows)} source(s)", file=sys.stderr)
    return ExitCode.OK


@_redis_guard
def command_sources_remove(args: argparse.Namespace, settings: Settings) -> int:
    from worker.sources import remove_source

    if remove_source(connect_redis(settings), settings, args.url.strip()):
        print(f"stopped following {args.url}")
        return ExitCode.OK
    print(f"newsworker: {args.url} is not a followed source", file=sys.stderr)
    return ExitCode.INPUTS_FAILED


@_redis_guard
def command_sources_load(args: argparse.Namespace, settings: Settings) -> int:
    from worker.sources import sync_sources_file

    path = args.path or settings.sources_file
    if not path:
        print("newsworker: give a file or set NEWSWORKER_SOURCES", file=sys.stderr)
        return ExitCode.USAGE
    try:
        result = sync_sources_file(connect_redis(settings), settings, path)
    except (ConfigError, OSError) as error:
        print(f"newsworker: {error}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"{path}: {len(result.added)} added, {len(result.updated)} updated, {len(result.removed)} removed")
    return ExitCode.OK


@_redis_guard
def command_poll(args: argparse.Namespace, settings: Settings) -> int:
    """Poll now, queue what is new on the broker, print each URL and a summary line."""
    from worker.celery_app import app, apply_settings
    from worker.feed_tasks import enqueue_ingest
    from worker.fetch import new_client
    from worker.polite import policy_from
    from worker.poll import PollContext, poll

    if app.newsworker_settings != settings:  # keep an app already configured with these settings
        apply_settings(app, settings)
    with new_client() as http:
        ctx = PollContext(
            redis=connect_redis(settings),
            settings=settings,
            http=http,
            policy=policy_from(settings),
            enqueue=enqueue_ingest,
        )
        try:
            report = poll(args.source_url, ctx)
        except FetchError as error:
            print(f"newsworker: {args.source_url}: {error.reason}: {error}", file=sys.stderr)
            return ExitCode.INPUTS_FAILED
    for child in report.children:
        print(f"child sitemap\t{child}")
    for url in report.new:
        print(f"new\t{url}")
    for skip in report.skipped:
        print(f"skipped ({skip.reason})\t{skip.url}")
    for failure in report.failures:
        print(f"failed ({failure.error.reason})\t{failure.url}\t{failure.error}", file=sys.stderr)
    print(report.summary())
    return ExitCode.INPUTS_FAILED if report.failures else ExitCode.OK


def _relative(seconds: float) -> str:
    if seconds <= 0:
        return "now (due)"
    return f"in {seconds:.0f}s"
