"""Writes for offline learning: apply what a device queued, each action once; issue papers.

Every action calls the same service as the page a learner uses online
(lms.learning.services.lesson_complete, the assessments attempt services,
lms.assignments.services.submission_draft_save), so the rules are the same whether the
learner was online or not. An action is stored with the device's key before it is
applied, in the same transaction: a second send of the key, even at the same moment,
waits for the first and gets its stored result.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from assessments.forms import AnswerPostError, parse_answer_post
from assessments.layout import build_layout
from assessments.models import Quiz
from assessments.services import (
    AttemptError,
    attempt_answers_save,
    attempt_start,
    attempt_submit,
)
from curricula.models import LessonPage
from lms.assignments.forms import HandInForm
from lms.assignments.models import Assignment
from lms.assignments.services import AssignmentError, Work, submission_draft_save
from lms.core.errors import ServiceError
from lms.core.numbers import id_parse
from lms.learning.services import LearningError, lesson_complete
from lms.users.models import User

from .models import ActionStatus, ActionType, OfflineAction, OfflinePaper

PAPER_SALT = "lms.offline.quiz-paper"
MAX_MESSAGE = 300


class ActionRefused(ServiceError):
    """An action the server does not apply; `message` is shown to the learner as it is."""


@dataclass(frozen=True)
class ActionIn:
    """One queued action as the device sent it (already checked for its shape)."""

    key: uuid.UUID
    type: str
    fields: list[tuple[str, str]]
    at: datetime | None = None

    def value(self, name: str) -> str:
        return next((value for field_name, value in self.fields if field_name == name), "")

    def query_dict(self) -> QueryDict:
        data = QueryDict(mutable=True)
        for name, value in self.fields:
            data.appendlist(name, value)
        return data


@dataclass(frozen=True)
class ActionResult:
    key: str
    status: str
    message: str
    url: str = ""

    def as_json(self) -> dict:
        data = {"key": self.key, "status": self.status, "message": self.message}
        if self.url:
            data["url"] = self.url
        return data


def device_time(value) -> datetime | None:
    """The device's ISO time of an action, or None when it is missing or not a time."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.UTC)
    return parsed


# --- Quiz papers ------------------------------------------------------------------------


def paper_token(*, paper: OfflinePaper) -> str:
    return signing.dumps({"p": paper.pk, "q": paper.quiz_id}, salt=PAPER_SALT, compress=True)


def paper_issue(*, user: User, quiz: Quiz) -> OfflinePaper:
    """The learner's paper for an offline quiz: the one they hold, or a new draw.

    A paper stays the same until it is answered or the quiz changes, so a device that
    downloads the course again keeps the questions the learner may be answering.
    """
    paper = (
        OfflinePaper.objects.filter(
            user=user, quiz=quiz, used_at__isnull=True, created_at__gte=quiz.updated_at
        )
        .order_by("-pk")
        .first()
    )
    if paper is None:
        paper = OfflinePaper.objects.create(user=user, quiz=quiz, layout=build_layout(quiz))
    return paper


def _paper_for(*, user: User, action: ActionIn) -> OfflinePaper:
    not_found = ActionRefused(_("This quiz paper is not valid. Download the course again."))
    try:
        data = signing.loads(action.value("paper"), salt=PAPER_SALT)
    except signing.BadSignature:
        raise not_found from None
    if not isinstance(data, dict) or str(data.get("q")) != action.value("quiz"):
        raise not_found
    paper = (
        OfflinePaper.objects.select_for_update(of=("self",))
        .select_related("quiz__lesson", "quiz__course")
        .filter(pk=data.get("p"), user=user)
        .first()
    )
    if paper is None:
        raise not_found  # another learner's paper looks the same as a forged one
    return paper


_ATTEMPT_REFUSALS = {
    "closed": lambda: _("This quiz has closed."),
    "not_live": lambda: _("This quiz has closed."),
    "not_enrolled": lambda: _("You are no longer enrolled in this course."),
    "no_attempts_left": lambda: _("You have used all your attempts at this quiz."),
}


def _attempt_refused(error: AttemptError) -> ActionRefused:
    message = _ATTEMPT_REFUSALS.get(error.code)
    return ActionRefused(message() if message else error.message, code=error.code)


def _quiz_submit(*, user: User, action: ActionIn) -> tuple[str, str]:
    paper = _paper_for(user=user, action=action)
    quiz = paper.quiz
    if not quiz.available_offline or quiz.time_limit_minutes:
        raise ActionRefused(_("This quiz can no longer be answered offline."), code="not_offline")
    try:
        answers = parse_answer_post(action.query_dict())
    except AnswerPostError as error:
        raise ActionRefused(str(error), code="bad_answers") from None
    try:
        started = attempt_start(user=user, quiz=quiz, layout=paper.layout)
        if not started.created:
            # An attempt begun online holds other questions: the paper's answers do not fit it.
            raise ActionRefused(
                _("You have an attempt at this quiz open online. Finish it there first."),
                code="attempt_open",
            )
        attempt = started.attempt
        saved = attempt_answers_save(user=user, attempt=attempt, answers=answers)
        if saved.errors:
            position, message = sorted(saved.errors.items())[0]
            raise ActionRefused(
                _("Question %(number)s: %(message)s") % {"number": position, "message": message},
                code="bad_answers",
            )
        result = attempt_submit(user=user, attempt=attempt)
    except AttemptError as error:
        raise _attempt_refused(error) from None
    paper.used_at = timezone.now()
    paper.save(update_fields=["used_at"])
    message = (
        _("Your answers were submitted. The trainer will grade your written answers.")
        if result.attempt.awaits_grading
        else _("Your answers were submitted and graded.")
    )
    return message, reverse("assessments:review", args=[result.attempt.pk])


def _lesson_done(*, user: User, action: ActionIn) -> tuple[str, str]:
    lesson_id = id_parse(action.value("lesson"))
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first() if lesson_id else None
    if lesson is None:
        raise ActionRefused(_("This lesson is no longer available."), code="not_found")
    try:
        lesson_complete(user=user, lesson=lesson)
    except LearningError as error:
        if error.code == "not_enrolled":
            raise ActionRefused(
                _("You are no longer enrolled in this course."), code=error.code
            ) from None
        raise ActionRefused(error.message, code=error.code) from None
    return _("Lesson marked as done."), lesson.url or ""


def _assignment_draft(*, user: User, action: ActionIn) -> tuple[str, str]:
    assignment_id = id_parse(action.value("assignment"))
    assignment = (
        Assignment.objects.select_related("lesson", "course").filter(pk=assignment_id).first()
        if assignment_id
        else None
    )
    page = (assignment.lesson or assignment.course) if assignment else None
    if assignment is None or page is None or not page.live:
        raise ActionRefused(_("This assignment is no longer available."), code="not_found")
    # The online hand-in form checks the text the same way (length, blank lines).
    form = HandInForm(action.query_dict(), assignment=assignment)
    if not form.is_valid():
        errors = form.errors.get("text") or form.non_field_errors()
        raise ActionRefused(str(errors[0]) if errors else _("The draft could not be saved."))
    work = Work(text=form.cleaned_data.get("text") if "text" in form.fields else None)
    try:
        submission_draft_save(user=user, assignment=assignment, work=work)
    except AssignmentError as error:
        if error.code in ("submitted", "passed"):
            raise ActionRefused(
                _("This work has been handed in; the draft cannot be changed."), code=error.code
            ) from None
        if error.code == "not_enrolled":
            raise ActionRefused(
                _("You are no longer enrolled in this course."), code=error.code
            ) from None
        raise ActionRefused(error.message, code=error.code) from None
    return _("Draft saved. Hand it in when it is ready."), reverse(
        "assignments:detail", args=[assignment.pk]
    )


HANDLERS = {
    ActionType.LESSON_DONE: _lesson_done,
    ActionType.QUIZ_SUBMIT: _quiz_submit,
    ActionType.ASSIGNMENT_DRAFT: _assignment_draft,
}


def _stored(record: OfflineAction) -> ActionResult:
    return ActionResult(str(record.key), record.status, record.message, record.url)


def offline_action_apply(*, user: User, action: ActionIn) -> ActionResult:
    """Apply one queued action once: a key seen before returns its stored result.

    A refused action is stored as refused with its message: sending it again does not
    retry it (the learner sees why, and acts online).
    """
    stored = OfflineAction.objects.filter(user=user, key=action.key).first()
    if stored is not None:
        return _stored(stored)
    try:
        with transaction.atomic():
            # Inserted first: a second request with the same key waits on this row
            # until the first commits, then fails the unique constraint.
            with transaction.atomic():
                record = OfflineAction.objects.create(
                    user=user,
                    key=action.key,
                    type=action.type,
                    status=ActionStatus.REFUSED,
                    device_at=action.at,
                )
            try:
                with transaction.atomic():  # a refusal leaves nothing half-applied
                    message, url = HANDLERS[action.type](user=user, action=action)
                record.status = ActionStatus.DONE
            except ActionRefused as refusal:
                message, url = refusal.message, ""
            record.message = message[:MAX_MESSAGE]
            record.url = url[:300]
            record.save(update_fields=["status", "message", "url"])
            log(
                instance=record,
                action="lms.offline.action",
                user=user,
                data={"type": action.type, "status": record.status},
            )
    except IntegrityError:
        stored = OfflineAction.objects.filter(user=user, key=action.key).first()
        if stored is None:
            raise
        return _stored(stored)
    return _stored(record)


def offline_actions_apply(*, user: User, actions: list[ActionIn]) -> list[ActionResult]:
    """Apply a device's queue in its order; one refused action does not stop the others."""
    return [offline_action_apply(user=user, action=action) for action in actions]


def offline_actions_erase(*, user: User) -> None:
    """Forget what the person's devices sent and the quiz papers they held."""
    OfflineAction.objects.filter(user=user).delete()
    OfflinePaper.objects.filter(user=user).delete()
