"""Faults: killed workers, a killed Redis, redeliveries, endless failures, pickle, secrets, Redis down.

The slow tests run bench/load.py's harness small: worker subprocesses on an embedded redis-server
(AOF on) of the test's own, with a short visibility timeout (see `bench.loadrun.WORKER_LAUNCHER`).
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.load import make_inputs
from bench.loadrun import QUEUE, LoadRun, whereabouts
from tests.helpers import settle, wait_for_entries
from worker.config import Settings
from worker.embedded import free_port

FIXTURES = Path(__file__).parent / "fixtures"
VISIBILITY_S = 6
RUN_TIMEOUT_S = 45.0


@pytest.fixture
def load_run() -> Iterator[LoadRun]:
    run = LoadRun(workers=2, visibility_timeout_s=VISIBILITY_S)
    yield run
    run.close()


def _wait_for_outcomes(run: LoadRun, count: int, timeout_s: float = RUN_TIMEOUT_S) -> int:
    client, deadline = run.client(), time.monotonic() + timeout_s
    done = 0
    while time.monotonic() < deadline and done < count:
        done = max(done, run.outcomes(client))
        time.sleep(0.1)
    return done


def _drained_audit(run: LoadRun, inputs: list, may_lose: int = 0) -> dict:
    """The audit once no message is queued or unacknowledged (redeliveries have had their turn)."""
    _wait_for_outcomes(run, len(inputs))
    # A worker killed while sweeping holds kombu's restore mutex until it expires (10 s here), and a
    # killed worker's message comes back only after the visibility timeout: on a busy machine the last
    # ones may still be on their way back, so count the outcomes again once nothing is in flight.
    drain = run.drain(run.client(), timeout_s=VISIBILITY_S + 30)
    done = _wait_for_outcomes(run, len(inputs))
    if done < len(inputs) - may_lose:
        missing = whereabouts(run, inputs)
        run.keep_folder = True
        (Path(run.folder) / "missing.json").write_text(
            json.dumps({"drain": drain, "missing": missing}, indent=1)
        )
        raise AssertionError(
            f"{done} outcomes of {len(inputs)}; drain {drain}; missing {missing}; logs in {run.folder}"
        )
    assert drain["unacked_after_drain"] == 0 and drain["queued_after_drain"] == 0, (drain, run.folder)
    return run.audit(inputs)


@pytest.mark.slow
def test_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(load_run):
    inputs = make_inputs(300, seed=2)
    load_run.start().wait_ready()
    load_run.submit(inputs)
    assert _wait_for_outcomes(load_run, 90) >= 90
    load_run.kill_worker(0)  # SIGKILL to its whole process group, task in hand
    time.sleep(1)
    load_run.restart_worker(0)
    audit = _drained_audit(load_run, inputs)
    assert audit["events"] + audit["dead_letters"] == len(inputs), audit
    assert audit["dead_letters"] == audit["bad_inputs"], audit
    assert audit["article_ids_twice"] == 0 and audit["event_ids_twice"] == 0, audit


@pytest.mark.slow
def test_worker_killed_as_a_message_reaches_it_loses_nothing(load_run):
    """The worker is frozen (SIGSTOP) waiting on an empty queue, a message is queued, the worker is
    killed (-9): with kombu's BRPOP, Redis had handed the message to the frozen worker and it was
    lost; it must come back and have its outcome."""
    load_run.workers = 1
    load_run.start().wait_ready()
    client = load_run.client()
    time.sleep(1.5)  # idle: waiting on the queue
    os.killpg(load_run.processes[0].pid, signal.SIGSTOP)
    inputs = make_inputs(1, seed=4)
    load_run.submit(inputs)
    time.sleep(0.5)
    load_run.kill_worker(0)
    load_run.restart_worker(0)
    audit = _drained_audit(load_run, inputs)
    assert audit["events"] + audit["dead_letters"] == 1, audit
    assert client.llen(QUEUE) == 0 and client.hlen("unacked") == 0


@pytest.mark.slow
def test_redis_killed_and_restarted_mid_run_loses_nothing_acknowledged(load_run):
    inputs = make_inputs(300, seed=3)
    load_run.start().wait_ready()
    load_run.submit(inputs)
    assert _wait_for_outcomes(load_run, 90) >= 90
    before = load_run.outcomes(load_run.client())
    load_run.kill_redis()  # SIGKILL: no shutdown save, only what the AOF already holds
    time.sleep(3)
    load_run.restart_redis()
    assert load_run.outcomes(load_run.client()) >= before  # acknowledged writes came back from the AOF
    # kombu's BRPOP popped a message before it was recorded as unacknowledged, and a Redis killed
    # between the two lost it: at most one per worker with prefetch 1. The take now records and pops
    # in one script, but the bound stays as it was (not tightened here).
    in_flight = load_run.workers
    audit = _drained_audit(load_run, inputs, may_lose=in_flight)  # the workers reconnected by themselves
    assert len(inputs) - in_flight <= audit["events"] + audit["dead_letters"] <= len(inputs)
    assert audit["article_ids_twice"] == 0 and audit["event_ids_twice"] == 0
    assert all(p.poll() is None for p in load_run.processes)


class _SlowOnce(http.server.BaseHTTPRequestHandler):
    """Answers its first request after a long pause (time to kill the worker), later ones at once."""

    hits = 0
    body = (FIXTURES / "wire_story.html").read_bytes()

    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:
        type(self).hits += 1
        if type(self).hits == 1:
            time.sleep(4)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.body)))
            self.end_headers()
            self.wfile.write(self.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.mark.slow
def test_task_redelivered_after_its_worker_died_gives_one_event(load_run):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowOnce)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        load_run.workers = 1
        load_run.extra_env = {"NEWSWORKER_ALLOW_PRIVATE_NETWORKS": "true"}
        load_run.start().wait_ready()
        client = load_run.client()
        url = f"http://127.0.0.1:{server.server_address[1]}/news/night-bus"
        load_run.producer_app().send_task("worker.tasks.ingest_url", args=[url], queue=QUEUE)
        deadline = time.monotonic() + 10
        while _SlowOnce.hits == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        [message] = client.hvals("unacked")  # delivered, not acknowledged: the worker is fetching
        load_run.kill_worker(0)
        load_run.restart_worker(0)
        wait_for_entries(client, load_run.settings.stream, 1, timeout_s=VISIBILITY_S + 20)
        assert _SlowOnce.hits == 2  # the redelivered task fetched again
        # The same message once more, as a second redelivery after publishing would bring it back.
        payload, _exchange, routing_key = json.loads(message)
        client.lpush(routing_key, json.dumps(payload))
        assert load_run.drain(client, timeout_s=20)["queued_after_drain"] == 0
        settle(1.0)
        assert client.xlen(load_run.settings.stream) == 1
        assert client.xlen(load_run.settings.dead_letter_stream) == 0
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.usefixtures("celery_worker")
def test_task_that_keeps_failing_is_dead_lettered_after_its_retries(settings, redis_client):
    from worker.tasks import ingest_url

    port = free_port()  # nothing listens there: every attempt fails to connect, a retryable error
    ingest_url.delay(f"http://127.0.0.1:{port}/gone")
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=30)
    assert letter["reason"] == "fetch_failed"
    settle(2.0)  # no further retry, no second letter
    assert redis_client.xlen(settings.dead_letter_stream) == 1
    assert redis_client.llen(settings.queue) == 0


def test_celery_app_accepts_json_only(celery_app_configured):
    conf = celery_app_configured.conf
    assert list(conf.accept_content) == ["json"]
    assert conf.task_serializer == "json" and conf.result_serializer == "json"
    assert conf.event_serializer == "json"


@pytest.mark.usefixtures("celery_worker")
def test_pickled_message_is_refused_by_the_worker(settings, redis_client):
    from worker.tasks import ingest_text

    text = (FIXTURES / "wire_story.txt").read_text()
    ingest_text.apply_async(args=[text], serializer="pickle")
    ingest_text.apply_async(args=[text[: len(text) // 2]])  # a JSON message after it, to know when
    wait_for_entries(redis_client, settings.stream, 1)
    settle(1.0)
    assert redis_client.xlen(settings.stream) == 1  # the pickled one never ran
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert letter["reason"] == "bad_message" and "application/x-python-serialize" in letter["error"]


def test_redis_password_is_masked_in_the_settings_repr():
    settings = Settings().with_redis_url("redis://worker:s3cret-pw@127.0.0.1:6380/0")
    assert "s3cret-pw" not in repr(settings) and "s3cret-pw" not in str(settings)
    assert "redis://worker:***@127.0.0.1:6380/0" in repr(settings)


def _cli(*args: str, redis_url: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
    env["REDIS_URL"] = redis_url
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("command", [["tail"], ["submit", "SAMPLE"], ["run", "--no-beat"]])
def test_cli_says_redis_is_down_without_a_traceback_or_the_password(command, tmp_path):
    sample = tmp_path / "page.html"
    sample.write_text("<p>An article.</p>")
    args = [str(sample) if a == "SAMPLE" else a for a in command]
    result = _cli(*args, redis_url=f"redis://:s3cret-pw@127.0.0.1:{free_port()}/0")
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "s3cret-pw" not in result.stderr + result.stdout
    assert "not reachable" in result.stderr or "does not answer" in result.stderr
