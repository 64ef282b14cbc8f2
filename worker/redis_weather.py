"""Redis refusing work is weather, not a crash: which replies mean "not now", and waiting them out.

A Redis that is up can still say no for a while:

    OOM          used memory is over `maxmemory` and the policy (noeviction) frees nothing
    READONLY     the server is a replica now (a failover demoted it)
    LOADING      it is reading its dataset after a start
    BUSY         a script has run past `lua-time-limit`
    MASTERDOWN   a replica lost its master and serves no stale data
    NOREPLICAS   fewer replicas than `min-replicas-to-write` are in sync
    UNBLOCKED    a blocking command was cut short because the server changed role

redis-py raises these as `ResponseError`s (some as subclasses, BUSY and UNBLOCKED as the plain
class), the same type as a genuine bug such as WRONGTYPE, so the reply's code decides. Together with
lost connections and timeouts they are `redis_unavailable`: retried, never a dead letter of the input.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

import redis
from redis.exceptions import BusyLoadingError, MasterDownError, OutOfMemoryError, ReadOnlyError

from worker.errors import StoreUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")

REFUSAL_CODES = frozenset({"OOM", "READONLY", "LOADING", "BUSY", "MASTERDOWN", "NOREPLICAS", "UNBLOCKED"})
_CODE_OF_CLASS = (
    (OutOfMemoryError, "OOM"),
    (ReadOnlyError, "READONLY"),
    (BusyLoadingError, "LOADING"),
    (MasterDownError, "MASTERDOWN"),
)
WAIT_FIRST_S = 0.5
WAIT_MAX_S = 5.0


def refusal_code(error: BaseException) -> str | None:
    """The code of a Redis reply that means "not now" (OOM, READONLY, ...); None for anything else."""
    if not isinstance(error, redis.RedisError):
        return None
    code = getattr(error, "status_code", None)  # redis-py >= 6 keeps the reply's code
    if code in REFUSAL_CODES:
        return code
    for error_class, class_code in _CODE_OF_CLASS:
        if isinstance(error, error_class):
            return class_code
    first_word = str(error).split(" ", 1)[0]
    return first_word if first_word in REFUSAL_CODES else None


def describe_refusal(error: BaseException) -> str:
    """`OOM: command not allowed when used memory > 'maxmemory'.`, for one log line."""
    code = refusal_code(error) or type(error).__name__
    text = str(error)
    return text if text.startswith(code) else f"{code}: {text}"


def wait_out_redis(
    attempt: Callable[[], T],
    *,
    budget_s: float,
    what: str,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """`attempt()`, run again while it fails with `StoreUnavailable`, waiting 0.5 s, 1 s, 2 s ... 5 s
    between tries, for at most `budget_s` in all; then the last error goes through.

    The task keeps its message (delivered, unacknowledged) all the while: waiting here is what keeps
    it, since a Celery retry would have to queue a new message, which a Redis at OOM refuses (and
    Celery then drops the original). One WARNING says Redis said no and why; one INFO, that it is back."""
    deadline = clock() + budget_s
    wait_s, warned = WAIT_FIRST_S, False
    while True:
        try:
            result = attempt()
        except StoreUnavailable as error:
            if clock() + wait_s > deadline:
                raise
            if not warned:
                log.warning(
                    "%s: %s; waiting up to %.0fs for Redis, the message stays queued", what, error, budget_s
                )
                warned = True
            sleep(wait_s)
            wait_s = min(WAIT_MAX_S, wait_s * 2)
            continue
        if warned:
            log.info("%s: Redis takes writes again", what)
        return result
