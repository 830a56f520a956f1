"""Point this test process's Celery app at another broker.

Celery reads the CELERY_BROKER_URL environment variable before its own configuration
(`Settings.broker_url` in celery.app.utils), so when CI sets that variable, changing
`app.conf.broker_url` alone changes nothing. Tests change both through this function.
"""

import os

from lms.celery import app


def broker_url_set(url: str | None) -> None:
    if url:
        os.environ["CELERY_BROKER_URL"] = url
    else:
        os.environ.pop("CELERY_BROKER_URL", None)
    app.conf.broker_url = url
