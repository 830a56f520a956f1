"""A learner's quiz attempts in the personal-data export, and the erasure of their essays
(registered with lms.users.personal_data in `register()`)."""

from collections import defaultdict
from typing import Any

from django.db import transaction

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import MANUAL_KINDS, AttemptAnswer, QuizAttempt


def _essays_by_attempt(user: User) -> dict[int, list[dict[str, Any]]]:
    """The learner's essays with their grades, by attempt id, in one query."""
    essays: dict[int, list[dict[str, Any]]] = defaultdict(list)
    answers = (
        AttemptAnswer.objects.filter(attempt__user=user, question__kind__in=MANUAL_KINDS)
        .select_related("question")
        .order_by("attempt_id", "position")
    )
    for answer in answers:
        essays[answer.attempt_id].append(
            {
                "question": answer.question.prompt_excerpt,
                "text": (answer.response or {}).get("text", ""),
                "points": float(answer.points) if answer.points is not None else None,
                "comment": answer.grader_comment,
                "graded_at": answer.graded_at.isoformat() if answer.graded_at else None,
            }
        )
    return essays


def quiz_attempts_of(*, user: User) -> list[dict[str, Any]]:
    essays = _essays_by_attempt(user)
    return [
        {
            "quiz": attempt.quiz.title,
            "attempt": attempt.number,
            "started_at": attempt.started_at.isoformat(),
            "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
            "percent": float(attempt.percent) if attempt.percent is not None else None,
            "passed": attempt.passed,
            **({"essays": essays[attempt.pk]} if attempt.pk in essays else {}),
        }
        for attempt in QuizAttempt.objects.filter(user=user)
        .select_related("quiz")
        .order_by("started_at")
    ]


def essays_erase(*, user: User) -> int:
    """Erase what a person wrote in essays, and the comments on it, when their account is
    anonymised: free text may name or describe them. Points and results stay, so that
    statistics do not change."""
    with transaction.atomic():
        return AttemptAnswer.objects.filter(
            attempt__user=user, question__kind__in=MANUAL_KINDS
        ).update(response={}, grader_comment="")


def register() -> None:
    """Called from AssessmentsConfig.ready()."""
    register_personal_data_section("quiz_attempts", quiz_attempts_of, order=30)
    register_erasure_step(essays_erase, order=5)
