"""Writes for trainers: grading the essays of a submitted quiz attempt.

An attempt with essays is submitted without a result (services._grade_and_close).
A trainer of the learner's centre gives each essay its points and a comment;
when the last essay has its points the attempt is added up
(services.attempt_finalise), a pass completes the lesson or the course as any
quiz does, and the learner is told by e-mail once the change is committed.
"""

from decimal import Decimal, InvalidOperation
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.centres.scoping import learners_visible_to
from lms.core.clean import text_clean
from lms.core.errors import ServiceError
from lms.core.queue import run_or_queue
from lms.users.models import User

from .grading import CENT
from .grading_selectors import can_grade
from .models import MANUAL_KINDS, AttemptAnswer, QuizAttempt
from .selectors import questions_for_grading
from .services import attempt_finalise
from .tasks import send_essay_result_email

MAX_COMMENT = 5000


class GradingError(ServiceError):
    """A refused grade; `message` is shown to the trainer. `answer_id` names the essay at fault."""

    def __init__(self, message: str, *, answer_id: int | None = None, **kwargs):
        super().__init__(message, **kwargs)
        self.answer_id = answer_id


def _points(value, most: int, answer_id: int) -> Decimal:
    try:
        points = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        points = None
    if points is None or not points.is_finite() or not 0 <= points <= most:
        raise GradingError(
            _("Give between 0 and %(most)s points.") % {"most": most},
            code="points_out_of_range",
            answer_id=answer_id,
        )
    if points != points.quantize(CENT):
        raise GradingError(
            _("Use at most two decimal places, for example 2.5."),
            code="points_precision",
            answer_id=answer_id,
        )
    return points.quantize(CENT)


def _comment(value: str, answer_id: int) -> str:
    comment = text_clean(value or "", multiline=True).strip()
    if len(comment) > MAX_COMMENT:
        raise GradingError(
            _("Keep the comment under %(count)s characters.") % {"count": f"{MAX_COMMENT:,}"},
            code="comment_too_long",
            answer_id=answer_id,
        )
    return comment


def _enqueue_result_email(attempt_id: int) -> None:
    """After commit; a broker that is down must not turn a saved grade into an error page
    (the learner sees the result on the quiz page anyway)."""
    run_or_queue(send_essay_result_email, attempt_id)


def essay_grade(
    *,
    grader: User,
    attempt: QuizAttempt,
    grades: dict[int, tuple[Decimal, str]],
    now=None,
) -> QuizAttempt:
    """Give essays of a submitted attempt their points and comments.

    `grades` maps an answer id to (points, comment). Points go from 0 to the
    question's points, with at most two decimals. Only while the attempt waits;
    answers not named keep what they have. When no essay is left without points,
    the attempt gets its score and result, and the learner is told. Returns the
    attempt as it now stands.
    """
    if not can_grade(grader) or not learners_visible_to(grader).filter(pk=attempt.user_id).exists():
        # As if it did not exist: attempt ids tell nothing about other centres.
        raise GradingError(_("Attempt not found."), code="not_found", status=404)
    if attempt.user_id == grader.pk:
        raise GradingError(_("You cannot grade your own answers."), code="own_attempt", status=403)
    if not grades:
        raise GradingError(_("Give points to at least one answer."), code="nothing_graded")
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            QuizAttempt.objects.select_for_update()
            .select_related("quiz", "user")
            .filter(pk=attempt.pk)
            .first()
        )
        if locked is None:
            raise GradingError(_("Attempt not found."), code="not_found", status=404)
        if not locked.awaits_grading:
            raise GradingError(
                _("This attempt has already been graded."), code="already_graded", status=409
            )
        rows = list(AttemptAnswer.objects.filter(attempt=locked))
        questions = questions_for_grading([row.question_id for row in rows])
        by_id = {row.pk: row for row in rows}
        changed = []
        for answer_id, (points, comment) in grades.items():
            row = by_id.get(answer_id)
            question = questions.get(row.question_id) if row is not None else None
            if question is None or question.kind not in MANUAL_KINDS:
                raise GradingError(
                    _("The grade names an answer that is not an essay of this attempt."),
                    code="not_an_essay",
                )
            row.points = _points(points, question.points, answer_id)
            row.is_correct = row.points == question.points
            row.grader_comment = _comment(comment, answer_id)
            row.graded_by = grader
            row.graded_at = now
            changed.append(row)
        AttemptAnswer.objects.bulk_update(
            changed, ["points", "is_correct", "grader_comment", "graded_by", "graded_at"]
        )
        log(
            instance=locked,
            action="assessments.essay.grade",
            user=grader,
            data={
                "learner": locked.user_id,
                "points": {str(row.pk): str(row.points) for row in changed},
            },
        )
        if all(row.points is not None for row in rows if row.question_id in questions):
            attempt_finalise(locked, rows=rows, questions=questions, at=now)
            if locked.user.email:
                transaction.on_commit(partial(_enqueue_result_email, locked.pk))
    return locked
