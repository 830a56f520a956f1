"""Writes of the centre staff: classes, members, sessions, attendance, early-childhood
sessions and temporary passwords.

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

from curricula.models import ActivityPage, CoursePage
from curricula.selectors import canonical_page
from lms.learning.models import Enrollment
from lms.learning.services import LearningError, enrollment_completion_check, enrollment_create
from lms.users.models import User

from . import scoping
from .checkin import checkin_is_open
from .models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Centre,
    Cohort,
    CohortMembership,
    CohortSession,
    EarlyChildhoodSession,
    MembershipSource,
    StaffRole,
)
from .passwords import temporary_password_generate

MAX_CHILDREN_PER_AGE = 200
MAX_ADULTS = 500


class CentreError(Exception):
    """A refused staff action; `message` is shown to the person as it is."""

    def __init__(self, message: str, *, code: str = "refused"):
        super().__init__(message)
        self.message = message
        self.code = code


def _require_staff(actor: User, centre_id: int) -> None:
    if not scoping.can_work_at(actor, centre_id):
        raise CentreError(_("You do not work at this centre."), code="forbidden")


def _require_admin(actor: User, centre_id: int) -> None:
    if not scoping.can_administer(actor, centre_id):
        raise CentreError(_("Only the centre's admins can do this."), code="forbidden")


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
    _require_staff(actor, centre.pk)
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
    _require_staff(actor, cohort.centre_id)
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


def _member_add(
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
    _require_staff(actor, cohort.centre_id)
    if not scoping.learners_visible_to(actor).filter(pk=user.pk).exists():
        raise CentreError(_("This person is not one of your centre's learners."), code="scope")
    membership, created = _member_add(cohort=cohort, user=user, added_by=actor, source=source)
    return MembershipResult(membership, created)


def cohort_member_remove(*, actor: User, cohort: Cohort, user: User) -> bool:
    """Take a learner out of a class. Their enrolment, progress and attendance stay."""
    _require_staff(actor, cohort.centre_id)
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


def cohort_certificates_issue(*, actor: User, cohort: Cohort):
    """Issue certificates to the members of a class who completed its course.

    Starts a certificate batch over every member: those who qualify get a
    certificate, the others are listed with the reason (the batch page shows both).
    """
    from lms.certificates.batches import certificate_batch_create
    from lms.certificates.services import CertificateError

    _require_admin(actor, cohort.centre_id)
    members = [membership.user for membership in cohort.memberships.select_related("user")]
    if not members:
        raise CentreError(_("This class has no members yet."), code="empty")
    try:
        return certificate_batch_create(
            actor=actor,
            course=cohort.course,
            learners=members,
            reason=_("Class “%(name)s”") % {"name": cohort.name},
        )
    except CertificateError as error:
        raise CentreError(error.message, code=error.code) from error


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
    _require_staff(actor, cohort.centre_id)
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
    _require_staff(actor, session.cohort.centre_id)
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
    _require_staff(actor, session.cohort.centre_id)
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
    _require_staff(actor, cohort.centre_id)
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


# --- Early-childhood sessions ---------------------------------------------------------------


@dataclass
class ChildCounts:
    age_3: int = 0
    age_4: int = 0
    age_5: int = 0
    age_6: int = 0
    adults: int = 0

    @property
    def children(self) -> int:
        return self.age_3 + self.age_4 + self.age_5 + self.age_6


def _checked_counts(counts: ChildCounts) -> None:
    for value in (counts.age_3, counts.age_4, counts.age_5, counts.age_6):
        if value < 0 or value > MAX_CHILDREN_PER_AGE:
            raise CentreError(
                _("Enter between 0 and %(max)s children for each age.")
                % {"max": MAX_CHILDREN_PER_AGE},
                code="counts",
            )
    if counts.adults < 0 or counts.adults > MAX_ADULTS:
        raise CentreError(
            _("Enter between 0 and %(max)s adults.") % {"max": MAX_ADULTS}, code="counts"
        )
    if counts.children == 0:
        raise CentreError(_("Enter how many children took part."), code="no_children")


def _checked_activity(activity: ActivityPage) -> ActivityPage:
    activity = canonical_page(activity).specific
    if not isinstance(activity, ActivityPage):
        raise CentreError(_("Choose an activity plan."), code="not_an_activity")
    return activity


def _checked_date(date: dt.date) -> None:
    if date > timezone.localdate():
        raise CentreError(_("The date cannot be in the future."), code="future")
    if date.year < 2020:
        raise CentreError(_("Check the date: it is too long ago."), code="past")


def early_childhood_session_create(
    *,
    actor: User,
    centre: Centre,
    activity: ActivityPage,
    date: dt.date,
    counts: ChildCounts,
    notes: str = "",
) -> EarlyChildhoodSession:
    """Record that an activity plan was run with children at a centre (no child names)."""
    _require_staff(actor, centre.pk)
    activity = _checked_activity(activity)
    _checked_date(date)
    _checked_counts(counts)
    with transaction.atomic():
        record = EarlyChildhoodSession.objects.create(
            activity=activity,
            centre=centre,
            date=date,
            children_age_3=counts.age_3,
            children_age_4=counts.age_4,
            children_age_5=counts.age_5,
            children_age_6=counts.age_6,
            adults=counts.adults,
            notes=(notes or "").strip()[:2000],
            recorded_by=actor,
        )
        log(instance=record, action="lms.early_childhood.create", user=actor)
    return record


def early_childhood_session_update(
    *,
    actor: User,
    record: EarlyChildhoodSession,
    activity: ActivityPage,
    date: dt.date,
    counts: ChildCounts,
    notes: str = "",
) -> EarlyChildhoodSession:
    _require_staff(actor, record.centre_id)
    activity = _checked_activity(activity)
    _checked_date(date)
    _checked_counts(counts)
    with transaction.atomic():
        record.activity, record.date = activity, date
        record.children_age_3, record.children_age_4 = counts.age_3, counts.age_4
        record.children_age_5, record.children_age_6 = counts.age_5, counts.age_6
        record.adults, record.notes = counts.adults, (notes or "").strip()[:2000]
        record.save()
        log(instance=record, action="lms.early_childhood.update", user=actor)
    return record


def early_childhood_session_delete(*, actor: User, record: EarlyChildhoodSession) -> None:
    _require_staff(actor, record.centre_id)
    with transaction.atomic():
        log(instance=record, action="lms.early_childhood.delete", user=actor)
        record.delete()


# --- Passwords ------------------------------------------------------------------------------


def learner_password_reset(*, actor: User, learner: User) -> str:
    """Give a learner without e-mail a temporary password, returned once to show the staff member.

    Only for plain learners the actor may see (never staff or admins); the learner
    must choose a new password at the next login.
    """
    if not scoping.is_staff_member(actor):
        raise CentreError(_("Only centre staff can do this."), code="forbidden")
    if not scoping.learners_visible_to(actor).filter(pk=learner.pk).exists():
        raise CentreError(_("This person is not one of your centre's learners."), code="scope")
    if learner.pk == actor.pk or not scoping.is_plain_learner(learner):
        raise CentreError(
            _("Staff accounts reset their password themselves or with a national admin."),
            code="staff_account",
        )
    if not learner.is_active:
        raise CentreError(_("This account is closed."), code="inactive")
    password = temporary_password_generate()
    with transaction.atomic():
        learner = User.objects.select_for_update().get(pk=learner.pk)
        learner.set_password(password)
        learner.must_change_password = True
        learner.save(update_fields=["password", "must_change_password"])
        log(instance=learner, action="lms.user.password_reset_by_staff", user=actor)
    return password
