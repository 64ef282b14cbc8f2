"""The worker loads what a task needs (models, language data, the event schema, the TLS context) in its
main process before the pool forks, so every pool process, including one started again after a kill
or a `max-tasks-per-child` retirement, inherits it instead of paying for it on its first task."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

from tests.conftest import FIXTURES
from tests.helpers import prefork_worker_running, wait_for_entries
from tests.redis_servers import producer, stream_length, worker_environment

_CACHES_AFTER_WARM_UP = """
import json
from worker.clean.block_model import shipped_block_model
from worker.events import schema_validator
from worker.extract.text_labels import default_labeller
from worker.extract.text_title_rank import default_ranker
from worker.http_deadline import verifying_context
from worker.warmup import warm_up

loaders = {"labeller": default_labeller, "block model": shipped_block_model, "titles": default_ranker,
           "schema": schema_validator, "tls": verifying_context}
before = {name: f.cache_info().currsize for name, f in loaders.items()}
warm_up()
print(json.dumps({"before": before, "after": {n: f.cache_info().currsize for n, f in loaders.items()}}))
"""


def test_warm_up_loads_the_models_the_schema_and_the_tls_context():
    """In a fresh interpreter, as in a worker's main process: nothing loaded before, all of it after."""
    done = subprocess.run(
        [sys.executable, "-c", _CACHES_AFTER_WARM_UP], capture_output=True, text=True, check=True, cwd="/"
    )
    caches = json.loads(done.stdout)
    assert set(caches["before"].values()) == {0}
    assert set(caches["after"].values()) == {1}


def test_pool_processes_forked_from_a_warmed_worker_extract_both_forms(redis_url: str, tmp_path: Path):
    """Each task in a pool process of its own (`--max-tasks-per-child 1`): every one runs on what the
    process inherited from the warm-up (the CRF tagger, the block model, the compiled schema)."""
    prefix = f"nwtest:{uuid.uuid4().hex[:8]}:"
    env = worker_environment(redis_url, prefix, NEWSWORKER_CONSUME_CELERY_QUEUE="false")
    log = tmp_path / "worker.log"
    with prefork_worker_running(env, log, redis_url, prefix, "--max-tasks-per-child", "1") as running:
        worker, settings, client = running
        assert "tasks warmed up in" in worker.log()
        send = producer(settings).send_task
        for name, fixture in (("ingest_html", "wire_story.html"), ("ingest_text", "wire_story.txt")):
            send(f"worker.tasks.{name}", args=[(FIXTURES / fixture).read_text()], queue=settings.queue)
        entries = wait_for_entries(client, settings.stream, 2, timeout_s=60)
        kinds = sorted(json.loads(entry["event"])["data"]["source"]["kind"] for entry in entries)
        assert kinds == ["html", "text"]
        assert stream_length(client, settings.dead_letter_stream) == 0
