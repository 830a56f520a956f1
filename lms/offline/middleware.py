from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from .keys import USER_CACHE_HEADER, user_cache_key


class UserCacheKeyMiddleware:
    """Name the signed-in user's page cache on every HTML page (see lms.offline.keys).

    A page without the header tells the service worker that nobody is signed in, and it
    empties every user's page cache: a session that ended on the server ends on the phone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and response.get("Content-Type", "").startswith("text/html"):
            key = user_cache_key(user=user)
            if key:
                response[USER_CACHE_HEADER] = key
                patch_vary_headers(response, ["Cookie"])
        return response
