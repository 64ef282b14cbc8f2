"""Beat's tick every 5 s: Celery's lines about it (sent, received, succeeded) go out at DEBUG, so an
idle service logs nothing at INFO; the same lines about any other task keep their level."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from celery.app import trace

from worker.feed_tasks import POLL_TASK, SCHEDULE_TASK, TickAtDebug, quiet_the_tick


@pytest.fixture
def quiet_tick() -> Iterator[None]:
    loggers = [
        logging.getLogger(name) for name in ("celery.beat", "celery.worker.strategy", "celery.app.trace")
    ]
    before = [list(logger.filters) for logger in loggers]
    quiet_the_tick()
    yield
    for logger, filters in zip(loggers, before, strict=True):
        logger.filters[:] = filters


def beat_sends(task: str) -> None:
    # the call celery.beat.Scheduler.apply_entry makes
    logging.getLogger("celery.beat").info("Scheduler: Sending due task %s (%s)", "entry", task)


def worker_receives_and_runs(task: str) -> None:
    context = {"id": "abc", "name": task, "args": "()", "kwargs": "{}", "eta": None}
    logging.getLogger("celery.worker.strategy").info(trace.LOG_RECEIVED, context, extra={"data": context})
    trace.info(trace.LOG_SUCCESS, {**context, "return_value": "0", "runtime": 0.001})


@pytest.mark.usefixtures("quiet_tick")
def test_tick_lines_are_not_logged_at_info(caplog):
    caplog.set_level(logging.INFO)
    beat_sends(SCHEDULE_TASK)
    worker_receives_and_runs(SCHEDULE_TASK)
    assert caplog.records == []


@pytest.mark.usefixtures("quiet_tick")
def test_tick_lines_are_logged_at_debug(caplog):
    caplog.set_level(logging.DEBUG)
    beat_sends(SCHEDULE_TASK)
    worker_receives_and_runs(SCHEDULE_TASK)
    assert [r.levelname for r in caplog.records] == ["DEBUG", "DEBUG", "DEBUG"]


@pytest.mark.usefixtures("quiet_tick")
def test_lines_about_other_tasks_stay_at_info(caplog):
    caplog.set_level(logging.INFO)
    beat_sends(POLL_TASK)
    worker_receives_and_runs(POLL_TASK)
    assert [r.levelname for r in caplog.records] == ["INFO", "INFO", "INFO"]


def test_quieting_twice_leaves_one_filter(quiet_tick):
    quiet_the_tick()
    assert sum(isinstance(f, TickAtDebug) for f in logging.getLogger("celery.beat").filters) == 1
