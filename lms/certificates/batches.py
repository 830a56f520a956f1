"""Bulk issue: certificates for a list of learners of one course, with progress.

`certificate_batch_create` records the batch and one item per learner and returns
at once; a Celery task then checks each learner in its own transaction (issuing
where the course is complete, or completing it now if every requirement is met)
and each issued certificate renders in its own task. Progress is read from the
items, so it survives a dead worker: a re-run skips the items already decided.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log

from curricula.models import CoursePage
from curricula.selectors import canonical_page
from lms.centres.models import Centre
from lms.centres.scoping import learners_visible_to
from lms.core.batches import batch_heartbeat, batch_send, batches_sweep
from lms.core.collation import thai_order
from lms.learning.models import Enrollment
from lms.learning.requirements import course_unmet
from lms.learning.services import enrollment_completion_check
from lms.users.models import User

from .models import (
    BatchItemOutcome,
    Certificate,
    CertificateBatch,
    CertificateBatchItem,
)
from .services import (
    CertificateError,
    _reason,
    _require,
    certificate_issue_on_completion,
    certificate_renders_batched,
)

MAX_BATCH_SIZE = 5000


class SkipReason:
    OUT_OF_SCOPE = "out_of_scope"
    ALREADY_CERTIFIED = "already_certified"
    REVOKED = "revoked"
    NOT_ENROLLED = "not_enrolled"
    LEFT = "left"
    REQUIREMENTS_UNMET = "requirements_unmet"


SKIP_LABELS = {
    SkipReason.OUT_OF_SCOPE: gettext_lazy("Not at one of your centres"),
    SkipReason.ALREADY_CERTIFIED: gettext_lazy("Already holds a certificate"),
    SkipReason.REVOKED: gettext_lazy(
        "Certificate was revoked (issue one by hand if that was a mistake)"
    ),
    SkipReason.NOT_ENROLLED: gettext_lazy("Not enrolled in the course"),
    SkipReason.LEFT: gettext_lazy("Left the course"),
    SkipReason.REQUIREMENTS_UNMET: gettext_lazy("Has not met every requirement"),
}


def certificate_batch_create(
    *,
    actor: User,
    course: CoursePage,
    learners: Iterable[User] | None = None,
    enrollments: Iterable[Enrollment] | None = None,
    centre: Centre | None = None,
    reason: str = "",
) -> CertificateBatch:
    """Start issuing certificates of `course` to many learners at once.

    Give `learners` (e.g. a cohort's members) or `enrollments`; with neither, every
    learner enrolled in the course whom `actor` may see, optionally only those whose
    home centre is `centre`. The work runs in a task; read progress with
    `certificate_batch_progress`.
    """
    _require(actor, "add_certificate")
    reason = _reason(reason, required=False)
    course = canonical_page(course).specific
    if not isinstance(course, CoursePage):
        raise CertificateError(_("Choose a course."), code="not_a_course")
    if learners is not None:
        learner_ids = [user.pk for user in learners]
    elif enrollments is not None:
        learner_ids = [enrollment.user_id for enrollment in enrollments]
    else:
        queryset = learners_visible_to(actor).filter(enrollments__course=course)
        if centre is not None:
            queryset = queryset.filter(home_centre=centre)
        learner_ids = list(
            queryset.order_by("last_name", "first_name", "pk").values_list("pk", flat=True)
        )
    learner_ids = list(dict.fromkeys(learner_ids))  # once each, in the order given
    if not learner_ids:
        raise CertificateError(_("There are no learners to issue certificates to."), code="empty")
    if len(learner_ids) > MAX_BATCH_SIZE:
        raise CertificateError(
            _("Please issue to at most %(n)s learners at a time.") % {"n": MAX_BATCH_SIZE},
            code="too_many",
        )
    with transaction.atomic():
        batch = CertificateBatch.objects.create(
            course=course, centre=centre, created_by=actor, reason=reason, total=len(learner_ids)
        )
        CertificateBatchItem.objects.bulk_create(
            [CertificateBatchItem(batch=batch, learner_id=pk) for pk in learner_ids],
            batch_size=500,
        )
        log(
            instance=batch,
            action="lms.certificate_batch.create",
            user=actor,
            data={"course": course.pk, "learners": len(learner_ids), "reason": reason},
        )
        transaction.on_commit(lambda: certificate_batch_enqueue(batch_id=batch.pk))
    return batch


def certificate_batch_enqueue(*, batch_id: int) -> bool:
    """Send the batch task; never raises (the sweep re-sends an unfinished batch)."""
    from .tasks import run_certificate_batch

    return batch_send(CertificateBatch, batch_id, run_certificate_batch)


def _skip(item: CertificateBatchItem, code: str, detail: str = "", certificate=None) -> None:
    item.outcome = BatchItemOutcome.SKIPPED
    item.skip_code = code
    item.skip_reason = detail
    item.certificate = certificate


def _decide(batch: CertificateBatch, item: CertificateBatchItem, in_scope: bool) -> None:
    if not in_scope:
        _skip(item, SkipReason.OUT_OF_SCOPE)
        return
    held = list(Certificate.objects.filter(learner_id=item.learner_id, course_id=batch.course_id))
    valid = next((c for c in held if c.is_valid), None)
    if valid is not None:
        _skip(item, SkipReason.ALREADY_CERTIFIED, valid.number, certificate=valid)
        return
    if held:
        _skip(item, SkipReason.REVOKED, held[0].number)
        return
    # Locked first, like every path that issues (see services.certificate_issue).
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("user", "course")
        .filter(user_id=item.learner_id, course_id=batch.course_id)
        .first()
    )
    if enrollment is None:
        _skip(item, SkipReason.NOT_ENROLLED)
        return
    if enrollment.completed_at is None:
        if enrollment.left_at is not None:
            _skip(item, SkipReason.LEFT)
            return
        # Completing issues the certificate (lms.learning announces the completion).
        if not enrollment_completion_check(enrollment=enrollment):
            unmet = course_unmet(enrollment)
            _skip(item, SkipReason.REQUIREMENTS_UNMET, "; ".join(u.message for u in unmet[:5]))
            return
        enrollment.refresh_from_db()
    item.certificate = certificate_issue_on_completion(enrollment=enrollment)
    item.outcome = BatchItemOutcome.ISSUED


def certificate_batch_run(*, batch_id: int) -> int:
    """Check every undecided learner of a batch. Safe to run twice, even at once."""
    batch = (
        CertificateBatch.objects.select_related("created_by", "course").filter(pk=batch_id).first()
    )
    if batch is None:
        return 0
    CertificateBatch.objects.filter(pk=batch_id, started_at__isnull=True).update(
        started_at=timezone.now()
    )
    visible = (
        set(
            learners_visible_to(batch.created_by)
            .filter(pk__in=batch.items.values("learner_id"))
            .values_list("pk", flat=True)
        )
        if batch.created_by
        else set()
    )
    decided = 0
    with certificate_renders_batched():
        decided = _decide_pending(batch, visible)
    if not batch.items.filter(outcome=BatchItemOutcome.PENDING).exists():
        CertificateBatch.objects.filter(pk=batch.pk, checked_at__isnull=True).update(
            checked_at=timezone.now()
        )
    return decided


def _decide_pending(batch: CertificateBatch, visible: set[int]) -> int:
    decided = 0
    while True:
        with transaction.atomic():
            item = (
                CertificateBatchItem.objects.select_for_update(skip_locked=True)
                .filter(batch=batch, outcome=BatchItemOutcome.PENDING)
                .order_by("pk")
                .first()
            )
            if item is None:
                break
            _decide(batch, item, item.learner_id in visible)
            item.decided_at = timezone.now()
            item.save(
                update_fields=["outcome", "skip_code", "skip_reason", "certificate", "decided_at"]
            )
            batch_heartbeat(CertificateBatch, batch.pk)
            decided += 1
    return decided


def certificate_batches_sweep(*, after: dt.timedelta) -> int:
    """Re-send batches still being checked whose heartbeat stopped `after` ago."""
    from .tasks import run_certificate_batch

    return batches_sweep(
        CertificateBatch.objects.filter(checked_at__isnull=True),
        after=after,
        task=run_certificate_batch,
    )


@dataclass
class BatchProgress:
    total: int
    decided: int
    issued: int
    skipped: int
    rendered: int
    failed: int
    skipped_by_reason: list[dict] = field(default_factory=list)

    @property
    def finished(self) -> int:
        """Learners with nothing left to do: skipped, or issued with the file ready (or failed)."""
        return self.skipped + self.rendered + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.finished / self.total)

    @property
    def done(self) -> bool:
        return self.finished >= self.total

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "decided": self.decided,
            "issued": self.issued,
            "skipped": self.skipped,
            "rendered": self.rendered,
            "failed": self.failed,
            "finished": self.finished,
            "percent": self.percent,
            "done": self.done,
        }


def certificate_batch_progress(*, batch: CertificateBatch) -> BatchProgress:
    """Counts for the progress bar, in one query whatever the size of the batch."""
    return BatchProgress(total=batch.total, **batch.progress_read().counts)


def certificate_batch_skipped(*, batch: CertificateBatch) -> list[dict]:
    """Who was skipped and why, grouped by reason (one query)."""
    items = (
        batch.items.filter(outcome=BatchItemOutcome.SKIPPED)
        .select_related("learner")
        .order_by("skip_code", thai_order("learner__last_name"), thai_order("learner__first_name"))
    )
    groups: dict[str, dict] = {}
    for item in items:
        group = groups.setdefault(
            item.skip_code,
            {
                "code": item.skip_code,
                "label": SKIP_LABELS.get(item.skip_code, item.skip_code),
                "items": [],
            },
        )
        group["items"].append(item)
    return list(groups.values())
