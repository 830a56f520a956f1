"""Errors as RFC 9457 problem details (`application/problem+json`).

Every refusal of the API (400, 401, 403, 404, 405, 422, 429) is one JSON object with
`type`, `title`, `status`, `detail` and `instance`; the title and detail are in the
request's language (Thai unless the client asks for English with Accept-Language).
Validation errors add `errors`, one entry per field.
"""

import json
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext as _

from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from lms.core.errors import ServiceError

PROBLEM_CONTENT_TYPE = "application/problem+json"
# The statuses every operation declares in the schema.
PROBLEM_STATUSES = (400, 401, 403, 404, 405, 422, 429)


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: str | None = None
    errors: list[FieldError] | None = None


def _titles() -> dict[int, str]:
    return {
        400: _("Bad request"),
        401: _("Sign-in required"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        409: _("Conflict"),
        422: _("Invalid input"),
        429: _("Too many requests"),
    }


def problem_response(
    request: HttpRequest,
    status: int,
    detail: str,
    *,
    code: str | None = None,
    errors: list[dict] | None = None,
) -> HttpResponse:
    body = {
        # about:blank: the status says what went wrong; `code` narrows it when useful.
        "type": "about:blank",
        "title": _titles().get(status, _("Bad request")),
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if code:
        body["code"] = code
    if errors is not None:
        body["errors"] = errors
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def _default_detail(status: int) -> str:
    return {
        401: _("Sign in, or send a personal access token as 'Authorization: Bearer <token>'."),
        403: _("You may not do this."),
        404: _("There is nothing at this address, or it is not yours to see."),
        429: _("Too many requests. Wait a moment and try again."),
    }.get(status, _("The request could not be understood."))


def not_found(request: HttpRequest, **kwargs) -> HttpResponse:
    """An address under /api/v1/ that names no endpoint (the API's root included)."""
    return problem_response(request, 404, _default_detail(404))


class ApiRefusal(HttpError):
    """A refusal whose message is already written for the person (translated)."""

    def __init__(self, status_code: int, message: str, *, code: str | None = None) -> None:
        super().__init__(status_code, message)
        self.code = code


def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, ApiRefusal):
        return problem_response(request, exc.status_code, exc.message, code=exc.code)
    if isinstance(exc, Throttled):
        return problem_response(request, 429, _default_detail(429), code="rate_limited")
    if isinstance(exc, AuthenticationError):
        return problem_response(request, 401, _default_detail(401), code="unauthenticated")
    # ninja's own messages are English: the status says it in the reader's language.
    return problem_response(request, exc.status_code, _default_detail(exc.status_code))


def validation_detail() -> str:
    return _("Some values are missing or not valid; see the errors for each field.")


def _on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "loc": [str(part) if not isinstance(part, int) else part for part in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors
    ]
    return problem_response(
        request,
        422,
        validation_detail(),
        code="validation",
        errors=errors,
    )


def form_errors(form) -> list[dict]:
    """A Django form's errors in the shape of validation errors."""
    return [
        {"loc": ["query", field], "msg": str(message), "type": "value_error"}
        for field, messages in form.errors.items()
        for message in messages
    ]


def _on_service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    status = 403 if exc.code == "forbidden" and exc.status == 400 else exc.status
    return problem_response(request, status, exc.message, code=exc.code)


def _on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(request, 404, _default_detail(404), code="not_found")


def _on_permission_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(request, 403, str(exc) or _default_detail(403), code="forbidden")


def install(api) -> None:
    """Replace ninja's error handlers with problem details."""
    api.add_exception_handler(HttpError, _on_http_error)
    api.add_exception_handler(ValidationError, _on_validation_error)
    api.add_exception_handler(ServiceError, _on_service_error)
    api.add_exception_handler(Http404, _on_not_found)
    api.add_exception_handler(PermissionDenied, _on_permission_denied)


def problem_on_not_allowed(view: Callable) -> Callable:
    """ninja answers a method it does not serve with plain text; say it as a problem."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            problem = problem_response(
                request,
                405,
                _("This address does not accept %(method)s. It accepts: %(allowed)s.")
                % {"method": request.method[:10], "allowed": allowed},
                code="method_not_allowed",
            )
            problem["Allow"] = allowed
            return problem
        return response

    return wrapper


def responses(ok: dict[int, object]) -> dict[int, object]:
    """An operation's responses: its own, and every problem it may answer with."""
    return {**ok, **dict.fromkeys(PROBLEM_STATUSES, Problem)}


def schema_with_problem_media_type(schema: dict) -> dict:
    """Declare problem responses as `application/problem+json`, as they are sent."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("4") and "content" in response:
                    content = response["content"]
                    if "application/json" in content:
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
    return schema
