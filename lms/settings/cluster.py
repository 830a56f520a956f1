"""Production settings for the multi-node test (`make cluster`, tests/proof/test_cluster.py).

Everything is as in production (Redis cache, sessions in the database, files through the
storage API) except two things that only a real deployment has: TLS at the load balancer
and collected, hashed static files. The nodes speak plain HTTP on a private network and
serve static files from the finders, so a run needs no `collectstatic`.
"""

from .production import *

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_USE_FINDERS = True

# The run reads the workers' own lines ("received", "succeeded") to kill one mid-render.
LOGGING["loggers"]["celery.app.trace"] = {"level": "INFO"}
LOGGING["loggers"]["celery.worker.strategy"] = {"level": "INFO"}
