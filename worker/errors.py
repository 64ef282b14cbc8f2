"""The one error tree of newsworker. Every error names the dead-letter `reason` it produces.

    NewsworkerError
    ├── InputError                      the document itself cannot become an article (never retried)
    │   ├── EmptyDocument               empty
    │   ├── BinaryDocument              binary
    │   ├── UndecodableDocument         undecodable
    │   ├── DocumentTooLarge            too_large
    │   ├── DocumentTooDeep             too_deep
    │   ├── NotAnArticle                not_article
    │   └── UnsupportedInput            unsupported_input
    ├── FetchError                      fetch_failed
    │   ├── FetchRefused                fetch_refused      scheme or address not allowed
    │   ├── FetchTimeout                fetch_timeout
    │   ├── FetchTooLarge               fetch_too_large
    │   ├── FetchTooManyRedirects       too_many_redirects
    │   ├── FetchHTTPStatus             http_status
    │   └── FetchConnectionError        fetch_failed
    ├── FeedError                       feed_invalid       malformed feed, sitemap or XML bomb
    ├── EventInvalid                    schema_violation
    │   └── EntryRejected               a stream entry a consumer cannot take as an event; its
    │                                   `rejection` (a RejectReason) says why (see `consume`)
    ├── StoreUnavailable                redis_unavailable  Redis unreachable or timing out
    └── TaskTimeout                     task_timeout       the task's own time limit ran out

Bytes of a submitted WARC file that hold no readable record have no error class either:
`worker.warc` reports them as damage, which `submit` records as bad_archive dead letters.
A message that never became a task has no error class: `worker.task_messages` names its reason
(bad_message, unknown_task, bad_arguments). Nor has a message that never ran to an end:
worker_lost (its worker process died under it `max_deliveries` times: `worker.deliveries`) and
expired (past its `expires` before it ran: `worker.expiry`). Which errors are retried, and how,
is decided in one place, `worker.retry`; `error.retryable` only asks it.
"""

from __future__ import annotations

from enum import StrEnum


class DeadLetterReason(StrEnum):
    """Short, stable codes for the `reason` field of a dead letter."""

    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too_large"
    TOO_DEEP = "too_deep"
    NOT_ARTICLE = "not_article"
    UNSUPPORTED_INPUT = "unsupported_input"
    BAD_ARCHIVE = "bad_archive"  # bytes of a web archive (WARC) that hold no readable record
    FETCH_FAILED = "fetch_failed"
    FETCH_REFUSED = "fetch_refused"
    FETCH_TIMEOUT = "fetch_timeout"
    FETCH_TOO_LARGE = "fetch_too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    HTTP_STATUS = "http_status"
    FEED_INVALID = "feed_invalid"
    SCHEMA_VIOLATION = "schema_violation"
    TASK_TIMEOUT = "task_timeout"
    REDIS_UNAVAILABLE = "redis_unavailable"
    INTERNAL = "internal_error"
    BAD_MESSAGE = "bad_message"  # off the queue but not a task message: envelope, headers, body
    UNKNOWN_TASK = "unknown_task"  # a task name this worker does not run
    BAD_ARGUMENTS = "bad_arguments"  # the task's arguments do not match its schema
    WORKER_LOST = "worker_lost"  # every run of the message ended with its worker process gone
    EXPIRED = "expired"  # the message's `expires` passed before it ran


class RejectReason(StrEnum):
    """Why a consumer set a stream entry aside instead of delivering it (field `reason` of the
    rejected stream). `entry_deleted` is only reported: the entry is gone, nothing is set aside."""

    NO_EVENT_FIELD = "no_event_field"
    NOT_JSON = "not_json"
    NOT_CLOUDEVENT = "not_cloudevent"
    UNKNOWN_SCHEMA = "unknown_schema"
    SCHEMA_VIOLATION = "schema_violation"
    TOO_MANY_DELIVERIES = "too_many_deliveries"  # handed out max_deliveries times, never acknowledged
    ENTRY_DELETED = "entry_deleted"


class NewsworkerError(Exception):
    reason: DeadLetterReason = DeadLetterReason.INTERNAL

    @property
    def retryable(self) -> bool:
        """Whether `worker.retry` would try this again (the policy lives there, not here)."""
        from worker.retry import is_retryable  # retry imports this module

        return is_retryable(self)


class InputError(NewsworkerError, ValueError):
    reason = DeadLetterReason.UNSUPPORTED_INPUT


class EmptyDocument(InputError):
    reason = DeadLetterReason.EMPTY


class BinaryDocument(InputError):
    reason = DeadLetterReason.BINARY


class UndecodableDocument(InputError):
    reason = DeadLetterReason.UNDECODABLE


class DocumentTooLarge(InputError):
    reason = DeadLetterReason.TOO_LARGE


class DocumentTooDeep(InputError):
    reason = DeadLetterReason.TOO_DEEP


class NotAnArticle(InputError):
    reason = DeadLetterReason.NOT_ARTICLE


class UnsupportedInput(InputError):
    reason = DeadLetterReason.UNSUPPORTED_INPUT


class FetchError(NewsworkerError):
    reason = DeadLetterReason.FETCH_FAILED

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class FetchRefused(FetchError):
    reason = DeadLetterReason.FETCH_REFUSED


class FetchTimeout(FetchError):
    reason = DeadLetterReason.FETCH_TIMEOUT


class FetchTooLarge(FetchError):
    reason = DeadLetterReason.FETCH_TOO_LARGE


class FetchTooManyRedirects(FetchError):
    reason = DeadLetterReason.TOO_MANY_REDIRECTS


class FetchConnectionError(FetchError):
    reason = DeadLetterReason.FETCH_FAILED


class FetchHTTPStatus(FetchError):
    reason = DeadLetterReason.HTTP_STATUS

    def __init__(
        self, message: str, *, url: str | None = None, status: int, retry_after_s: float | None = None
    ):
        super().__init__(message, url=url)
        self.status = status
        self.retry_after_s = retry_after_s


class FeedError(NewsworkerError, ValueError):
    reason = DeadLetterReason.FEED_INVALID


class EventInvalid(NewsworkerError, ValueError):
    reason = DeadLetterReason.SCHEMA_VIOLATION

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class EntryRejected(EventInvalid):
    def __init__(self, rejection: RejectReason, message: str, *, path: str = "") -> None:
        super().__init__(message, path=path)
        self.rejection = rejection


class StoreUnavailable(NewsworkerError):
    reason = DeadLetterReason.REDIS_UNAVAILABLE


class TaskTimeout(NewsworkerError):
    reason = DeadLetterReason.TASK_TIMEOUT
