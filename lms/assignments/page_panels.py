"""What assignments add to the lesson page and the learner's dashboard
(registered in wagtail_hooks.py)."""

from django.http import HttpRequest

from curricula.models import LessonPage
from lms.core.panels import Panel

from .selectors import assignment_notices_for, lesson_assignment_panel


def lesson_assignment(*, request: HttpRequest, page: LessonPage, context: dict) -> Panel | None:
    """The lesson's assignment and the learner's work on it, in the lesson's status box."""
    if not context.get("may_have_work", True):
        return None
    panel = lesson_assignment_panel(user=request.user, lesson=page)
    if panel is None:
        return None
    return Panel("assignments/includes/lesson_assignment_panel.html", {"panel": panel})


def dashboard_notices(*, request: HttpRequest) -> Panel:
    """News of handed-in work at the top of My learning (renders nothing when none)."""
    return Panel(
        "assignments/includes/dashboard_notices.html",
        {"notices": assignment_notices_for(user=request.user)},
    )
