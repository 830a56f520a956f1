"""Writes to certificates: issue, re-issue, revoke, render.

Issuing writes the certificate row (with its number and code) in the caller's
transaction; the PDF is rendered by a Celery task enqueued when that transaction
commits. Nothing here relies on the broker for correctness: one valid
certificate per learner and course comes from a database constraint, and a
certificate whose task was lost stays `pending` until the periodic sweep
enqueues it again.
"""

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Locale

from curricula.models import CoursePage
from curricula.selectors import canonical_page
from lms.centres.scoping import learners_visible_to
from lms.core.errors import ServiceError
from lms.core.queue import run_or_queue
from lms.core.thaidate import buddhist_year
from lms.learning.models import Enrollment
from lms.users.models import User

from .codes import code_generate
from .models import (
    Certificate,
    CertificateSequence,
    CertificateTemplate,
    IssueSource,
    RenderStatus,
)
from .signals import certificate_issued, certificate_revoked

logger = logging.getLogger(__name__)

MAX_REASON_LENGTH = 1000
MAX_RENDER_ATTEMPTS = 5
# A pending certificate not rendered after this long is enqueued again by the sweep.
SWEEP_AFTER = dt.timedelta(minutes=3)
SWEEP_LIMIT = 1000
# Certificates of a bulk issue rendered in one task: the queue carries a tenth of the
# messages and a worker takes its template's images once for all of them. Small enough
# that several workers share a batch evenly (a task takes about a second).
RENDER_BATCH_SIZE = 10

DEFAULT_TEMPLATE_NAME = "เกียรติบัตรมาตรฐาน"
DEFAULT_BODY = "ได้ผ่านการเรียนหลักสูตร “{course}” จำนวน {hours} ชั่วโมง\n\nในกลุ่มหลักสูตร{track} ณ {centre}"
DEFAULT_BODY_EN = (
    "has successfully completed the course “{course}” ({hours} hours)\n\n"
    "in the {track} track at {centre}"
)


class CertificateError(ServiceError):
    """A refused certificate action; `message` is shown to the user as it is."""


def certificate_storage() -> Storage:
    """Where PDFs live: a private storage, served only through the download view."""
    return storages["certificates"]


# --- Templates -------------------------------------------------------------------


def certificate_template_default() -> CertificateTemplate:
    """The default template, created the first time it is needed."""
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is not None:
        return template
    try:
        with transaction.atomic():
            return CertificateTemplate.objects.create(
                name=DEFAULT_TEMPLATE_NAME,
                is_default=True,
                body=DEFAULT_BODY,
                body_en=DEFAULT_BODY_EN,
            )
    except IntegrityError:
        # Created at the same moment by another request.
        return CertificateTemplate.objects.get(is_default=True)


def certificate_template_for(course: CoursePage) -> CertificateTemplate:
    if course.certificate_template_id:
        template = CertificateTemplate.objects.filter(pk=course.certificate_template_id).first()
        if template is not None:
            return template
    return certificate_template_default()


# --- Permissions ------------------------------------------------------------------


def _require(actor: User, permission: str, learner: User | None = None) -> None:
    if not actor.is_authenticated or not actor.has_perm(f"certificates.{permission}"):
        raise CertificateError(_("You do not have permission to do that."), code="forbidden")
    if learner is not None and not learners_visible_to(actor).filter(pk=learner.pk).exists():
        raise CertificateError(
            _("This learner is not at one of your centres."), code="out_of_scope"
        )


def _reason(text: str, *, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise CertificateError(_("Please give a reason."), code="reason_required")
    if len(text) > MAX_REASON_LENGTH:
        raise CertificateError(
            _("Please keep the reason under %(n)s characters.") % {"n": MAX_REASON_LENGTH},
            code="reason_too_long",
        )
    return text


# --- Issuing -------------------------------------------------------------------------


def _next_number(when: dt.datetime) -> str:
    """The next number of the Buddhist year, e.g. 2569/000042; gap-free, rolled back with its
    transaction."""
    year = buddhist_year(when)
    CertificateSequence.objects.get_or_create(year=year)
    CertificateSequence.objects.filter(year=year).update(last=F("last") + 1)
    last = CertificateSequence.objects.values_list("last", flat=True).get(year=year)
    return f"{year}/{last:06d}"


def _english(page) -> str:
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return ""
    translation_page = page.get_translation_or_none(english)
    return translation_page.title if translation_page is not None else ""


def _snapshot(certificate: Certificate) -> None:
    """Copy what the certificate says from the learner, course and centre as they are now."""
    learner, course = certificate.learner, certificate.course
    certificate.learner_name = learner.display_name or learner.username
    certificate.learner_name_en = learner.display_name_en
    certificate.course_title = course.title
    certificate.course_title_en = _english(course)
    track = course.get_parent()
    certificate.track_title = track.title if track else ""
    certificate.track_title_en = _english(track) if track else ""
    certificate.hours = course.estimated_hours
    centre = learner.home_centre
    certificate.centre = centre
    certificate.centre_name = centre.name_th if centre else ""
    certificate.centre_name_en = centre.name_en if centre else ""


def _create(
    *,
    learner: User,
    course: CoursePage,
    enrollment: Enrollment | None,
    source: str,
    reason: str = "",
    actor: User | None = None,
    completed_at: dt.datetime | None = None,
) -> tuple[Certificate, bool]:
    """Insert a certificate, or return the valid one that already exists (created=False)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            # Rows that may be created on first use are always taken in the same order
            # (template, then the number sequence, then the certificate), so concurrent
            # issues wait for each other instead of deadlocking.
            template = certificate_template_for(course)
            number = _next_number(now)
            certificate = Certificate(
                code=code_generate(),
                number=number,
                learner=learner,
                course=course,
                enrollment=enrollment,
                template=template,
                source=source,
                issue_reason=reason,
                issued_at=now,
                issued_by=actor,
                completed_at=completed_at or now,
            )
            _snapshot(certificate)
            certificate.save()
    except IntegrityError:
        existing = Certificate.objects.valid().filter(learner=learner, course=course).first()
        if existing is None:
            raise
        return existing, False
    log(
        instance=certificate,
        action="lms.certificate.issue",
        user=actor,
        data={"source": source, "reason": reason, "number": certificate.number},
    )
    certificate_issued.send(sender=Certificate, certificate=certificate)
    _enqueue_render_on_commit(certificate.pk)
    return certificate, True


def certificate_issue_on_completion(*, enrollment: Enrollment) -> Certificate:
    """Issue the certificate a completed enrolment earns, inside the completing transaction.

    Called by lms.learning.services when a course completes. If the learner already
    holds a valid certificate for the course (issued by staff earlier), that one is
    returned and nothing new is written.
    """
    existing = (
        Certificate.objects.valid()
        .filter(learner_id=enrollment.user_id, course_id=enrollment.course_id)
        .first()
    )
    if existing is not None:
        return existing
    certificate, _created = _create(
        learner=enrollment.user,
        course=enrollment.course,
        enrollment=enrollment,
        source=IssueSource.COMPLETION,
        completed_at=enrollment.completed_at,
    )
    return certificate


def certificate_issue(
    *, actor: User, learner: User, course: CoursePage, reason: str
) -> Certificate:
    """Staff issue a certificate by hand (e.g. for a course finished in class), with a reason."""
    _require(actor, "add_certificate", learner)
    reason = _reason(reason, required=True)
    course = canonical_page(course).specific
    if not isinstance(course, CoursePage):
        raise CertificateError(_("Choose a course."), code="not_a_course")
    with transaction.atomic():
        # Lock the enrolment first, as completion does: the certificate row references it,
        # and taking locks in one order (enrolment, template, number, certificate) keeps a
        # manual issue racing a completion from deadlocking.
        enrollment = (
            Enrollment.objects.select_for_update().filter(user=learner, course=course).first()
        )
        completed_at = enrollment.completed_at if enrollment and enrollment.completed_at else None
        certificate, created = _create(
            learner=learner,
            course=course,
            enrollment=enrollment,
            source=IssueSource.MANUAL,
            reason=reason,
            actor=actor,
            completed_at=completed_at,
        )
        if not created:
            raise CertificateError(
                _("%(name)s already holds certificate %(number)s for this course.")
                % {"name": certificate.learner_name, "number": certificate.number},
                code="exists",
            )
    return certificate


def certificate_reissue(*, actor: User, certificate: Certificate, reason: str = "") -> Certificate:
    """Render a new file for a valid certificate: same number and code, current names and
    template (e.g. after a learner's name was corrected)."""
    _require(actor, "change_certificate", certificate.learner)
    reason = _reason(reason, required=False)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.is_valid:
            raise CertificateError(_("A revoked certificate cannot be re-issued."), code="revoked")
        _snapshot(certificate)
        certificate.template = certificate_template_for(certificate.course)
        certificate.file_version += 1
        certificate.status = RenderStatus.PENDING
        certificate.render_attempts = 0
        certificate.last_render_error = ""
        certificate.save()
        log(
            instance=certificate,
            action="lms.certificate.reissue",
            user=actor,
            data={"reason": reason, "version": certificate.file_version},
        )
        _enqueue_render_on_commit(certificate.pk)
    return certificate


def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    """Revoke a certificate; verification then shows it as revoked, with date and reason."""
    _require(actor, "revoke_certificate", certificate.learner)
    reason = _reason(reason, required=True)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.is_valid:
            raise CertificateError(_("This certificate is already revoked."), code="revoked")
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = actor
        certificate.revoked_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
        log(
            instance=certificate,
            action="lms.certificate.revoke",
            user=actor,
            data={"reason": reason},
        )
        certificate_id = certificate.pk
        # Announced after commit: what listens (the credential status list) reads the row.
        transaction.on_commit(
            lambda: certificate_revoked.send(sender=Certificate, certificate_id=certificate_id)
        )
    return certificate


# --- Rendering -------------------------------------------------------------------------


_batched = threading.local()


class _RenderBatch:
    """Certificates issued while a bulk issue runs, sent to render `size` at a time."""

    def __init__(self, size: int):
        self.size = size
        self.ids: list[int] = []
        self.closed = False

    def add(self, certificate_id: int) -> None:
        self.ids.append(certificate_id)
        # An issue whose transaction commits after the bulk issue ended (it ran inside
        # a longer transaction) is sent at once.
        if self.closed or len(self.ids) >= self.size:
            self.send()

    def send(self) -> None:
        if self.ids:
            certificates_enqueue_render(certificate_ids=self.ids)
            self.ids = []


@contextmanager
def certificate_renders_batched(*, size: int = RENDER_BATCH_SIZE) -> Iterator[None]:
    """Certificates issued inside are rendered `size` to a task (the rest when it ends),
    not one task each. An issue that commits but is never sent (the process dies first)
    is sent by the sweep, as any pending certificate is."""
    batch = _RenderBatch(size)
    _batched.current = batch
    try:
        yield
    finally:
        del _batched.current
        batch.closed = True
        batch.send()


def _enqueue_render_on_commit(certificate_id: int) -> None:
    batch = getattr(_batched, "current", None)
    if batch is not None:
        transaction.on_commit(lambda: batch.add(certificate_id))
    else:
        transaction.on_commit(lambda: certificate_enqueue_render(certificate_id=certificate_id))


def certificate_enqueue_render(*, certificate_id: int) -> bool:
    """Send the render task. Never raises: if the broker is down the sweep sends it later."""
    from .tasks import render_certificate

    Certificate.objects.filter(pk=certificate_id).update(enqueued_at=timezone.now())
    return run_or_queue(render_certificate, certificate_id)


def certificates_enqueue_render(*, certificate_ids: list[int]) -> bool:
    """Send one task that renders all of `certificate_ids`. Never raises, as above."""
    from .tasks import render_certificates

    Certificate.objects.filter(pk__in=certificate_ids).update(enqueued_at=timezone.now())
    return run_or_queue(render_certificates, list(certificate_ids))


def certificates_render(*, certificate_ids: list[int]) -> int:
    """Render each of `certificate_ids` as `certificate_render` does, one after another in
    this process; returns how many of them are rendered when it ends. Each has its own
    transaction and row lock, so one that fails leaves the others rendered and is
    retried by the sweep."""
    rendered = 0
    for certificate_id in certificate_ids:
        certificate = certificate_render(certificate_id=certificate_id)
        if certificate is not None and certificate.status == RenderStatus.RENDERED:
            rendered += 1
    return rendered


def _file_name(certificate: Certificate) -> str:
    return f"{certificate.issued_at:%Y}/{certificate.code}-v{certificate.file_version}.pdf"


def certificate_render(*, certificate_id: int) -> Certificate | None:
    """Render and store the PDF of a pending certificate.

    Idempotent: a certificate that is already rendered (or revoked) is left alone, and
    a render interrupted before its commit leaves the certificate pending and, at
    worst, a file at the same name that the next attempt overwrites. The row lock
    makes two workers handed the same certificate render it once.
    """
    from .pdf import CertificateFacts, certificate_pdf

    storage = certificate_storage()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
            if certificate is None:
                logger.info("Certificate %s no longer exists; nothing to render", certificate_id)
                return None
            if certificate.status != RenderStatus.PENDING or not certificate.is_valid:
                return certificate
            template = certificate.template or certificate_template_for(certificate.course)
            pdf = certificate_pdf(facts=CertificateFacts.of(certificate), template=template)
            name = _file_name(certificate)
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, ContentFile(pdf))
            previous = certificate.file_name if certificate.file_name != saved else ""
            certificate.file_name = saved
            certificate.status = RenderStatus.RENDERED
            certificate.rendered_at = timezone.now()
            certificate.render_attempts = F("render_attempts") + 1
            certificate.render_count = F("render_count") + 1
            certificate.last_render_error = ""
            certificate.save(
                update_fields=[
                    "file_name",
                    "status",
                    "rendered_at",
                    "render_attempts",
                    "render_count",
                    "last_render_error",
                ]
            )
            certificate.refresh_from_db()
            log(
                instance=certificate,
                action="lms.certificate.render",
                user=None,
                data={"version": certificate.file_version, "bytes": len(pdf)},
            )
            if previous:
                transaction.on_commit(lambda: _delete_quietly(storage, previous))
            transaction.on_commit(lambda: certificate_notify(certificate_id=certificate_id))
        return certificate
    except Exception as exc:
        logger.exception("Certificate %s could not be rendered", certificate_id)
        Certificate.objects.filter(pk=certificate_id, status=RenderStatus.PENDING).update(
            render_attempts=F("render_attempts") + 1,
            last_render_error=f"{type(exc).__name__}: {exc}"[:2000],
            status=Case(
                When(
                    render_attempts__gte=MAX_RENDER_ATTEMPTS - 1,
                    then=Value(RenderStatus.FAILED),
                ),
                default=Value(RenderStatus.PENDING),
            ),
        )
        return None


def _delete_quietly(storage: Storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:
        logger.warning("Old certificate file %s could not be deleted", name, exc_info=True)


def certificates_sweep(*, older_than: dt.timedelta = SWEEP_AFTER) -> int:
    """Enqueue again every certificate still pending after `older_than`, and every bulk
    issue whose checking stopped. Returns how many tasks were sent."""
    from .batches import certificate_batches_sweep

    cutoff = timezone.now() - older_than
    ids = list(
        Certificate.objects.pending()
        .filter(Q(enqueued_at__lte=cutoff) | Q(enqueued_at__isnull=True, issued_at__lte=cutoff))
        .order_by("issued_at")
        .values_list("pk", flat=True)[:SWEEP_LIMIT]
    )
    sent = sum(certificate_enqueue_render(certificate_id=pk) for pk in ids)
    if ids:
        logger.info("Sweep: %s pending certificates re-enqueued (%s sent)", len(ids), sent)
    return sent + certificate_batches_sweep(after=older_than)


# --- Delivery -----------------------------------------------------------------------------


def certificate_notify(*, certificate_id: int) -> bool:
    """E-mail the learner their certificate once, when it is first ready and they have an
    address. At most once: the mark is set before sending."""
    marked = Certificate.objects.filter(
        pk=certificate_id, notified_at__isnull=True, status=RenderStatus.RENDERED
    ).update(notified_at=timezone.now())
    if not marked:
        return False
    certificate = Certificate.objects.select_related("learner").get(pk=certificate_id)
    address = certificate.learner.email
    if not address:
        return False
    try:
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "certificate": certificate,
                "download_url": settings.SITE_URL
                + reverse("certificates:download", args=[certificate.code]),
                "verification_url": settings.SITE_URL
                + reverse("certificates:verify", args=[certificate.display_code]),
            }
            subject = render_to_string("certificates/email/certificate_ready_subject.txt", context)
            body = render_to_string("certificates/email/certificate_ready.txt", context)
        message = EmailMessage(" ".join(subject.split()), body, to=[address])
        with certificate_storage().open(certificate.file_name, "rb") as handle:
            message.attach(
                f"certificate-{certificate.number.replace('/', '-')}.pdf",
                handle.read(),
                "application/pdf",
            )
        message.send()
    except Exception:
        logger.warning("Certificate %s: e-mail not sent", certificate_id, exc_info=True)
        return False
    return True


def certificates_anonymise(*, user) -> int:
    """Take a person's name off their certificates when they delete their account.

    The certificates stay valid, so an employer can still check one, but the
    verification page no longer shows who it belongs to, and the PDFs (which
    print the name) are deleted. Returns how many certificates changed.
    """
    storage = certificate_storage()
    changed = 0
    for certificate in Certificate.objects.select_for_update().filter(learner=user):
        if certificate.file_name:
            storage.delete(certificate.file_name)
        certificate.learner_name = ""
        certificate.learner_name_en = ""
        certificate.file_name = ""
        certificate.save(update_fields=["learner_name", "learner_name_en", "file_name"])
        changed += 1
    return changed
