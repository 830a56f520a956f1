"""Reads for learners: quiz panels for lesson and course pages, the quiz sheet, review.

Before an attempt is submitted, what reaches a template is built here from
safe fields only (prompt, picture, option texts, the learner's own answers):
never a model object that carries right answers or feedback.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page
from lms.learning.models import Enrollment
from lms.learning.selectors import active_enrollment
from lms.users.models import User

from .layout import (
    MAX_ESSAY_ANSWER,
    MAX_TEXT_ANSWER,
    RawAnswer,
    ShownAnswer,
    shown_answer,
    shown_from_raw,
)
from .models import (
    CHOICE_KINDS,
    UNANSWERED_KINDS,
    AttemptAnswer,
    Choice,
    GradingMethod,
    MatchingPair,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
    RevealAnswers,
)

# --- Questions ------------------------------------------------------------------------


def questions_for_grading(ids: list[int]) -> dict[int, Question]:
    """Questions with everything grading needs, in five queries for any number of them."""
    questions = Question.objects.filter(pk__in=ids).prefetch_related(
        "choices", "accepted_answers", "numeric_answers", "pairs"
    )
    return {q.pk: q for q in questions}


def _questions_for_display(ids: list[int]) -> dict[int, Question]:
    # Choices without is_correct or feedback: they are not even loaded before submit.
    questions = (
        Question.objects.filter(pk__in=ids)
        .only("id", "kind", "prompt", "points", "image", "image_alt")
        .select_related("image")
        .prefetch_related(
            Prefetch(
                "choices", queryset=Choice.objects.only("id", "question_id", "text", "sort_order")
            ),
            Prefetch(
                "pairs",
                queryset=MatchingPair.objects.only(
                    "id", "question_id", "prompt", "answer", "sort_order"
                ),
            ),
            "image__renditions",
        )
    )
    return {q.pk: q for q in questions}


@dataclass
class Option:
    number: int
    text: str


@dataclass
class SheetQuestion:
    """One question as the learner sees it while answering.

    `position` names it in the form (q3); `number` is what the learner reads
    ("Question 2"): descriptions have none and do not count.
    """

    position: int
    number: int | None
    kind: str
    prompt: str
    image: object
    image_alt: str
    points: int
    options: list[Option] = field(default_factory=list)
    items: list[Option] = field(default_factory=list)
    answer: ShownAnswer = field(default_factory=ShownAnswer)
    answered: bool = False
    error: str = ""

    @property
    def field_name(self) -> str:
        return f"q{self.position}"

    @property
    def is_single(self) -> bool:
        return self.kind == QuestionKind.SINGLE

    @property
    def is_multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    @property
    def is_true_false(self) -> bool:
        return self.kind == QuestionKind.TRUE_FALSE

    @property
    def is_short_text(self) -> bool:
        return self.kind == QuestionKind.SHORT_TEXT

    @property
    def is_numeric(self) -> bool:
        return self.kind == QuestionKind.NUMERIC

    @property
    def is_matching(self) -> bool:
        return self.kind == QuestionKind.MATCHING

    @property
    def is_essay(self) -> bool:
        return self.kind == QuestionKind.ESSAY

    @property
    def is_description(self) -> bool:
        return self.kind in UNANSWERED_KINDS

    @property
    def max_length(self) -> int:
        return MAX_ESSAY_ANSWER if self.is_essay else MAX_TEXT_ANSWER

    @property
    def max_length_label(self) -> str:
        return f"{self.max_length:,}"

    @property
    def item_rows(self) -> list[tuple[Option, int | None]]:
        return [(item, self.answer.items.get(item.number)) for item in self.items]


def _options(entry: dict, question: Question) -> tuple[list[Option], list[Option]]:
    """Options and matching items in the attempt's stored order (what the learner saw)."""
    if entry["k"] in CHOICE_KINDS:
        texts = {c.pk: c.text for c in question.choices.all()}
        shown = [pk for pk in entry.get("c", []) if pk in texts]
        return [Option(n, texts[pk]) for n, pk in enumerate(shown, 1)], []
    if entry["k"] == QuestionKind.MATCHING:
        pairs = {p.pk: p for p in question.pairs.all()}
        options = [
            Option(n, pairs[pk].answer if pk in pairs else "—")
            for n, pk in enumerate(entry.get("a", []), 1)
        ]
        items = [
            Option(n, pairs[pk].prompt if pk in pairs else "—")
            for n, pk in enumerate(entry.get("p", []), 1)
        ]
        return options, items
    return [], []


def attempt_sheet(
    attempt: QuizAttempt, *, rejected: dict[int, tuple[RawAnswer, str]] | None = None
) -> list[SheetQuestion]:
    """The questions of an open attempt with the learner's saved answers.

    `rejected` holds answers that could not be saved (position → posted value,
    message), shown again with their message. Queries do not grow with the
    number of questions.
    """
    saved = dict(
        AttemptAnswer.objects.filter(attempt=attempt).values_list("question_id", "response")
    )
    return _sheet(attempt.layout, saved=saved, rejected=rejected or {})


def paper_sheet(layout: list[dict]) -> list[SheetQuestion]:
    """The questions of a layout not yet attempted (an offline paper), with no answers.

    The same safe fields as an attempt's sheet: no right answer, no feedback.
    """
    return _sheet(layout, saved={}, rejected={})


def _sheet(
    layout: list[dict], *, saved: dict[int, dict], rejected: dict[int, tuple[RawAnswer, str]]
) -> list[SheetQuestion]:
    questions = _questions_for_display([entry["q"] for entry in layout])
    sheet = []
    number = 0
    for position, entry in enumerate(layout, 1):
        question = questions.get(entry["q"])
        if question is None:
            continue
        options, items = _options(entry, question)
        response = saved.get(entry["q"]) or {}
        counted = entry["k"] not in UNANSWERED_KINDS
        number += counted
        item = SheetQuestion(
            position=position,
            number=number if counted else None,
            kind=entry["k"],
            prompt=question.prompt,
            image=question.image,
            image_alt=question.image_alt,
            points=question.points,
            options=options,
            items=items,
            answer=shown_answer(entry, response),
            answered=bool(response),
        )
        if position in rejected:
            raw, message = rejected[position]
            item.answer = shown_from_raw(entry, raw)
            item.error = message
        sheet.append(item)
    return sheet


def attempt_progress(attempt: QuizAttempt) -> tuple[int, int]:
    """(answered, total) for an attempt, in one query. Descriptions are not questions."""
    answered = AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").count()
    return answered, attempt.question_count


# --- Status of a learner on a quiz --------------------------------------------------------


def passed_by_method(quiz: Quiz, submitted: list) -> bool:
    """Whether attempts (submitted, any order) pass `quiz` under its grading method."""
    if not submitted:
        return False
    if quiz.grading_method == GradingMethod.LAST:
        return bool(max(submitted, key=lambda a: a.number).passed)
    return any(a.passed for a in submitted)


def quiz_passed(*, user_id: int, quiz: Quiz) -> bool:
    submitted = list(
        QuizAttempt.objects.submitted()
        .filter(quiz=quiz, user_id=user_id)
        .only("id", "number", "passed")
    )
    return passed_by_method(quiz, submitted)


def answers_revealed(
    *, quiz: Quiz, attempt: QuizAttempt, attempts: list[QuizAttempt], now: datetime | None = None
) -> bool:
    """Whether right answers and feedback may be shown for `attempt`.

    `attempts` are all of this learner's attempts at the quiz. Never while any
    attempt is still open, nor for an attempt whose essays wait for a trainer,
    whatever the setting.
    """
    now = now or timezone.now()
    if attempt.submitted_at is None or any(a.submitted_at is None for a in attempts):
        return False
    if attempt.awaits_grading:
        return False
    submitted = [a for a in attempts if a.submitted_at is not None]
    reveal = quiz.reveal_answers
    if reveal == RevealAnswers.AFTER_EACH_ATTEMPT:
        return True
    if reveal == RevealAnswers.AFTER_PASSING:
        return passed_by_method(quiz, submitted)
    if reveal == RevealAnswers.AFTER_LAST_ATTEMPT:
        out_of_attempts = bool(quiz.max_attempts) and len(submitted) >= quiz.max_attempts
        closed = bool(quiz.closes_at) and now >= quiz.closes_at
        return out_of_attempts or closed
    return False


STATUS_LABELS = {
    "login": lambda: _("Log in to take the quiz"),
    "not_enrolled": lambda: _("Enrol in the course to take the quiz"),
    "not_open": lambda: _("Not open yet"),
    "closed": lambda: _("Closed"),
    "not_started": lambda: _("Not started"),
    "in_progress": lambda: pgettext("learning", "In progress"),
    "time_up": lambda: _("Time is up"),
    "awaiting_grade": lambda: _("Waiting for the trainer's grade"),
    "passed": lambda: _("Passed"),
    "failed": lambda: _("Not passed yet"),
    "no_attempts_left": lambda: _("Not passed, no attempts left"),
}
STATUS_BADGES = {
    "passed": "ok",
    "in_progress": "warn",
    "time_up": "warn",
    "failed": "warn",
    "no_attempts_left": "danger",
}


def quiz_url(quiz: Quiz) -> str:
    return reverse("assessments:quiz", args=[quiz.pk])


def attempt_url(attempt) -> str:
    return reverse("assessments:attempt", args=[attempt.pk])


def _summary(
    quiz: Quiz, attempts: list, *, authenticated: bool, enrolled: bool, now: datetime
) -> dict:
    submitted = [a for a in attempts if a.submitted_at is not None]
    current = next((a for a in attempts if a.submitted_at is None), None)
    used = len(attempts)
    left = None if not quiz.max_attempts else max(0, quiz.max_attempts - used)
    scores = [a.percent for a in submitted if a.percent is not None]
    last = max(submitted, key=lambda a: a.number) if submitted else None
    passed = passed_by_method(quiz, submitted)
    waiting = next((a for a in submitted if a.awaits_grading), None)
    url, action = quiz_url(quiz), ""
    if not authenticated:
        status = "login"
    elif current is not None:
        status = "time_up" if current.deadline and now >= current.deadline else "in_progress"
        url, action = attempt_url(current), _("Continue the quiz")
    elif passed:
        status, action = "passed", _("See your results")
    elif waiting is not None:
        # No score yet: the written answers wait for a trainer, who sends the result.
        status, action = "awaiting_grade", _("See your answers")
        url = reverse("assessments:review", args=[waiting.pk])
    elif not enrolled:
        status = "not_enrolled"
    elif not quiz.is_open(now):
        status = "not_open" if quiz.opens_at and now < quiz.opens_at else "closed"
        action = _("See your results") if submitted else ""
    elif submitted and left == 0:
        status, action = "no_attempts_left", _("See your results")
    elif submitted:
        status, action = "failed", _("Try again")
    else:
        status, action = "not_started", _("Start the quiz")
    return {
        "quiz": quiz,
        "title": quiz.title,
        "is_final": quiz.is_final,
        "status": status,
        "enrolled": enrolled,
        "status_label": STATUS_LABELS[status](),
        "badge": STATUS_BADGES.get(status, ""),
        "passed": passed,
        "awaiting_grade": status == "awaiting_grade",
        "best_percent": max(scores) if scores else None,
        "last_percent": last.percent if last else None,
        "attempts_used": used,
        "attempts_left": left,
        "max_attempts": quiz.max_attempts,
        "pass_mark": quiz.pass_mark_percent,
        "time_limit_minutes": quiz.time_limit_minutes,
        "question_count": None,
        "opens_at": quiz.opens_at,
        "closes_at": quiz.closes_at,
        "url": url,
        "action": action,
    }


def _attempts_by_quiz(user: User, quizzes: list[Quiz]) -> dict[int, list]:
    by_quiz: dict[int, list] = {quiz.pk: [] for quiz in quizzes}
    if not user.is_authenticated or not quizzes:
        return by_quiz
    rows = QuizAttempt.objects.filter(user=user, quiz__in=quizzes).only(
        "id", "quiz_id", "number", "submitted_at", "graded_at", "deadline", "percent", "passed"
    )
    for attempt in rows:
        by_quiz[attempt.quiz_id].append(attempt)
    return by_quiz


def lesson_quiz_panel(*, user: User, lesson: LessonPage) -> dict | None:
    """The quiz of a lesson as the learner stands with it, or None when it has none.

    Keys: quiz, title, is_final, status (login, not_enrolled, not_open, closed,
    not_started, in_progress, time_up, awaiting_grade, passed, failed,
    no_attempts_left), awaiting_grade (a submitted attempt waits for a trainer),
    status_label, badge, passed, best_percent, last_percent, attempts_used,
    attempts_left (None: no limit), max_attempts, pass_mark, time_limit_minutes,
    url (the quiz page, or the open attempt), action (button text, may be empty).
    Three queries at most, whatever the size of the course.
    """
    lesson = canonical_page(lesson)
    quiz = Quiz.objects.live().filter(lesson_id=lesson.pk).first()
    if quiz is None:
        return None
    attempts = _attempts_by_quiz(user, [quiz])[quiz.pk]
    enrolled = user.is_authenticated and (
        Enrollment.objects.filter(
            user=user, course__path=lesson.path[: -lesson.steplen], left_at__isnull=True
        ).exists()
    )
    return _summary(
        quiz,
        attempts,
        authenticated=user.is_authenticated,
        enrolled=enrolled,
        now=timezone.now(),
    )


def course_quiz_panels(*, user: User, course: CoursePage) -> list[dict]:
    """Every live quiz of a course: the lessons' quizzes in lesson order, then the final.

    Each dict is a lesson_quiz_panel dict plus `lesson` (the lesson page, or None
    for the final quiz). Three queries, whatever the number of lessons and quizzes.
    """
    course = canonical_page(course)
    lesson_ids = LessonPage.objects.child_of(course).values("pk")
    quizzes = list(
        Quiz.objects.live()
        .filter(Q(course_id=course.pk) | Q(lesson__in=lesson_ids))
        .select_related("lesson")
    )
    quizzes.sort(key=lambda q: (q.is_final, q.lesson.path if q.lesson_id else ""))
    if not quizzes:
        return []
    by_quiz = _attempts_by_quiz(user, quizzes)
    enrolled = active_enrollment(user=user, course=course) is not None
    now = timezone.now()
    panels = []
    for quiz in quizzes:
        panel = _summary(
            quiz,
            by_quiz[quiz.pk],
            authenticated=user.is_authenticated,
            enrolled=enrolled,
            now=now,
        )
        panel["lesson"] = quiz.lesson if quiz.lesson_id else None
        panels.append(panel)
    return panels


def quiz_overview(*, user: User, quiz: Quiz, course: CoursePage) -> dict:
    """The quiz page: the learner's status and every attempt, newest first."""
    attempts = list(QuizAttempt.objects.filter(user=user, quiz=quiz).order_by("-number"))
    now = timezone.now()
    summary = _summary(
        quiz,
        attempts,
        authenticated=user.is_authenticated,
        enrolled=active_enrollment(user=user, course=course) is not None,
        now=now,
    )
    summary["attempts"] = attempts
    summary["open_attempt"] = next((a for a in attempts if a.submitted_at is None), None)
    # Taking a passed quiz again could only lower the result when the last attempt counts.
    summary["can_start"] = summary["status"] in ("not_started", "failed") or (
        summary["status"] == "passed"
        and summary["enrolled"]
        and summary["attempts_left"] != 0
        and quiz.grading_method == GradingMethod.HIGHEST
        and quiz.is_open(now)
    )
    summary["start_label"] = {
        "not_started": _("Start the quiz"),
        "failed": _("Try again"),
        "passed": _("Take it again"),
    }.get(summary["status"], "")
    summary["revealed"] = {
        a.pk: answers_revealed(quiz=quiz, attempt=a, attempts=attempts, now=now) for a in attempts
    }
    return summary


def learner_attempt(*, user: User, attempt_id: int) -> QuizAttempt | None:
    """The learner's own attempt (another learner's id gives None, so the view 404s)."""
    if not user.is_authenticated:
        return None
    return (
        QuizAttempt.objects.select_related("quiz", "quiz__lesson", "quiz__course")
        .filter(pk=attempt_id, user=user)
        .first()
    )


def quiz_course(quiz: Quiz) -> CoursePage:
    """The course a quiz belongs to (the lesson's course, or the course it is final for)."""
    if quiz.course_id:
        return quiz.course
    # The lesson's parent, found by its path in one query (get_parent and then its
    # specific page would be two).
    lesson = quiz.lesson
    return CoursePage.objects.get(path=lesson.path[: -lesson.steplen])
