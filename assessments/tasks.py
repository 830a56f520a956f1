"""Periodic work for quizzes (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .services import attempts_close_overdue


@shared_task(name="assessments.tasks.close_overdue_attempts", ignore_result=True)
def close_overdue_attempts() -> int:
    """Grade every open attempt whose deadline has passed. Safe to run twice at once."""
    return attempts_close_overdue()
