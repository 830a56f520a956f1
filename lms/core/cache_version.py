"""A version stamp in the shared cache, under which a family of cached values is kept.

Values are stored under keys that include the current version; replacing the version
forgets them all at once, without knowing their keys. `changed` replaces it now, for
the rest of this transaction, and again once the transaction commits: another process
may have cached an old value in between. If the stamp itself is evicted, a new one is
made and the old values are simply never read again.
"""

import uuid

from django.core.cache import cache
from django.db import transaction


class CacheVersion:
    def __init__(self, key: str):
        self.key = key

    def current(self, found: dict | None = None) -> str:
        """The version now; `found` may hold it already (from a `cache.get_many`)."""
        version = (found or {}).get(self.key) or cache.get(self.key)
        if version is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            version = cache.get(self.key)
        return version

    def replace(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, timeout=None)

    def changed(self, **_signal) -> None:
        """Forget every value kept under this version (usable as a signal receiver)."""
        self.replace()
        transaction.on_commit(self.replace)
