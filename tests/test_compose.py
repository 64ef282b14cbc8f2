"""compose.yaml, the Dockerfile and .dockerignore are checked by reading them: Docker does not run here.
(.ci/wheel-smoke runs the service from a folder laid out as the Dockerfile lays out the image.)"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import yaml

from worker.config import Settings

ROOT = Path(__file__).resolve().parent.parent


class RecordingEnvironment(Mapping[str, str]):
    """An empty environment that remembers every name the settings ask for."""

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        raise KeyError(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return default

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return False

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_names_redis_worker_and_beat():
    assert {"redis", "worker", "beat"} <= set(compose()["services"])


def test_compose_redis_persists_with_aof_every_second_on_a_volume():
    redis_service = compose()["services"]["redis"]
    command = " ".join(redis_service["command"])
    assert "--appendonly yes" in command
    assert "--appendfsync everysec" in command
    assert any(volume.endswith(":/data") for volume in redis_service["volumes"])


def test_compose_worker_and_beat_run_the_celery_app():
    services = compose()["services"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "worker.celery_app", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "worker.celery_app", "beat"]


def test_every_variable_compose_sets_is_one_the_code_reads():
    environment = RecordingEnvironment()
    Settings.from_env(environment)
    for name in ("worker", "beat"):
        variables = set(compose()["services"][name]["environment"])
        assert "REDIS_URL" in variables
        assert variables <= environment.asked, variables - environment.asked


def test_compose_workers_reach_redis_by_its_service_name():
    worker_env = compose()["services"]["worker"]["environment"]
    assert worker_env["REDIS_URL"].startswith("redis://redis:6379")


def _seconds(duration: str) -> float:
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    return sum(float(n) * units[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", duration))


def test_compose_file_is_valid_against_the_compose_specification():
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert checker, "check-jsonschema is in the test extras"
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.compose-spec", str(ROOT / "compose.yaml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_worker_and_beat_run_one_image_built_once():
    services = compose()["services"]
    assert services["worker"]["image"] == services["beat"]["image"] == "newsworker:local"
    assert [name for name, service in services.items() if "build" in service] == ["worker"]


def test_beat_is_healthy_while_a_worker_answers():
    assert compose()["services"]["beat"]["healthcheck"]["test"] == ["CMD", "newsworker", "status"]


def test_each_worker_is_healthy_while_its_own_worker_answers():
    test = compose()["services"]["worker"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    assert "newsworker status" in test[1] and "--worker celery@$$HOSTNAME" in test[1]


def test_worker_stop_grace_period_outlasts_the_task_hard_time_limit():
    worker = compose()["services"]["worker"]
    limit_s = Settings.from_env(worker["environment"]).task_time_limit_s
    assert _seconds(worker["stop_grace_period"]) > limit_s


def test_redis_is_published_to_this_machine_only_on_the_default_port():
    assert compose()["services"]["redis"]["ports"] == ["127.0.0.1:6379:6379"]


def test_worker_exposes_its_metrics_port():
    worker = compose()["services"]["worker"]
    assert worker["environment"]["NEWSWORKER_METRICS_PORT"] in worker["expose"]


def dockerfile_copy_sources() -> set[str]:
    """What the Dockerfile copies from the build context (COPY lines without --from)."""
    sources = set()
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        words = shlex.split(line) if line.startswith("COPY ") else []
        if words and not any(w.startswith("--from") for w in words):
            sources.update(w.rstrip("/") for w in words[1:-1])
    return sources


def test_dockerignore_admits_exactly_what_the_dockerfile_copies():
    lines = [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()]
    patterns = [ln for ln in lines if ln and not ln.startswith("#")]
    assert patterns[0] in {"*", "**"}  # everything else (.venv, .git, bench/out...) stays out
    admitted = {p[1:].rstrip("/") for p in patterns if p.startswith("!")}
    assert admitted == dockerfile_copy_sources()


def test_image_runtime_stage_installs_the_wheel_and_copies_no_source():
    stages = (ROOT / "Dockerfile").read_text().split("\nFROM ")
    runtime = stages[-1]
    copies = [ln for ln in runtime.splitlines() if ln.startswith("COPY")]
    assert copies and all("--from=" in ln for ln in copies), copies
    assert re.search(r"pip install [^\n]*\.whl", runtime)
