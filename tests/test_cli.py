"""The `newsworker` command: local extraction, submission to the real service, tail and demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import events
from worker.cli import main
from worker.events import validate_data

FIXTURES = Path(__file__).parent / "fixtures"


def test_extract_prints_one_json_line_of_event_data_per_file(capsys):
    assert main(["extract", str(FIXTURES / "wire_story.txt"), str(FIXTURES / "wire_story.html")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        validate_data(json.loads(line))


def test_extract_of_a_seed_shaped_text_gives_headline_site_and_dateline(capsys):
    main(["extract", str(FIXTURES / "wire_story.txt")])
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Portugal opens Atlantic floating wind farm off Viana do Castelo"
    assert data["site_name"] == "OceanGrid.net"
    assert data["dateline"] == {"place": "Lisbon, Portugal", "agency": "AFP"}
    assert data["published"].startswith("2025-04-09")
    assert not any("ADVERTISEMENT" in p or "Copyright" in p for p in data["paragraphs"])
    assert not any(p.startswith("Wind turbine makers") for p in data["paragraphs"])


def test_extract_with_out_writes_a_file_named_after_each_input(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", "--out", str(out), str(FIXTURES / "wire_story.html")]) == 0
    assert capsys.readouterr().out == ""
    assert (
        json.loads((out / "wire_story.json").read_text())["title"]
        == "City council approves night bus network"
    )


def test_extract_reports_a_failed_input_and_still_outputs_the_others(tmp_path, capsys):
    empty = tmp_path / "empty.html"
    empty.write_text("  ")
    assert main(["extract", str(empty), str(FIXTURES / "wire_story.txt")]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert f"{empty}: empty:" in captured.err


def test_extract_reads_stdin_and_decides_the_kind_by_content():
    html = (FIXTURES / "wire_story.html").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", "extract", "-"],
        input=html,
        capture_output=True,
        timeout=60,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["source"] == {"kind": "cli", "path": "-"}
    assert data["site_name"] == "Riverside Courier"


def test_extract_reads_gzipped_html(tmp_path, capsys):
    import gzip

    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((FIXTURES / "wire_story.html").read_bytes()))
    assert main(["extract", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "City council approves night bus network"


def _service_env(settings) -> dict[str, str]:
    """The environment under which `Settings.from_env` gives the tests' session settings."""
    return {
        "REDIS_URL": settings.redis_url,
        "NEWSWORKER_KEY_PREFIX": settings.key_prefix,
        "NEWSWORKER_QUEUE": settings.queue,
        "NEWSWORKER_ALLOW_PRIVATE_NETWORKS": "true",
        "NEWSWORKER_MAX_RETRIES": str(settings.max_retries),
        "NEWSWORKER_RETRY_BACKOFF_S": str(settings.retry_backoff_s),
        "NEWSWORKER_HOST_MIN_INTERVAL_S": str(settings.host_min_interval_s),
    }


@pytest.mark.usefixtures("celery_worker")
def test_submit_queues_a_folder_and_a_url_for_the_workers(
    settings, redis_client, page_server, monkeypatch, tmp_path
):
    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    folder = tmp_path / "inbox" / "nested"
    folder.mkdir(parents=True)
    (folder / "story.txt").write_bytes((FIXTURES / "wire_story.txt").read_bytes())
    (folder / "notes.md").write_text("not an input kind")
    assert main(["submit", str(tmp_path / "inbox"), page_server.url("/news/night-bus")]) == 0
    published = events(redis_client, settings.stream, 2)
    assert sorted(e["data"]["source"]["kind"] for e in published) == ["cli", "url"]


@pytest.mark.usefixtures("celery_worker")
def test_tail_prints_events_through_a_consumer_group_and_acknowledges_them(
    settings, redis_client, monkeypatch, capsys
):
    from worker.tasks import ingest_text

    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    ingest_text.delay((FIXTURES / "wire_story.txt").read_text())
    events(redis_client, settings.stream, 1)
    assert main(["tail", "--count", "1", "--compact", "--group", "readers"]) == 0
    printed = json.loads(capsys.readouterr().out.splitlines()[0])
    assert printed["type"] == "dev.newsworker.article.created.v2"
    assert redis_client.xpending(settings.stream, "readers")["pending"] == 0


def test_demo_runs_the_service_on_the_bundled_samples_and_prints_their_events(settings):
    env = {**os.environ, "REDIS_URL": settings.redis_url}
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", "demo", "--timeout", "90"],
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.count('"specversion": "1.0"') == 2
    assert "2 of 2 samples published" in result.stderr
