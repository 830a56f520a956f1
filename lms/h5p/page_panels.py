"""What activities add to the lesson page (registered in wagtail_hooks.py)."""

from django.http import HttpRequest

from curricula.models import LessonPage
from lms.core.panels import Panel

from .selectors import lesson_has_activity, lesson_results_for


def lesson_activity_results(
    *, request: HttpRequest, page: LessonPage, context: dict
) -> Panel | None:
    """The learner's results in the lesson's activities, and the token the lesson's script
    posts new results with (the lesson body is cached for everyone, so it has none)."""
    progress = context.get("progress")
    if not getattr(progress, "is_enrolled", False) or not lesson_has_activity(lesson=page):
        return None
    return Panel(
        "h5p/includes/lesson_h5p_panel.html",
        {"results": lesson_results_for(user=request.user, lesson=page)},
    )
