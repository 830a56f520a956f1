"""Logs for operations: one structured line per request and one per task.

`RequestLogMiddleware` (outermost in MIDDLEWARE) writes a line to the `lms.requests` logger
when a response leaves: method, path, status, duration, response size, the request id (the
load balancer's `X-Request-ID` when it sends one) and the signed-in user's id when the view
looked at the user (it never loads the user itself: that would cost a query on every
request). `connect_task_logging` does the same for Celery tasks on `lms.tasks`. With
`LMS_OPERATION_LOGS` on (production's default) both are written; with `LMS_LOG_FORMAT`
"json" (production's default) the console handler writes each line as one JSON object.
"""

import logging
import time
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from celery import signals

request_log = logging.getLogger("lms.requests")
task_log = logging.getLogger("lms.tasks")

REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"


def _request_id(request: HttpRequest) -> str:
    given = request.META.get(REQUEST_ID_HEADER, "")
    if given and len(given) <= 64 and given.isprintable():
        return given
    return uuid.uuid4().hex


def _loaded_user_id(request: HttpRequest) -> int | None:
    """The user's id if something in the request already loaded the user, else None."""
    user = request.__dict__.get("user")
    wrapped = getattr(user, "_wrapped", user)
    if user is None or wrapped is empty:
        return None
    return getattr(wrapped, "pk", None)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.LMS_OPERATION_LOGS

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.enabled:
            return self.get_response(request)
        started = time.perf_counter()
        request.request_id = _request_id(request)
        response = self.get_response(request)
        duration = (time.perf_counter() - started) * 1000
        size = len(response.content) if not response.streaming else None
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        request_log.log(
            level,
            "%s %s %s %.0f ms",
            request.method,
            request.path,
            response.status_code,
            duration,
            extra={
                "request_id": request.request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration, 1),
                "bytes": size,
                "user_id": _loaded_user_id(request),
            },
        )
        response["X-Request-ID"] = request.request_id
        return response


_task_started: dict[str, float] = {}


def _task_prerun(task_id=None, **_kwargs) -> None:
    _task_started[task_id] = time.perf_counter()


def _task_postrun(task_id=None, task=None, state=None, **_kwargs) -> None:
    started = _task_started.pop(task_id, None)
    duration = (time.perf_counter() - started) * 1000 if started is not None else None
    level = logging.INFO if state in ("SUCCESS", "RETRY", None) else logging.ERROR
    task_log.log(
        level,
        "%s %s %s",
        getattr(task, "name", "?"),
        state,
        f"{duration:.0f} ms" if duration is not None else "",
        extra={
            "task": getattr(task, "name", None),
            "task_id": task_id,
            "state": state,
            "duration_ms": round(duration, 1) if duration is not None else None,
            "retries": getattr(getattr(task, "request", None), "retries", None),
        },
    )


def connect_task_logging() -> None:
    """One line per finished task (success, failure or retry), from every worker."""
    signals.task_prerun.connect(_task_prerun, weak=False, dispatch_uid="lms-task-prerun")
    signals.task_postrun.connect(_task_postrun, weak=False, dispatch_uid="lms-task-postrun")
