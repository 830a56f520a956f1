from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# Paths a user with a temporary password may still reach.
_ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz", "/i18n/")

# The session remembers whether its user must change their password, so that an ordinary
# signed-in request does not load the user just to ask. The flag can only turn on together
# with a new password (staff reset it), and a new password ends every session that was
# signed in with the old one, so a remembered "no" is never stale; it turns off in the
# password-change view, which clears it here too (`password_change_flag_clear`).
MUST_CHANGE_PASSWORD_SESSION_KEY = "lms_must_change_password"  # noqa: S105 - a key name


def must_change_password(request: HttpRequest) -> bool:
    """Whether the signed-in user of `request` must change their password first.

    Reads the flag the session keeps (set at sign-in); a session without it (signed in
    before the flag existed) loads the user once and keeps the answer.
    """
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return False
    flag = session.get(MUST_CHANGE_PASSWORD_SESSION_KEY)
    if flag is None:
        user = request.user
        if not user.is_authenticated:
            return False
        flag = bool(user.must_change_password)
        session[MUST_CHANGE_PASSWORD_SESSION_KEY] = flag
    return flag


def password_change_flag_at_login(sender, request, user, **_signal) -> None:
    """Keep the flag in the session as the user signs in (Django's `user_logged_in`): the
    session is being written then anyway, so the first page after it writes nothing."""
    if request is not None and hasattr(request, "session"):
        request.session[MUST_CHANGE_PASSWORD_SESSION_KEY] = bool(user.must_change_password)


def password_change_flag_clear(request: HttpRequest) -> None:
    """The user of `request` has chosen their own password: stop sending them to change it."""
    request.session[MUST_CHANGE_PASSWORD_SESSION_KEY] = False


class PasswordChangeRequiredMiddleware:
    """Send a user whose password was reset by centre staff to change it first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if must_change_password(request):
            change_url = reverse("password_change")
            allowed = (change_url, reverse("logout"), *_ALLOWED_PREFIXES)
            if not request.path.startswith(allowed):
                return redirect(change_url)
        return self.get_response(request)
