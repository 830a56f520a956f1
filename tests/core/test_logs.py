"""Logs for operations: one structured line per request and per task, no library chatter."""

import io
import json
import logging
import logging.config

from django.conf import settings
from django.db import connection
from django.http import HttpResponseServerError
from django.test.utils import CaptureQueriesContext

import pytest

from assessments.tasks import close_overdue_attempts
from lms.core.logs import RequestLogMiddleware, connect_task_logging


def request_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "lms.requests"]


@pytest.fixture
def operation_logs(settings, caplog):
    settings.LMS_OPERATION_LOGS = True
    caplog.set_level(logging.INFO, logger="lms")
    return caplog


@pytest.mark.django_db
def test_one_line_per_request_with_its_facts(client, operation_logs):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-42")

    (line,) = request_lines(operation_logs)
    assert (line.method, line.path, line.status) == ("GET", "/healthz", response.status_code)
    assert line.request_id == "lb-42" == response["X-Request-ID"]
    assert line.duration_ms >= 0
    assert line.bytes == len(response.content)
    assert line.user_id is None


@pytest.mark.django_db
def test_request_id_made_when_the_balancer_sends_none_or_junk(client, operation_logs):
    first = client.get("/healthz")
    second = client.get("/healthz", HTTP_X_REQUEST_ID="x" * 500)
    ids = [line.request_id for line in request_lines(operation_logs)]
    assert len(set(ids)) == 2 and all(len(i) == 32 for i in ids)
    assert [first["X-Request-ID"], second["X-Request-ID"]] == ids


@pytest.mark.django_db
def test_signed_in_user_named_without_a_query_of_its_own(client, operation_logs, django_user_model):
    user = django_user_model.objects.create_user("log-learner", password="x" * 12)
    client.force_login(user)
    response = client.get("/learn/")
    assert response.status_code == 200
    (line,) = request_lines(operation_logs)
    assert line.user_id == user.pk  # the dashboard loaded the user; the log reuses it

    with CaptureQueriesContext(connection) as with_logs:
        client.get("/healthz")
    settings.LMS_OPERATION_LOGS = False
    client.handler.load_middleware()
    with CaptureQueriesContext(connection) as without_logs:
        client.get("/healthz")
    assert len(with_logs) == len(without_logs)


def test_server_errors_are_logged_as_errors(rf, operation_logs):
    middleware = RequestLogMiddleware(lambda request: HttpResponseServerError("down"))
    middleware(rf.get("/th/courses/"))
    (line,) = request_lines(operation_logs)
    assert line.levelno == logging.ERROR and line.status == 500


@pytest.mark.django_db
def test_one_line_per_task(caplog):
    caplog.set_level(logging.INFO, logger="lms")
    connect_task_logging()
    close_overdue_attempts.apply()
    lines = [record for record in caplog.records if record.name == "lms.tasks"]
    assert len(lines) == 1
    assert lines[0].task == "assessments.tasks.close_overdue_attempts"
    assert lines[0].state == "SUCCESS" and lines[0].duration_ms >= 0


def test_json_lines_in_production_format():
    stream = io.StringIO()
    config = {
        **settings.LOGGING,
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": stream}
        },
    }
    logging.config.dictConfig(config)
    try:
        logging.getLogger("lms.requests").info(
            "GET / 200", extra={"path": "/", "status": 200, "duration_ms": 3.2}
        )
        logging.getLogger("weasyprint.progress").info("Step 2 - Fetching and parsing CSS")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    (line,) = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["logger"] == "lms.requests" and record["level"] == "INFO"
    assert (record["path"], record["status"], record["duration_ms"]) == ("/", 200, 3.2)
    assert "time" in record
