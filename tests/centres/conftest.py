"""Two centres in two provinces, their staff, classes and records.

Centre A (Nong Khai) and centre B (Khon Kaen) each have a class of the same
course with a session running now, attendance, an early-childhood session and
a learner import. The people: a learner of A (in A's class), a learner of B, a
trainer and a centre admin of A, a centre admin of B, and a national admin.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone, translation

import pytest

from lms.centres.models import Centre, Province, StaffRoleKind
from lms.classes.models import (
    AttendanceStatus,
    Cohort,
    CohortSession,
    ImportBatch,
    ImportRow,
    ImportRowOutcome,
)
from lms.classes.services import attendance_record, cohort_create, cohort_member_add
from lms.early_childhood.models import EarlyChildhoodSession
from lms.early_childhood.services import ChildCounts, early_childhood_session_create
from lms.users import roles
from lms.users.models import User
from tests.factories import ActivityPageFactory, CentreFactory, StaffRoleFactory, UserFactory


@pytest.fixture(autouse=True)
def thai_first():
    """Each test starts in Thai and leaves Thai active: a request to /en/ switches the
    thread's language, and reverse() would then give /en/ URLs to the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def session_times_around_now() -> tuple[dt.date, dt.time, dt.time]:
    """A session on today's date that is running now (kept within the day)."""
    now = timezone.localtime()
    start = max(now - dt.timedelta(hours=1), now.replace(hour=0, minute=0, second=0))
    end = min(now + dt.timedelta(hours=1), now.replace(hour=23, minute=59, second=0))
    return (
        now.date(),
        start.time().replace(second=0, microsecond=0),
        end.time().replace(second=0, microsecond=0),
    )


def make_staff(username: str, centre: Centre | None, role: str | None, group: str | None) -> User:
    user = UserFactory(username=username, home_centre=centre)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if role:
        StaffRoleFactory(user=user, centre=centre, role=role)
    return user


def make_session(cohort: Cohort, *, when=None, topic="") -> CohortSession:
    date, start, end = when or session_times_around_now()
    return CohortSession.objects.create(
        cohort=cohort, date=date, start_time=start, end_time=end, topic=topic
    )


@dataclass
class World:
    centre_a: Centre
    centre_b: Centre
    learner_a: User
    learner_b: User
    trainer_a: User
    admin_a: User
    admin_b: User
    national: User
    cohort_a: Cohort
    cohort_b: Cohort
    session_a: CohortSession
    session_b: CohortSession
    early_a: EarlyChildhoodSession
    early_b: EarlyChildhoodSession
    import_a: ImportBatch
    import_b: ImportBatch
    activity: object
    course: object

    @property
    def people(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "learner": self.learner_a,
            "trainer_a": self.trainer_a,
            "admin_a": self.admin_a,
            "admin_b": self.admin_b,
            "national": self.national,
        }


def _batch(centre: Centre, cohort: Cohort, user: User) -> ImportBatch:
    batch = ImportBatch.objects.create(
        centre=centre, cohort=cohort, created_by=user, file_name="people.csv", total_rows=1
    )
    ImportRow.objects.create(
        batch=batch,
        line=2,
        data={"username": "x", "raw": {"first_name": "ก", "last_name": "ข"}},
        outcome=ImportRowOutcome.ERROR,
        messages=["ผิด"],
    )
    batch.error_rows = 1
    batch.save(update_fields=["error_rows"])
    return batch


@pytest.fixture
def world(home, early_track, course, lessons) -> World:
    centre_a = CentreFactory(
        code="NKI-A", name_th="ศูนย์ ก", province=Province.objects.get(code="43")
    )
    centre_b = CentreFactory(
        code="KKN-B", name_th="ศูนย์ ข", province=Province.objects.get(code="40")
    )
    trainer_a = make_staff("trainer-a", centre_a, StaffRoleKind.TRAINER, roles.TRAINERS)
    admin_a = make_staff("admin-a", centre_a, StaffRoleKind.CENTRE_ADMIN, roles.CENTRE_ADMINS)
    admin_b = make_staff("admin-b", centre_b, StaffRoleKind.CENTRE_ADMIN, roles.CENTRE_ADMINS)
    national = make_staff("national", None, None, roles.NATIONAL_ADMINS)
    learner_a = UserFactory(username="learner-a", last_name="ใจดี", home_centre=centre_a)
    learner_b = UserFactory(username="learner-b", last_name="ใจงาม", home_centre=centre_b)
    today = timezone.localdate()
    cohorts = {}
    for key, centre, actor, learner in (
        ("a", centre_a, admin_a, learner_a),
        ("b", centre_b, admin_b, learner_b),
    ):
        cohort = cohort_create(
            actor=actor,
            centre=centre,
            course=course,
            name=f"รุ่น {key}",
            start_date=today - dt.timedelta(days=7),
            end_date=today + dt.timedelta(days=7),
        )
        cohort_member_add(actor=actor, cohort=cohort, user=learner)
        cohorts[key] = cohort
    session_a = make_session(cohorts["a"])
    session_b = make_session(cohorts["b"])
    attendance_record(
        actor=admin_b, session=session_b, marks={learner_b.pk: AttendanceStatus.PRESENT}
    )
    activity = ActivityPageFactory(parent=early_track, title="เล่นดินน้ำมัน")
    early = {
        key: early_childhood_session_create(
            actor=actor,
            centre=centre,
            activity=activity,
            date=today,
            counts=ChildCounts(age_3=2, age_4=1, adults=1),
        )
        for key, centre, actor in (("a", centre_a, trainer_a), ("b", centre_b, admin_b))
    }
    return World(
        centre_a=centre_a,
        centre_b=centre_b,
        learner_a=learner_a,
        learner_b=learner_b,
        trainer_a=trainer_a,
        admin_a=admin_a,
        admin_b=admin_b,
        national=national,
        cohort_a=cohorts["a"],
        cohort_b=cohorts["b"],
        session_a=session_a,
        session_b=session_b,
        early_a=early["a"],
        early_b=early["b"],
        import_a=_batch(centre_a, cohorts["a"], admin_a),
        import_b=_batch(centre_b, cohorts["b"], admin_b),
        activity=activity,
        course=course,
    )


@pytest.fixture
def login(client):
    def as_user(user: User | None):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return as_user
