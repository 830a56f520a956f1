"""The quiz player: works with plain form posts; static/js/quiz.js saves as you go."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lms.core.numbers import id_parse
from lms.learning.selectors import active_enrollment

from .attempt_review import attempt_review
from .forms import AnswerPostError, parse_answer_post
from .models import MANUAL_KINDS, Quiz, QuizAttempt
from .selectors import (
    answers_revealed,
    attempt_progress,
    attempt_sheet,
    learner_attempt,
    quiz_course,
    quiz_overview,
)
from .services import (
    AttemptError,
    attempt_answers_save,
    attempt_close_if_overdue,
    attempt_start,
    attempt_submit,
)


def _quiz_for(request: HttpRequest, quiz_id: int) -> Quiz:
    quiz = get_object_or_404(Quiz.objects.select_related("lesson", "course"), pk=quiz_id)
    if not quiz.is_live and not quiz.attempts.filter(user=request.user).exists():
        raise Http404
    return quiz


def _render_quiz(request, quiz: Quiz, *, error: str = "", status: int = 200) -> HttpResponse:
    course = quiz_course(quiz)
    context = {
        "quiz": quiz,
        "course": course,
        "lesson": quiz.lesson if quiz.lesson_id else None,
        "overview": quiz_overview(user=request.user, quiz=quiz, course=course),
        "error": error,
    }
    return render(request, "assessments/quiz_detail.html", context, status=status)


@login_required
@never_cache
def quiz_detail(request: HttpRequest, quiz_id: int) -> HttpResponse:
    return _render_quiz(request, _quiz_for(request, quiz_id))


@login_required
@require_POST
def quiz_start(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = _quiz_for(request, quiz_id)
    try:
        result = attempt_start(user=request.user, quiz=quiz)
    except AttemptError as error:
        return _render_quiz(request, quiz, error=error.message, status=error.status)
    return redirect("assessments:attempt", result.attempt.pk)


def _own_attempt(request: HttpRequest, attempt_id: int) -> QuizAttempt:
    attempt = learner_attempt(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    return attempt


def _closed_redirect(request: HttpRequest, attempt: QuizAttempt, *, time_up: bool) -> HttpResponse:
    if time_up:
        messages.warning(
            request, _("Time is up. The answers you saved before the deadline were graded.")
        )
    return redirect("assessments:review", attempt.pk)


def _render_sheet(request, attempt: QuizAttempt, *, rejected=None, status: int = 200):
    sheet = attempt_sheet(attempt, rejected=rejected)
    answered = sum(1 for q in sheet if q.answered)
    questions = [q for q in sheet if not q.is_description]
    seconds_left = (
        max(0, int((attempt.deadline - timezone.now()).total_seconds()))
        if attempt.deadline
        else None
    )
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "sheet": sheet,
        "answered": answered,
        "total": len(questions),
        "questions": questions,
        "seconds_left": seconds_left,
        "minutes_left": -(-seconds_left // 60) if seconds_left is not None else None,
    }
    return render(request, "assessments/attempt.html", context, status=status)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def attempt_take(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.submitted_at is not None:
        return redirect("assessments:review", attempt.pk)
    if request.method == "GET":
        if attempt_close_if_overdue(attempt=attempt):
            return _closed_redirect(request, attempt, time_up=True)
        return _render_sheet(request, attempt)
    try:
        answers = parse_answer_post(request.POST)
        result = attempt_answers_save(user=request.user, attempt=attempt, answers=answers)
    except AnswerPostError as error:
        messages.error(request, str(error))
        return _render_sheet(request, attempt, status=400)
    except AttemptError as error:
        messages.error(request, error.message)
        return _render_sheet(request, attempt, status=error.status)
    if result.closed:
        return _closed_redirect(request, attempt, time_up=result.time_up)
    if result.errors:
        rejected = {p: (answers[p], message) for p, message in result.errors.items()}
        messages.error(request, _("Some answers could not be saved. Check the marked questions."))
        return _render_sheet(request, attempt, rejected=rejected, status=400)
    if request.POST.get("finish"):
        return redirect("assessments:submit", attempt.pk)
    saved_at = request.POST.get("save", "")
    anchor = ""
    if (position := id_parse(saved_at)) is not None:
        following = position + 1
        anchor = f"#q-{following}" if following <= len(attempt.layout) else "#finish"
    return redirect(reverse("assessments:attempt", args=[attempt.pk]) + anchor)


@login_required
@require_POST
def attempt_autosave(request: HttpRequest, attempt_id: int) -> JsonResponse:
    """The same save as the form, for static/js/quiz.js. The reply holds no grading."""
    attempt = _own_attempt(request, attempt_id)
    review_url = reverse("assessments:review", args=[attempt.pk])
    try:
        answers = parse_answer_post(request.POST)
        result = attempt_answers_save(user=request.user, attempt=attempt, answers=answers)
    except AnswerPostError as error:
        return JsonResponse({"ok": False, "message": str(error)}, status=400)
    except AttemptError as error:
        return JsonResponse({"ok": False, "message": error.message}, status=error.status)
    if result.closed:
        message = (
            _("Time is up. The answers you saved before the deadline were graded.")
            if result.time_up
            else _("This attempt has already been submitted.")
        )
        return JsonResponse(
            {"ok": False, "closed": True, "message": message, "redirect": review_url}, status=409
        )
    if result.errors:
        return JsonResponse(
            {"ok": False, "saved": result.saved, "errors": result.errors}, status=400
        )
    return JsonResponse({"ok": True, "saved": result.saved})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def attempt_submit_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if request.method == "POST":
        try:
            result = attempt_submit(user=request.user, attempt=attempt)
        except AttemptError as error:
            messages.error(request, error.message)
            return redirect("assessments:attempt", attempt.pk)
        if result.graded_now and result.attempt.awaits_grading:
            messages.success(
                request,
                _(
                    "Your answers were submitted. The trainer will grade your written answers; "
                    "you will be told when your result is ready."
                ),
            )
        elif result.graded_now:
            messages.success(request, _("Your answers were submitted and graded."))
        return redirect("assessments:review", attempt.pk)
    if attempt.submitted_at is not None:
        return redirect("assessments:review", attempt.pk)
    if attempt_close_if_overdue(attempt=attempt):
        return _closed_redirect(request, attempt, time_up=True)
    answered, total = attempt_progress(attempt)
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "answered": answered,
        "total": total,
        "has_essays": any(entry["k"] in MANUAL_KINDS for entry in attempt.layout),
    }
    return render(request, "assessments/attempt_submit.html", context)


@login_required
@never_cache
def attempt_review_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.submitted_at is None and not attempt_close_if_overdue(attempt=attempt):
        return redirect("assessments:attempt", attempt.pk)
    quiz = attempt.quiz
    attempts = list(QuizAttempt.objects.filter(quiz=quiz, user=request.user))
    revealed = answers_revealed(quiz=quiz, attempt=attempt, attempts=attempts)
    course = quiz_course(quiz)
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "course": course,
        "lesson": quiz.lesson if quiz.lesson_id else None,
        "review": attempt_review(attempt, revealed=revealed),
        "revealed": revealed,
        "has_open_attempt": any(a.submitted_at is None for a in attempts),
        "overview": quiz_overview(user=request.user, quiz=quiz, course=course),
    }
    enrollment = active_enrollment(user=request.user, course=course)
    context["course_completed"] = bool(attempt.passed and enrollment and enrollment.completed_at)
    return render(request, "assessments/attempt_review.html", context)
