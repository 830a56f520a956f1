"""Who is calling: a personal access token (`Authorization: Bearer cdc_...`) or the
browser's session (with Django's CSRF check on unsafe methods).

A token found is put on the request (`request.api_token`) and its person becomes
`request.user`, so the selectors and services see the same person either way.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from ninja.security import HttpBearer
from ninja.security.apikey import APIKeyCookie
from ninja.utils import check_csrf

from lms.centres import scoping

from .problems import ApiRefusal
from .selectors import token_by_secret
from .services import token_mark_used

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        found = token_by_secret(secret=token.strip())
        if found is None:
            raise ApiRefusal(
                401,
                _("This token is not valid: it may be mistyped, revoked or expired."),
                code="invalid_token",
            )
        token_mark_used(token=found)
        request.api_token = found
        request.user = found.user
        return found.user


class BrowserSession(APIKeyCookie):
    """The signed-in browser (the docs page, the site's own scripts)."""

    def __init__(self) -> None:
        from django.conf import settings

        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest):
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise ApiRefusal(
                403,
                _("The CSRF check failed. Reload the page and try again."),
                code="csrf",
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


class Anyone:
    """The last resort for public operations: the anonymous visitor is let in."""

    def __call__(self, request: HttpRequest):
        return "anonymous"


SIGNED_IN = [BearerToken(), BrowserSession()]
PUBLIC = [*SIGNED_IN, Anyone()]
# The docs page shows public operations as open to anyone (an empty requirement).
PUBLIC_SECURITY = {"security": [{"BearerToken": []}, {"BrowserSession": []}, {}]}


def require_write(request: HttpRequest) -> None:
    """A read-only token may read only."""
    token = getattr(request, "api_token", None)
    if token is not None and not token.can_write:
        raise ApiRefusal(
            403,
            _("This token is read only. Make a read and write token to change anything."),
            code="read_only_token",
        )


def require_staff(request: HttpRequest) -> None:
    if not scoping.is_staff_member(request.user):
        raise ApiRefusal(403, _("Only centre staff may use this."), code="staff_only")


def require_centre_admin(request: HttpRequest) -> None:
    if not scoping.is_centre_admin(request.user):
        raise ApiRefusal(403, _("Only centre admins may use this."), code="centre_admins_only")
