"""run_or_queue: the one place that runs a task now or queues it, and never fails the caller."""

import pytest
from celery import shared_task

from lms.core.queue import run_or_queue

ran = []


@shared_task
def _note(value):
    ran.append(value)


@shared_task
def _fail():
    raise RuntimeError("broken")


@pytest.fixture(autouse=True)
def _clean():
    ran.clear()


def test_runs_here_and_now_without_a_broker():
    assert _note.app.conf.task_always_eager
    assert run_or_queue(_note, 7) is True
    assert ran == [7]


def test_a_failure_is_logged_not_raised(caplog):
    assert run_or_queue(_fail) is False
    assert "not sent" in caplog.text


def test_queues_when_a_broker_is_configured(monkeypatch):
    sent = []
    monkeypatch.setitem(_note.app.conf, "task_always_eager", False)
    monkeypatch.setattr(_note, "apply_async", lambda args: sent.append(args))
    assert run_or_queue(_note, 3) is True
    assert sent == [(3,)]
    assert ran == []


def test_a_broker_that_is_down_is_logged_not_raised(monkeypatch, caplog):
    def down(args):
        raise ConnectionRefusedError("no broker")

    monkeypatch.setitem(_note.app.conf, "task_always_eager", False)
    monkeypatch.setattr(_note, "apply_async", down)
    assert run_or_queue(_note, 3) is False
    assert "not sent" in caplog.text
