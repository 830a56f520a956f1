"""A learner's quiz attempts in the personal-data export
(registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_personal_data_section

from .models import QuizAttempt


def quiz_attempts_of(*, user: User) -> list[dict[str, Any]]:
    return [
        {
            "quiz": attempt.quiz.title,
            "attempt": attempt.number,
            "started_at": attempt.started_at.isoformat(),
            "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
            "percent": float(attempt.percent) if attempt.percent is not None else None,
            "passed": attempt.passed,
        }
        for attempt in QuizAttempt.objects.filter(user=user)
        .select_related("quiz")
        .order_by("started_at")
    ]


def register() -> None:
    """Called from AssessmentsConfig.ready()."""
    register_personal_data_section("quiz_attempts", quiz_attempts_of, order=30)
