"""Run a background task now or queue it: the one place that decides.

With no broker configured (`make run`, the embedded default) Celery runs tasks eagerly,
and a task is run here and now. With a broker it is queued. Either way the caller's
request never fails because of it: a broker that is down is logged and `False` returned,
and the caller's periodic sweep (or the task's own retry) sends it later.
"""

import logging

logger = logging.getLogger(__name__)


def run_or_queue(task, *args) -> bool:
    """Send `task(*args)`; True if it ran or was queued, False if it could not be sent."""
    try:
        if task.app.conf.task_always_eager:
            # Straight to apply(): an eager apply_async would still borrow a broker connection.
            task.apply(args=args)
        else:
            task.apply_async(args=args)
    except Exception:  # the broker's many connection errors, or an eager task's own error
        logger.warning("Task %s%r not sent; it is sent again later", task.name, args, exc_info=True)
        return False
    return True
