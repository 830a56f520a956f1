"""What a learner must do to finish a lesson and a course.

A lesson is finished by the learner pressing "mark as done", unless something
else decides it: a quiz that must be passed, an assignment that must be
accepted. A course is complete when every check in COURSE_CHECKS is satisfied.
Apps that add requirements register them in the two lists at the bottom, so this
file is the one place that says what completion means.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Enrollment


class LessonRequirement:
    MANUAL = "manual"
    QUIZ = "quiz"
    ASSIGNMENT = "assignment"


LESSON_REQUIREMENT_LABELS = {
    LessonRequirement.MANUAL: _("Mark as done when you have finished"),
    LessonRequirement.QUIZ: _("This lesson needs its quiz passed"),
    LessonRequirement.ASSIGNMENT: _("This lesson needs its assignment accepted by a trainer"),
}


@dataclass(frozen=True)
class Unmet:
    """One thing still standing between a learner and a completed course."""

    code: str
    message: str
    url: str | None = None


def required_lessons_done(enrollment: Enrollment) -> list[Unmet]:
    from curricula.selectors import course_lessons

    required = course_lessons(enrollment.course).filter(is_optional=False)
    missing = required.exclude(
        pk__in=enrollment.progress.filter(completed_at__isnull=False).values("lesson_id")
    )
    return [
        Unmet("lesson", _("Finish the lesson “%(title)s”") % {"title": lesson.title}, lesson.url)
        for lesson in missing.only("id", "title", "url_path")
    ]


def lessons_with_quiz(lesson_ids: Iterable[int]) -> dict[int, str]:
    from assessments.requirements import lessons_with_quiz

    return lessons_with_quiz(lesson_ids)


def final_quiz_passed(enrollment: Enrollment) -> list[Unmet]:
    from assessments.requirements import final_quiz_passed

    return final_quiz_passed(enrollment)


# lesson ids → requirement kind, for every lesson id given (one query per provider).
LessonRequirementProvider = Callable[[Iterable[int]], dict[int, str]]
LESSON_REQUIREMENT_PROVIDERS: list[LessonRequirementProvider] = [lessons_with_quiz]


def attendance_share_met(enrollment: Enrollment) -> list[Unmet]:
    """Blended courses: the minimum share of class sessions attended (lms.centres)."""
    from lms.classes.attendance import attendance_unmet

    return attendance_unmet(enrollment)


CourseCheck = Callable[[Enrollment], list[Unmet]]
COURSE_CHECKS: list[CourseCheck] = [required_lessons_done, final_quiz_passed, attendance_share_met]


def lesson_requirements(lesson_ids: Iterable[int]) -> dict[int, str]:
    lesson_ids = list(lesson_ids)
    kinds = dict.fromkeys(lesson_ids, LessonRequirement.MANUAL)
    for provider in LESSON_REQUIREMENT_PROVIDERS:
        kinds.update(provider(lesson_ids))
    return kinds


def lesson_requirement(lesson_id: int) -> str:
    return lesson_requirements([lesson_id])[lesson_id]


def course_unmet(enrollment: Enrollment) -> list[Unmet]:
    unmet: list[Unmet] = []
    for check in COURSE_CHECKS:
        unmet.extend(check(enrollment))
    return unmet


# --- Practical assignments (lms.assignments) -------------------------------------------


def lessons_with_assignment(lesson_ids: Iterable[int]) -> dict[int, str]:
    from lms.assignments.requirements import lessons_with_assignment

    return lessons_with_assignment(lesson_ids)


def course_assignments_passed(enrollment: Enrollment) -> list[Unmet]:
    from lms.assignments.requirements import course_assignments_passed

    return course_assignments_passed(enrollment)


LESSON_REQUIREMENT_PROVIDERS.append(lessons_with_assignment)
COURSE_CHECKS.append(course_assignments_passed)
