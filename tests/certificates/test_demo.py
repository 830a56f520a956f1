"""The demo: `make run` leaves the demo learner's completed course with a rendered certificate."""

import os
import shutil

import pytest

from curricula.models import CoursePage
from lms.certificates.models import Certificate, CertificateTemplate, RenderStatus
from lms.certificates.services import certificate_storage
from lms.learning.models import Enrollment
from lms.setup.demo import certificates as demo
from lms.setup.demo.seed import demo_seed


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
    # The learner demo completes this course (passing its quiz) before certificates seed.
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
    # As if the render task had been lost (no worker ran): the certificate waits.
    Certificate.objects.filter(learner=learner, course=course).update(status=RenderStatus.PENDING)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.status == RenderStatus.PENDING
    demo.seed(result)
    certificate.refresh_from_db()
    assert certificate.status == RenderStatus.RENDERED
