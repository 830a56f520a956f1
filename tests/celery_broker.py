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


def broker_empty(url: str) -> None:
    """Empty a test broker's Redis database, unacknowledged messages included.

    `app.control.purge()` empties the queues only. A worker killed with SIGKILL leaves
    its late-acknowledged task in Redis's `unacked` hash, and once the visibility
    timeout has passed (an hour later, in a later run on the same Redis) the next
    worker delivers it again: a task from another run, naming a row by a primary key
    that this run's database may have given to something else.
    """
    import redis

    redis.Redis.from_url(url).flushdb()


def broker_connections_reset() -> None:
    """Forget pooled broker connections, so the next publish connects to the broker now
    configured (as a freshly started process would).

    kombu keeps producer pools in a process-wide registry as well as on the app: closing
    the app's connections alone leaves a producer pool behind whose next use fails with
    "Acquire on closed pool", in whichever later test of the same process queues a task.
    """
    from kombu import pools

    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()
