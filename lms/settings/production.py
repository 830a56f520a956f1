"""Production: everything that matters comes from the environment.

Refuses to start without DJANGO_SECRET_KEY and passes `manage.py check --deploy`
given DJANGO_ALLOWED_HOSTS, DATABASE_URL, CELERY_BROKER_URL and CACHE_URL.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")  # ImproperlyConfigured when missing
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long.")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# One cache for every web process (e.g. rediscache://redis:6379/1): course outlines
# are cached and emptied on change, which a per-process cache would miss.
CACHES = {"default": env.cache("CACHE_URL")}

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

# Uploaded files and certificate PDFs: a local directory by default (one server, or one
# directory every node mounts); with LMS_S3_MEDIA_BUCKET and LMS_S3_CERTIFICATES_BUCKET, an
# S3-compatible object store (install the `s3` extra; credentials in AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY). Certificates stay private: only the download view hands them out.
S3_OPTIONS = {
    "endpoint_url": env("LMS_S3_ENDPOINT_URL", default=None),
    "region_name": env("LMS_S3_REGION", default=None),
}
if env("LMS_S3_MEDIA_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": env("LMS_S3_MEDIA_BUCKET"),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
if env("LMS_S3_CERTIFICATES_BUCKET", default=""):
    STORAGES["certificates"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": env("LMS_S3_CERTIFICATES_BUCKET"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }

SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING["root"]["level"] = env("DJANGO_LOG_LEVEL", default="INFO")
# One JSON line per request and per task, for the log collector.
LMS_OPERATION_LOGS = env.bool("LMS_OPERATION_LOGS", default=True)
LMS_LOG_FORMAT = env("LMS_LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = "json" if LMS_LOG_FORMAT == "json" else "text"
if LMS_OPERATION_LOGS:
    # Our request and task lines replace Celery's "received"/"succeeded" and Django's 404s.
    for _name, _level in (
        ("celery.app.trace", "WARNING"),
        ("celery.worker.strategy", "WARNING"),
        ("django.request", "ERROR"),
    ):
        LOGGING["loggers"][_name] = {"level": _level}
# Workers log through LOGGING (one JSON line per task), not Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
