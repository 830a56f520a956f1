"""Background work for quizzes: the periodic sweep of overdue attempts (scheduled in
CELERY_BEAT_SCHEDULE) and the e-mail that tells a learner their essays were graded."""

from celery import shared_task

from .models import QuizAttempt
from .notifications import essay_result_email_send
from .services import attempts_close_overdue


@shared_task(name="assessments.tasks.close_overdue_attempts", ignore_result=True)
def close_overdue_attempts() -> int:
    """Grade every open attempt whose deadline has passed. Safe to run twice at once."""
    return attempts_close_overdue()


@shared_task(
    name="assessments.tasks.send_essay_result_email",
    bind=True,
    max_retries=5,
    default_retry_delay=120,
    acks_late=True,
)
def send_essay_result_email(self, attempt_id: int) -> None:
    attempt = QuizAttempt.objects.select_related("user", "quiz").filter(pk=attempt_id).first()
    if attempt is None:
        return
    try:
        essay_result_email_send(attempt=attempt)
    except OSError as error:  # the mail server is down: try again later
        raise self.retry(exc=error) from error
