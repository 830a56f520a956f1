"""Settings for pytest. DATABASE_URL and CELERY_BROKER_URL may point at real services."""

from .base import *

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
