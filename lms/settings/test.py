"""Settings for pytest. DATABASE_URL and CELERY_BROKER_URL may point at real services."""

import os
import re

from .base import *


def _worker_redis(url: str, worker: int) -> str:
    """The same Redis server, two database numbers lower for each worker after the first."""
    match = re.fullmatch(r"(redis://[^/]+)/(\d+)", url)
    if not match:
        return url
    number = int(match.group(2)) - 2 * worker
    if number < 0:
        raise ValueError(f"No Redis database left for test worker {worker} below {url}")
    return f"{match.group(1)}/{number}"


# `make test` runs the suite in parallel workers (pytest-xdist). Each has its own test
# database (pytest-django adds the worker's name to it), its own Redis databases and its
# own media folders. They are written into the environment, once, so that the Celery
# workers a test starts (which inherit it) use the same ones.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if TEST_WORKER and os.environ.get("LMS_TEST_WORKER") != TEST_WORKER:
    _number = int(TEST_WORKER.removeprefix("gw") or 0)
    for _name in ("CELERY_BROKER_URL", "LMS_TEST_REDIS_URL"):
        if os.environ.get(_name):
            os.environ[_name] = _worker_redis(os.environ[_name], _number)
    os.environ["DJANGO_MEDIA_ROOT"] = str(
        Path(env("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "test-media"))) / TEST_WORKER
    )
    os.environ["LMS_CERTIFICATES_ROOT"] = str(
        Path(env("LMS_CERTIFICATES_ROOT", default=str(VAR_DIR / "test-certificates"))) / TEST_WORKER
    )
    os.environ["LMS_TEST_WORKER"] = TEST_WORKER
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "test-media")))
STORAGES["certificates"]["OPTIONS"]["location"] = env(
    "LMS_CERTIFICATES_ROOT", default=str(VAR_DIR / "test-certificates")
)
# A task that fails in a test must fail the test.
CELERY_TASK_EAGER_PROPAGATES = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tasks run in-process unless a test starts a real worker (tests/integration),
# which switches the Celery app to the broker in CELERY_BROKER_URL.
CELERY_TASK_ALWAYS_EAGER = True

# A file, not memory, so that tests with concurrent threads work on SQLite too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
# Tests look for Thai phrases in the HTML; the <wbr> marks between words would hide them.
# The line-break tests turn the marking on (tests/browser/test_line_breaks.py).
LMS_THAI_LINE_BREAKS = False
