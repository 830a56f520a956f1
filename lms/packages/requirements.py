"""A lesson whose package decides it cannot be marked done by hand (see lms.learning)."""

from collections.abc import Iterable

from lms.learning.requirements import LessonRequirement, register_lesson_requirement

from .models import ScormPackage


def lessons_with_package(lesson_ids: Iterable[int]) -> dict[int, str]:
    decided = ScormPackage.objects.filter(lesson_id__in=list(lesson_ids), completes_lesson=True)
    return dict.fromkeys(decided.values_list("lesson_id", flat=True), LessonRequirement.PACKAGE)


def register() -> None:
    """Called from PackagesConfig.ready()."""
    register_lesson_requirement(lessons_with_package, order=50)
