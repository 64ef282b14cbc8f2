"""The `newsworker` command: local extraction, submission to the real service, tail and demo."""

from __future__ import annotations

import argparse
import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import events
from worker.cli import build_parser, main
from worker.cli_common import ExitCode
from worker.embedded import free_port
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


def test_extract_event_names_a_file_given_by_absolute_path_by_its_name_only(capsys):
    main(["extract", str((FIXTURES / "wire_story.txt").absolute())])
    assert json.loads(capsys.readouterr().out)["source"] == {"kind": "cli", "path": "wire_story.txt"}


def test_extract_event_names_a_file_in_a_folder_by_its_path_under_that_folder(tmp_path, capsys):
    folder = tmp_path / "pages" / "2025"
    folder.mkdir(parents=True)
    (folder / "story.html").write_bytes((FIXTURES / "wire_story.html").read_bytes())
    main(["extract", str(tmp_path / "pages")])
    assert json.loads(capsys.readouterr().out)["source"]["path"] == "2025/story.html"


def test_extract_prints_json_lines_when_stdout_is_a_pipe():
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", "extract", str(FIXTURES / "wire_story.html")],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.count(b"\n") == 1
    assert json.loads(result.stdout)["title"] == "City council approves night bus network"


def test_extract_into_a_reader_that_stops_early_ends_quietly():
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "extract", *[str(FIXTURES / "wire_story.html")] * 20],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.read(1) == b"{"
    process.stdout.close()  # as `| head -c 1` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == ExitCode.OK
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_extract_prints_indented_json_on_a_terminal():
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "extract", str(FIXTURES / "wire_story.html")],
        stdout=terminal,
        stderr=subprocess.DEVNULL,
    )
    os.close(terminal)
    printed = _read_all(controller)
    assert process.wait(timeout=60) == 0
    assert printed.startswith("{\r\n  ")
    assert json.loads(printed)["title"] == "City council approves night bus network"


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the terminal's other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def test_extract_fetches_a_url_under_the_workers_fetch_policy(page_server, monkeypatch, capsys):
    monkeypatch.setenv("NEWSWORKER_ALLOW_PRIVATE_NETWORKS", "true")
    url = page_server.url("/news/night-bus")
    assert main(["extract", url]) == ExitCode.OK
    data = json.loads(capsys.readouterr().out)
    validate_data(data)
    assert data["title"] == "City council approves night bus network"
    assert data["source"] == {"kind": "cli", "url": url}


def test_extract_refuses_a_loopback_url_unless_private_networks_are_allowed(page_server, monkeypatch, capsys):
    monkeypatch.delenv("NEWSWORKER_ALLOW_PRIVATE_NETWORKS", raising=False)
    url = page_server.url("/news/night-bus")
    assert main(["extract", url]) == ExitCode.INPUTS_FAILED
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{url}: fetch_refused:" in captured.err
    assert page_server.requests("/news/night-bus") == []


def test_extract_of_a_url_that_fails_says_its_reason_and_exits_1(page_server, monkeypatch, capsys):
    monkeypatch.setenv("NEWSWORKER_ALLOW_PRIVATE_NETWORKS", "true")
    url = page_server.url("/missing")
    assert main(["extract", url, str(FIXTURES / "wire_story.txt")]) == ExitCode.INPUTS_FAILED
    captured = capsys.readouterr()
    assert f"{url}: http_status:" in captured.err
    assert len(captured.out.splitlines()) == 1


def test_extract_fetch_is_capped_by_the_fetch_size_limit(page_server, monkeypatch, capsys):
    monkeypatch.setenv("NEWSWORKER_ALLOW_PRIVATE_NETWORKS", "true")
    monkeypatch.setenv("NEWSWORKER_FETCH_MAX_BYTES", "1000")
    url = page_server.url("/news/night-bus")
    assert main(["extract", url]) == ExitCode.INPUTS_FAILED
    assert f"{url}: fetch_too_large:" in capsys.readouterr().err


def _parsers(
    parser: argparse.ArgumentParser, name: str = "newsworker"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """The main parser and every (sub)command's parser, with its command line."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child_name, child in action.choices.items():
                yield from _parsers(child, f"{name} {child_name}")


REDIS_COMMANDS = {
    "newsworker submit",
    "newsworker run",
    "newsworker tail",
    "newsworker demo",
    "newsworker sources add",
    "newsworker sources list",
    "newsworker sources remove",
    "newsworker sources load",
    "newsworker poll",
    "newsworker status",
}
# A command whose exit code 1 means something else than failed inputs says so in its own words.
EXIT_ONE = {
    "newsworker status": "1    no worker answered",
    "newsworker run": "1    the worker stopped with an error",
}


def test_every_option_and_argument_of_every_command_has_help():
    for name, parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                assert all(choice.help for choice in action._choices_actions), name
            else:
                assert action.help and action.help.strip(), f"{name} {action.dest} has no help"


def test_every_help_states_the_exit_codes():
    for name, parser in _parsers(build_parser()):
        text = parser.format_help()
        one = EXIT_ONE.get(name, "1    some inputs failed")
        for line in ("0    ok", one, "2    configuration or usage error"):
            assert line in text, name
        assert "3    Redis unreachable" in text, name
        assert "130  interrupted" in text, name


def test_every_command_that_talks_to_redis_takes_redis_url():
    commands = {
        name for name, parser in _parsers(build_parser()) if "--redis-url" in parser._option_string_actions
    }
    assert commands >= REDIS_COMMANDS


def test_redis_url_option_overrides_the_environment(settings, redis_client, monkeypatch, capsys):
    from worker.publish import publish_article

    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    main(["extract", str(FIXTURES / "wire_story.txt")])
    publish_article(redis_client, settings, json.loads(capsys.readouterr().out))
    assert main(["tail", "--redis-url", settings.redis_url, "--count", "1", "--group", "g"]) == ExitCode.OK
    assert json.loads(capsys.readouterr().out)["type"] == "dev.newsworker.article.created.v2"


def test_redis_url_option_overrides_the_environment_for_the_feed_commands(
    settings, redis_client, monkeypatch, capsys
):
    from worker.sources import list_sources

    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    feed = "https://news.example.com/rss.xml"
    assert main(["sources", "add", feed, "--redis-url", settings.redis_url]) == ExitCode.OK
    assert [source.url for source, _due in list_sources(redis_client, settings)] == [feed]


def test_an_unreachable_redis_url_exits_3_and_names_it(capsys):
    url = f"redis://127.0.0.1:{free_port()}/0"
    assert main(["sources", "list", "--redis-url", url]) == ExitCode.REDIS_UNREACHABLE
    assert f"Redis at {url} is not reachable" in capsys.readouterr().err
    assert main(["tail", "--redis-url", url, "--count", "1"]) == ExitCode.REDIS_UNREACHABLE
    assert f"Redis at {url} is not reachable" in capsys.readouterr().err


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
    from_file = next(e["data"] for e in published if e["data"]["source"]["kind"] == "cli")
    assert from_file["source"]["path"] == "nested/story.txt"


@pytest.mark.usefixtures("celery_worker")
def test_tail_prints_events_through_a_consumer_group_and_acknowledges_them(
    settings, redis_client, monkeypatch, capsys
):
    from worker.tasks import ingest_text

    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    ingest_text.delay((FIXTURES / "wire_story.txt").read_text())
    events(redis_client, settings.stream, 1)
    assert main(["tail", "--count", "1", "--group", "readers"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1  # stdout is not a terminal: one line per event, --compact or not
    printed = json.loads(lines[0])
    assert printed["type"] == "dev.newsworker.article.created.v2"
    assert redis_client.xpending(settings.stream, "readers")["pending"] == 0


def test_tail_rejected_prints_what_a_consumer_set_aside(settings, redis_client, monkeypatch, capsys):
    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    junk_id = redis_client.xadd(settings.stream, {"headline": "no event here"})
    assert main(["tail", "--count", "1", "--group", "readers", "--block-ms", "10"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["tail", "--rejected", "--count", "1", "--compact", "--group", "readers"]) == 0
    aside = json.loads(capsys.readouterr().out)
    assert (aside["reason"], aside["entry_id"]) == ("no_event_field", junk_id)
    assert aside["entry:headline"] == "no event here"


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
    printed = [json.loads(line) for line in result.stdout.splitlines()]  # stdout: events only
    assert [event["specversion"] for event in printed] == ["1.0", "1.0"]
    assert "2 of 2 samples published" in result.stderr
