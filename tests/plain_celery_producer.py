"""Another team's producer: it knows newsworker only by its README's contract, and imports only Celery.

Run as `python tests/plain_celery_producer.py BROKER_URL < messages.json`, where the JSON is a list
of {"task": name, "args": [...], "kwargs": {...}, "queue": name or null}. A null queue sends the
task where plain Celery sends it by default (the `celery` queue).
"""

import json
import sys

# The proof that no newsworker code is needed: any `import worker...` from here on fails.
sys.modules["worker"] = None  # type: ignore[assignment]

from celery import Celery  # noqa: E402


def main() -> int:
    app = Celery(broker=sys.argv[1])  # Celery's defaults: JSON serializer, default queue `celery`
    for message in json.load(sys.stdin):
        options = {"queue": message["queue"]} if message.get("queue") else {}
        app.send_task(message["task"], args=message.get("args"), kwargs=message.get("kwargs"), **options)
    loaded = [name for name, module in sys.modules.items() if module and name.split(".")[0] == "worker"]
    print(json.dumps(loaded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
