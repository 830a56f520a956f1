"""Reads for trainers who grade essays: the queue of attempts waiting, and one attempt.

A grader sees the attempts of the learners lms.centres.scoping lets them see,
and only with the permission `assessments.grade_essays`; another centre's
attempt is not found. The queue costs the same number of queries for 5 or 500
attempts waiting.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from lms.centres.scoping import learners_visible_to
from lms.users.models import User

from .grading import max_points
from .models import MANUAL_KINDS, UNANSWERED_KINDS, AttemptAnswer, Question, QuizAttempt

GRADE_PERMISSION = "assessments.grade_essays"


def can_grade(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm(GRADE_PERMISSION))


def gradable_attempts(*, grader: User) -> QuerySet[QuizAttempt]:
    """Submitted attempts of the learners the grader may see (none without the permission)."""
    if not can_grade(grader):
        return QuizAttempt.objects.none()
    return QuizAttempt.objects.submitted().filter(user__in=learners_visible_to(grader))


def _ungraded_count():
    """How many answers of the attempt still wait for points (the partial index's rows)."""
    return Coalesce(
        Subquery(
            AttemptAnswer.objects.filter(
                attempt=OuterRef("pk"), points__isnull=True, graded_at__isnull=True
            )
            .order_by()
            .values("attempt")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def essay_queue(*, grader: User, centre_id: int | None = None) -> QuerySet[QuizAttempt]:
    """Attempts whose essays wait for a grade, oldest first, with `essays_waiting` counted."""
    queryset = gradable_attempts(grader=grader).awaiting_grading()
    if centre_id:
        queryset = queryset.filter(user__home_centre_id=centre_id)
    return (
        queryset.order_by("submitted_at", "pk")
        .select_related("user", "user__home_centre", "quiz", "quiz__lesson", "quiz__course")
        .annotate(essays_waiting=_ungraded_count())
    )


def essay_waiting_count(*, grader: User) -> int:
    """Attempts waiting for this grader (for menus and the admin's home page)."""
    return gradable_attempts(grader=grader).awaiting_grading().count()


def attempt_for_grading(*, grader: User, attempt_id: int) -> QuizAttempt | None:
    """A submitted attempt the grader may open; None when it is not theirs to see."""
    return (
        gradable_attempts(grader=grader)
        .filter(pk=attempt_id)
        .select_related("user", "user__home_centre", "quiz", "quiz__lesson", "quiz__course")
        .first()
    )


@dataclass
class EssayToGrade:
    """One essay of an attempt as the grader sees it."""

    answer_id: int
    number: int  # the question's number as the learner saw it
    prompt: str  # rich text
    grader_info: str
    text: str
    points: int  # the most it can earn
    awarded: Decimal | None
    comment: str
    graded_by: User | None
    graded_at: datetime | None

    @property
    def graded(self) -> bool:
        return self.awarded is not None


@dataclass
class GradingSheet:
    essays: list[EssayToGrade] = field(default_factory=list)
    # The questions graded on submission, for context: their points and their maximum.
    auto_score: Decimal = Decimal(0)
    auto_max: Decimal = Decimal(0)
    auto_count: int = 0

    @property
    def essay_max(self) -> int:
        return sum(essay.points for essay in self.essays)


def grading_sheet(attempt: QuizAttempt) -> GradingSheet:
    """The essays of a submitted attempt in the order the learner saw them (two queries)."""
    ids = [entry["q"] for entry in attempt.layout]
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=ids).only(
            "id", "kind", "prompt", "points", "grader_info"
        )
    }
    answers = {
        a.question_id: a
        for a in AttemptAnswer.objects.filter(attempt=attempt).select_related("graded_by")
    }
    sheet = GradingSheet()
    number = 0
    for entry in attempt.layout:
        question = questions.get(entry["q"])
        if question is None or entry["k"] in UNANSWERED_KINDS:
            continue
        number += 1
        answer = answers.get(question.pk)
        if answer is None:
            continue
        if question.kind in MANUAL_KINDS and entry["k"] in MANUAL_KINDS:
            sheet.essays.append(
                EssayToGrade(
                    answer_id=answer.pk,
                    number=number,
                    prompt=question.prompt,
                    grader_info=question.grader_info,
                    text=(answer.response or {}).get("text", ""),
                    points=question.points,
                    awarded=answer.points,
                    comment=answer.grader_comment,
                    graded_by=answer.graded_by,
                    graded_at=answer.graded_at,
                )
            )
        else:
            sheet.auto_count += 1
            sheet.auto_max += max_points(question)
            sheet.auto_score += answer.points or Decimal(0)
    return sheet
