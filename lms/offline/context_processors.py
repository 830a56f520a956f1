from django.http import HttpRequest

from .keys import user_cache_key


def offline(request: HttpRequest) -> dict:
    """The user's page-cache key for the page's script (pwa.js), "" for a visitor."""
    user = getattr(request, "user", None)
    return {"LMS_USER_CACHE": user_cache_key(user=user) if user is not None else ""}
