"""End-to-end smoke test of an installed newsworker: a worker, `newsworker submit` of a text and an HTML
sample, and `newsworker tail`: one valid event each, no dead letter.

Run it with the Python of the virtual environment under test (the wheel, installed not editable):

    VENV/bin/python .ci/smoke.py --from-root REPO            # `newsworker run` from the repository root
    VENV/bin/python .ci/smoke.py --image-layout ROOT/layout.json   # the Dockerfile's CMD in its WORKDIR

It uses the Redis at --redis-url (database 14 by default) under a key prefix of its own, deleted at the
end, and stops the worker it started.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import redis

import worker
from worker.events import validate_data

DEADLINE_S = 120.0
SAMPLES = ("harbour_wind_farm.txt", "night_bus.html")
KOMBU_BOOKKEEPING = ("_kombu.", "unacked")


def fail(message: str) -> None:
    sys.exit(f"smoke: FAILED: {message}")


def start_worker(command: list[str], cwd: Path, env: dict[str, str], log_path: Path) -> subprocess.Popen:
    print(f"smoke: starting `{' '.join(command)}` in {cwd}", flush=True)
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop_worker(process: subprocess.Popen) -> None:
    """SIGTERM (a warm shutdown), as docker stop and Ctrl-C do; SIGKILL to the group if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # anything the worker left behind in its group


def wait_for_outcomes(client: redis.Redis, stream: str, dead_letters: str, count: int, process) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while client.xlen(stream) + client.xlen(dead_letters) < count:
        if process.poll() is not None:
            fail(f"the worker exited with {process.returncode} before publishing")
        if time.monotonic() > deadline:
            published, dead = client.xlen(stream), client.xlen(dead_letters)
            fail(f"{published} event(s) and {dead} dead letter(s) after {DEADLINE_S:.0f}s")
        time.sleep(0.2)
    for _id, fields in client.xrange(dead_letters):
        fail(f"dead letter: {fields}")


def run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=DEADLINE_S)
    if done.returncode != 0:
        fail(f"`{' '.join(command)}` exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--from-root", help="the repository root: run `newsworker run` there")
    where.add_argument("--image-layout", help="layout.json written by .ci/dockerfile_layout.py")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument(
        "--samples", default=str(Path(__file__).resolve().parent.parent / "worker" / "samples")
    )
    args = parser.parse_args()

    installed = Path(worker.__file__).resolve()
    if not installed.is_relative_to(Path(sys.prefix).resolve()):
        fail(f"worker is imported from {installed}, not from the environment under test {sys.prefix}")
    bin_dir = Path(sys.executable).parent
    prefix = f"nwsmoke:{uuid.uuid4().hex[:8]}:"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        REDIS_URL=args.redis_url,
        NEWSWORKER_KEY_PREFIX=prefix,
        NEWSWORKER_QUEUE=prefix + "queue",
    )
    scratch = Path(tempfile.mkdtemp(prefix="newsworker-smoke-"))
    env["NEWSWORKER_STATE_DIR"] = str(scratch / "state")
    if args.from_root:
        cwd = Path(args.from_root).resolve()
        command = [str(bin_dir / "newsworker"), "run", "--concurrency", "1"]
        label = "repository root"
    else:
        layout = json.loads(Path(args.image_layout).read_text(encoding="utf-8"))
        cwd, command, label = Path(layout["workdir"]), layout["cmd"], "image layout"
        env.update(layout["env"])
    print(f"smoke ({label}): worker package {installed}", flush=True)

    client = redis.Redis.from_url(args.redis_url, decode_responses=True)
    stream, dead_letters = prefix + "articles", prefix + "dead-letter"
    log_path = scratch / "worker.log"
    process = start_worker(command, cwd, env, log_path)
    try:
        samples = [str(Path(args.samples) / name) for name in SAMPLES]
        run([str(bin_dir / "newsworker"), "submit", *samples], cwd, env)
        wait_for_outcomes(client, stream, dead_letters, len(samples), process)
        tailed = run([str(bin_dir / "newsworker"), "tail", "--count", "2", "--compact"], cwd, env)
        events = [json.loads(line) for line in tailed.splitlines()]
        if len(events) != len(samples):
            fail(f"tail printed {len(events)} events, expected {len(samples)}")
        for event in events:
            validate_data(event["data"])
            print(f"smoke ({label}): valid event {event['type']} {event['data']['title']!r}", flush=True)
        if client.xlen(stream) != len(samples):
            fail(f"{client.xlen(stream)} events on {stream}, expected one per sample")
        print(f"smoke ({label}): ok, one valid event per sample, no dead letter", flush=True)
    except SystemExit:
        print(log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        stop_worker(process)
        keys = list(client.scan_iter(match=prefix + "*")) + list(client.scan_iter(match=f"*{prefix}*"))
        if keys:
            client.delete(*set(keys))
        leftover = list(client.scan_iter())
        if all(key.startswith(KOMBU_BOOKKEEPING) for key in leftover) and leftover:
            client.delete(*leftover)  # the database is the smoke test's own: its pidbox and event bindings
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
