"""What the course and lesson pages show a learner: progress, actions, what is next.

Added to CoursePage and LessonPage contexts through curricula's page-context hooks
(registered in wagtail_hooks.py), so the page models stay declarations of content.
Quizzes and assignments add their own panels through curricula's panel hooks.
"""

from django.http import HttpRequest

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page

from .requirements import LESSON_REQUIREMENT_LABELS, LessonRequirement
from .selectors import course_progress_for
from .services import LearningError, enrollment_check_open, enrollment_window_error, lesson_visit


def course_page_context(*, request: HttpRequest, course: CoursePage) -> dict:
    user = request.user
    progress = course_progress_for(user=user, course=course)
    enrol_block = None
    if user.is_authenticated and not progress.is_enrolled:
        try:
            enrollment_check_open(user=user, course=canonical_page(course).specific)
        except LearningError as error:
            enrol_block = error.message
    elif not user.is_authenticated:
        error = enrollment_window_error(course=canonical_page(course).specific)
        enrol_block = error.message if error else None
    return {
        "progress": progress,
        "lessons": [item.lesson for item in progress.items],
        "enrol_block": enrol_block,
        "prerequisites": list(course.prerequisites.live()),
    }


def lesson_page_context(*, request: HttpRequest, lesson: LessonPage) -> dict:
    user = request.user
    course = lesson.get_parent().specific
    visit = None
    if (
        user.is_authenticated
        and request.method == "GET"
        and not getattr(request, "is_preview", False)
    ):
        visit = lesson_visit(user=user, lesson=lesson)
    progress = course_progress_for(
        user=user,
        course=course,
        current_lesson=lesson,
        enrollment=visit.enrollment if visit is not None else None,
    )
    current = progress.current
    requirement = current.requirement if current else LessonRequirement.MANUAL
    return {
        "course": course,
        "progress": progress,
        "current": current,
        # The outline knows which lessons have a quiz or an assignment: panels of work
        # to do look only then (a draft lesson being previewed is not in the outline).
        "may_have_work": current is None or requirement != LessonRequirement.MANUAL,
        "requirement": requirement,
        "requirement_label": LESSON_REQUIREMENT_LABELS[requirement],
        "can_mark_done": progress.is_enrolled
        and requirement == LessonRequirement.MANUAL
        and current is not None
        and current.is_open,
        "is_locked": current is not None and not current.is_open,
    }
