"""The package's player on its lesson page and the results on the course page."""

from django.http import HttpRequest

from curricula.models import CoursePage, LessonPage
from lms.core.panels import Panel

from .selectors import (
    course_package_results,
    package_for_lesson,
    package_result,
    player_config,
    toc_entries,
)


def lesson_player(*, request: HttpRequest, page: LessonPage, context: dict) -> Panel | None:
    """The package playing in the lesson, for an enrolled learner whose lesson is open.

    Asked on every lesson page, not only where the outline says there is work: a package
    the trainer lets the learner mark done by hand is read and played all the same.
    """
    if context.get("is_locked"):
        return None
    progress = context.get("progress")
    if not request.user.is_authenticated or (progress is not None and not progress.is_enrolled):
        return None
    package = package_for_lesson(lesson=page)
    if package is None:
        return None
    config = player_config(package=package, user=request.user)
    return Panel(
        "packages/includes/lesson_player.html",
        {
            "package": package,
            "player": config,
            "toc": toc_entries(package=package, config=config),
            "result": package_result(package=package, user=request.user),
        },
    )


def course_results(*, request: HttpRequest, page: CoursePage, context: dict) -> Panel | None:
    """The learner's result in each package of the course, under the list of lessons."""
    results = course_package_results(user=request.user, course=page)
    if not any(result.started for result in results):
        return None
    return Panel("packages/includes/course_results.html", {"package_results": results})
