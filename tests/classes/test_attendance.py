"""Taking attendance, QR check-in, and attendance as a completion requirement."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from lms.centres.services import CentreError
from lms.classes.attendance import attendance_share
from lms.classes.checkin import checkin_session_id, checkin_token, session_window
from lms.classes.models import Attendance, AttendanceSource, AttendanceStatus
from lms.classes.services import attendance_checkin, attendance_record, cohort_member_add
from lms.learning.models import Enrollment
from lms.learning.requirements import course_unmet
from lms.learning.services import lesson_complete
from tests.centres.conftest import make_session
from tests.factories import UserFactory

PRESENT, ABSENT, EXCUSED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)


def test_record_is_idempotent_and_audited(world):
    marks = {world.learner_a.pk: PRESENT}
    first = attendance_record(actor=world.trainer_a, session=world.session_a, marks=marks)
    again = attendance_record(actor=world.trainer_a, session=world.session_a, marks=marks)
    assert (first.changed, again.changed) == (1, 0)
    row = Attendance.objects.get(session=world.session_a, user=world.learner_a)
    assert (row.status, row.recorded_by, row.recorded_via) == (
        PRESENT,
        world.trainer_a,
        AttendanceSource.STAFF,
    )
    changed = attendance_record(
        actor=world.trainer_a, session=world.session_a, marks={world.learner_a.pk: EXCUSED}
    )
    assert changed.changed == 1
    assert Attendance.objects.filter(session=world.session_a).count() == 1
    assert ModelLogEntry.objects.filter(action="lms.attendance.record").count() >= 2


def test_people_outside_the_class_are_refused(world):
    with pytest.raises(CentreError) as error:
        attendance_record(
            actor=world.trainer_a, session=world.session_a, marks={world.learner_b.pk: PRESENT}
        )
    assert error.value.code == "not_member"
    with pytest.raises(CentreError):
        attendance_record(
            actor=world.trainer_a, session=world.session_a, marks={world.learner_a.pk: "late"}
        )
    with pytest.raises(CentreError) as error:
        attendance_record(
            actor=world.admin_b, session=world.session_a, marks={world.learner_a.pk: PRESENT}
        )
    assert error.value.code == "forbidden"
    assert not Attendance.objects.filter(session=world.session_a).exists()


def test_attendance_page_saves_marks(world, login):
    client = login(world.trainer_a)
    url = reverse("centres:session_attendance", args=[world.session_a.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert f'name="status-{world.learner_a.pk}"' in page.content.decode()
    response = client.post(url, {f"status-{world.learner_a.pk}": ABSENT})
    assert response.status_code == 302
    assert Attendance.objects.get(session=world.session_a).status == ABSENT
    client.post(url, {"all": PRESENT})
    assert Attendance.objects.get(session=world.session_a).status == PRESENT
    # Another centre's learner smuggled into the form changes nothing.
    bad = client.post(url, {f"status-{world.learner_b.pk}": PRESENT})
    assert bad.status_code == 400
    assert not Attendance.objects.filter(user=world.learner_b, session=world.session_a).exists()
    assert client.post(url, {"status-abc": PRESENT}).status_code == 400


def test_checkin_token_names_one_session_and_cannot_be_forged(world):
    token = checkin_token(world.session_a)
    assert checkin_session_id(token) == world.session_a.pk
    forged = token.replace(str(world.session_a.pk), str(world.session_b.pk), 1)
    assert checkin_session_id(forged) is None
    assert checkin_session_id("nonsense") is None


def test_checkin_marks_present_once_and_only_in_the_window(world):
    session = world.session_a
    opens, closes = session_window(session)
    with pytest.raises(CentreError) as error:
        attendance_checkin(
            user=world.learner_a, session=session, now=opens - dt.timedelta(minutes=1)
        )
    assert error.value.code == "closed"
    with pytest.raises(CentreError):
        attendance_checkin(
            user=world.learner_a, session=session, now=closes + dt.timedelta(minutes=1)
        )
    first = attendance_checkin(user=world.learner_a, session=session, now=opens)
    second = attendance_checkin(user=world.learner_a, session=session, now=closes)
    assert (first.marked, second.marked) == (True, False)
    row = Attendance.objects.get(session=session, user=world.learner_a)
    assert (row.status, row.recorded_via) == (PRESENT, AttendanceSource.QR)
    with pytest.raises(CentreError) as error:
        attendance_checkin(user=world.learner_b, session=session, now=opens)
    assert error.value.code == "not_member"


def test_late_arrival_scans_over_an_absent_mark(world):
    attendance_record(
        actor=world.trainer_a, session=world.session_a, marks={world.learner_a.pk: ABSENT}
    )
    result = attendance_checkin(user=world.learner_a, session=world.session_a)
    assert result.marked
    assert Attendance.objects.get(session=world.session_a).status == PRESENT


def test_checkin_pages(world, login):
    url = reverse("centres:checkin", args=[checkin_token(world.session_a)])
    anonymous = login(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    client = login(world.learner_a)
    page = client.get(url)
    assert page.status_code == 200
    assert world.cohort_a.name in page.content.decode()
    assert not Attendance.objects.filter(session=world.session_a).exists()  # GET changes nothing
    done = client.post(url)
    assert done.status_code == 200
    assert Attendance.objects.get(session=world.session_a).status == PRESENT
    assert client.post(url).status_code == 200
    assert Attendance.objects.filter(session=world.session_a).count() == 1
    assert client.get(reverse("centres:checkin", args=["forged.token"])).status_code == 404
    outsider = login(world.learner_b).post(url)
    assert outsider.status_code == 403


def test_checkin_outside_the_session_is_refused(world, login):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    old = make_session(world.cohort_a, when=(yesterday, dt.time(9), dt.time(12)))
    url = reverse("centres:checkin", args=[checkin_token(old)])
    response = login(world.learner_a).post(url)
    assert response.status_code == 403
    assert not Attendance.objects.filter(session=old).exists()


def test_qr_page_shows_an_svg_code_for_the_checkin_link(world, login):
    page = login(world.trainer_a).get(reverse("centres:session_qr", args=[world.session_a.pk]))
    html = page.content.decode()
    assert "data:image/svg+xml" in html
    assert checkin_token(world.session_a) in html


# --- Completion ------------------------------------------------------------------------------


@pytest.fixture
def blended(world, lessons):
    """The course needs 75 % attendance; the learner did every lesson; four sessions."""
    course = world.course
    course.min_attendance_percent = 75
    course.save_revision().publish()
    course.refresh_from_db()
    for lesson in lessons:
        lesson_complete(user=world.learner_a, lesson=lesson)
    today = timezone.localdate()
    sessions = [world.session_a] + [
        make_session(world.cohort_a, when=(today - dt.timedelta(days=d), dt.time(9), dt.time(12)))
        for d in (1, 2, 3)
    ]
    return sessions


def enrollment(world):
    return Enrollment.objects.get(user=world.learner_a, course=world.course)


def test_lessons_alone_do_not_complete_a_course_with_minimum_attendance(world, blended):
    unmet = course_unmet(enrollment(world))
    assert [u.code for u in unmet] == ["attendance"]
    assert "75" in unmet[0].message
    assert enrollment(world).completed_at is None


def test_attendance_completes_the_course_when_the_share_is_reached(world, blended):
    learner = world.learner_a.pk
    for session in blended[:2]:
        attendance_record(actor=world.trainer_a, session=session, marks={learner: PRESENT})
    attendance_record(actor=world.trainer_a, session=blended[2], marks={learner: ABSENT})
    assert enrollment(world).completed_at is None  # 2 of 4 = 50 %
    result = attendance_record(actor=world.trainer_a, session=blended[3], marks={learner: PRESENT})
    assert result.completed == 1  # 3 of 4 = 75 %
    completed_at = enrollment(world).completed_at
    assert completed_at is not None
    attendance_record(actor=world.trainer_a, session=blended[2], marks={learner: PRESENT})
    assert enrollment(world).completed_at == completed_at  # recorded once


def test_excused_sessions_leave_the_count(world, blended):
    learner = world.learner_a.pk
    marks = [PRESENT, PRESENT, EXCUSED, ABSENT]
    for session, status in zip(blended, marks, strict=True):
        attendance_record(actor=world.trainer_a, session=session, marks={learner: status})
    share = attendance_share(user_id=learner, course_id=world.course.pk)
    assert (share.sessions, share.present, share.excused, share.counted) == (4, 2, 1, 3)
    assert share.percent == 67
    assert enrollment(world).completed_at is None
    attendance_record(actor=world.trainer_a, session=blended[3], marks={learner: EXCUSED})
    assert enrollment(world).completed_at is not None  # 2 of 2 counted


def test_qr_checkin_can_complete_the_course(world, blended):
    learner = world.learner_a.pk
    for session in blended[1:3]:
        attendance_record(actor=world.trainer_a, session=session, marks={learner: PRESENT})
    attendance_checkin(user=world.learner_a, session=blended[0])
    assert enrollment(world).completed_at is not None


def test_a_learner_in_no_class_is_told_to_join_one(world, blended):
    other = UserFactory(username="solo", home_centre=world.centre_a)
    from lms.learning.services import enrollment_create

    result = enrollment_create(user=other, course=world.course)
    unmet = course_unmet(result.enrollment)
    assert any(u.code == "attendance" for u in unmet)
    cohort_member_add(actor=world.admin_a, cohort=world.cohort_a, user=other)
    assert attendance_share(user_id=other.pk, course_id=world.course.pk).sessions == 4


def test_courses_without_a_minimum_ignore_attendance(world, lessons):
    for lesson in lessons:
        lesson_complete(user=world.learner_a, lesson=lesson)
    assert enrollment(world).completed_at is not None
