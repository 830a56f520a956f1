"""A learner's enrolments and lesson progress in the personal-data export
(registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_personal_data_section

from .models import Enrollment, LessonProgress


def enrolments_of(*, user: User) -> list[dict[str, Any]]:
    enrollments = Enrollment.objects.filter(user=user).select_related("course")
    return [
        {
            "course": e.course.title,
            "enrolled_at": e.enrolled_at.isoformat(),
            "left_at": e.left_at.isoformat() if e.left_at else None,
            "completed_at": e.completed_at.isoformat() if e.completed_at else None,
        }
        for e in enrollments
    ]


def lesson_progress_of(*, user: User) -> list[dict[str, Any]]:
    progress = LessonProgress.objects.filter(user=user).select_related("lesson")
    return [
        {
            "lesson": p.lesson.title,
            "first_visited_at": p.first_visited_at.isoformat() if p.first_visited_at else None,
            "last_visited_at": p.last_visited_at.isoformat() if p.last_visited_at else None,
            "completed_at": p.completed_at.isoformat() if p.completed_at else None,
            "completed_via": p.completed_via,
        }
        for p in progress
    ]


def register() -> None:
    """Called from LearningConfig.ready(). Enrolments and progress stay on erasure:
    they name no one once the account is anonymised, and statistics count them."""
    register_personal_data_section("enrolments", enrolments_of, order=10)
    register_personal_data_section("lesson_progress", lesson_progress_of, order=20)
