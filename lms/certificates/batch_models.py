"""Bulk issue: a background batch (`lms.core.batches.Batch`) and one item per learner."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from lms.core.batches import Batch, Progress

from .models import RenderStatus


class BatchItemOutcome(models.TextChoices):
    PENDING = "pending", _("Waiting")
    ISSUED = "issued", _("Issued")
    SKIPPED = "skipped", _("Skipped")


class CertificateBatch(Batch):
    """Certificates issued to a list of learners at once, with progress.

    Finished when every learner is checked (`checked_at`, which stands for the batch's
    `finished_at`) and every certificate issued has its file (rendered by its own task).
    """

    course = models.ForeignKey(
        "curricula.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certificate_batches",
    )
    centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    checked_at = models.DateTimeField(_("every learner checked at"), null=True, blank=True)
    finished_at = None  # checked_at, and the files: see progress_read()
    total = models.PositiveIntegerField(_("learners"), default=0)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.course_id} · {self.created_at:%Y-%m-%d %H:%M}"

    def progress_read(self) -> Progress:
        """Counts of the learners, in one query whatever the size of the batch."""
        issued = Q(outcome=BatchItemOutcome.ISSUED)
        counts = self.items.aggregate(
            decided=Count("pk", filter=~Q(outcome=BatchItemOutcome.PENDING)),
            issued=Count("pk", filter=issued),
            skipped=Count("pk", filter=Q(outcome=BatchItemOutcome.SKIPPED)),
            rendered=Count("pk", filter=issued & Q(certificate__status=RenderStatus.RENDERED)),
            failed=Count("pk", filter=issued & Q(certificate__status=RenderStatus.FAILED)),
        )
        # Nothing left to do: skipped, or issued with the file ready (or failed).
        processed = counts["skipped"] + counts["rendered"] + counts["failed"]
        finished = processed >= self.total
        return Progress(
            status="done" if finished else "running",
            status_label=_("Finished.") if finished else _("Working…"),
            processed=processed,
            total=self.total,
            finished=finished,
            counts=counts,
        )


class CertificateBatchItem(models.Model):
    batch = models.ForeignKey(CertificateBatch, on_delete=models.CASCADE, related_name="items")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    outcome = models.CharField(
        max_length=10, choices=BatchItemOutcome.choices, default=BatchItemOutcome.PENDING
    )
    skip_code = models.CharField(max_length=30, blank=True)
    skip_reason = models.TextField(blank=True)
    certificate = models.ForeignKey(
        "certificates.Certificate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issue learner")
        constraints = [
            models.UniqueConstraint(fields=["batch", "learner"], name="certificates_batch_once"),
        ]
        indexes = [models.Index(fields=["batch", "outcome"], name="certificates_batch_outcome")]

    def __str__(self) -> str:
        return f"{self.batch_id} · {self.learner_id} · {self.outcome}"
