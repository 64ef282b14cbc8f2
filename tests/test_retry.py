"""The one retry and dead-letter policy (`worker.retry`): what is tried again, when, and what it becomes."""

from __future__ import annotations

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from worker.errors import (
    BinaryDocument,
    EventInvalid,
    FeedError,
    FetchConnectionError,
    FetchError,
    FetchHTTPStatus,
    FetchRefused,
    FetchTimeout,
    FetchTooLarge,
    StoreUnavailable,
)
from worker.retry import MAX_COUNTDOWN_S, RetryPolicy, decide, host_backoff_after, poll_failure_is_final

POLICY = RetryPolicy(max_retries=3, backoff_s=2.0)


def http_status(status: int, retry_after_s: float | None = None) -> FetchHTTPStatus:
    return FetchHTTPStatus(
        f"HTTP {status}", url="https://example.com/", status=status, retry_after_s=retry_after_s
    )


@pytest.mark.parametrize(
    "error",
    [FetchTimeout("slow"), FetchConnectionError("reset"), FetchError("slot busy")]
    + [http_status(status) for status in (408, 429, 500, 502, 503)],
    ids=lambda error: type(error).__name__ + str(getattr(error, "status", "")),
)
def test_passing_failure_is_retried_while_tries_remain(error):
    assert decide(error, 0, POLICY).retry
    assert not decide(error, POLICY.max_retries, POLICY).retry


@pytest.mark.parametrize(
    "error",
    [
        FetchRefused("private"),
        FetchTooLarge("big"),
        BinaryDocument("png"),
        FeedError("bomb"),
        EventInvalid("x"),
    ]
    + [http_status(status) for status in (400, 403, 404, 410)],
    ids=lambda error: type(error).__name__ + str(getattr(error, "status", "")),
)
def test_final_failure_is_dead_lettered_at_once_with_its_own_reason(error):
    decision = decide(error, 0, POLICY)
    assert (decision.retry, decision.reason) == (False, error.reason)


@pytest.mark.parametrize("tries", [0, POLICY.max_retries, 100])
def test_redis_refusing_work_holds_the_message_however_many_tries(tries):
    decision = decide(StoreUnavailable("down"), tries, POLICY)
    assert (decision.hold, decision.retry, decision.reason) == (True, False, "redis_unavailable")


def test_backoff_doubles_from_its_base_and_is_capped():
    countdowns = [decide(FetchTimeout("slow"), n, RetryPolicy(10, 2.0)).countdown_s for n in range(7)]
    assert countdowns == [2.0, 4.0, 8.0, 16.0, 32.0, MAX_COUNTDOWN_S, MAX_COUNTDOWN_S]


def test_retry_after_of_the_server_sets_the_countdown():
    assert decide(http_status(429, retry_after_s=7.0), 2, POLICY).countdown_s == 7.0


def test_soft_time_limit_becomes_task_timeout():
    decision = decide(SoftTimeLimitExceeded(), 0, POLICY)
    assert (decision.retry, decision.reason) == (False, "task_timeout")


def test_unexpected_error_becomes_internal_error_with_its_type():
    decision = decide(KeyError("kind"), 0, POLICY)
    assert (decision.retry, decision.reason, decision.error) == (False, "internal_error", "KeyError: 'kind'")


def test_error_asks_the_policy_whether_it_is_retryable():
    assert http_status(503).retryable and not http_status(404).retryable


def test_poll_failure_is_final_only_when_the_next_poll_cannot_help():
    assert poll_failure_is_final(FeedError("bomb")) and poll_failure_is_final(http_status(404))
    assert not poll_failure_is_final(http_status(503)) and not poll_failure_is_final(FetchTimeout("slow"))


def test_host_backoff_follows_retry_after_within_bounds():
    assert [host_backoff_after(v) for v in (None, 0.0, 30.0, 10**6)] == [60.0, 1.0, 30.0, 3600.0]
