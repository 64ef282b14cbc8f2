"""`newsworker tail` and `newsworker status`: watching what the service publishes, and whether it runs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from worker.cli_common import (
    ExitCode,
    RedisDown,
    command_parser_options,
    emit_json,
    redis_url_parent,
)
from worker.config import Settings

TAIL_BATCH = 10


def command_tail(args: argparse.Namespace, settings: Settings) -> int:
    """Print events (or dead letters, or rejected entries) as a consumer of a group, acknowledging
    each one once printed. With `--count N`, exactly N are read and acknowledged."""
    import redis

    from worker.connections import connect_redis
    from worker.consume import EventConsumer, Rejection, decode_fields, parse_event
    from worker.redis_weather import describe_refusal, refusal_code

    stream = settings.stream
    if args.dead_letters:
        stream = settings.dead_letter_stream
    elif args.rejected:
        stream = settings.rejected_stream
    passed_over = 0

    def report(rejection: Rejection) -> None:
        nonlocal passed_over
        passed_over += 1
        aside = f"; set aside as {rejection.set_aside_as} on {settings.rejected_stream}"
        print(
            f"newsworker: entry {rejection.entry_id} of {rejection.stream} acknowledged, not shown: "
            f"{rejection.reason}: {rejection.error}{aside if rejection.set_aside_as else ''}",
            file=sys.stderr,
        )

    consumer = EventConsumer.from_settings(
        connect_redis(settings),
        settings,
        args.group,
        args.consumer,
        stream=stream,
        claim_idle_ms=settings.claim_idle_ms if args.claim_idle_ms is None else args.claim_idle_ms,
        parse=parse_event if stream == settings.stream else decode_fields,
        on_reject=report,
    )
    shown, interrupted = 0, False
    try:
        consumer.create_group("0")
        try:
            while args.count is None or shown < args.count:
                wanted = TAIL_BATCH if args.count is None else min(TAIL_BATCH, args.count - shown)
                deliveries = consumer.read(count=wanted, block_ms=args.block_ms)
                if not deliveries and not args.follow:
                    break
                for delivery in deliveries:
                    emit_json(delivery.event, compact=args.compact)
                    consumer.ack(delivery.entry_id)
                    shown += 1
        except KeyboardInterrupt:
            interrupted = True
        consumer.leave()
    except (redis.ConnectionError, redis.TimeoutError) as error:
        raise RedisDown(str(error)) from error
    except redis.ResponseError as error:
        if refusal_code(error) is not None:  # Redis refusing work (OOM, READONLY, LOADING...)
            raise RedisDown(describe_refusal(error)) from error
        print(f"newsworker: Redis refused to serve {stream}: {error}", file=sys.stderr)
        return ExitCode.INPUTS_FAILED
    print(
        f"{shown} entr{'y' if shown == 1 else 'ies'} from {stream} (group {args.group}, consumer "
        f"{consumer.name}); {passed_over} acknowledged without being shown",
        file=sys.stderr,
    )
    return ExitCode.INTERRUPTED if interrupted else ExitCode.OK


STATUS_EPILOG = """exit codes:
  0    ok: a worker answered the ping (with --worker: one of those named)
  1    no worker answered within --timeout
  2    configuration or usage error
  3    Redis unreachable
  130  interrupted (Ctrl-C)"""


def command_status(args: argparse.Namespace, settings: Settings) -> int:
    """Workers answering, queue depth, stream lengths, lag per group, recent dead letters by reason."""
    import redis

    from worker.connections import connect_redis
    from worker.status import exit_code, read_status, render_status

    try:
        status = read_status(connect_redis(settings), settings, timeout_s=args.timeout, only=args.worker)
    except (redis.ConnectionError, redis.TimeoutError) as error:
        raise RedisDown(str(error)) from error
    print(render_status(status, settings), flush=True)
    return exit_code(status)


def _milliseconds(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of milliseconds") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return number


def register(sub: Any) -> None:
    """Add `tail` and `status` to the `newsworker` parser's subcommands."""
    redis_url = redis_url_parent()
    tail = sub.add_parser(
        "tail",
        parents=[redis_url],
        help="read events with a consumer group (XREADGROUP/XACK) and print them",
        description="Read the event stream (or the dead-letter or rejected stream) as a consumer group, "
        "print each entry as JSON and acknowledge it. Own pending entries come first, then entries other "
        "consumers left idle too long (XAUTOCLAIM), then new ones; an entry that is not a valid event is "
        "acknowledged, reported on stderr and set aside on the rejected stream.",
        **command_parser_options(),
    )
    tail.add_argument(
        "--group", default="newsworker-tail", help="consumer group; created if new (default: %(default)s)"
    )
    tail.add_argument(
        "--consumer",
        default=None,
        help="consumer name within the group (default: <hostname>-<pid>-<random>, one per process)",
    )
    tail.add_argument(
        "--count", type=int, default=None, metavar="N", help="read and acknowledge exactly N entries"
    )
    tail.add_argument("--follow", "-f", action="store_true", help="keep waiting for new entries")
    tail.add_argument(
        "--block-ms",
        type=int,
        default=2000,
        metavar="MS",
        help="how long one read waits for new entries, in milliseconds (default: %(default)s)",
    )
    tail.add_argument(
        "--claim-idle-ms",
        type=_milliseconds,
        default=None,
        metavar="MS",
        help="take over entries other consumers left pending this long (default: NEWSWORKER_CLAIM_IDLE_MS)",
    )
    source = tail.add_mutually_exclusive_group()
    source.add_argument("--dead-letters", action="store_true", help="read the dead-letter stream instead")
    source.add_argument("--rejected", action="store_true", help="read the entries consumers set aside")
    tail.add_argument(
        "--compact", action="store_true", help="one line per entry on a terminal too (always so in a pipe)"
    )
    tail.set_defaults(handler=command_tail)

    status = sub.add_parser(
        "status",
        parents=[redis_url],
        help="workers, queue, streams, consumer-group lag, dead letters of the last hour",
        description="One screen for an operator; a healthcheck reads its exit code.",
        **{**command_parser_options(), "epilog": STATUS_EPILOG},
    )
    status.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for workers to answer")
    status.add_argument(
        "--worker",
        action="append",
        metavar="NAME",
        help="ping only this worker (repeatable), e.g. celery@$HOSTNAME in a container's healthcheck",
    )
    status.set_defaults(handler=command_status)
