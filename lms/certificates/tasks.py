"""Celery tasks: thin wrappers taking primary keys and calling the services.

acks_late with reject_on_worker_lost: a task whose worker dies is delivered again.
Duplicates are harmless (the services are idempotent), and a task lost with its
broker is found by the sweep, which celery beat runs every few minutes.
"""

from celery import shared_task

from .batches import certificate_batch_run
from .services import certificate_render, certificates_render, certificates_sweep


@shared_task(name="lms.certificates.render", acks_late=True, reject_on_worker_lost=True)
def render_certificate(certificate_id: int) -> None:
    certificate_render(certificate_id=certificate_id)


@shared_task(name="lms.certificates.render_many", acks_late=True, reject_on_worker_lost=True)
def render_certificates(certificate_ids: list[int]) -> None:
    certificates_render(certificate_ids=certificate_ids)


@shared_task(name="lms.certificates.run_batch", acks_late=True, reject_on_worker_lost=True)
def run_certificate_batch(batch_id: int) -> None:
    certificate_batch_run(batch_id=batch_id)


@shared_task(name="lms.certificates.sweep", acks_late=True, reject_on_worker_lost=True)
def sweep_certificates() -> None:
    certificates_sweep()
