"""What assignments add to completion (registered with lms.learning.requirements in `register()`)."""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lms.learning.models import Enrollment
from lms.learning.outline import outlines_depend_on
from lms.learning.requirements import (
    LessonRequirement,
    Unmet,
    register_course_check,
    register_lesson_requirement,
)

from .models import Assignment, Submission, SubmissionStatus


def lessons_with_assignment(lesson_ids: Iterable[int]) -> dict[int, str]:
    """Lessons finished by an accepted assignment, in one query for any number of lessons."""
    lesson_ids = list(lesson_ids)
    if not lesson_ids:
        return {}
    found = Assignment.objects.filter(lesson_id__in=lesson_ids).values_list("lesson_id", flat=True)
    return dict.fromkeys(found, LessonRequirement.ASSIGNMENT)


def course_assignments_passed(enrollment: Enrollment) -> list[Unmet]:
    """Course-level assignments the learner has not had passed yet (one query)."""
    passed = Submission.objects.filter(
        user_id=enrollment.user_id, status=SubmissionStatus.PASSED
    ).values("assignment_id")
    missing = Assignment.objects.filter(course_id=enrollment.course_id).exclude(pk__in=passed)
    return [
        Unmet(
            "assignment",
            _("Hand in “%(title)s” and have it passed by a trainer") % {"title": a.title},
            reverse("assignments:detail", args=[a.pk]),
        )
        for a in missing.only("id", "title")
    ]


def register() -> None:
    """Called from AssignmentsConfig.ready()."""
    # Which lessons have a assignment is part of the cached course outlines.
    outlines_depend_on(Assignment)
    # After quizzes: a lesson with both is finished by its accepted assignment.
    register_lesson_requirement(lessons_with_assignment, order=20)
    register_course_check(course_assignments_passed, order=40)
