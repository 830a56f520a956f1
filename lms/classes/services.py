"""Writes of the centre staff for classes: classes, members, sessions and attendance.

Each service checks that the actor may act at the centre (lms.centres.scoping),
validates, changes state atomically, records an audit entry (wagtail.log_actions)
and only then announces what follows (course completion through
lms.learning.services.enrollment_completion_check).
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from curricula.models import CoursePage
from curricula.selectors import canonical_page
from lms.centres import scoping
from lms.centres.models import Centre, StaffRole
from lms.centres.services import CentreError, require_staff
from lms.core.figures import figures_rows_written
from lms.learning.models import Enrollment
from lms.learning.services import LearningError, enrollment_completion_check, enrollment_create
from lms.users.models import User

from .checkin import checkin_is_open
from .models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Cohort,
    CohortMembership,
    CohortSession,
    MembershipSource,
)

# --- Classes ------------------------------------------------------------------------


def _checked_course(course: CoursePage) -> CoursePage:
    course = canonical_page(course).specific
    if not isinstance(course, CoursePage):
        raise CentreError(_("Choose a course."), code="not_a_course")
    if not course.live:
        raise CentreError(_("This course is not published."), code="not_live")
    return course


def _checked_trainers(centre: Centre, trainers: Iterable[User]) -> list[User]:
    trainers = list(trainers)
    staff_ids = set(
        StaffRole.objects.filter(centre=centre, user__in=trainers).values_list("user_id", flat=True)
    )
    outsiders = [t for t in trainers if t.pk not in staff_ids]
    if outsiders:
        raise CentreError(
            _("%(names)s do not work at this centre.")
            % {"names": ", ".join(str(t) for t in outsiders)},
            code="trainer_elsewhere",
        )
    return trainers


def _checked_dates(start_date: dt.date, end_date: dt.date | None) -> None:
    if end_date is not None and end_date < start_date:
        raise CentreError(_("A class cannot end before it starts."), code="dates")


def cohort_create(
    *,
    actor: User,
    centre: Centre,
    course: CoursePage,
    name: str,
    start_date: dt.date,
    end_date: dt.date | None = None,
    trainers: Iterable[User] = (),
) -> Cohort:
    """Open a class of `course` at `centre`."""
    require_staff(actor, centre.pk)
    course = _checked_course(course)
    trainers = _checked_trainers(centre, trainers)
    _checked_dates(start_date, end_date)
    name = " ".join((name or "").split())
    if not name:
        raise CentreError(_("Give the class a name."), code="name")
    with transaction.atomic():
        cohort = Cohort.objects.create(
            centre=centre,
            course=course,
            name=name[:200],
            start_date=start_date,
            end_date=end_date,
            created_by=actor,
        )
        cohort.trainers.set(trainers)
        log(instance=cohort, action="lms.cohort.create", user=actor)
    return cohort


def cohort_update(
    *,
    actor: User,
    cohort: Cohort,
    name: str,
    start_date: dt.date,
    end_date: dt.date | None,
    trainers: Iterable[User],
) -> Cohort:
    """Rename, re-date or change the trainers of a class (its course and centre stay)."""
    require_staff(actor, cohort.centre_id)
    trainers = _checked_trainers(cohort.centre, trainers)
    _checked_dates(start_date, end_date)
    name = " ".join((name or "").split())
    if not name:
        raise CentreError(_("Give the class a name."), code="name")
    with transaction.atomic():
        cohort.name, cohort.start_date, cohort.end_date = name[:200], start_date, end_date
        cohort.save(update_fields=["name", "start_date", "end_date"])
        cohort.trainers.set(trainers)
        log(instance=cohort, action="lms.cohort.update", user=actor)
    return cohort


@dataclass(frozen=True)
class MembershipResult:
    membership: CohortMembership
    created: bool


def member_add(
    *, cohort: Cohort, user: User, added_by: User, source: str
) -> tuple[CohortMembership, bool]:
    """Add `user` to the class and enrol them in its course, both or neither."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                membership, created = CohortMembership.objects.get_or_create(
                    cohort=cohort, user=user, defaults={"added_by": added_by, "source": source}
                )
        except IntegrityError:
            membership, created = CohortMembership.objects.get(cohort=cohort, user=user), False
        try:
            enrollment_create(user=user, course=cohort.course)
        except LearningError as error:
            raise CentreError(
                _("%(name)s could not be enrolled: %(reason)s")
                % {"name": user.display_name or user.username, "reason": error.message},
                code=f"enrolment_{error.code}",
            ) from error
        if created:
            log(
                instance=cohort,
                action="lms.cohort.member_add",
                user=added_by,
                data={"learner": user.pk, "source": source},
            )
    return membership, created


def cohort_member_add(
    *, actor: User, cohort: Cohort, user: User, source: str = MembershipSource.STAFF
) -> MembershipResult:
    """Add an existing learner the actor may see to a class, enrolling them in its course.

    Adding someone twice changes nothing (created=False).
    """
    require_staff(actor, cohort.centre_id)
    if not scoping.learners_visible_to(actor).filter(pk=user.pk).exists():
        raise CentreError(_("This person is not one of your centre's learners."), code="scope")
    membership, created = member_add(cohort=cohort, user=user, added_by=actor, source=source)
    return MembershipResult(membership, created)


def cohort_member_remove(*, actor: User, cohort: Cohort, user: User) -> bool:
    """Take a learner out of a class. Their enrolment, progress and attendance stay."""
    require_staff(actor, cohort.centre_id)
    with transaction.atomic():
        deleted, _rows = CohortMembership.objects.filter(cohort=cohort, user=user).delete()
        if deleted:
            log(
                instance=cohort,
                action="lms.cohort.member_remove",
                user=actor,
                data={"learner": user.pk},
            )
    return bool(deleted)


# --- Sessions -------------------------------------------------------------------------


def _checked_session_fields(
    cohort: Cohort, date: dt.date, start_time: dt.time, end_time: dt.time
) -> None:
    if end_time <= start_time:
        raise CentreError(_("A session must end after it starts."), code="times")
    if date < cohort.start_date or (cohort.end_date and date > cohort.end_date):
        raise CentreError(_("The session date is outside the dates of the class."), code="date")


def cohort_session_create(
    *,
    actor: User,
    cohort: Cohort,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    place: str = "",
    topic: str = "",
) -> CohortSession:
    require_staff(actor, cohort.centre_id)
    _checked_session_fields(cohort, date, start_time, end_time)
    with transaction.atomic():
        session = CohortSession.objects.create(
            cohort=cohort,
            date=date,
            start_time=start_time,
            end_time=end_time,
            place=place.strip()[:200],
            topic=topic.strip()[:200],
        )
        log(
            instance=cohort,
            action="lms.cohort.session_create",
            user=actor,
            data={"session": session.pk},
        )
    return session


def cohort_session_update(
    *,
    actor: User,
    session: CohortSession,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    place: str = "",
    topic: str = "",
) -> CohortSession:
    require_staff(actor, session.cohort.centre_id)
    _checked_session_fields(session.cohort, date, start_time, end_time)
    with transaction.atomic():
        session.date, session.start_time, session.end_time = date, start_time, end_time
        session.place, session.topic = place.strip()[:200], topic.strip()[:200]
        session.save()
        log(
            instance=session.cohort,
            action="lms.cohort.session_update",
            user=actor,
            data={"session": session.pk},
        )
    return session


def cohort_session_delete(*, actor: User, session: CohortSession) -> None:
    """Delete a session that has no attendance yet (recorded attendance is a record)."""
    require_staff(actor, session.cohort.centre_id)
    if session.attendance.exists():
        raise CentreError(
            _("Attendance has been taken for this session, so it cannot be deleted."),
            code="has_attendance",
        )
    with transaction.atomic():
        cohort = session.cohort
        data = {"session": session.pk, "date": session.date.isoformat()}
        session.delete()
        log(instance=cohort, action="lms.cohort.session_delete", user=actor, data=data)


# --- Attendance --------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceResult:
    changed: int
    completed: int


def _check_completions(*, session: CohortSession, user_ids: Iterable[int]) -> int:
    """Completion may now be met for these learners (courses with a minimum only)."""
    if not session.cohort.course.min_attendance_percent:
        return 0
    completed = 0
    for enrollment in Enrollment.objects.filter(
        course_id=session.cohort.course_id,
        user_id__in=list(user_ids),
        completed_at__isnull=True,
        left_at__isnull=True,
    ):
        completed += enrollment_completion_check(enrollment=enrollment)
    return completed


def attendance_record(
    *, actor: User, session: CohortSession, marks: Mapping[int, str]
) -> AttendanceResult:
    """Save present / absent / excused for members of the session's class.

    `marks` maps learner ids to a status; learners not in the class are refused.
    Saving the same marks again changes nothing.
    """
    cohort = session.cohort
    require_staff(actor, cohort.centre_id)
    valid = set(AttendanceStatus.values)
    if any(status not in valid for status in marks.values()):
        raise CentreError(_("Choose present, absent or excused."), code="status")
    member_ids = set(
        CohortMembership.objects.filter(cohort=cohort, user_id__in=list(marks)).values_list(
            "user_id", flat=True
        )
    )
    strangers = set(marks) - member_ids
    if strangers:
        raise CentreError(_("Some of these people are not in this class."), code="not_member")
    now = timezone.now()
    with transaction.atomic():
        existing = {
            row.user_id: row
            for row in Attendance.objects.select_for_update().filter(
                session=session, user_id__in=list(marks)
            )
        }
        to_create, to_update = [], []
        for user_id, status in marks.items():
            row = existing.get(user_id)
            if row is None:
                to_create.append(
                    Attendance(
                        session=session,
                        user_id=user_id,
                        status=status,
                        recorded_by=actor,
                        recorded_at=now,
                        recorded_via=AttendanceSource.STAFF,
                    )
                )
            elif row.status != status:
                row.status, row.recorded_by, row.recorded_at = status, actor, now
                row.recorded_via = AttendanceSource.STAFF
                to_update.append(row)
        # An upsert: a learner's QR check-in may land between our read and this write;
        # the unique constraint keeps one row, and the staff member's mark wins.
        Attendance.objects.bulk_create(
            to_create,
            update_conflicts=True,
            unique_fields=["session", "user"],
            update_fields=["status", "recorded_by", "recorded_at", "recorded_via"],
        )
        Attendance.objects.bulk_update(
            to_update, ["status", "recorded_by", "recorded_at", "recorded_via"]
        )
        figures_rows_written(model=Attendance, pks=[row.pk for row in to_create + to_update])
        changed = len(to_create) + len(to_update)
        completed = 0
        if changed:
            counts = dict.fromkeys(valid, 0)
            for status in marks.values():
                counts[status] += 1
            log(
                instance=cohort,
                action="lms.attendance.record",
                user=actor,
                data={"session": session.pk, "changed": changed, **counts},
            )
            # Present raises the share; excused takes the session out of the count.
            raised = [
                r.user_id
                for r in [*to_create, *to_update]
                if r.status in (AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED)
            ]
            completed = _check_completions(session=session, user_ids=raised)
    return AttendanceResult(changed=changed, completed=completed)


@dataclass(frozen=True)
class CheckinResult:
    attendance: Attendance
    marked: bool  # False when they were already marked present


def attendance_checkin(
    *, user: User, session: CohortSession, now: dt.datetime | None = None
) -> CheckinResult:
    """A learner marks themself present by scanning the session's QR code.

    Only members of the class, only while the session runs; scanning twice
    changes nothing (marked=False).
    """
    if not CohortMembership.objects.filter(cohort_id=session.cohort_id, user=user).exists():
        raise CentreError(
            _("You are not on the list of this class. Ask the trainer to add you."),
            code="not_member",
        )
    if not checkin_is_open(session, now):
        raise CentreError(_("This check-in code works only during the session."), code="closed")
    now = now or timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                attendance, created = Attendance.objects.get_or_create(
                    session=session,
                    user=user,
                    defaults={
                        "status": AttendanceStatus.PRESENT,
                        "recorded_via": AttendanceSource.QR,
                        "recorded_by": user,
                        "recorded_at": now,
                    },
                )
        except IntegrityError:
            attendance, created = Attendance.objects.get(session=session, user=user), False
        marked = created
        if not created and attendance.status != AttendanceStatus.PRESENT:
            # Marked absent before they arrived: the scan is the better evidence.
            updated = Attendance.objects.filter(pk=attendance.pk, status=attendance.status).update(
                status=AttendanceStatus.PRESENT,
                recorded_via=AttendanceSource.QR,
                recorded_by=user,
                recorded_at=now,
            )
            attendance.refresh_from_db()
            figures_rows_written(model=Attendance, pks=[attendance.pk])
            marked = bool(updated)
        if marked:
            log(
                instance=session.cohort,
                action="lms.attendance.checkin",
                user=user,
                data={"session": session.pk},
            )
            _check_completions(session=session, user_ids=[user.pk])
    return CheckinResult(attendance=attendance, marked=marked)
