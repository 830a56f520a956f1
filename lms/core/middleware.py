from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from csp.middleware import CSPMiddleware, PolicyParts

# Wagtail's admin relies on inline scripts and styles; learner and public pages
# keep the strict policy from settings.
ADMIN_PREFIXES = ("/admin/", "/en/admin/")
ADMIN_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:", "https:"],
    "frame-src": ["https:"],
    "connect-src": ["https:"],
}


class LmsCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES) and not report_only:
            parts.update = {**ADMIN_POLICY_UPDATE, **(parts.update or {})}
        return parts


class DatabaseUnavailableMiddleware:
    """Answer with a friendly 503 page, not a traceback, when the database is unreachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError) or (
            isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
        ):
            html = render_to_string("503.html")
            response = HttpResponse(html, status=503)
            response["Retry-After"] = "30"
            return response
        return None
