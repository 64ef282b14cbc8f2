"""How many times a task message began to run without ending: the count that bounds the redeliveries
of a message whose worker process dies under it.

With late acks and `task_reject_on_worker_lost`, a task killed at its hard time limit, or whose
process the system killed (out of memory, SIGKILL), goes back to its queue and runs again; when the
input itself is what kills it, forever. So each run marks its start in Redis (INCR of
`<prefix>runs:<task id>:<retries>`, with a TTL, in one EVALSHA) and removes the mark when it ends,
however it ends (an event, a retry, a dead letter, a message held for Redis weather): a one-document
task's new story (the common case) in the script that appends its event (`publish.RunMark`), so its
end costs no round trip of its own; anything else by a DEL. A mark that is still there at
the next run is a run whose worker was lost. The run that finds `max_deliveries` such runs before
it is not run: it becomes one `worker_lost` dead letter (`worker.retry.lost_run_decision`) and its
message is acknowledged. Counting a run (not a delivery) leaves alone a message that was only
reserved by a worker that then shut down warm.

A Celery retry is a new message (`retries` + 1) and is counted afresh. When Redis refuses the count,
the run goes ahead uncounted (the task meets the weather itself and holds its message).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import redis
from celery.exceptions import Reject

from worker.config import Settings
from worker.errors import StoreUnavailable
from worker.publish import DeadLetter, RunMark, publish_dead_letter, redis_errors, run_script
from worker.retry import RetryPolicy, lost_run_decision

if TYPE_CHECKING:
    from worker.tasks import NewsworkerTask

log = logging.getLogger(__name__)

# A mark outlives any redelivery: the visibility timeout (minutes) times a few deliveries.
RUN_MARK_TTL_S = 24 * 3600
# The run under way (a context variable: the threads pool runs several tasks at once).
_CURRENT_RUN: ContextVar[RunMark | None] = ContextVar("newsworker_run_mark", default=None)
# KEYS: the run mark. ARGV: its TTL. One command (EVALSHA), where MULTI, INCR, EXPIRE and EXEC were four.
_BEGIN_RUN = """
local runs = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return runs
"""


def run_key(settings: Settings, task_id: str, retries: int) -> str:
    return settings.key("runs", f"{task_id}:{retries}")


def current_run_mark() -> RunMark | None:
    """The mark of the run under way in this thread (None outside a counted run)."""
    return _CURRENT_RUN.get()


def begin_run(client: redis.Redis, settings: Settings, task_id: str, retries: int) -> int | None:
    """Mark a run's start; the number of runs of this message so far, this one included (None when
    Redis would not count it)."""
    key = run_key(settings, task_id, retries)
    try:
        with redis_errors(f"counting the runs of task {task_id}"):
            return int(run_script(client, _BEGIN_RUN, [key], [RUN_MARK_TTL_S]))
    except StoreUnavailable as error:
        log.warning("task %s: run not counted: %s", task_id, error)
        return None


def end_run(client: redis.Redis, settings: Settings, task_id: str, retries: int) -> None:
    """The run ended in this process: it is no lost run."""
    try:
        with redis_errors(f"ending the run of task {task_id}"):
            client.delete(run_key(settings, task_id, retries))
    except StoreUnavailable as error:  # counted as lost once; the TTL clears it
        log.warning("task %s: run mark left behind: %s", task_id, error)


def _source_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    url = kwargs.get("url") or (args[0] if args and isinstance(args[0], str) else "")
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""


def counted_run(
    task: NewsworkerTask, run: Callable[[], Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    """Run `run` (the task's body) counted, or, past `max_deliveries` lost runs, its dead letter."""
    request = task.request
    if request.called_directly or not request.id:
        return run()
    res = task.resources
    retries = request.retries or 0
    runs = begin_run(res.redis, res.settings, request.id, retries)
    decision = None if runs is None else lost_run_decision(runs, RetryPolicy.from_settings(res.settings))
    if decision is None:
        # A single-document task hands its mark to `publish_article`, whose script removes it with
        # a new story's event (`RunMark`): then there is nothing left to remove here.
        mark = RunMark(run_key(res.settings, request.id, retries))
        token = _CURRENT_RUN.set(mark)
        try:
            result = run()
        except Exception:  # an end all the same: an error, a retry, a rejected (held) message
            if runs is not None and not mark.ended:
                end_run(res.redis, res.settings, request.id, retries)
            raise
        finally:
            _CURRENT_RUN.reset(token)
        # Not on a BaseException: the pool's SIGTERM before its SIGKILL (the hard time limit) raises
        # SystemExit here, and that run is a lost one.
        if runs is not None and not mark.ended:
            end_run(res.redis, res.settings, request.id, retries)
        return result
    # Not run. The mark stays (until its TTL): a redelivery of this message is dead-lettered again,
    # and its once-key (the task id) keeps that to one letter.
    given = json.dumps({"args": list(args), "kwargs": kwargs}, ensure_ascii=False, default=repr)
    letter = DeadLetter(
        reason=decision.reason,
        error=decision.error,
        task=task.name,
        source=_source_of(args, kwargs),
        input=given,
    )
    try:
        entry_id = publish_dead_letter(res.redis, res.settings, letter, once_key=request.id)
    except StoreUnavailable as error:
        raise Reject(f"could not record its dead letter: {error}", requeue=True) from error
    log.error("task %s %s: dead letter %s: %s", request.id, task.name, decision.reason, decision.error)
    return {"outcome": "dead_letter", "reason": str(decision.reason), "dead_letter_id": entry_id}
