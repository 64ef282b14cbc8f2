"""Where a message that cannot become a task becomes one dead letter instead of a dead worker.

Celery catches only a few errors around a message it receives; a body that is JSON but not
`[args, kwargs, embed]`, a malformed `timelimit` or a missing `id` escapes as "Unrecoverable error"
and stops the whole worker, and the message, still unacknowledged, kills the next one too. Others
are rejected without requeue and silently lost. Two guards close both holes, each before the
layer that would fail:

    GuardedRedisTransport   kombu's Redis transport (and its Sentinel form), whose channel checks
                            each queue entry before kombu builds a Message from it: an entry that
                            is not a JSON envelope is already off the list (BRPOP), so its dead
                            letter is its only record
    GuardedConsumer         Celery's consumer (`worker_consumer`), which checks each message
                            (`worker.task_messages`) before Celery's strategy sees it, then
                            writes the dead letter and acknowledges it

Both run in the worker's main process, before any pool, so they guard prefork and threads alike.
Each decodes what it checks once and hands it on: the transport a base64 body (kombu gets it as
text), the consumer the task body's JSON (Celery's `Message.payload` is the decoded value).
A dead letter of a message is written once per message (its once-key is a hash of what was read),
so a message redelivered after a crash between the dead letter and the ack is recorded once. When
the dead letter cannot be written (Redis gone), the message is not acknowledged: it comes back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from queue import Empty
from typing import Any

import redis
from celery.worker.consumer import Consumer
from kombu.utils.encoding import bytes_to_str

from worker.celery_app import app_settings
from worker.config import Settings
from worker.connections import connect_redis
from worker.errors import DeadLetterReason, StoreUnavailable
from worker.expiry import expiry_problem
from worker.publish import DeadLetter, publish_dead_letter
from worker.task_messages import MessageProblem, TaskShape, read_envelope, read_task_message, task_shapes

log = logging.getLogger(__name__)

MESSAGE_DEAD_LETTER_TASK = "message"  # the dead letter's `task` when no task name could be read


def record_message_dead_letter(
    client: redis.Redis, settings: Settings, problem: MessageProblem, *, task: str, source: str, raw: bytes
) -> str | None:
    """One dead letter for a message that never became a task; `raw` is what could be read of it."""
    once_key = "message:" + hashlib.sha256(raw).hexdigest()
    letter = DeadLetter(reason=problem.reason, error=problem.error, task=task, source=source, input=raw)
    entry_id = publish_dead_letter(client, settings, letter, once_key=once_key)
    log.warning("message %s (%s): dead letter %s: %s", source or "?", task, problem.reason, problem.error)
    return entry_id


class _DeadLetterWriter:
    """The main process's own Redis client for dead letters, made on first use."""

    def __init__(self, celery_app: Any) -> None:
        self._app = celery_app
        self._client: redis.Redis | None = None

    def write(self, problem: MessageProblem, *, task: str, source: str, raw: bytes) -> bool:
        settings = app_settings(self._app)
        if self._client is None:
            self._client = connect_redis(settings)
        try:
            record_message_dead_letter(self._client, settings, problem, task=task, source=source, raw=raw)
        except StoreUnavailable as exc:
            log.error("message %s: could not record dead letter %s: %s", source, problem.reason, exc)
            return False
        return True


def _message_excerpt(message: Any) -> bytes:
    """What could be read of a kombu Message: its task name, id and content type, then its body."""
    headers = message.headers if isinstance(message.headers, dict) else {}
    head = {
        "task": headers.get("task"),
        "id": headers.get("id"),
        "content-type": message.content_type,
        "content-encoding": message.content_encoding,
    }
    body = message.body if isinstance(message.body, bytes) else str(message.body or "").encode()
    return json.dumps(head, default=repr).encode() + b"\n" + body


class GuardedConsumer(Consumer):
    """Celery's consumer, with every message checked before Celery reads it, and every message
    Celery itself refuses dead-lettered and acknowledged rather than dropped or fatal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._dead_letters = _DeadLetterWriter(self.app)
        self._shapes: dict[str, TaskShape] | None = None

    def _task_shapes(self) -> dict[str, TaskShape]:
        if self._shapes is None:
            self._shapes = task_shapes({name: task.run for name, task in self.app.tasks.items()})
        return self._shapes

    def create_task_handler(self, *args: Any, **kwargs: Any) -> Any:
        on_task_received = super().create_task_handler(*args, **kwargs)
        shapes = self._task_shapes()

        def on_checked_task_received(message: Any) -> None:
            decoded, problem = read_task_message(
                message.headers, message.content_type, message.content_encoding, message.body, shapes
            ) or expiry_problem(message.headers, timezone=self.app.conf.timezone)
            if problem is None:
                # The body the check decoded is the one Celery reads (`Message.payload`): not twice.
                message._decoded_cache = decoded
                try:
                    return on_task_received(message)
                except Exception as exc:  # Celery would stop the worker: record the message instead
                    # A last resort: Celery may already hold a pool slot for this message that it
                    # never gives back, so every such case belongs in task_messages' checks.
                    log.exception("message could not be handed to its task")
                    problem = MessageProblem(DeadLetterReason.BAD_MESSAGE, f"{type(exc).__name__}: {exc}")
            self._dead_letter_and_ack(message, problem)
            return None

        return on_checked_task_received

    def _dead_letter_and_ack(self, message: Any, problem: MessageProblem) -> None:
        headers = message.headers if isinstance(message.headers, dict) else {}
        task = headers.get("task") if isinstance(headers.get("task"), str) else MESSAGE_DEAD_LETTER_TASK
        source = headers.get("id") if isinstance(headers.get("id"), str) else str(message.delivery_tag)
        written = self._dead_letters.write(problem, task=task, source=source, raw=_message_excerpt(message))
        if written and not message.acknowledged:
            message.ack()

    # Celery's own refusals (reached only if a check above let something through) end the same way.
    def on_unknown_message(self, body: Any, message: Any) -> None:
        self._dead_letter_and_ack(message, MessageProblem(DeadLetterReason.BAD_MESSAGE, "not a task message"))

    def on_unknown_task(self, body: Any, message: Any, exc: Exception) -> None:
        self._dead_letter_and_ack(message, MessageProblem(DeadLetterReason.UNKNOWN_TASK, str(exc)))

    def on_invalid_task(self, body: Any, message: Any, exc: Exception) -> None:
        self._dead_letter_and_ack(message, MessageProblem(DeadLetterReason.BAD_MESSAGE, str(exc)))

    def on_decode_error(self, message: Any, exc: Exception) -> None:
        self._dead_letter_and_ack(message, MessageProblem(DeadLetterReason.BAD_MESSAGE, str(exc)))


class TextBodies:
    """kombu's channel (a mixin before it): a text body (JSON, what this app sends: `submit`,
    retries, batches handed on) goes into the queue entry as it is, not base64 (kombu's default for
    every body): a quarter smaller in the queue and in the unacknowledged copy, and nothing to
    decode. A binary body (pickle: refused by content type, but still read as an envelope) stays
    base64. A worker reads both."""

    def encode_body(self, body: Any, encoding: str | None = None) -> tuple[Any, str | None]:
        if isinstance(body, str):
            return body, None
        return super().encode_body(body, encoding)  # type: ignore[misc]


# The take (`GuardedBRPOP._brpop_start`). KEYS: the queue keys in kombu's order, then its
# unacknowledged hash and index. ARGV: 1 the take's token, 2 the time, then each key's queue name.
# The entry is recorded as unacknowledged (under the token, in kombu's `[envelope, exchange, routing
# key]` form, so kombu's visibility sweep restores it) BEFORE it leaves its list: at no moment is a
# message only in a worker's socket, and a refusal (OOM, READONLY) comes at that first write, before
# anything is taken, as the refusal's own reply (which `broker_transport` knows for a refusal). An
# entry that is not a JSON object (a dead letter for the guard) is not recorded.
_TAKE = """
local function refused(reply)  -- Redis < 7 prefixes the reply's code with the script's position
  if type(reply) ~= 'table' or not reply.err then return nil end
  return redis.error_reply(string.match(reply.err, '^.-%-(%u+ .*)$') or reply.err)
end
local n = #KEYS - 2
for i = 1, n do
  local item = redis.call('LINDEX', KEYS[i], -1)
  if item then
    if string.sub(item, 1, 1) == '{' then
      local record = '[' .. item .. ',"",' .. cjson.encode(ARGV[2 + i]) .. ']'
      local refusal = refused(redis.pcall('HSET', KEYS[n + 1], ARGV[1], record))
      if refusal then return refusal end
      refusal = refused(redis.pcall('ZADD', KEYS[n + 2], ARGV[2], ARGV[1]))
      if refusal then
        redis.call('HDEL', KEYS[n + 1], ARGV[1])
        return refusal
      end
    end
    redis.call('RPOP', KEYS[i])
    return {KEYS[i], item}
  end
end
return false
"""
TAKE_TOKEN_PREFIX = "newsworker-take:"
_TAKE_SHA1 = hashlib.sha1(_TAKE.encode("utf-8")).hexdigest()


class GuardedBRPOP:
    """kombu's `Channel._brpop_start` and `_brpop_read` (kombu 5.x), with the entry taken safely and
    checked before it is delivered. A mixin: put it before kombu's channel class (after any mixin
    that wraps `_brpop_read`).

    kombu sends BRPOP: Redis takes the entry off the list as it replies, and the worker records it as
    unacknowledged only once it has read that reply. A worker killed (-9) in between, or stopped
    with the reply unread, lost the message: in no queue, in no unacknowledged set. Here the entry is
    taken by `_TAKE`, which records it first; when no list holds anything, the channel blocks on the
    first key with `BLMOVE key key RIGHT RIGHT` (which moves nothing) until an entry arrives there or
    kombu's `brpop_timeout` passes, then takes again. An entry arriving on another key of an idle
    worker (a second queue, a priority) waits up to that timeout (1 s). BLMOVE needs Redis >= 6.2.
    While an entry is being delivered, `entry_read` holds its delivery tag, the entry as read and
    the take's token (whose record stands for the delivered message: `broker_transport.RefusalAwareQoS`).
    The take goes by EVALSHA once Redis holds the script (the first take of a channel sends it whole,
    as does the take after a NOSCRIPT reply: a restarted or flushed Redis)."""

    entry_read: tuple[str, bytes | str, str] | None = None
    _sent: str = "take"  # the command in flight: "take" or "wait"
    _wait_next: bool = False
    _taken: str | None = None  # the token of a take whose record is still there
    _take_by_sha: bool = False  # Redis holds `_TAKE` (this channel's last take was answered)

    def _brpop_start(self, timeout: float | None = None) -> None:
        timeout = self.brpop_timeout if timeout is None else timeout
        queues = self._queue_cycle.consume(len(self.active_queues))
        if not queues:
            return
        pairs = [(self._q_for_pri(queue, pri), queue) for pri in self.priority_steps for queue in queues]
        keys = [key for key, _queue in pairs]
        self._in_poll = self.client.connection
        self._brpop_sent_at = time.monotonic()
        if self._wait_next:
            self._wait_next, self._sent = False, "wait"
            self.client.connection.send_command("BLMOVE", keys[0], keys[0], "RIGHT", "RIGHT", timeout or 0)
            return
        self._sent = "take"
        token = f"{TAKE_TOKEN_PREFIX}{uuid.uuid4()}"
        script = ["EVALSHA", _TAKE_SHA1] if self._take_by_sha else ["EVAL", _TAKE]
        command = [*script, len(keys) + 2, *keys, self.unacked_key, self.unacked_index_key]
        self.client.connection.send_command(*command, token, time.time(), *[queue for _key, queue in pairs])
        self._taken = token

    def _brpop_read(self, **options: Any) -> bool:
        sent = self._sent
        try:
            try:
                command = "EVALSHA" if sent == "take" else "BLMOVE"
                reply = self.client.parse_response(self.client.connection, command, **options)
            except redis.exceptions.NoScriptError:  # a restarted or flushed Redis: nothing was taken
                self._take_by_sha, self._taken = False, None
                raise Empty() from None
            except self.connection_errors:
                self.client.connection.disconnect()
                raise
            if sent == "take":
                self._take_by_sha = True
            if sent != "take" or not reply:
                self._wait_next = sent == "take"  # nothing anywhere: block until something comes
                raise Empty()
            dest, item = reply
            if not (item[:1] == b"{" if isinstance(item, bytes) else item[:1] == "{"):
                self._taken = None  # not recorded by the take
            dest = bytes_to_str(dest).rsplit(self.sep, 1)[0]
            self._queue_cycle.rotate(dest)
            envelope, problem = read_envelope(item)
            if problem is None:
                # The entry as read and the take's token, whose record stands for the message
                # while it is unacknowledged (`broker_transport.RefusalAwareQoS`).
                self.entry_read = (envelope["properties"]["delivery_tag"], item, self._taken)
                self.connection._deliver(envelope, dest)
                if self._taken is not None:  # delivered without an unacknowledged copy (no_ack)
                    self.forget_take()
            else:
                self._dead_letter_entry(item, dest, problem)
            return True
        finally:
            self.entry_read = None
            self._in_poll = None
            flush_reauth = getattr(self, "_flush_brpop_reauth", None)  # kombu >= 5.6
            if flush_reauth is not None:
                flush_reauth()

    def forget_take(self) -> None:
        """Remove the take's record (its message was handled without one: a dead letter, no_ack)."""
        token = self._taken
        if token is None:
            return
        with self.conn_or_acquire() as client:
            client.pipeline().zrem(self.unacked_index_key, token).hdel(self.unacked_key, token).execute()
        self._taken = None

    def took(self) -> None:
        """The take's record is now the delivered message's (the QoS holds its token)."""
        self._taken = None

    def _dead_letter_entry(self, item: bytes | str, queue: str, problem: MessageProblem) -> None:
        """The entry is already off the list: its dead letter is all that is left of it."""
        from worker.celery_app import app

        writer = getattr(self, "_newsworker_dead_letters", None)
        if writer is None:
            writer = self._newsworker_dead_letters = _DeadLetterWriter(app)
        raw = item if isinstance(item, bytes) else item.encode("utf-8", "replace")
        if writer.write(problem, task=MESSAGE_DEAD_LETTER_TASK, source=f"queue {queue}", raw=raw):
            self.forget_take()
        elif self._taken is None:
            log.error("queue %s: entry lost (first bytes %r)", queue, raw[:200])
        else:  # recorded by the take: the visibility timeout brings it back
            log.error(
                "queue %s: no dead letter for an entry (first bytes %r); it comes back", queue, raw[:200]
            )
