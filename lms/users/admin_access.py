"""Whether a signed-in user may open the admin: asked by every page's navigation.

Django answers `has_perm` from the user's own and group permissions, two queries on
every page a learner opens, though for almost everyone the answer is always "no". The
answer is kept in the shared cache per user, under one version (lms.core.cache_version)
that any change of group membership or permissions replaces. Superusers and inactive
users are answered from the user row alone, as Django does.

Only the navigation uses this; every admin view still asks Django.
"""

from django.core.cache import cache

from lms.core.cache_version import CacheVersion

PERMISSION = "wagtailadmin.access_admin"
VERSION = CacheVersion("users:admin-access:version")
TIMEOUT = 60 * 60


def _key(user_id: int) -> str:
    return f"users:admin-access:{user_id}"


def can_open_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    found = cache.get_many([VERSION.key, _key(user.pk)])  # one round trip when warm
    version = VERSION.current(found)
    kept = found.get(_key(user.pk))
    if kept is not None and kept[0] == version:
        return kept[1]
    allowed = user.has_perm(PERMISSION)
    cache.set(_key(user.pk), (version, allowed), TIMEOUT)
    return allowed


def permissions_changed(**_signal) -> None:
    """Forget every kept answer (a signal receiver), now and again on commit."""
    VERSION.changed()
