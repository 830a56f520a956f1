"""The key that names a signed-in user's page cache on the device.

The service worker keeps the pages a signed-in learner has opened in a cache named after
this key, so that a second learner on a shared phone never reads the first one's pages.
The key is a keyed hash: it says nothing about who the user is to someone reading the
phone's storage, and it cannot be guessed for another account.
"""

from django.utils.crypto import salted_hmac

# Sent with every HTML page of a signed-in user; the service worker reads it.
USER_CACHE_HEADER = "X-LMS-User-Cache"


def user_cache_key(*, user) -> str:
    """The signed-in user's cache key, or "" for a visitor."""
    if not user.is_authenticated:
        return ""
    return salted_hmac("lms.offline.user-cache", str(user.pk), algorithm="sha256").hexdigest()[:24]
