"""The whole retry and dead-letter policy, in one place: which failures are tried again, after how
long, how many times, and which dead-letter reason each failure becomes.

    retried (while tries remain)       FetchTimeout, FetchConnectionError, a bare FetchError
                                       (e.g. the host's slot is busy), FetchHTTPStatus 5xx/408/429
    held until Redis takes work        StoreUnavailable (redis_unavailable): waited out in the task
                                       (`worker.redis_weather.wait_out_redis`), then the message goes
                                       back to its queue (`hold`); never a dead letter, never counted
                                       as a retry: Redis saying no is weather, not the input's fault
    final at once                      every InputError, FetchRefused, FetchTooLarge,
                                       FetchTooManyRedirects, FetchHTTPStatus 4xx (not 408/429),
                                       FeedError, EventInvalid, TaskTimeout
    a task past its soft time limit    task_timeout, final
    anything else (a bug)              internal_error, final
    a message that never became a task bad_message / unknown_task / bad_arguments, final
                                       (decided in `worker.task_messages`, written by
                                       `worker.message_guard`)
    a message whose worker process     run again (late acks, reject_on_worker_lost) up to
    died under it (hard time limit,    `Settings.max_deliveries` runs in all; the next delivery
    OOM kill, SIGKILL)                 is not run: worker_lost, final (`lost_run_decision`,
                                       counted by `worker.deliveries`)
    a message past its `expires`       expired, final; except beat's tick, whose expiry is its
                                       design (`expired_is_dead_letter`, `worker.expiry`)

A retry is a new message and is counted afresh; a held message (Redis weather) is not counted.
Backoff: the error's Retry-After when it has one (at least 1 s), else `backoff_s * 2**retries`;
both capped at `MAX_COUNTDOWN_S`. Tries: `Settings.max_retries` retries after the first run.
A source poll is never retried by Celery: its next due time is its retry (`poll_failure_is_final`).
A host that answers 429/503 is left alone for its Retry-After, or `HOST_BACKOFF_DEFAULT_S`, capped
at `HOST_BACKOFF_MAX_S` (`worker.polite.note_backoff` stores it for every worker).
"""

from __future__ import annotations

from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded

from worker.config import DEFAULT_MAX_DELIVERIES, Settings
from worker.errors import (
    DeadLetterReason,
    FeedError,
    FetchConnectionError,
    FetchError,
    FetchHTTPStatus,
    FetchTimeout,
    NewsworkerError,
    StoreUnavailable,
)

MAX_COUNTDOWN_S = 60.0
HOST_BACKOFF_DEFAULT_S = 60.0
HOST_BACKOFF_MAX_S = 3600.0
_RETRYABLE_STATUSES = frozenset({408, 429})
# Tasks whose messages expire on purpose: beat's tick (the next one does the same work).
ROUTINE_EXPIRY_TASKS = frozenset({"worker.feed_tasks.schedule_due_sources"})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many retries a task gets and the base of its exponential backoff."""

    max_retries: int
    backoff_s: float
    max_deliveries: int = DEFAULT_MAX_DELIVERIES

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(
            max_retries=settings.max_retries,
            backoff_s=settings.retry_backoff_s,
            max_deliveries=settings.max_deliveries,
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """What becomes of one failure: a retry after `countdown_s`, or a dead letter with `reason`."""

    retry: bool
    reason: DeadLetterReason
    error: str
    countdown_s: float = 0.0
    hold: bool = False  # put the message back on its queue: Redis refuses work for now


def is_retryable(error: BaseException) -> bool:
    """Whether trying again later can succeed: a passing network, server or Redis failure."""
    if isinstance(error, FetchHTTPStatus):
        return error.status >= 500 or error.status in _RETRYABLE_STATUSES
    if isinstance(error, FetchTimeout | FetchConnectionError | StoreUnavailable):
        return True
    return type(error) is FetchError  # a bare FetchError is a transient refusal (slot busy)


def failure_reason(error: BaseException) -> DeadLetterReason:
    """The dead-letter reason a failure becomes."""
    if isinstance(error, SoftTimeLimitExceeded):
        return DeadLetterReason.TASK_TIMEOUT
    if isinstance(error, NewsworkerError):
        return error.reason
    return DeadLetterReason.INTERNAL


def describe(error: BaseException) -> str:
    """The dead letter's human `error` text: our errors speak for themselves, a bug names its type."""
    if isinstance(error, SoftTimeLimitExceeded):
        return "task ran out of time"
    if isinstance(error, NewsworkerError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def retry_countdown(error: BaseException, retries: int, backoff_s: float) -> float:
    """Seconds before the next try: the server's Retry-After, else exponential backoff; capped."""
    if isinstance(error, FetchHTTPStatus) and error.retry_after_s is not None:
        return min(MAX_COUNTDOWN_S, max(1.0, error.retry_after_s))
    return min(MAX_COUNTDOWN_S, backoff_s * (2**retries))


def decide(error: BaseException, retries_done: int, policy: RetryPolicy) -> Decision:
    """A task's failure after `retries_done` retries: hold it, retry it, or dead-letter it with which
    reason."""
    if isinstance(error, StoreUnavailable):
        return Decision(False, failure_reason(error), describe(error), hold=True)
    if is_retryable(error) and retries_done < policy.max_retries:
        countdown = retry_countdown(error, retries_done, policy.backoff_s)
        return Decision(True, failure_reason(error), describe(error), countdown)
    return Decision(False, failure_reason(error), describe(error))


def lost_run_decision(runs: int, policy: RetryPolicy) -> Decision | None:
    """A message about to begin its `runs`-th run, every earlier run having ended with its worker
    process gone: None to run it, or its dead letter once it has had `max_deliveries` runs. Running it
    again would only kill the next process (an input past the hard time limit or memory)."""
    if runs <= policy.max_deliveries:
        return None
    lost = runs - 1
    return Decision(
        False,
        DeadLetterReason.WORKER_LOST,
        f"its worker process died under it {lost} time{'s' if lost != 1 else ''} (killed at the task's "
        "hard time limit, or by the system: out of memory?); not run again",
    )


def expired_is_dead_letter(task_name: str) -> bool:
    """Whether a message past its `expires` gets a dead letter: yes, unless it expires by design."""
    return task_name not in ROUTINE_EXPIRY_TASKS


def poll_failure_is_final(error: NewsworkerError) -> bool:
    """A poll's failure is dead-lettered when waiting for the next poll cannot help."""
    return isinstance(error, FeedError) or not is_retryable(error)


def host_backoff_after(retry_after_s: float | None) -> float:
    """How long every worker leaves a host alone after its 429/503."""
    wanted = retry_after_s if retry_after_s is not None else HOST_BACKOFF_DEFAULT_S
    return min(HOST_BACKOFF_MAX_S, max(1.0, wanted))
