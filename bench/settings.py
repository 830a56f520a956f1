"""Settings for benchmark runs: production behaviour over plain HTTP on 127.0.0.1.

The database is `lms_bench_<scale>` (BENCH_SCALE, default small) unless
BENCH_DATABASE_URL names another. Tasks go to a Redis queue that no worker reads
(BENCH_BROKER_URL), as in production where the web process only enqueues.
"""

import os

from lms.settings.base import *

SCALE = os.environ.get("BENCH_SCALE", "small")

DEBUG = False
SECRET_KEY = "bench-only-" + "k" * 60  # noqa: S105 - never used outside benchmark databases
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"

DATABASES = {
    "default": env.db(
        "BENCH_DATABASE_URL", default=f"postgres://postgres@127.0.0.1:5432/lms_bench_{SCALE}"
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = 600
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

CELERY_BROKER_URL = env("BENCH_BROKER_URL", default="redis://127.0.0.1:6379/11")
# As in production: one Redis cache shared by the gunicorn workers.
# Keys are prefixed by the data set's scale: the two data sets share page ids.
CACHES = {"default": env.cache("BENCH_CACHE_URL", default="rediscache://127.0.0.1:6379/12")}
CACHES["default"]["KEY_PREFIX"] = f"bench-{SCALE}"
CELERY_TASK_ALWAYS_EAGER = False

MEDIA_ROOT = VAR_DIR / "bench" / "media"
STORAGES["certificates"]["OPTIONS"]["location"] = str(VAR_DIR / "bench" / "certificates")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = "ERROR"
