"""Completing a course issues exactly one certificate, in the completing transaction."""

import threading

from django.db import IntegrityError, connection, transaction

from wagtail.models import ModelLogEntry

import pytest

from lms.certificates.codes import ALPHABET, CODE_LENGTH
from lms.certificates.models import Certificate, IssueSource, RenderStatus
from lms.certificates.services import certificate_issue, certificate_revoke
from lms.learning.models import Enrollment
from lms.learning.requirements import COURSE_CHECKS, Unmet, register_course_check
from lms.learning.services import enrollment_completion_check, enrollment_create, lesson_complete
from tests.factories import UserFactory

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it)"
)


def test_completion_issues_exactly_one_certificate(learner, course, lessons, certified):
    certificate = certified(learner)
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert Certificate.objects.count() == 1
    assert certificate.enrollment == enrollment
    assert certificate.source == IssueSource.COMPLETION
    assert certificate.completed_at == enrollment.completed_at
    assert certificate.learner_name == "นางสาวมาลี ศรีสุข"
    assert certificate.learner_name_en == "Miss Malee Srisuk"
    assert certificate.course_title == course.title
    assert certificate.centre_name == "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก"
    assert len(certificate.code) == CODE_LENGTH and set(certificate.code) <= set(ALPHABET)
    year, serial = certificate.number.split("/")
    assert int(year) == certificate.issued_at.year + 543 and serial == "000001"
    assert certificate.status == RenderStatus.RENDERED
    assert certificate.render_count == 1
    actions = list(
        ModelLogEntry.objects.for_instance(certificate)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["lms.certificate.issue", "lms.certificate.render"]

    # Doing the last step again (a double click) changes nothing.
    lesson_complete(user=learner, lesson=lessons[-1])
    assert enrollment_completion_check(enrollment=enrollment) is False
    assert Certificate.objects.count() == 1


def test_no_certificate_while_a_lesson_is_unfinished(learner, course, lessons):
    enrollment_create(user=learner, course=course)
    for lesson in lessons[:-1]:
        lesson_complete(user=learner, lesson=lesson)
    assert not Certificate.objects.exists()


def test_no_certificate_while_another_requirement_is_unmet(learner, course, lessons):
    """A requirement registered by another app (e.g. a quiz to pass) holds the certificate back."""

    def quiz_not_passed(enrollment):
        return [Unmet("quiz", "Pass the final quiz")]

    register_course_check(quiz_not_passed, order=100)
    try:
        enrollment_create(user=learner, course=course)
        for lesson in lessons:
            lesson_complete(user=learner, lesson=lesson)
        assert Enrollment.objects.get(user=learner).completed_at is None
        assert not Certificate.objects.exists()
    finally:
        COURSE_CHECKS.unregister(quiz_not_passed)


def test_a_certificate_issued_by_hand_first_is_not_doubled(
    learner, course, centre_admin, complete_course
):
    manual = certificate_issue(
        actor=centre_admin, learner=learner, course=course, reason="เรียนในชั้นเรียนครบ"
    )
    complete_course(learner)
    assert list(Certificate.objects.all()) == [manual]


def test_the_database_allows_one_valid_certificate_per_learner_and_course(
    learner, course, certified, national_admin
):
    first = certified(learner)
    duplicate = Certificate.objects.get(pk=first.pk)
    duplicate.pk = None
    duplicate.code = "0" * CODE_LENGTH
    duplicate.number = "9999/000001"
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    # Once revoked, a new one may be issued (and the revoked one stays on record).
    certificate_revoke(actor=national_admin, certificate=first, reason="ออกผิดคน")
    again = certificate_issue(actor=national_admin, learner=learner, course=course, reason="ออกใหม่")
    assert again.number != first.number
    assert Certificate.objects.filter(learner=learner).count() == 2
    assert Certificate.objects.valid().get(learner=learner) == again


def _run_at_once(workers):
    """Start every worker at the same moment in its own thread and database connection."""
    barrier = threading.Barrier(len(workers))
    errors = []

    def run(work):
        try:
            barrier.wait(timeout=30)
            work()
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker thread hung"
    return errors


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_completion_issues_exactly_one_certificate(home, course, lessons, centre):
    """Two tabs finish the last two lessons at the same moment, many learners at once."""
    learners = [UserFactory(username=f"tab-learner-{i}", home_centre=centre) for i in range(4)]
    for user in learners:
        enrollment_create(user=user, course=course)
        lesson_complete(user=user, lesson=lessons[0])
    workers = []
    for user in learners:
        for lesson in lessons[1:]:
            for _tab in range(2):
                workers.append(
                    lambda user=user, lesson=lesson: lesson_complete(user=user, lesson=lesson)
                )
    errors = _run_at_once(workers)
    assert errors == []
    for user in learners:
        assert Enrollment.objects.get(user=user).completed_at is not None
        assert Certificate.objects.filter(learner=user).count() == 1
    numbers = list(Certificate.objects.values_list("number", flat=True))
    assert len(set(numbers)) == len(learners)
    assert sorted(int(n.split("/")[1]) for n in numbers) == list(range(1, len(learners) + 1))
    assert set(Certificate.objects.values_list("status", flat=True)) == {RenderStatus.RENDERED}


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_completion_racing_a_manual_issue_gives_one_certificate(home, course, lessons, centre):
    from django.contrib.auth.models import Group

    from lms.centres.models import StaffRoleKind
    from lms.users import roles
    from tests.factories import StaffRoleFactory

    admin = UserFactory(username="racing-admin")
    admin.groups.add(Group.objects.get(name=roles.CENTRE_ADMINS))
    StaffRoleFactory(user=admin, centre=centre, role=StaffRoleKind.CENTRE_ADMIN)
    learner = UserFactory(username="racing-learner", home_centre=centre)
    enrollment = enrollment_create(user=learner, course=course).enrollment
    for lesson in lessons[:-1]:
        lesson_complete(user=learner, lesson=lesson)

    def manual():
        from lms.certificates.services import CertificateError

        try:
            certificate_issue(actor=admin, learner=learner, course=course, reason="ในชั้นเรียน")
        except CertificateError as error:
            assert error.code == "exists"

    errors = _run_at_once(
        [lambda: lesson_complete(user=learner, lesson=lessons[-1]), manual, manual]
    )
    assert errors == []
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert Certificate.objects.filter(learner=learner).count() == 1
