"""What a learner must do to finish a lesson and a course.

A lesson is finished by the learner pressing "mark as done", unless something
else decides it: a quiz that must be passed, an assignment that must be
accepted. A course is complete when every registered course check finds nothing
unmet. Learning itself knows only its own check (every required lesson done);
the apps above it register theirs, so completion never has to import them.

How an app adds a requirement, in its `AppConfig.ready()`:

    from lms.learning.requirements import register_course_check, register_lesson_requirement

    register_lesson_requirement(lessons_with_recording, order=30)
    register_course_check(recordings_approved, order=50)

- a lesson requirement provider takes lesson ids and returns {lesson id: kind} for the
  lessons it decides (one query for any number of lessons); a learner can no longer
  mark those lessons done, and the app calls `lesson_complete(..., via=...)` itself
  when its condition is met. Add the kind's label to LESSON_REQUIREMENT_LABELS.
- a course check takes an Enrollment and returns a list of `Unmet`, empty when met; the
  app calls `enrollment_completion_check()` whenever its condition may have become met.

`order` places the check among the others (the learner sees the unmet items in that
order; a later lesson provider wins for a lesson two providers decide). Taken today:
lessons 0, activities 5, quizzes 10/20, attendance 30, assignments 20/40, SCORM packages 50.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from curricula.selectors import course_lessons
from lms.core.registry import Registry

from .models import Enrollment


class LessonRequirement:
    MANUAL = "manual"
    QUIZ = "quiz"
    ASSIGNMENT = "assignment"
    PACKAGE = "package"
    ACTIVITY = "activity"


LESSON_REQUIREMENT_LABELS = {
    LessonRequirement.MANUAL: _("Mark as done when you have finished"),
    LessonRequirement.QUIZ: _("This lesson needs its quiz passed"),
    LessonRequirement.ASSIGNMENT: _("This lesson needs its assignment accepted by a trainer"),
    LessonRequirement.PACKAGE: _("This lesson is done when you finish its interactive lesson"),
    LessonRequirement.ACTIVITY: _("This lesson is finished when you complete its activity"),
}


@dataclass(frozen=True)
class Unmet:
    """One thing still standing between a learner and a completed course."""

    code: str
    message: str
    url: str | None = None


# lesson ids → requirement kind, for every lesson id given (one query per provider).
LessonRequirementProvider = Callable[[Iterable[int]], dict[int, str]]
CourseCheck = Callable[[Enrollment], list[Unmet]]

LESSON_REQUIREMENT_PROVIDERS: Registry[LessonRequirementProvider] = Registry(
    "lesson requirement providers"
)
COURSE_CHECKS: Registry[CourseCheck] = Registry("course checks")


def register_lesson_requirement(
    provider: LessonRequirementProvider, *, order: int = 0
) -> LessonRequirementProvider:
    """Let `provider` decide how some lessons are finished (see the module's docstring)."""
    return LESSON_REQUIREMENT_PROVIDERS.register(provider, order=order)


def register_course_check(check: CourseCheck, *, order: int = 0) -> CourseCheck:
    """Add `check` to what a course needs to be complete (see the module's docstring)."""
    return COURSE_CHECKS.register(check, order=order)


def required_lessons_done(enrollment: Enrollment) -> list[Unmet]:
    required = course_lessons(enrollment.course).filter(is_optional=False)
    missing = required.exclude(
        pk__in=enrollment.progress.filter(completed_at__isnull=False).values("lesson_id")
    )
    return [
        Unmet("lesson", _("Finish the lesson “%(title)s”") % {"title": lesson.title}, lesson.url)
        for lesson in missing.only("id", "title", "url_path")
    ]


register_course_check(required_lessons_done, order=0)


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
