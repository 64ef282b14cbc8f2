"""What becomes of each malformed queue entry of tests/test_hostile_messages.py, on a real prefork
`celery worker` subprocess (concurrency 1): its dead letters, whether the worker is still alive,
whether a good message pushed after it was published, and whether the entry is still queued or
unacknowledged. One fresh worker per case (a case may kill it).

    .venv/bin/python -m bench.poison_outcomes                     # this tree
    .venv/bin/python -m bench.poison_outcomes --worker-path DIR   # the worker code of another tree

Needs a Redis at REDIS_URL (default redis://127.0.0.1:6379/15); every key it writes is removed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

import redis

from tests.conftest import delete_prefix
from tests.test_hostile_messages import POISON, good_entry, push, raw_entry


def _still_queued(client: redis.Redis, queue: str, raw: bytes, entry: object) -> bool:
    """The entry is in the queue (as pushed, or as kombu restored it: same body, new delivery tag)
    or unacknowledged."""
    queued = client.lrange(queue, 0, -1)
    if raw in queued:
        return True
    if not isinstance(entry, dict) or not isinstance(entry.get("body"), str):
        return False
    body = json.dumps(entry["body"]).encode()
    return any(body in item for item in queued + list(client.hvals("unacked")))


def run_case(redis_url: str, poison, worker_path: str | None, wait_s: float) -> dict:
    prefix = f"nwbench:{uuid.uuid4().hex[:8]}:"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWORKER_")}
    env.update(
        REDIS_URL=redis_url,
        NEWSWORKER_KEY_PREFIX=prefix,
        NEWSWORKER_QUEUE=prefix + "queue",
        NEWSWORKER_STREAM=prefix + "articles",
        NEWSWORKER_DEAD_LETTER_STREAM=prefix + "dead-letter",
    )
    if worker_path:
        env["PYTHONPATH"] = worker_path
    client = redis.Redis.from_url(redis_url)
    entry = poison.entry()
    raw = raw_entry(entry, prefix + "queue")
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    push(client, prefix + "queue", raw)
    tag = entry["properties"]["delivery_tag"] if isinstance(entry, dict) and "properties" in entry else None
    push(client, prefix + "queue", good_entry())
    command = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "--pool", "prefork"]
    command += ["--concurrency", "1", "--loglevel", "WARNING", "--without-gossip", "--without-mingle"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=worker_path)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and process.poll() is None and not client.xlen(prefix + "articles"):
            time.sleep(0.1)
        time.sleep(0.5)
        alive = process.poll() is None
        process.terminate()
        process.wait(timeout=30)
        log.seek(0)
        unrecoverable = b"Unrecoverable error" in log.read()
    letters = [fields[b"reason"].decode() for _id, fields in client.xrange(prefix + "dead-letter")]
    outcome = {
        "case": poison.name,
        "expected": poison.reason,
        "dead_letters": letters,
        "worker": "alive" if alive else ("exited: Unrecoverable error" if unrecoverable else "exited"),
        "good_after_it": bool(client.xlen(prefix + "articles")),
        "left_queued": _still_queued(client, prefix + "queue", raw, entry),
    }
    if tag:
        client.hdel("unacked", tag)
        client.zrem("unacked_index", tag)
    delete_prefix(client, prefix)
    client.close()
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker-path", help="run the worker from this source tree")
    parser.add_argument("--wait-s", type=float, default=20.0)
    args = parser.parse_args()
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    print("| case | dead letters | worker | good message after it | left queued/unacked |")
    print("|---|---|---|---|---|")
    for poison in POISON:
        out = run_case(redis_url, poison, args.worker_path, args.wait_s)
        letters = ", ".join(out["dead_letters"]) or "none"
        good = "published" if out["good_after_it"] else "not published"
        left = "yes" if out["left_queued"] else "no"
        print(f"| {out['case']} | {letters} | {out['worker']} | {good} | {left} |", flush=True)
        sys.stderr.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
