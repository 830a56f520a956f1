"""The demo: `make run` leaves the demo learner's completed course with a rendered certificate."""

import os
import shutil

import pytest

from curricula.models import CoursePage
from curricula.selectors import course_lessons
from lms.certificates import demo
from lms.certificates.models import Certificate, CertificateTemplate, RenderStatus
from lms.certificates.services import certificate_storage
from lms.core.demo.seed import demo_seed
from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create, lesson_complete


@pytest.mark.django_db
def test_demo_seed_issues_and_renders_the_demo_learners_certificate(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        result = demo_seed()
    template = CertificateTemplate.objects.get(is_default=True)
    assert template.signatories.count() == 2
    assert template.logos.count() == 1
    assert all(s.signature_image for s in template.signatories.all())

    learner = result["users"]["demo-learner"]
    course = CoursePage.objects.get(slug="online-safety", locale__language_code="th")
    # The lead's learner demo completes this course; do it here as the learner would.
    enrollment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course_lessons(course):
            lesson_complete(user=learner, lesson=lesson)
    assert Enrollment.objects.get(user=learner, course=course).completed_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        result = demo_seed()  # idempotent: nothing new, the certificate rendered
    certificate = Certificate.objects.get(learner=learner, course=course)
    assert certificate.status == RenderStatus.RENDERED
    assert certificate.render_count == 1
    assert CertificateTemplate.objects.count() == 1
    assert template.signatories.count() == 2
    assert certificate.learner_name == "นางสาวมาลี ศรีสุข"

    target = os.environ.get("LMS_KEEP_DEMO_CERTIFICATE")
    if target:  # handy for looking at the PDF: LMS_KEEP_DEMO_CERTIFICATE=/tmp/demo.pdf
        with (
            certificate_storage().open(certificate.file_name, "rb") as handle,
            open(target, "wb") as out,
        ):
            shutil.copyfileobj(handle, out)


@pytest.mark.django_db
def test_demo_seed_renders_a_completed_enrollment_left_pending(home):
    """A certificate issued while no worker ran (still pending) is rendered by the seed."""
    result = demo_seed()
    learner = result["users"]["demo-learner"]
    course = CoursePage.objects.get(slug="online-safety", locale__language_code="th")
    enrollment_create(user=learner, course=course)
    for lesson in course_lessons(course):
        lesson_complete(user=learner, lesson=lesson)  # on_commit never runs here: pending
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.status == RenderStatus.PENDING
    demo.seed(result)
    certificate.refresh_from_db()
    assert certificate.status == RenderStatus.RENDERED
