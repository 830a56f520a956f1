from celery import shared_task

from .models import Submission
from .notifications import review_email_send


@shared_task(bind=True, max_retries=5, default_retry_delay=120, acks_late=True)
def send_review_email(self, submission_id: int) -> None:
    submission = (
        Submission.objects.select_related("user", "assignment").filter(pk=submission_id).first()
    )
    if submission is None:
        return
    try:
        review_email_send(submission=submission)
    except OSError as error:  # the mail server is down: try again later
        raise self.retry(exc=error) from error
