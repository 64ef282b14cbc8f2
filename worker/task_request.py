"""Celery's worker-side request, handing the pool a task's arguments already decoded.

Celery decodes a message's JSON body in the main process (its request reads the arguments from it),
then sends the pool child the body as text as well, which the child decodes again
(`celery.app.trace.fast_trace_task`): an `ingest_batch` of 8 MiB was decoded twice over, about
20 ms, with the child idle until the second decode ended. The main process has the body decoded
already (`message_guard.GuardedConsumer` checked it: `Message.payload`), so this request hands it
on as decoded, as Celery does for protocol-1 messages: the child gets the arguments it would have
decoded, and the pickled job carries them once (Celery's request data holds the same objects).

Selected with the documented `Task.Request` attribute (`tasks.NewsworkerTask`).
"""

from __future__ import annotations

from typing import Any

from celery.worker.request import Request


class DecodedBodyRequest(Request):
    """A request whose body is the message's decoded `[args, kwargs, embed]` (`Message.payload`,
    which the guard has already decoded and checked), not its JSON text."""

    def __init__(
        self, message: Any, *args: Any, body: Any = None, decoded: bool = False, **kwargs: Any
    ) -> None:
        if not decoded:
            body, decoded = message.payload, True
        super().__init__(message, *args, body=body, decoded=decoded, **kwargs)
