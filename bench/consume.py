"""What the consumer API costs: events read, validated and acknowledged per second, on one core.

    python -m bench.consume [--events 5000] [--batch 100]

Writes real events under a key prefix of its own on REDIS_URL (default db 15 of the local Redis),
reads them with `EventConsumer` (validated) and with `decode_fields` (not parsed at all), and
deletes its keys.
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from pathlib import Path

import redis

from worker.consume import EventConsumer, decode_fields
from worker.document import InputKind, load_document
from worker.events import EventType, article_data, build_event, serialize_event
from worker.pipeline import extract_article

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "wire_story.txt"


def _event() -> str:
    document = load_document(SAMPLE.read_bytes(), kind=InputKind.TEXT)
    return serialize_event(build_event(article_data(extract_article(document)), EventType.CREATED))


def _drain(consumer: EventConsumer, batch: int) -> tuple[int, float]:
    started, read = time.perf_counter(), 0
    while deliveries := consumer.read(count=batch):
        consumer.ack(*(d.entry_id for d in deliveries))
        read += len(deliveries)
    return read, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"))
    prefix = f"nwbench-consume:{uuid.uuid4().hex[:8]}:"
    stream, event = prefix + "articles", _event()
    try:
        with client.pipeline(transaction=False) as pipe:
            for _ in range(args.events):
                pipe.xadd(stream, {"event": event})
            pipe.execute()
        print(f"{args.events} events of {len(event)} bytes, read {args.batch} at a time")
        for label, parse in (("validated", None), ("not parsed", decode_fields)):
            options = {"parse": parse} if parse else {}
            consumer = EventConsumer(client, stream, label, rejected_stream=prefix + "rejected", **options)
            consumer.create_group("0")
            read, seconds = _drain(consumer, args.batch)
            print(f"{label:>11}: {read} events in {seconds:.2f} s, {read / seconds:,.0f} events/s")
    finally:
        keys = list(client.scan_iter(match=prefix + "*"))
        if keys:
            client.delete(*keys)


if __name__ == "__main__":
    main()
