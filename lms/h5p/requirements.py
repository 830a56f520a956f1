"""What activities add to completion (registered with lms.learning.requirements)."""

from collections.abc import Iterable

from lms.learning.requirements import LessonRequirement, register_lesson_requirement

from .selectors import lessons_finished_by_activity


def lessons_with_activity(lesson_ids: Iterable[int]) -> dict[int, str]:
    """Lessons whose H5P block finishes them: the learner cannot mark them done."""
    return dict.fromkeys(lessons_finished_by_activity(lesson_ids), LessonRequirement.ACTIVITY)


def register() -> None:
    """Called from H5PConfig.ready()."""
    # Before quizzes and assignments: a lesson with one of those as well is finished by it.
    register_lesson_requirement(lessons_with_activity, order=5)
