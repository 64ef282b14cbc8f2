"""Prometheus metrics: outcomes, dead letters and stage times counted by real workers, and what
Redis holds read at scrape time; a prefork worker's children summed on one endpoint."""

from __future__ import annotations

import base64
import http.server
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import redis
from celery import Celery

from tests.helpers import wait_for_entries
from tests.metrics_helpers import scrape, value, wait_for_value
from tests.redis_servers import RedisServer
from worker.celery_app import celery_config
from worker.config import Settings
from worker.embedded import free_port
from worker.errors import DeadLetterReason
from worker.events import EventType
from worker.metrics import Metrics, install, start_metrics_server
from worker.publish import DeadLetter, publish_dead_letter
from worker.tasks import ingest_document, ingest_html, ingest_text

FIXTURES = Path(__file__).parent / "fixtures"
CREATED = str(EventType.CREATED)


@pytest.fixture
def fresh_metrics() -> Iterator[Metrics]:
    """This process's metrics start from zero for the test (the thread worker counts into them)."""
    metrics = Metrics.create()
    previous = install(metrics)
    yield metrics
    install(previous)


@pytest.fixture
def metrics_url(settings: Settings, fresh_metrics: Metrics) -> Iterator[str]:
    server = start_metrics_server(replace(settings, metrics_addr="127.0.0.1"), port=free_port())
    yield f"http://127.0.0.1:{server.port}/metrics"
    server.stop()


def kombu_queue_cleanup(client: redis.Redis, queue: str) -> None:
    client.delete(f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")


@pytest.mark.usefixtures("celery_worker")
def test_published_article_counts_one_created_event_one_task_run_and_each_stage(metrics_url):
    ingest_html.delay((FIXTURES / "wire_story.html").read_text())
    samples = wait_for_value(metrics_url, "newsworker_task_seconds_count", 1, task="ingest_html")
    assert value(samples, "newsworker_events_published_total", type=CREATED) == 1
    for stage in ("parse", "extract", "clean", "publish"):
        assert value(samples, "newsworker_stage_seconds_count", stage=stage) == 1, stage
    assert value(samples, "newsworker_task_seconds_bucket", task="ingest_html", le="+Inf") == 1


@pytest.mark.usefixtures("celery_worker")
def test_dead_letters_are_counted_by_reason(metrics_url):
    ingest_text.delay("   ")
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(200)).decode()
    ingest_document.delay(png, content_encoding="base64")
    samples = wait_for_value(metrics_url, "newsworker_task_seconds_count", 1, task="ingest_document")
    samples = wait_for_value(metrics_url, "newsworker_task_seconds_count", 1, task="ingest_text")
    assert value(samples, "newsworker_dead_letters_total", reason="empty") == 1
    assert value(samples, "newsworker_dead_letters_total", reason="binary") == 1
    assert value(samples, "newsworker_events_published_total", type=CREATED) is None


@pytest.mark.usefixtures("celery_worker")
def test_same_text_ingested_again_counts_a_duplicate_not_an_event(metrics_url, settings, redis_client):
    page = (FIXTURES / "wire_story.html").read_text()
    ingest_html.delay(page)
    wait_for_entries(redis_client, settings.stream, 1)
    ingest_html.delay(page)
    samples = wait_for_value(metrics_url, "newsworker_duplicates_total", 1, outcome="duplicate")
    assert value(samples, "newsworker_events_published_total", type=CREATED) == 1


def test_a_dead_letter_written_once_for_a_redelivered_task_is_counted_once(fresh_metrics, settings):
    client = redis.Redis.from_url(settings.redis_url)
    letter = DeadLetter(
        reason=DeadLetterReason.FETCH_FAILED, error="refused", task="t", source="s", input="u"
    )
    publish_dead_letter(client, settings, letter, once_key="task-1")
    publish_dead_letter(client, settings, letter, once_key="task-1")
    counted = fresh_metrics.registry.get_sample_value(
        "newsworker_dead_letters_total", {"reason": "fetch_failed"}
    )
    assert counted == 1
    client.close()


def test_queue_depth_stream_lengths_and_group_lag_are_read_from_redis_at_scrape(settings, redis_client):
    idle = replace(settings, queue=settings.key("idle-queue"), metrics_addr="127.0.0.1")
    producer = Celery("newsworker-test-producer", set_as_current=False)
    producer.conf.update(celery_config(idle))
    server = start_metrics_server(idle, port=free_port())
    try:
        producer.send_task("worker.tasks.ingest_text", args=["waiting"], queue=idle.queue)
        producer.send_task("worker.tasks.ingest_text", args=["waiting too"], queue=idle.queue)
        for n in range(3):
            redis_client.xadd(idle.stream, {"event": str(n)})
        redis_client.xgroup_create(idle.stream, "readers", id="0")
        redis_client.xreadgroup("readers", "reader-1", {idle.stream: ">"}, count=1)
        samples = scrape(f"http://127.0.0.1:{server.port}/metrics")
    finally:
        server.stop()
        producer.close()
        kombu_queue_cleanup(redis_client, idle.queue)
    assert value(samples, "newsworker_redis_up") == 1
    assert value(samples, "newsworker_queue_depth", queue=idle.queue) == 2
    assert value(samples, "newsworker_stream_length", stream=idle.stream) == 3
    assert value(samples, "newsworker_stream_length", stream=idle.dead_letter_stream) == 0
    assert value(samples, "newsworker_consumer_group_lag", stream=idle.stream, group="readers") == 2
    assert value(samples, "newsworker_consumer_group_pending", stream=idle.stream, group="readers") == 1


def test_queue_depth_is_given_for_every_queue_the_workers_read(settings, tmp_path):
    server = RedisServer(tmp_path).start()  # its own: the shared test Redis's `celery` list is everyone's
    lone = replace(settings, redis_url=server.url, metrics_addr="127.0.0.1")
    metrics = start_metrics_server(lone, port=free_port())
    try:
        plain = Celery("plain-producer", broker=server.url, set_as_current=False)  # names no queue
        for text in ("one", "two"):
            plain.send_task("worker.tasks.ingest_text", args=[text])
        plain.close()
        samples = scrape(f"http://127.0.0.1:{metrics.port}/metrics")
    finally:
        metrics.stop()
        server.stop()
    assert value(samples, "newsworker_queue_depth", queue="celery") == 2
    assert value(samples, "newsworker_queue_depth", queue=lone.queue) == 0


def test_scrape_with_redis_down_answers_redis_up_zero(settings):
    nowhere = replace(settings, redis_url=f"redis://127.0.0.1:{free_port()}/0", metrics_addr="127.0.0.1")
    server = start_metrics_server(nowhere, port=free_port())
    try:
        samples = scrape(f"http://127.0.0.1:{server.port}/metrics")
    finally:
        server.stop()
    assert value(samples, "newsworker_redis_up") == 0
    assert value(samples, "newsworker_queue_depth", queue=nowhere.queue) is None


class PairedPages:
    """A page server whose pages are served only once two requests are in at the same time: two
    fetches that both succeed were made by two worker processes at once."""

    def __init__(self) -> None:
        barrier = threading.Barrier(2, timeout=60)
        page = (FIXTURES / "wire_story.html").read_bytes()

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:
                pass

            def do_GET(self) -> None:
                try:
                    barrier.wait()
                    name = self.path.encode().strip(b"/")  # another article: its own URL and text
                    body = page.replace(b"night-bus-network", name).replace(b"twelve", name)
                    status = 200
                except threading.BrokenBarrierError:
                    status, body = 503, b"alone"
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def worker_environment(settings: Settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSWORKER_", "PROMETHEUS_"))}
    env.update(
        REDIS_URL=settings.redis_url,
        NEWSWORKER_KEY_PREFIX=settings.key_prefix,
        NEWSWORKER_QUEUE=settings.queue,
        NEWSWORKER_ALLOW_PRIVATE_NETWORKS="true",
        NEWSWORKER_HOST_MIN_INTERVAL_S="0",
        NEWSWORKER_METRICS_ADDR="127.0.0.1",
        **extra,
    )
    return env


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> str:
    process.send_signal(sig)
    output, _ = process.communicate(timeout=60)
    return output


@pytest.mark.slow
def test_prefork_worker_serves_the_counts_of_both_children_summed(settings, tmp_path):
    prefork = replace(settings, queue=settings.key("prefork-queue"))
    port = free_port()
    command = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "-Q", prefork.queue]
    command += ["--pool", "prefork", "--concurrency", "2", "--loglevel", "INFO"]
    command += ["--without-gossip", "--without-mingle", "--hostname", f"metrics-{port}@%h"]
    worker = subprocess.Popen(
        command,
        env=worker_environment(prefork, NEWSWORKER_METRICS_PORT=str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    pages = PairedPages()
    producer = Celery("newsworker-test-producer", set_as_current=False)
    producer.conf.update(celery_config(prefork))
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        for path in ("/first", "/second"):
            producer.send_task("worker.tasks.ingest_url", args=[pages.url(path)], queue=prefork.queue)
        samples = wait_for_value(url, "newsworker_task_seconds_count", 2, task="ingest_url")
    finally:
        output = stop(worker)
        pages.close()
        producer.close()
        kombu_queue_cleanup(redis.Redis.from_url(settings.redis_url), prefork.queue)
    assert value(samples, "newsworker_events_published_total", type=CREATED) == 2, output
    assert value(samples, "newsworker_stage_seconds_count", stage="fetch") == 2
    assert "ForkPoolWorker-1" in output and "ForkPoolWorker-2" in output


@pytest.mark.slow
def test_newsworker_run_serves_metrics_and_removes_its_folder_when_stopped(settings):
    port = free_port()
    run = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "run", "--no-beat", "--concurrency", "1"],
        env=worker_environment(settings, NEWSWORKER_METRICS_PORT=str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        samples = wait_for_value(f"http://127.0.0.1:{port}/metrics", "newsworker_redis_up", 1)
    finally:
        output = stop(run, signal.SIGINT)
    assert value(samples, "newsworker_stream_length", stream=settings.stream) == 0
    folder = re.search(r"multiprocess folder (\S+)\)", output)
    assert folder, output
    assert not Path(folder.group(1)).exists()
