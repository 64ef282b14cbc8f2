"""Reading a `/metrics` endpoint in tests: scrape, pick one sample, wait for a count to arrive."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

Samples = dict[tuple[str, frozenset], float]


def scrape(url: str) -> Samples:
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


def wait_for_value(url: str, name: str, expected: float, timeout_s: float = 60.0, **labels: str) -> Samples:
    """The scrape once `name{labels}` reaches `expected` (a worker counts after its task returns)."""
    deadline = time.monotonic() + timeout_s
    samples: Samples = {}
    while time.monotonic() < deadline:
        try:
            samples = scrape(url)
        except (urllib.error.URLError, ConnectionError):  # the server is not up yet
            samples = {}
        if (value(samples, name, **labels) or 0) >= expected:
            return samples
        time.sleep(0.1)
    got = value(samples, name, **labels)
    raise AssertionError(f"{name}{labels} is {got} after {timeout_s}s, expected {expected}")
