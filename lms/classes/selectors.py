"""Reads for the staff pages: classes, rosters, attendance sheets, learners.

Each selector uses a fixed number of queries however many learners a class has
(the attendance list and roster are tested with query budgets).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from curricula.models import CoursePage
from curricula.selectors import default_locale, required_lesson_counts
from lms.centres import scoping
from lms.centres.models import StaffRole
from lms.core.collation import thai_order
from lms.learning.models import Enrollment
from lms.learning.selectors import course_percent
from lms.users.models import User

from . import scoping as class_scoping
from .models import (
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortMembership,
    CohortSession,
)

# A learner is "behind" when their lessons trail the share of the class's time gone by.
BEHIND_MARGIN = 15


def _count(queryset: QuerySet, column: str = "pk"):
    """A correlated COUNT(*) subquery, so that counting two relations needs no DISTINCT join."""
    return Coalesce(
        Subquery(
            queryset.order_by().values(column).annotate(n=Count("*")).values("n")[:1],
        ),
        0,
    )


def cohorts_for(*, user: User, current_only: bool = False) -> QuerySet[Cohort]:
    """The classes a staff member may see, with member and session counts (one query)."""
    queryset = class_scoping.cohorts_visible_to(user)
    if current_only:
        queryset = queryset.current()
    return queryset.select_related("centre", "course").annotate(
        member_count=_count(CohortMembership.objects.filter(cohort=OuterRef("pk")), "cohort"),
        session_count=_count(CohortSession.objects.filter(cohort=OuterRef("pk")), "cohort"),
    )


def sessions_today_for(*, user: User, today: dt.date | None = None) -> QuerySet[CohortSession]:
    today = today or timezone.localdate()
    return (
        class_scoping.sessions_visible_to(user)
        .filter(date=today)
        .select_related("cohort", "cohort__centre")
        .order_by("start_time")
    )


@dataclass
class RosterRow:
    user: User
    enrollment: Enrollment | None
    done: int
    total: int
    present: int
    absent: int
    excused: int
    sessions: int  # held so far
    expected_percent: int | None = None

    @property
    def percent(self) -> int:
        return course_percent(
            completed=self.enrollment is not None and self.enrollment.completed_at is not None,
            done=self.done,
            total=self.total,
        )

    @property
    def attendance_percent(self) -> int | None:
        counted = self.present + self.absent
        return round(100 * self.present / counted) if counted else None

    @property
    def completed(self) -> bool:
        return self.enrollment is not None and self.enrollment.completed_at is not None

    @property
    def is_behind(self) -> bool:
        if self.completed or self.expected_percent is None:
            return False
        return self.percent + BEHIND_MARGIN < self.expected_percent


@dataclass
class Roster:
    cohort: Cohort
    rows: list[RosterRow]
    sessions: list[CohortSession]
    required_percent: int | None
    attendance_taken: set[int] = field(default_factory=set)

    @property
    def completed_count(self) -> int:
        return sum(row.completed for row in self.rows)

    @property
    def behind_count(self) -> int:
        return sum(row.is_behind for row in self.rows)


def _expected_percent(cohort: Cohort, today: dt.date) -> int | None:
    if cohort.end_date is None or cohort.end_date <= cohort.start_date:
        return None
    elapsed = (min(today, cohort.end_date) - cohort.start_date).days
    span = (cohort.end_date - cohort.start_date).days
    return max(0, round(100 * elapsed / span))


def cohort_roster(*, cohort: Cohort, today: dt.date | None = None) -> Roster:
    """Members with their lesson progress and attendance, and the class's sessions (5 queries)."""
    today = today or timezone.localdate()
    members = list(
        User.objects.filter(cohort_memberships__cohort=cohort)
        .select_related("home_centre")
        .order_by(thai_order("first_name"), thai_order("last_name"), "username")
    )
    member_ids = CohortMembership.objects.filter(cohort=cohort).values("user_id")
    enrollments = {
        e.user_id: e
        for e in Enrollment.objects.filter(course_id=cohort.course_id, user_id__in=member_ids)
        .annotate(
            done=Count(
                "progress",
                filter=Q(
                    progress__completed_at__isnull=False,
                    progress__lesson__is_optional=False,
                    progress__lesson__live=True,
                ),
            )
        )
        .order_by()
    }
    total = required_lesson_counts([cohort.course]).get(cohort.course_id, 0)
    sessions = list(CohortSession.objects.filter(cohort=cohort).order_by("date", "start_time"))
    attendance: dict[int, dict[str, int]] = {}
    taken: set[int] = set()
    for row in (
        Attendance.objects.filter(session__cohort=cohort)
        .values("user_id", "status", "session_id")
        .order_by()
    ):
        attendance.setdefault(row["user_id"], dict.fromkeys(AttendanceStatus.values, 0))[
            row["status"]
        ] += 1
        taken.add(row["session_id"])
    expected = _expected_percent(cohort, today)
    held = sum(1 for session in sessions if session.date <= today)
    rows = []
    for user in members:
        enrollment = enrollments.get(user.pk)
        marks = attendance.get(user.pk, dict.fromkeys(AttendanceStatus.values, 0))
        rows.append(
            RosterRow(
                user=user,
                enrollment=enrollment,
                done=getattr(enrollment, "done", 0),
                total=total,
                present=marks[AttendanceStatus.PRESENT],
                absent=marks[AttendanceStatus.ABSENT],
                excused=marks[AttendanceStatus.EXCUSED],
                sessions=held,
                expected_percent=expected,
            )
        )
    return Roster(
        cohort=cohort,
        rows=rows,
        sessions=sessions,
        required_percent=cohort.course.min_attendance_percent,
        attendance_taken=taken,
    )


@dataclass
class SheetRow:
    user: User
    status: str | None
    via: str | None


def attendance_sheet(*, session: CohortSession) -> list[SheetRow]:
    """Every member of the session's class with the status recorded so far (2 queries)."""
    members = list(
        User.objects.filter(cohort_memberships__cohort_id=session.cohort_id).order_by(
            thai_order("first_name"), thai_order("last_name"), "username"
        )
    )
    marks = {
        row["user_id"]: row
        for row in Attendance.objects.filter(session=session).values(
            "user_id", "status", "recorded_via"
        )
    }
    return [
        SheetRow(
            user=user,
            status=marks.get(user.pk, {}).get("status"),
            via=marks.get(user.pk, {}).get("recorded_via"),
        )
        for user in members
    ]


def trainer_choices(*, centre_ids: set[int] | None) -> QuerySet[User]:
    """People who work at the given centres (every centre for None)."""
    roles = StaffRole.objects.all()
    if centre_ids is not None:
        roles = roles.filter(centre_id__in=centre_ids)
    return User.objects.filter(pk__in=roles.values("user_id")).order_by(
        thai_order("first_name"), "username"
    )


def course_choices() -> QuerySet[CoursePage]:
    """Live courses in the site's language (learner records point at these)."""
    return CoursePage.objects.live().filter(locale=default_locale()).order_by(thai_order("title"))


def learners_for(*, user: User, query: str = "") -> QuerySet[User]:
    """The learners a staff member may see, optionally matching a name, username or phone."""
    queryset = scoping.learners_visible_to(user).select_related("home_centre")
    query = " ".join(query.split())[:100]
    if query:
        condition = Q()
        for word in query.split():
            condition &= (
                Q(username__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(first_name_en__icontains=word)
                | Q(last_name_en__icontains=word)
                | Q(phone__icontains=word)
            )
        queryset = queryset.filter(condition)
    return queryset.order_by(thai_order("first_name"), thai_order("last_name"), "username")


def learner_record(*, learner: User) -> dict:
    """Enrolments and classes of one learner, for the staff view of that learner."""
    return {
        "enrollments": list(
            Enrollment.objects.filter(user=learner)
            .select_related("course")
            .order_by("-enrolled_at")
        ),
        "memberships": list(
            CohortMembership.objects.filter(user=learner)
            .select_related("cohort", "cohort__centre", "cohort__course")
            .order_by("-cohort__start_date")
        ),
    }
