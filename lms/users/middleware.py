from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# Paths a user with a temporary password may still reach.
_ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz", "/i18n/")


class PasswordChangeRequiredMiddleware:
    """Send a user whose password was reset by centre staff to change it first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            change_url = reverse("password_change")
            allowed = (change_url, reverse("logout"), *_ALLOWED_PREFIXES)
            if not request.path.startswith(allowed):
                return redirect(change_url)
        return self.get_response(request)
