"""Attendance as a completion requirement of blended courses.

A course with `min_attendance_percent` set is complete only when the learner
attended at least that share of the sessions of their class(es) of the course.
Excused absences leave the count: a learner excused from one of ten sessions
needs 80 % of the nine others. Registered in lms.learning.requirements.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from lms.learning.models import Enrollment
from lms.learning.requirements import Unmet, register_course_check

from .models import Attendance, AttendanceStatus, CohortSession


@dataclass(frozen=True)
class AttendanceShare:
    sessions: int
    present: int
    excused: int

    @property
    def counted(self) -> int:
        return max(self.sessions - self.excused, 0)

    @property
    def percent(self) -> int:
        if not self.counted:
            return 0
        return round(100 * self.present / self.counted)

    def meets(self, required_percent: int) -> bool:
        # Compare in whole numbers: 4 of 5 sessions is exactly 80 %.
        return self.counted > 0 and 100 * self.present >= required_percent * self.counted


def attendance_share(*, user_id: int, course_id: int) -> AttendanceShare:
    """The learner's attendance over every session of their classes of one course (2 queries)."""
    sessions = CohortSession.objects.filter(
        cohort__course_id=course_id, cohort__memberships__user_id=user_id
    )
    total = sessions.values("pk").distinct().count()
    counts = Attendance.objects.filter(
        user_id=user_id, session__in=sessions.values("pk")
    ).aggregate(
        present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
        excused=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
    )
    return AttendanceShare(sessions=total, present=counts["present"], excused=counts["excused"])


def attendance_unmet(enrollment: Enrollment) -> list[Unmet]:
    required = enrollment.course.min_attendance_percent
    if not required:
        return []
    share = attendance_share(user_id=enrollment.user_id, course_id=enrollment.course_id)
    if share.meets(required):
        return []
    if not share.sessions:
        message = _(
            "Attend at least %(required)s%% of the class sessions: join a class of this "
            "course at your centre."
        ) % {"required": required}
    else:
        message = _(
            "Attend at least %(required)s%% of the class sessions (so far %(present)s of "
            "%(counted)s, %(percent)s%%)."
        ) % {
            "required": required,
            "present": share.present,
            "counted": share.counted,
            "percent": share.percent,
        }
    return [Unmet("attendance", message)]


def register() -> None:
    """Blended courses need a share of class sessions attended (checked after quizzes)."""
    register_course_check(attendance_unmet, order=30)
