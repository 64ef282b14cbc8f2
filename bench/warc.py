"""Bulk ingestion from a web archive, end to end: `newsworker submit crawl.warc.gz` and real
workers on a Redis of the run's own.

    python -m bench.warc [--records 10000] [--workers 1 2] [--data ../shared/bench]

Writes a WARC (gzip per record, warcio) of `--records` response records cycling through the shared
sets' HTML pages (`<data>/*/html/*.html.gz`), each at a URL of its own and with a line of its own
in the body (so the copies are not exact duplicates), into a temporary folder. Then, for each worker
count: starts an embedded Redis and that many `celery worker` processes (prefork, one child each,
`bench.loadrun`), runs `newsworker submit` on the file as a subprocess, and waits until the queue is
empty and nothing is unacknowledged. records/s = records / (submit start .. queue drained). The
submit's own time (reading, base64, queueing) is printed too. Skips with a message without data.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

from bench.datasets import data_dir
from bench.loadrun import QUEUE, LoadRun

CAPTURED = "2024-05-01T10:00:00Z"


def source_pages(root: Path) -> list[Path]:
    return sorted(root.glob("*/html/*.html.gz"))


def write_warc(path: Path, pages: list[Path], records: int) -> None:
    """`records` response records, cycling through `pages` (read one at a time)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
        for number, page in zip(range(records), cycle(pages), strict=False):
            stamp = f"<p>Archive copy {number}.</p></body>".encode()
            body = gzip.decompress(page.read_bytes()).replace(b"</body>", stamp, 1)
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://site{number % 89}.example.org/news/{number}",
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": CAPTURED},
            )
            writer.write_record(record)


def measure(warc: Path, records: int, workers: int, timeout_s: float) -> dict:
    run = LoadRun(
        workers=workers,
        visibility_timeout_s=300,
        extra_env={
            "NEWSWORKER_MAX_DOCUMENT_BYTES": str(5 * 1024 * 1024),
            "NEWSWORKER_TASK_TIME_LIMIT_S": "120",
            "NEWSWORKER_TASK_SOFT_TIME_LIMIT_S": "90",
        },
    )
    try:
        run.start()
        run.wait_ready()
        client = run.client()
        start = time.perf_counter()
        submitted = subprocess.run(
            [sys.executable, "-m", "worker.cli", "submit", str(warc)],
            env=run.environment(),
            capture_output=True,
            text=True,
            check=True,
        )
        submit_s = time.perf_counter() - start
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and (client.llen(QUEUE) or client.hlen("unacked")):
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        dead = client.xrange(run.settings.dead_letter_stream)
        reasons: dict[str, int] = {}
        for _id, fields in dead:
            reason = fields[b"reason"].decode()
            reasons[reason] = reasons.get(reason, 0) + 1
        return {
            "workers": workers,
            "records": records,
            "submit_s": round(submit_s, 1),
            "elapsed_s": round(elapsed, 1),
            "records_per_s": round(records / elapsed, 1),
            "events": client.xlen(run.settings.stream),
            "dead_letters": reasons,
            "drained": not (client.llen(QUEUE) or client.hlen("unacked")),
            "submit_said": submitted.stderr.strip().splitlines()[-2:],
        }
    finally:
        run.stop()
        shutil.rmtree(run.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--data", default=None, help="folder of the shared sets (default ../shared/bench)")
    parser.add_argument("--timeout-s", type=float, default=3600.0)
    args = parser.parse_args(argv)
    pages = source_pages(data_dir(args.data))
    if not pages:
        print(f"no HTML pages under {data_dir(args.data)}/*/html/; skipping", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="newsworker-warc-") as folder:
        warc = Path(folder) / "crawl.warc.gz"
        start = time.perf_counter()
        write_warc(warc, pages, args.records)
        print(
            f"wrote {args.records} records from {len(pages)} pages ({warc.stat().st_size / 1e6:.0f} MB) "
            f"in {time.perf_counter() - start:.0f}s",
            file=sys.stderr,
        )
        for workers in args.workers:
            print(json.dumps(measure(warc, args.records, workers, args.timeout_s)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
