"""Writes for quiz taking: start an attempt, save answers, submit, close at the deadline.

Every rule is checked here, on the server, whatever the browser sends: who may
take the quiz, when, how many times, until when, and which questions an answer
may name. An attempt is graded exactly once: the row is locked and the grading
is a change from "open" to "submitted" that only one transaction can make.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from curricula.models import LessonPage
from lms.core.errors import ServiceError
from lms.learning.models import CompletionSource, Enrollment
from lms.learning.selectors import active_enrollment, lesson_is_open
from lms.learning.services import (
    LearningError,
    enrollment_completion_check,
    lesson_complete,
)
from lms.users.models import User

from .grading import grade_response, max_points, percent_of, response_key
from .layout import AnswerInvalid, RawAnswer, build_layout, response_from_raw
from .models import (
    UNANSWERED_KINDS,
    AttemptAnswer,
    CloseReason,
    Question,
    Quiz,
    QuizAttempt,
)
from .selectors import questions_for_grading, quiz_course
from .signals import attempt_graded, attempt_started

logger = logging.getLogger(__name__)


class AttemptError(ServiceError):
    """A refused quiz action; `message` is shown to the learner as it is."""


def quiz_check_takeable(*, user: User, quiz: Quiz, now: datetime | None = None) -> Enrollment:
    """Raise AttemptError naming why `user` cannot take `quiz` now; else their enrolment."""
    now = now or timezone.now()
    if not user.is_authenticated:
        raise AttemptError(_("Log in to take this quiz."), code="login", status=403)
    if not quiz.is_live:
        raise AttemptError(_("This quiz is not open."), code="not_live", status=404)
    if quiz.opens_at and now < quiz.opens_at:
        raise AttemptError(_("This quiz has not opened yet."), code="not_open", status=403)
    if quiz.closes_at and now >= quiz.closes_at:
        raise AttemptError(_("This quiz has closed."), code="closed", status=403)
    course = quiz_course(quiz)
    enrollment = active_enrollment(user=user, course=course)
    if enrollment is None:
        raise AttemptError(
            _("Enrol in the course to take this quiz."), code="not_enrolled", status=403
        )
    enrollment.course = course  # the row it was found by: lesson_is_open reads it
    if quiz.lesson_id and not lesson_is_open(enrollment=enrollment, lesson=quiz.lesson):
        raise AttemptError(
            _("Finish the lessons before this one first."), code="locked", status=403
        )
    return enrollment


def _deadline(quiz: Quiz, started_at: datetime) -> datetime | None:
    candidates = []
    if quiz.time_limit_minutes:
        candidates.append(started_at + timedelta(minutes=quiz.time_limit_minutes))
    if quiz.closes_at:
        candidates.append(quiz.closes_at)
    return min(candidates) if candidates else None


def _is_loaded(instance, relation: str) -> bool:
    """Whether `instance` already holds its `relation` (the view read it with the quiz)."""
    return instance._meta.get_field(relation).is_cached(instance)


def _attempts_at(*, quiz: Quiz, user: User) -> list[QuizAttempt]:
    return list(QuizAttempt.objects.filter(quiz=quiz, user=user).order_by("pk"))


@dataclass(frozen=True)
class StartResult:
    attempt: QuizAttempt
    created: bool


def attempt_start(
    *,
    user: User,
    quiz: Quiz,
    now: datetime | None = None,
    layout: list[dict] | None = None,
) -> StartResult:
    """Start a new attempt, or return the one already open (created=False).

    `layout` is the questions and their order fixed beforehand (an offline paper);
    without it the questions are drawn now.

    An open attempt past its deadline is graded first, then a new one starts if
    attempts remain. Attempt numbers are unique per learner and quiz, so two
    concurrent starts cannot both take the last attempt.
    """
    now = now or timezone.now()
    if not (_is_loaded(quiz, "lesson") and _is_loaded(quiz, "course")):
        quiz = Quiz.objects.select_related("lesson", "course").get(pk=quiz.pk)
    quiz_check_takeable(user=user, quiz=quiz, now=now)
    # The learner's attempts at this quiz (a handful) in one read: the open one, one
    # awaiting a grade, and how many were used.
    attempts = _attempts_at(quiz=quiz, user=user)
    current = next((attempt for attempt in attempts if attempt.submitted_at is None), None)
    if current is not None:
        if not attempt_close_if_overdue(attempt=current, now=now):
            return StartResult(current, created=False)
        attempts = _attempts_at(quiz=quiz, user=user)  # the overdue one is closed now
    if any(attempt.graded_at is None for attempt in attempts if attempt.submitted_at):
        # Trying again before knowing the result helps nobody; the trainer's grade comes first.
        raise AttemptError(
            _("Your last attempt is waiting for the trainer's grade. Try again once it is graded."),
            code="awaiting_grade",
            status=403,
        )
    used = len(attempts)
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise AttemptError(
            _("You have used all %(count)d attempts at this quiz.") % {"count": quiz.max_attempts},
            code="no_attempts_left",
            status=403,
        )
    layout = layout if layout is not None else build_layout(quiz)
    if not layout:
        raise AttemptError(_("This quiz has no questions yet."), code="empty", status=403)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                quiz=quiz,
                user=user,
                number=used + 1,
                started_at=now,
                deadline=_deadline(quiz, now),
                layout=layout,
            )
            # One row per question from the start: saving is then always an update, and
            # grading touches the same rows whatever was answered.
            AttemptAnswer.objects.bulk_create(
                [
                    AttemptAnswer(attempt=attempt, question_id=entry["q"], position=position)
                    for position, entry in enumerate(layout, 1)
                ]
            )
            log(instance=attempt, action="assessments.attempt.start", user=user)
            attempt_started.send(sender=QuizAttempt, attempt=attempt)
    except IntegrityError:
        # Another request started an attempt at the same moment; continue that one.
        current = QuizAttempt.objects.open().filter(quiz=quiz, user=user).first()
        if current is None:
            raise AttemptError(
                _("You have used all %(count)d attempts at this quiz.")
                % {"count": quiz.max_attempts or used},
                code="no_attempts_left",
                status=403,
            ) from None
        return StartResult(current, created=False)
    return StartResult(attempt, created=True)


@dataclass
class SaveResult:
    saved: list[int] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    # The attempt was closed (time ran out or it was already submitted): nothing saved.
    closed: bool = False
    time_up: bool = False


def _locked_attempt(user: User, attempt: QuizAttempt) -> QuizAttempt:
    locked = (
        QuizAttempt.objects.select_for_update()
        .select_related("quiz")
        .filter(pk=attempt.pk, user=user)
        .first()
    )
    if locked is None:
        raise AttemptError(_("Attempt not found."), code="not_found", status=404)
    locked.user = user
    return locked


def attempt_answers_save(
    *,
    user: User,
    attempt: QuizAttempt,
    answers: dict[int, RawAnswer],
    now: datetime | None = None,
) -> SaveResult:
    """Save the posted answers of an open attempt, by position in the attempt.

    A position the attempt does not have refuses the whole request (nothing is
    saved). An answer that is not valid (a number that is not a number) is left
    out and reported; the others are saved. After the deadline nothing is saved
    and the attempt is graded with what was saved before it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_attempt(user, attempt)
        if locked.submitted_at is not None:
            return SaveResult(closed=True)
        if locked.deadline and now >= locked.deadline:
            _grade_and_close(locked, at=locked.deadline, reason=CloseReason.TIME_UP, user=user)
            return SaveResult(closed=True, time_up=True)
        layout = locked.layout
        unknown = [p for p in answers if not 1 <= p <= len(layout)]
        if unknown:
            raise AttemptError(
                _("The answer names a question that is not part of this attempt."),
                code="unknown_question",
            )
        result = SaveResult()
        responses: dict[int, dict] = {}
        for position, raw in sorted(answers.items()):
            try:
                responses[layout[position - 1]["q"]] = response_from_raw(layout[position - 1], raw)
            except AnswerInvalid as error:
                result.errors[position] = str(error)
                continue
            result.saved.append(position)
        if responses:
            rows = list(
                AttemptAnswer.objects.filter(attempt=locked, question_id__in=responses.keys())
            )
            kinds = {entry["q"]: entry["k"] for entry in layout}
            for row in rows:
                row.response = responses[row.question_id]
                row.response_key = response_key(kinds[row.question_id], row.response)
                row.updated_at = now
            AttemptAnswer.objects.bulk_update(rows, ["response", "response_key", "updated_at"])
    return result


@dataclass(frozen=True)
class SubmitResult:
    attempt: QuizAttempt
    graded_now: bool


def attempt_submit(
    *, user: User, attempt: QuizAttempt, now: datetime | None = None
) -> SubmitResult:
    """Grade and close an attempt. Submitting again returns the first result (graded_now=False).

    After the deadline the attempt closes at the deadline, as if time had run out.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_attempt(user, attempt)
        if locked.submitted_at is not None:
            return SubmitResult(locked, graded_now=False)
        if locked.deadline and now >= locked.deadline:
            _grade_and_close(locked, at=locked.deadline, reason=CloseReason.TIME_UP, user=user)
        else:
            _grade_and_close(locked, at=now, reason=CloseReason.SUBMITTED, user=user)
    return SubmitResult(locked, graded_now=True)


def attempt_close_if_overdue(*, attempt: QuizAttempt, now: datetime | None = None) -> bool:
    """Grade an open attempt whose deadline has passed. True when it was closed now."""
    now = now or timezone.now()
    if attempt.submitted_at is not None or not attempt.deadline or now < attempt.deadline:
        return False
    with transaction.atomic():
        locked = (
            QuizAttempt.objects.select_for_update()
            .select_related("quiz", "user")
            .filter(pk=attempt.pk)
            .first()
        )
        if locked is None or locked.submitted_at is not None:
            return False
        _grade_and_close(locked, at=locked.deadline, reason=CloseReason.TIME_UP, user=locked.user)
    attempt.refresh_from_db()
    return True


def attempts_close_overdue(*, now: datetime | None = None, limit: int = 500) -> int:
    """Grade open attempts whose deadline has passed, also of learners who never came back."""
    now = now or timezone.now()
    overdue = list(
        QuizAttempt.objects.open()
        .filter(deadline__lte=now)
        .order_by("deadline")
        .values_list("pk", flat=True)[:limit]
    )
    closed = 0
    for pk in overdue:
        attempt = QuizAttempt.objects.filter(pk=pk).first()
        if attempt is not None and attempt_close_if_overdue(attempt=attempt, now=now):
            closed += 1
    return closed


def _grade_and_close(attempt: QuizAttempt, *, at: datetime, reason: str, user: User) -> None:
    """Grade every answer of a locked, open attempt and close it. Inside a transaction.

    Essays wait for a trainer: their points stay empty, and so do the attempt's
    score, percent and result until the last essay is graded (`essay_grade`).
    """
    questions = questions_for_grading([entry["q"] for entry in attempt.layout])
    rows = list(AttemptAnswer.objects.filter(attempt=attempt))
    kinds = {entry["q"]: entry["k"] for entry in attempt.layout}
    waiting = 0
    for row in rows:
        question = questions.get(row.question_id)
        if question is None:
            continue
        response = row.response if question.kind == kinds.get(row.question_id) else {}
        grade = grade_response(question, response)
        if grade is None:
            waiting += 1
            continue
        row.points = grade.points
        # A description is neither right nor wrong: item analysis leaves it out.
        row.is_correct = None if question.kind in UNANSWERED_KINDS else grade.is_correct
    AttemptAnswer.objects.bulk_update(rows, ["points", "is_correct"])
    attempt.submitted_at = at
    attempt.close_reason = reason
    updated = QuizAttempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
        submitted_at=attempt.submitted_at, close_reason=attempt.close_reason
    )
    if not updated:  # cannot happen under the row lock; never grade twice regardless
        raise AttemptError(_("This attempt has already been submitted."), code="submitted")
    action = (
        "assessments.attempt.time_up"
        if reason == CloseReason.TIME_UP
        else "assessments.attempt.submit"
    )
    log(instance=attempt, action=action, user=user, data={"awaiting_grades": waiting})
    if not waiting:
        attempt_finalise(attempt, rows=rows, questions=questions, at=at)


def attempt_finalise(
    attempt: QuizAttempt,
    *,
    rows: list[AttemptAnswer],
    questions: dict[int, Question],
    at: datetime,
) -> None:
    """Add up a submitted attempt whose every answer has its points, and record a pass.

    Inside the transaction that holds the attempt's row lock. A total below zero
    (negative marks on single-choice questions) counts as zero, as Moodle's quiz does.
    """
    score = max_score = Decimal(0)
    for row in rows:
        question = questions.get(row.question_id)
        if question is None:
            continue
        max_score += max_points(question)
        score += row.points or Decimal(0)
    attempt.score = max(score, Decimal(0))
    attempt.max_score = max_score
    attempt.percent = percent_of(attempt.score, max_score)
    attempt.passed = attempt.percent >= attempt.quiz.pass_mark_percent
    attempt.graded_at = at
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        score=attempt.score,
        max_score=attempt.max_score,
        percent=attempt.percent,
        passed=attempt.passed,
        graded_at=attempt.graded_at,
    )
    log(
        instance=attempt,
        action="assessments.attempt.graded",
        user=attempt.user,
        data={
            "score": str(attempt.score),
            "percent": str(attempt.percent),
            "passed": attempt.passed,
        },
    )
    attempt_graded.send(sender=QuizAttempt, attempt=attempt)
    if attempt.passed:
        _record_pass(attempt)


def _record_pass(attempt: QuizAttempt) -> None:
    """A passed attempt completes the lesson, or lets the course complete (final quiz).

    Every pass counts under "highest attempt", and under "last attempt" the attempt
    just graded is the last one. Completion once recorded is never taken back.
    """
    quiz = attempt.quiz
    try:
        with transaction.atomic():
            if quiz.lesson_id:
                lesson = LessonPage.objects.get(pk=quiz.lesson_id)
                lesson_complete(user=attempt.user, lesson=lesson, via=CompletionSource.QUIZ)
            else:
                enrollment = active_enrollment(user=attempt.user, course=quiz.course)
                if enrollment is not None:
                    enrollment_completion_check(enrollment=enrollment)
    except LearningError as error:
        # The learner left the course meanwhile: the pass stays on record, and counts
        # when they come back (the course check reads attempts).
        logger.info("Quiz %s passed by user %s not recorded: %s", quiz.pk, attempt.user_id, error)
