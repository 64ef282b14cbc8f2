"""compose.yaml is checked by reading it: Docker does not run here."""

from __future__ import annotations

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
