"""What a message off the queue must be before it may become a task; pure checks, no I/O.

Two layers, in the order a message is read:
    envelope  the JSON that kombu's Redis transport keeps in the queue's list: an object with
              `properties` (delivery_tag, delivery_info with exchange and routing_key,
              body_encoding), `headers`, `content-type`, `content-encoding` and `body`
    task      Celery's protocol 2: headers naming a task this worker runs (`id`, `task`, and when
              present a well-formed `timelimit`, `eta`, `expires`, `retries`), a JSON body
              `[args, kwargs, embed]` in UTF-8, no workflow links in `embed`, and arguments that
              match the task's schema in `schemas/tasks/<task name>.json`

Each check returns None or a `MessageProblem` naming the dead-letter reason: `bad_message` (the
envelope, headers or body), `unknown_task` (a task name this worker does not run, or none) or
`bad_arguments` (arguments that do not bind to the task's parameters or fail its schema). Only
JSON is ever decoded: a pickle or YAML body is refused by its content type, never read.
"""

from __future__ import annotations

import base64
import binascii
import inspect
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from typing import Any

from celery.utils.time import maybe_iso8601
from jsonschema.exceptions import best_match
from kombu.utils.json import loads as kombu_loads

from worker.errors import DeadLetterReason
from worker.schema_check import CompiledSchema

JSON_CONTENT_TYPE = "application/json"
_TEXT_ENCODINGS = frozenset({"utf-8", "utf8"})
_BODY_ENCODINGS = frozenset({"base64"})
_MAX_TASK_ID_CHARS = 255
_MAX_ERROR_CHARS = 300
_OPTIONAL_TEXT_HEADERS = (
    "lang",
    "shadow",
    "root_id",
    "parent_id",
    "group",
    "argsrepr",
    "kwargsrepr",
    "origin",
)
_OPTIONAL_COUNT_HEADERS = ("retries", "group_index", "replaced_task_nesting")
_OPTIONAL_TEXT_LIST_HEADERS = ("groups", "stamped_headers")
_OPTIONAL_TEXT_PROPERTIES = ("correlation_id", "reply_to")
_WORKFLOW_LINKS = ("callbacks", "errbacks", "chain", "chord")


@dataclass(frozen=True, slots=True)
class MessageProblem:
    """Why a message cannot become a task: a dead-letter reason and a line for a person."""

    reason: DeadLetterReason
    error: str


def _bad(error: str) -> MessageProblem:
    return MessageProblem(DeadLetterReason.BAD_MESSAGE, error[:_MAX_ERROR_CHARS])


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def read_envelope(item: bytes | str) -> tuple[dict[str, Any] | None, MessageProblem | None]:
    """The queue entry as kombu's Redis transport needs it, or why it cannot be one."""
    try:
        text = item.decode("utf-8") if isinstance(item, bytes) else item
        envelope = kombu_loads(text)  # as kombu reads it (its JSON also carries typed values)
    except (UnicodeDecodeError, ValueError) as exc:
        return None, _bad(f"queue entry is not JSON: {exc}")
    problem = envelope_problem(envelope) or _carry_plain_body(envelope)
    return (None, problem) if problem else (envelope, None)


def envelope_problem(envelope: Any) -> MessageProblem | None:
    if not isinstance(envelope, dict):
        return _bad(f"queue entry is a JSON {type(envelope).__name__}, not an envelope object")
    properties = envelope.get("properties")
    if not isinstance(properties, dict):
        return _bad("envelope has no properties object")
    if not isinstance(properties.get("delivery_tag"), str) or not properties["delivery_tag"]:
        return _bad("envelope properties have no delivery_tag string")
    delivery_info = properties.get("delivery_info")
    if not isinstance(delivery_info, dict) or not all(
        isinstance(delivery_info.get(key), str) for key in ("exchange", "routing_key")
    ):
        return _bad("envelope properties have no delivery_info with exchange and routing_key")
    for name in _OPTIONAL_TEXT_PROPERTIES:
        if properties.get(name) is not None and not isinstance(properties[name], str):
            return _bad(f"envelope property {name} is not a string: {_short(properties[name])}")
    for field in ("content-type", "content-encoding"):
        if envelope.get(field) is not None and not isinstance(envelope[field], str):
            return _bad(f"envelope {field} is not a string: {_short(envelope[field])}")
    if envelope.get("headers") is not None and not isinstance(envelope["headers"], dict):
        return _bad(f"envelope headers are not an object: {_short(envelope['headers'])}")
    body = envelope.get("body")
    if body is not None and not isinstance(body, str):
        return _bad(f"envelope body is not a string: {_short(body)}")
    body_encoding = properties.get("body_encoding")
    if body_encoding is not None and body_encoding not in _BODY_ENCODINGS:
        return _bad(f"unknown body_encoding {_short(body_encoding)}")
    return None


def _carry_plain_body(envelope: dict[str, Any]) -> MessageProblem | None:
    """A base64 body decoded, once: the envelope then carries it as the text it is, so kombu does
    not decode it again, and the copy it keeps while the message is unacknowledged is a quarter
    smaller. A body that is not UTF-8 stays base64 (the task check refuses it)."""
    body = envelope.get("body")
    if not body or envelope["properties"].get("body_encoding") != "base64":
        return None
    try:
        decoded = base64.b64decode(body.encode("utf-8"), validate=True)
    except (binascii.Error, ValueError) as exc:
        return _bad(f"body is not valid base64: {exc}")
    try:
        envelope["body"] = decoded.decode("utf-8")
    except UnicodeDecodeError:
        return None
    envelope["properties"]["body_encoding"] = None
    return None


@dataclass(frozen=True, slots=True)
class TaskShape:
    """A task's parameters (to bind positional arguments by name) and its arguments' schema."""

    signature: inspect.Signature
    validator: CompiledSchema

    def problem(self, args: list[Any], kwargs: dict[str, Any]) -> MessageProblem | None:
        try:
            named = self.signature.bind(*args, **kwargs).arguments
        except TypeError as exc:
            return MessageProblem(DeadLetterReason.BAD_ARGUMENTS, str(exc))
        error = best_match(self.validator.iter_errors(dict(named)))
        if error is None:
            return None
        where = "/".join(str(part) for part in error.absolute_path) or "arguments"
        return MessageProblem(DeadLetterReason.BAD_ARGUMENTS, f"{where}: {error.message}"[:_MAX_ERROR_CHARS])


def task_schema(task_name: str) -> dict[str, Any] | None:
    """The schema of a task's arguments shipped in the package, or None for a task without one."""
    resource = files("worker.schemas").joinpath("tasks", f"{task_name}.json")
    if not resource.is_file():
        return None
    return json.loads(resource.read_text(encoding="utf-8"))


def task_shapes(run_functions: Mapping[str, Callable[..., Any]]) -> dict[str, TaskShape]:
    """The shapes of the tasks that have a schema; a task without one is never run from a message."""
    shapes = {}
    for name, run in run_functions.items():
        schema = task_schema(name)
        if schema is not None:
            shapes[name] = TaskShape(inspect.signature(run), CompiledSchema(schema))
    return shapes


def _header_problem(headers: dict[str, Any]) -> MessageProblem | None:
    task_id = headers.get("id")
    if not isinstance(task_id, str) or not task_id or len(task_id) > _MAX_TASK_ID_CHARS:
        return _bad(f"header id is not a task id: {_short(task_id)}")
    timelimit = headers.get("timelimit")
    if timelimit is not None and not (
        isinstance(timelimit, list | tuple)
        and len(timelimit) == 2
        and all(
            limit is None or (isinstance(limit, int | float) and not isinstance(limit, bool) and limit >= 0)
            for limit in timelimit
        )
    ):
        return _bad(f"header timelimit is not [soft, hard] seconds: {_short(timelimit)}")
    for name in ("eta", "expires"):
        value = headers.get(name)
        if value is None:
            continue
        try:
            if not isinstance(value, str | datetime) or maybe_iso8601(value) is None:
                raise ValueError("not an ISO 8601 string")
        except (ValueError, OverflowError) as exc:
            return _bad(f"header {name} is not an ISO 8601 time: {_short(value)} ({exc})")
    for name in _OPTIONAL_COUNT_HEADERS:
        value = headers.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            return _bad(f"header {name} is not a count: {_short(value)}")
    for name in _OPTIONAL_TEXT_HEADERS:
        if headers.get(name) is not None and not isinstance(headers[name], str):
            return _bad(f"header {name} is not a string: {_short(headers[name])}")
    for name in _OPTIONAL_TEXT_LIST_HEADERS:
        value = headers.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return _bad(f"header {name} is not a list of strings: {_short(value)}")
    if headers.get("stamps") is not None and not isinstance(headers["stamps"], dict):
        return _bad(f"header stamps is not an object: {_short(headers['stamps'])}")
    if headers.get("ignore_result") is not None and not isinstance(headers["ignore_result"], bool):
        return _bad(f"header ignore_result is not a boolean: {_short(headers['ignore_result'])}")
    return None


def _decode_body(
    body: bytes | str | None, content_type: str | None, content_encoding: str | None
) -> tuple[Any, MessageProblem | None]:
    if (content_type or "").split(";")[0].strip().lower() != JSON_CONTENT_TYPE:
        return None, _bad(f"content type {_short(content_type)} refused: only {JSON_CONTENT_TYPE} is read")
    if content_encoding is not None and content_encoding.lower() not in _TEXT_ENCODINGS:
        return None, _bad(f"content encoding {_short(content_encoding)} refused: only utf-8 is read")
    if body is None:
        return None, _bad("message has no body")
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        return kombu_loads(text), None
    except (UnicodeDecodeError, ValueError) as exc:
        return None, _bad(f"body is not UTF-8 JSON: {exc}")


def task_message_problem(
    headers: Any,
    content_type: str | None,
    content_encoding: str | None,
    body: bytes | str | None,
    shapes: Mapping[str, TaskShape],
) -> MessageProblem | None:
    """None when Celery can run this message as one of `shapes`' tasks, else why not."""
    return read_task_message(headers, content_type, content_encoding, body, shapes)[1]


def read_task_message(
    headers: Any,
    content_type: str | None,
    content_encoding: str | None,
    body: bytes | str | None,
    shapes: Mapping[str, TaskShape],
) -> tuple[Any, MessageProblem | None]:
    """The body as decoded (`[args, kwargs, embed]`) when Celery can run this message as one of
    `shapes`' tasks, else why not; a caller holding the message hands the body on rather than have
    it decoded again."""
    if not isinstance(headers, dict) or not headers:
        return None, _bad("message has no headers (Celery task protocol 2 is required)")
    name = headers.get("task")
    if not isinstance(name, str) or not name:
        error = f"header task is not a name: {_short(name)}"
        return None, MessageProblem(DeadLetterReason.UNKNOWN_TASK, error)
    if name not in shapes:
        return None, MessageProblem(DeadLetterReason.UNKNOWN_TASK, f"no task named {_short(name)} here")
    problem = _header_problem(headers)
    if problem:
        return None, problem
    decoded, problem = _decode_body(body, content_type, content_encoding)
    if problem:
        return None, problem
    if not (
        isinstance(decoded, list)
        and len(decoded) == 3
        and isinstance(decoded[0], list)
        and isinstance(decoded[1], dict)
        and (decoded[2] is None or isinstance(decoded[2], dict))
    ):
        return None, _bad(f"body is not [args, kwargs, embed]: {_short(decoded)}")
    args, kwargs, embed = decoded
    linked = [link for link in _WORKFLOW_LINKS if (embed or {}).get(link)]
    if linked:
        return None, _bad(f"workflow links are not accepted: {', '.join(linked)}")
    problem = shapes[name].problem(args, kwargs)
    return (None, problem) if problem else (decoded, None)
