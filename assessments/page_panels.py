"""The quiz panels of the lesson and course pages (registered in wagtail_hooks.py)."""

from django.http import HttpRequest

from curricula.models import CoursePage, LessonPage
from lms.core.panels import Panel

from .selectors import course_quiz_panels, lesson_quiz_panel


def lesson_quiz(*, request: HttpRequest, page: LessonPage, context: dict) -> Panel | None:
    """The lesson's quiz as the learner stands with it, in the lesson's status box."""
    if not context.get("may_have_work", True):
        return None
    panel = lesson_quiz_panel(user=request.user, lesson=page)
    if panel is None:
        return None
    return Panel("assessments/includes/lesson_quiz_panel.html", {"panel": panel})


def course_quizzes(*, request: HttpRequest, page: CoursePage, context: dict) -> list[Panel]:
    """Every quiz of the course, under the list of lessons."""
    return [
        Panel("assessments/includes/course_quiz_panel.html", {"panel": panel})
        for panel in course_quiz_panels(user=request.user, course=page)
    ]
