"""Bulk issue: everyone who qualifies gets a certificate; the rest are listed with why."""

import pytest

from lms.certificates.batches import (
    SkipReason,
    certificate_batch_create,
    certificate_batch_progress,
    certificate_batch_run,
    certificate_batch_skipped,
)
from lms.certificates.models import BatchItemOutcome, Certificate, CertificateBatch
from lms.certificates.services import CertificateError, certificate_revoke
from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create, enrollment_leave, lesson_complete
from tests.factories import UserFactory


@pytest.fixture
def cohort(course, lessons, centre, other_centre, complete_course, national_admin):
    """A class of learners in every situation a bulk issue meets."""
    people = {
        name: UserFactory(username=name, home_centre=centre)
        for name in (
            "done",
            "done-early",
            "halfway",
            "not-enrolled",
            "left",
            "certified",
            "revoked",
        )
    }
    people["elsewhere"] = UserFactory(username="elsewhere", home_centre=other_centre)
    complete_course(people["done"])
    complete_course(people["certified"])
    complete_course(people["revoked"])
    revoked = Certificate.objects.get(learner=people["revoked"])
    certificate_revoke(actor=national_admin, certificate=revoked, reason="ออกผิด")
    # Completed before certificates existed: completion recorded, no certificate.
    complete_course(people["done-early"])
    Certificate.objects.filter(learner=people["done-early"]).delete()
    enrollment_create(user=people["halfway"], course=course)
    lesson_complete(user=people["halfway"], lesson=lessons[0])
    enrollment_create(user=people["left"], course=course)
    enrollment_leave(user=people["left"], course=course)
    complete_course(people["elsewhere"])
    Certificate.objects.filter(learner=people["elsewhere"]).delete()
    # "done" gets its certificate from the batch, as if completion had predated certificates.
    Certificate.objects.filter(learner=people["done"]).delete()
    return people


def test_batch_issues_to_those_who_qualify_and_says_why_others_were_skipped(
    cohort, course, centre_admin, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(
            actor=centre_admin, course=course, learners=list(cohort.values()), reason="รุ่นที่ 1"
        )
    items = {item.learner.username: item for item in batch.items.select_related("learner")}
    assert {name: item.outcome for name, item in items.items()} == {
        "done": BatchItemOutcome.ISSUED,
        "done-early": BatchItemOutcome.ISSUED,
        "halfway": BatchItemOutcome.SKIPPED,
        "not-enrolled": BatchItemOutcome.SKIPPED,
        "left": BatchItemOutcome.SKIPPED,
        "certified": BatchItemOutcome.SKIPPED,
        "revoked": BatchItemOutcome.SKIPPED,
        "elsewhere": BatchItemOutcome.SKIPPED,
    }
    assert items["halfway"].skip_code == SkipReason.REQUIREMENTS_UNMET
    assert "Finish the lesson" in items["halfway"].skip_reason
    assert items["not-enrolled"].skip_code == SkipReason.NOT_ENROLLED
    assert items["left"].skip_code == SkipReason.LEFT
    assert items["certified"].skip_code == SkipReason.ALREADY_CERTIFIED
    assert items["revoked"].skip_code == SkipReason.REVOKED
    assert items["elsewhere"].skip_code == SkipReason.OUT_OF_SCOPE
    assert Certificate.objects.valid().filter(learner=cohort["elsewhere"]).count() == 0

    with django_assert_max_num_queries(1):
        progress = certificate_batch_progress(batch=batch)
    assert progress.as_dict() == {
        "total": 8,
        "decided": 8,
        "issued": 2,
        "skipped": 6,
        "rendered": 2,
        "failed": 0,
        "finished": 8,
        "percent": 100,
        "done": True,
    }
    groups = {group["code"]: group for group in certificate_batch_skipped(batch=batch)}
    assert set(groups) == {
        SkipReason.REQUIREMENTS_UNMET,
        SkipReason.NOT_ENROLLED,
        SkipReason.LEFT,
        SkipReason.ALREADY_CERTIFIED,
        SkipReason.REVOKED,
        SkipReason.OUT_OF_SCOPE,
    }
    batch.refresh_from_db()
    assert batch.checked_at is not None
    # Running it again decides nothing new and issues nothing new.
    assert certificate_batch_run(batch_id=batch.pk) == 0
    assert Certificate.objects.valid().count() == 3


def test_batch_completes_learners_who_now_meet_every_requirement(
    course, lessons, centre, centre_admin, django_capture_on_commit_callbacks
):
    learner = UserFactory(username="late", home_centre=centre)
    enrollment_create(user=learner, course=course)
    for lesson in lessons:
        lesson_complete(user=learner, lesson=lesson)
    Enrollment.objects.filter(user=learner).update(completed_at=None)  # e.g. a new rule since
    Certificate.objects.filter(learner=learner).delete()
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(actor=centre_admin, course=course)
    item = batch.items.get()
    assert item.outcome == BatchItemOutcome.ISSUED
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_without_a_list_every_enrolled_learner_in_scope_is_taken(
    cohort, course, centre, centre_admin, national_admin
):
    batch = certificate_batch_create(actor=centre_admin, course=course)
    names = set(batch.items.values_list("learner__username", flat=True))
    # Enrolled learners of the admin's centre only (not "not-enrolled", not "elsewhere").
    assert names == {"done", "done-early", "halfway", "left", "certified", "revoked"}
    national = certificate_batch_create(actor=national_admin, course=course, centre=centre)
    assert national.total == 6


def test_batch_is_refused_without_permission_or_learners(course, trainer, centre_admin):
    with pytest.raises(CertificateError):
        certificate_batch_create(actor=trainer, course=course)
    with pytest.raises(CertificateError) as error:
        certificate_batch_create(actor=centre_admin, course=course, learners=[])
    assert error.value.code == "empty"
    assert not CertificateBatch.objects.exists()
