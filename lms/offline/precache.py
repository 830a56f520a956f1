"""What the service worker stores when it installs, with a revision for each file.

Static files of learner pages and the Sarabun font: a phone that has installed the app
downloads them once and afterwards only the pages' HTML. The staff's styles and scripts
stay out; staff work online.
"""

import hashlib
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

PRECACHED_STATIC = (
    "css/fonts.css",
    "css/site.css",
    "css/assessments.css",
    "css/assignments.css",
    "css/certificates.css",
    "js/pwa.js",
    "js/offline-learning.js",
    "js/quiz.js",
    "js/assignments.js",
    "img/logo.svg",
    "img/favicon.svg",
    "img/icons/icon-192.png",
    "vendor/sarabun/sarabun-thai-400-normal.woff2",
    "vendor/sarabun/sarabun-latin-400-normal.woff2",
    "vendor/sarabun/sarabun-thai-700-normal.woff2",
    "vendor/sarabun/sarabun-latin-700-normal.woff2",
)

# The Workbox modules the service worker loads (package.json), by Workbox's module name.
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")


def _read(name: str) -> bytes:
    path = finders.find(name)
    if path:
        with open(path, "rb") as file:
            return file.read()
    with staticfiles_storage.open(name) as file:
        return file.read()


def _revision(name: str) -> str:
    return hashlib.sha256(_read(name)).hexdigest()[:16]


def _entries() -> tuple[tuple[str, str], ...]:
    return tuple((staticfiles_storage.url(name), _revision(name)) for name in PRECACHED_STATIC)


_cached_entries = lru_cache(maxsize=1)(_entries)


def static_entries() -> list[dict[str, str]]:
    """[{"url": ..., "revision": ...}] for Workbox's precache; read once per process
    (a deployment restarts it), at every request while developing."""
    entries = _entries() if settings.DEBUG else _cached_entries()
    return [{"url": url, "revision": revision} for url, revision in entries]


def workbox_module_urls() -> dict[str, str]:
    """The address of each Workbox module's production build."""
    urls = {
        name: staticfiles_storage.url(f"vendor/workbox/{name}.prod.js") for name in WORKBOX_MODULES
    }
    urls["workbox-sw"] = staticfiles_storage.url("vendor/workbox/workbox-sw.js")
    return urls
