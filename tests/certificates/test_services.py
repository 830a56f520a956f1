"""Issue by hand, re-issue, revoke, render: who may, what changes, what is recorded."""

import datetime as dt

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from lms.celery import app as celery_app
from lms.certificates.models import Certificate, CertificateTemplate, IssueSource, RenderStatus
from lms.certificates.services import (
    MAX_RENDER_ATTEMPTS,
    CertificateError,
    certificate_enqueue_render,
    certificate_issue,
    certificate_reissue,
    certificate_render,
    certificate_revoke,
    certificate_storage,
    certificate_template_default,
    certificates_sweep,
)
from tests.celery_broker import broker_connections_reset, broker_url_set


def test_manual_issue_needs_a_reason_and_is_recorded(learner, course, centre_admin):
    with pytest.raises(CertificateError) as error:
        certificate_issue(actor=centre_admin, learner=learner, course=course, reason="   ")
    assert error.value.code == "reason_required"
    with pytest.raises(CertificateError):
        certificate_issue(actor=centre_admin, learner=learner, course=course, reason="x" * 1001)
    assert not Certificate.objects.exists()

    certificate = certificate_issue(
        actor=centre_admin, learner=learner, course=course, reason="สอบผ่านในชั้นเรียน"
    )
    assert certificate.source == IssueSource.MANUAL
    assert certificate.issued_by == centre_admin
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="lms.certificate.issue")
    assert entry.user == centre_admin
    assert entry.data["reason"] == "สอบผ่านในชั้นเรียน"

    with pytest.raises(CertificateError) as error:
        certificate_issue(actor=centre_admin, learner=learner, course=course, reason="อีกครั้ง")
    assert error.value.code == "exists"


@pytest.mark.parametrize(
    ("who", "code"),
    [("trainer", "forbidden"), ("far_admin", "out_of_scope"), ("other_learner", "forbidden")],
)
def test_manual_issue_is_refused_outside_role_or_scope(learner, course, who, code, request):
    with pytest.raises(CertificateError) as error:
        certificate_issue(
            actor=request.getfixturevalue(who), learner=learner, course=course, reason="ลองดู"
        )
    assert error.value.code == code
    assert not Certificate.objects.exists()


def test_reissue_keeps_number_and_code_and_makes_a_new_file(
    learner, certified, centre_admin, django_capture_on_commit_callbacks
):
    certificate = certified(learner)
    first_file = certificate.file_name
    learner.first_name = "มาลินี"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reissue(actor=centre_admin, certificate=certificate, reason="แก้ชื่อ")
    certificate.refresh_from_db()
    assert certificate.status == RenderStatus.RENDERED
    assert certificate.file_version == 2
    assert certificate.render_count == 2
    assert certificate.learner_name == "นางสาวมาลินี ศรีสุข"
    assert certificate.file_name != first_file
    storage = certificate_storage()
    assert storage.exists(certificate.file_name)
    assert not storage.exists(first_file)  # the old file is gone
    assert Certificate.objects.count() == 1
    actions = list(
        ModelLogEntry.objects.for_instance(certificate)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "lms.certificate.issue",
        "lms.certificate.render",
        "lms.certificate.reissue",
        "lms.certificate.render",
    ]


def test_revoke_needs_the_permission_and_a_reason(learner, certified, centre_admin, national_admin):
    certificate = certified(learner)
    with pytest.raises(CertificateError) as error:
        certificate_revoke(actor=centre_admin, certificate=certificate, reason="ผิด")
    assert error.value.code == "forbidden"
    with pytest.raises(CertificateError) as error:
        certificate_revoke(actor=national_admin, certificate=certificate, reason="")
    assert error.value.code == "reason_required"
    certificate_revoke(actor=national_admin, certificate=certificate, reason="ออกซ้ำ")
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.revoked_by == national_admin
    with pytest.raises(CertificateError):
        certificate_revoke(actor=national_admin, certificate=certificate, reason="อีกครั้ง")
    with pytest.raises(CertificateError) as error:
        certificate_reissue(actor=national_admin, certificate=certificate)
    assert error.value.code == "revoked"


def test_rendering_again_changes_nothing(learner, certified):
    certificate = certified(learner)
    certificate_render(certificate_id=certificate.pk)
    certificate_render(certificate_id=certificate.pk)
    again = Certificate.objects.get(pk=certificate.pk)
    assert again.render_count == 1
    assert again.file_name == certificate.file_name
    assert again.rendered_at == certificate.rendered_at
    assert len(certificate_storage().listdir(certificate.file_name.rsplit("/", 1)[0])[1]) == 1


def test_the_learner_gets_one_email_with_the_pdf(learner, certified):
    certificate = certified(learner)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["malee@example.org"]
    assert certificate.course_title in message.subject
    assert certificate.display_code in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    Certificate.objects.filter(pk=certificate.pk).update(status=RenderStatus.PENDING)
    certificate_render(certificate_id=certificate.pk)
    assert len(mail.outbox) == 1


def test_no_email_without_an_address(other_learner, certified):
    certificate = certified(other_learner)
    assert certificate.status == RenderStatus.RENDERED
    assert mail.outbox == []


def test_a_failing_render_is_retried_then_marked_failed(learner, complete_course, settings):
    complete_course(learner)  # on_commit not run: the certificate stays pending
    certificate = Certificate.objects.get()
    # A storage that cannot be written to (e.g. a full or missing disk).
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": "/proc/no-such-place"},
        },
    }
    for attempt in range(1, MAX_RENDER_ATTEMPTS + 1):
        assert certificate_render(certificate_id=certificate.pk) is None
        certificate.refresh_from_db()
        assert certificate.render_attempts == attempt
        assert certificate.last_render_error
    assert certificate.status == RenderStatus.FAILED
    assert certificate.render_count == 0


def test_sweep_resends_what_stayed_pending(learner, other_learner, complete_course):
    complete_course(learner)
    complete_course(other_learner)
    assert certificates_sweep() == 0  # just issued: the first task may still be on its way
    Certificate.objects.update(
        issued_at=timezone.now() - dt.timedelta(minutes=10), enqueued_at=None
    )
    assert certificates_sweep() == 2  # eager here: rendered in-process
    assert set(Certificate.objects.values_list("status", flat=True)) == {RenderStatus.RENDERED}
    assert certificates_sweep(older_than=dt.timedelta(0)) == 0


def test_enqueue_with_the_broker_down_does_not_raise(learner, complete_course, settings):
    complete_course(learner)
    certificate = Certificate.objects.get()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    original = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    broker_url_set("redis://127.0.0.1:1/0")  # nothing listens on port 1
    broker_connections_reset()
    try:
        assert certificate_enqueue_render(certificate_id=certificate.pk) is False
    finally:
        broker_url_set(original)
        celery_app.conf.task_always_eager = True
        broker_connections_reset()
    certificate.refresh_from_db()
    assert certificate.status == RenderStatus.PENDING
    assert certificate.enqueued_at is not None


@pytest.mark.django_db
def test_default_template_is_created_once():
    first = certificate_template_default()
    assert certificate_template_default() == first
    assert CertificateTemplate.objects.count() == 1
    assert "{course}" in first.body


@pytest.mark.django_db
def test_unknown_placeholders_are_refused():
    template = CertificateTemplate(name="ทดสอบ", body="ชื่อ {learner_name} หลักสูตร {coures}")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "{coures}" in str(error.value)


def test_beat_runs_the_sweep_every_few_minutes(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["certificates-sweep"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] <= 5 * 60
    task = celery_app.tasks["lms.certificates.render"]
    assert task.acks_late is True and task.reject_on_worker_lost is True
