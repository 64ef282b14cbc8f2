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
    ├── FetchError                      fetch_failed (retryable unless said otherwise)
    │   ├── FetchRefused                fetch_refused      scheme or address not allowed (final)
    │   ├── FetchTimeout                fetch_timeout
    │   ├── FetchTooLarge               fetch_too_large    (final)
    │   ├── FetchTooManyRedirects       too_many_redirects (final)
    │   ├── FetchHTTPStatus             http_status        (4xx final but 408/429; 5xx retried)
    │   └── FetchConnectionError        fetch_failed
    ├── FeedError                       feed_invalid       malformed feed, sitemap or XML bomb (final)
    ├── EventInvalid                    schema_violation   (final)
    │   └── EntryRejected               a stream entry a consumer cannot take as an event; its
    │                                   `rejection` (a RejectReason) says why (see `consume`)
    ├── StoreUnavailable                redis_unavailable  Redis unreachable or timing out (retried)
    └── TaskTimeout                     task_timeout       the task's own time limit ran out (final)

Only `tasks` decides what becomes a Celery retry, by asking `error.retryable`.
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


class RejectReason(StrEnum):
    """Why a consumer set a stream entry aside instead of delivering it (field `reason` of the
    rejected stream). `entry_deleted` is only reported: the entry is gone, nothing is set aside."""

    NO_EVENT_FIELD = "no_event_field"
    NOT_JSON = "not_json"
    NOT_CLOUDEVENT = "not_cloudevent"
    UNKNOWN_SCHEMA = "unknown_schema"
    SCHEMA_VIOLATION = "schema_violation"
    ENTRY_DELETED = "entry_deleted"


class NewsworkerError(Exception):
    reason: DeadLetterReason = DeadLetterReason.INTERNAL
    retryable: bool = False


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
    retryable = True

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class FetchRefused(FetchError):
    reason = DeadLetterReason.FETCH_REFUSED
    retryable = False


class FetchTimeout(FetchError):
    reason = DeadLetterReason.FETCH_TIMEOUT


class FetchTooLarge(FetchError):
    reason = DeadLetterReason.FETCH_TOO_LARGE
    retryable = False


class FetchTooManyRedirects(FetchError):
    reason = DeadLetterReason.TOO_MANY_REDIRECTS
    retryable = False


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
        self.retryable = status >= 500 or status in (408, 429)


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
    retryable = True


class TaskTimeout(NewsworkerError):
    reason = DeadLetterReason.TASK_TIMEOUT
