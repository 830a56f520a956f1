"""Writes to learner records: enrol, leave, visit, complete.

Every function is idempotent: a double click, two tabs or a retried request
leaves the same records as a single call. Course completion is decided here, at
the moment the last requirement is met, and announced from one place:
`enrollment_completion_check`.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page
from lms.core.errors import ServiceError
from lms.core.figures import figures_rows_written
from lms.users.models import User

from .models import CompletionSource, Enrollment, LessonProgress
from .requirements import (
    LESSON_REQUIREMENT_LABELS,
    LessonRequirement,
    course_unmet,
    lesson_requirement,
)
from .selectors import active_enrollment, lesson_is_open
from .signals import course_completed, lesson_completed, lesson_launched

logger = logging.getLogger(__name__)


class LearningError(ServiceError):
    """A refused learner action; `message` is shown to the learner as it is."""


@dataclass(frozen=True)
class EnrollmentResult:
    enrollment: Enrollment
    created: bool


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(pk=lesson.get_parent().pk)


def enrollment_window_error(*, course: CoursePage) -> LearningError | None:
    """Why nobody can enrol in `course` right now, or None when enrolment is open."""
    now = timezone.now()
    if not course.live:
        return LearningError(_("This course is not open for enrolment."), code="not_live")
    if course.enrolment_opens_at and now < course.enrolment_opens_at:
        return LearningError(_("Enrolment for this course has not opened yet."), code="not_open")
    if course.enrolment_closes_at and now >= course.enrolment_closes_at:
        return LearningError(_("Enrolment for this course has closed."), code="closed")
    return None


def enrollment_check_open(*, user: User, course: CoursePage) -> None:
    """Raise LearningError naming why `user` cannot enrol in `course` now."""
    error = enrollment_window_error(course=course)
    if error is not None:
        raise error
    prerequisites = list(course.prerequisites.all())
    if prerequisites:
        done = set(
            Enrollment.objects.filter(
                user=user, course__in=prerequisites, completed_at__isnull=False
            ).values_list("course_id", flat=True)
        )
        missing = [p.title for p in prerequisites if p.pk not in done]
        if missing:
            raise LearningError(
                _("Complete these courses first: %(courses)s") % {"courses": ", ".join(missing)},
                code="prerequisites",
            )


def enrollment_create(*, user: User, course: CoursePage) -> EnrollmentResult:
    """Enrol `user` in `course`, or re-activate an enrolment they left.

    Enrolling twice returns the existing enrolment with created=False.
    """
    course = canonical_page(course).specific
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing is not None and existing.is_active:
        return EnrollmentResult(existing, created=False)
    enrollment_check_open(user=user, course=course)
    with transaction.atomic():
        try:
            with transaction.atomic():
                enrollment, created = Enrollment.objects.get_or_create(user=user, course=course)
        except IntegrityError:
            # A concurrent request enrolled first; theirs is ours.
            enrollment, created = Enrollment.objects.get(user=user, course=course), False
        if enrollment.left_at is not None:
            enrollment.left_at = None
            enrollment.save(update_fields=["left_at"])
            created = True
        if created:
            log(instance=enrollment, action="lms.enrollment.create", user=user)
    return EnrollmentResult(enrollment, created=created)


def enrollment_leave(*, user: User, course: CoursePage) -> Enrollment:
    """Leave a course. Progress is kept, so enrolling again resumes where they were."""
    course = canonical_page(course).specific
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().filter(user=user, course=course).first()
        if enrollment is None or not enrollment.is_active:
            raise LearningError(_("You are not enrolled in this course."), code="not_enrolled")
        if enrollment.is_completed:
            raise LearningError(
                _("You have completed this course; it stays in your record."), code="completed"
            )
        enrollment.left_at = timezone.now()
        enrollment.save(update_fields=["left_at"])
        log(instance=enrollment, action="lms.enrollment.leave", user=user)
    return enrollment


def _active_enrollment(user: User, course: CoursePage, *, lock: bool = False) -> Enrollment:
    enrollment = active_enrollment(user=user, course=course, lock=lock)
    if enrollment is None:
        raise LearningError(_("Enrol in the course first."), code="not_enrolled")
    return enrollment


# Visits closer together than this are one visit: reloading a lesson writes nothing.
VISIT_RESOLUTION = dt.timedelta(minutes=1)


def lesson_visit(*, user: User, lesson: LessonPage) -> LessonProgress | None:
    """Record that `user` opened `lesson`. Returns None when they are not enrolled."""
    lesson = canonical_page(lesson).specific
    # The course is the lesson's parent: found by path in the same query.
    enrollment = Enrollment.objects.filter(
        user=user, course__path=lesson.path[: -lesson.steplen], left_at__isnull=True
    ).first()
    if enrollment is None:
        return None
    now = timezone.now()
    # A revisit (the usual case) is one read without BEGIN and COMMIT; only the first
    # visit opens a transaction, so that the row and its announcement commit together.
    # get_or_create creates in its own savepoint and reads again if a second tab
    # created the row in between.
    progress = LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).first()
    created = False
    if progress is None:
        with transaction.atomic():
            progress, created = LessonProgress.objects.get_or_create(
                enrollment=enrollment,
                lesson=lesson,
                defaults={"user": user, "first_visited_at": now, "last_visited_at": now},
            )
            if created:
                progress.enrollment = enrollment
                lesson_launched.send(sender=LessonProgress, progress=progress)
    progress.enrollment = enrollment  # the caller may show the course's progress next
    if not created:
        if progress.last_visited_at and now - progress.last_visited_at < VISIT_RESOLUTION:
            return progress  # a reload a moment later changes nothing worth a write
        LessonProgress.objects.filter(pk=progress.pk).update(last_visited_at=now)
        if progress.first_visited_at is None:
            LessonProgress.objects.filter(pk=progress.pk, first_visited_at__isnull=True).update(
                first_visited_at=now
            )
        progress.last_visited_at = now
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
    return progress


def lesson_complete(
    *, user: User, lesson: LessonPage, via: str = CompletionSource.LEARNER
) -> LessonProgress:
    """Mark a lesson done and complete the course if that was the last requirement.

    A learner cannot mark a lesson done whose completion belongs to a quiz or an
    assignment; those call this with `via` set. Repeating the call changes nothing.
    """
    lesson = canonical_page(lesson).specific
    course = _course_of(lesson)
    with transaction.atomic():
        # Serialise all progress writes of one enrolment: two tabs finishing the last
        # two lessons at once must still see each other's work and complete once.
        enrollment = _active_enrollment(user, course, lock=True)
        if via == CompletionSource.LEARNER:
            requirement = lesson_requirement(lesson.pk)
            if requirement != LessonRequirement.MANUAL:
                raise LearningError(str(LESSON_REQUIREMENT_LABELS[requirement]), code=requirement)
            if not lesson_is_open(enrollment=enrollment, lesson=lesson):
                raise LearningError(_("Finish the lessons before this one first."), code="locked")
        now = timezone.now()
        progress, created = LessonProgress.objects.get_or_create(
            enrollment=enrollment,
            lesson=lesson,
            defaults={"user": user, "first_visited_at": now, "last_visited_at": now},
        )
        progress.enrollment = enrollment
        if created:
            lesson_launched.send(sender=LessonProgress, progress=progress)
        if progress.completed_at is None:
            progress.completed_at = now
            progress.completed_via = via
            progress.first_visited_at = progress.first_visited_at or now
            progress.last_visited_at = now
            progress.save(
                update_fields=[
                    "completed_at",
                    "completed_via",
                    "first_visited_at",
                    "last_visited_at",
                ]
            )
            Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
            lesson_completed.send(sender=LessonProgress, progress=progress)
            enrollment_completion_check(enrollment=enrollment)
    return progress


def enrollment_completion_check(*, enrollment: Enrollment) -> bool:
    """Complete the enrolment if every requirement is now met. True when it completed now.

    The single place where a course becomes complete: called whenever something
    that can satisfy a requirement happens (a lesson done, a quiz passed, an
    assignment accepted, attendance recorded). Completion is recorded once, with
    its time, by a conditional update, and announced in the same transaction.
    """
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update()
            .select_related("course", "user")
            .get(pk=enrollment.pk)
        )
        if enrollment.completed_at is not None or enrollment.left_at is not None:
            return False
        if course_unmet(enrollment):
            return False
        now = timezone.now()
        updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(
            completed_at=now
        )
        if not updated:
            return False
        enrollment.completed_at = now
        figures_rows_written(model=Enrollment, pks=[enrollment.pk])
        log(instance=enrollment, action="lms.enrollment.complete", user=enrollment.user)
        _announce_completion(enrollment)
    return True


def _announce_completion(enrollment: Enrollment) -> None:
    """Everything that follows a completed course, inside the completing transaction:
    the receivers of `course_completed` (certificates issue the course's certificate)."""
    logger.info("Course %s completed by user %s", enrollment.course_id, enrollment.user_id)
    course_completed.send(sender=Enrollment, enrollment=enrollment)
