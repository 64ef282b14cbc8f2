"""The worker hands its pool a task's arguments as the main process decoded them, not the JSON body
to decode a second time (`worker.task_request`)."""

from __future__ import annotations

import json
import pickle

from kombu.message import Message

from worker.celery_app import app
from worker.task_request import DecodedBodyRequest
from worker.tasks import ingest_text

EMBED = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}


def _message(args: list, kwargs: dict) -> Message:
    return Message(
        body=json.dumps([args, kwargs, EMBED]),
        content_type="application/json",
        content_encoding="utf-8",
        headers={"id": "task-1", "task": ingest_text.name, "retries": 0},
        delivery_info={"exchange": "", "routing_key": "newsworker"},
    )


def test_the_pool_gets_the_decoded_arguments_and_no_body_to_decode():
    request = DecodedBodyRequest(_message(["Some text."], {"url": None}), app=app, task=ingest_text)
    assert request.content_type is None  # what tells Celery's trace the body is decoded
    assert request.body == [["Some text."], {"url": None}, EMBED]
    assert (request.args, request.kwargs) == (["Some text."], {"url": None})


def test_the_job_carries_the_arguments_once():
    text = "word " * 20_000
    request = DecodedBodyRequest(_message([text], {}), app=app, task=ingest_text)
    job = pickle.dumps((request.request_dict, request.body))
    assert len(text) < len(job) < 1.2 * len(text)  # not the arguments and the body's JSON text


def test_the_newsworker_tasks_use_it():
    assert app.tasks[ingest_text.name].Request == "worker.task_request:DecodedBodyRequest"
