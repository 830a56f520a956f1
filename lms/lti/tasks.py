"""Celery tasks: thin wrappers taking primary keys and calling the services."""

from celery import shared_task

from .services import ScoreSendFailed, backoff_for, score_send, scores_sweep


@shared_task(
    name="lms.lti.send_score",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=8,
)
def send_score(self, score_id: int) -> None:
    try:
        score_send(score_id=score_id)
    except ScoreSendFailed as error:
        # The row keeps its failure; the sweep picks it up once these retries run out.
        countdown = int(backoff_for(self.request.retries + 1).total_seconds())
        if self.app.conf.task_always_eager:
            return  # eager runs (tests, set-up scripts) leave the retry to the sweep
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="lms.lti.sweep_scores", acks_late=True, reject_on_worker_lost=True)
def sweep_scores() -> None:
    scores_sweep()
