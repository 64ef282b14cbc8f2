"""A task message past its `expires` becomes one `expired` dead letter, not a silent drop.

Celery discards such a message ("revoked as expired") and acknowledges it; nothing else is left of
it. It is caught at two moments:

    at receipt        the consumer guard (`worker.message_guard`) checks `expires` with the rest of
                      the message: the dead letter is written first, then the message acknowledged
    while reserved    a message that expired while it waited for a free process (prefetched, or
                      behind an ETA) is discarded by Celery when its turn comes: `task_revoked`
                      with expired=True, handled here, writes its dead letter (Celery has already
                      acknowledged it, so a Redis down at that moment loses the letter: logged)

Beat's tick expires by design (`worker.retry.expired_is_dead_letter`): Celery drops it as before.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, tzinfo
from typing import Any

from celery.signals import task_revoked
from celery.utils.time import maybe_iso8601, maybe_make_aware

from worker.connections import connect_redis
from worker.errors import DeadLetterReason, StoreUnavailable
from worker.retry import expired_is_dead_letter
from worker.task_messages import MessageProblem

log = logging.getLogger(__name__)


def expiry_problem(
    headers: Any, *, timezone: tzinfo | None = None, now: datetime | None = None
) -> MessageProblem | None:
    """`expired` when the message's `expires` has passed and its task is not one that expires by
    design; None otherwise (no `expires`, or one still ahead). A naive time is in `timezone` (Celery's
    `timezone` setting, UTC when unset), as Celery reads it."""
    if not isinstance(headers, dict) or not headers.get("expires"):
        return None
    task = headers.get("task")
    if not isinstance(task, str) or not expired_is_dead_letter(task):
        return None
    try:
        expires = maybe_make_aware(maybe_iso8601(headers["expires"]), timezone or UTC)
    except (TypeError, ValueError):  # the guard's own checks refuse such a value first
        return None
    now = now or datetime.now(UTC)
    if now <= expires:
        return None
    late_s = (now - expires).total_seconds()
    return MessageProblem(
        DeadLetterReason.EXPIRED,
        f"expired at {expires.isoformat()}, {late_s:.0f} s before it was received; not run",
    )


@task_revoked.connect
def _dead_letter_expired_while_reserved(
    sender: Any = None, request: Any = None, expired: bool = False, **_: Any
) -> None:
    """Celery discarded a message that expired while it waited in this worker: record it."""
    if not expired or request is None:
        return
    name = getattr(sender, "name", None) or getattr(request, "task", None) or "message"
    if not expired_is_dead_letter(name):
        return
    from worker.celery_app import app, app_settings
    from worker.message_guard import record_message_dead_letter

    task_id = str(getattr(request, "id", "") or "")
    given = {
        "task": name,
        "id": task_id,
        "args": getattr(request, "args", None),
        "kwargs": getattr(request, "kwargs", None),
    }
    raw = json.dumps(given, ensure_ascii=False, default=repr).encode()
    problem = MessageProblem(
        DeadLetterReason.EXPIRED,
        f"expired at {getattr(request, 'expires', None)} while it waited in the worker (for its ETA or a "
        "free process); not run",
    )
    settings = app_settings(app)
    client = getattr(app, "newsworker_expiry_redis", None)
    if client is None:  # the worker's main process: one client, made on first use
        client = app.newsworker_expiry_redis = connect_redis(settings)
    try:
        record_message_dead_letter(client, settings, problem, task=name, source=task_id, raw=raw)
    except StoreUnavailable as error:  # Celery has acknowledged it already: say what is lost
        log.error("task %s %s expired; its dead letter could not be written: %s", task_id, name, error)
