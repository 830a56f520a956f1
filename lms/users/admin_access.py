"""Whether a signed-in user may open the admin: asked by every page's navigation.

Django answers `has_perm` from the user's own and group permissions, two queries on
every page a learner opens, though for almost everyone the answer is always "no". The
answer is kept in the shared cache per user, under one version that any change of
group membership or permissions replaces (now, and again once the change commits, as
lms.learning.outline does for outlines). Superusers and inactive users are answered
from the user row alone, as Django does.

Only the navigation uses this; every admin view still asks Django.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

PERMISSION = "wagtailadmin.access_admin"
VERSION_KEY = "users:admin-access:version"
TIMEOUT = 60 * 60


def _key(user_id: int) -> str:
    return f"users:admin-access:{user_id}"


def can_open_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    found = cache.get_many([VERSION_KEY, _key(user.pk)])
    version = found.get(VERSION_KEY)
    kept = found.get(_key(user.pk))
    if version is not None and kept is not None and kept[0] == version:
        return kept[1]
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    allowed = user.has_perm(PERMISSION)
    cache.set(_key(user.pk), (version, allowed), TIMEOUT)
    return allowed


def _replace_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def permissions_changed(**_signal) -> None:
    """Forget every kept answer (a signal receiver): now, and again on commit."""
    _replace_version()
    transaction.on_commit(_replace_version)
