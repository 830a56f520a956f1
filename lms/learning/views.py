"""Learner actions (enrol, leave, mark done, continue) and the My learning dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page

from .dashboard import course_completed_panels, dashboard_panels
from .models import Enrollment
from .selectors import course_progress_for, dashboard_for, suggested_courses, translated
from .services import LearningError, enrollment_create, enrollment_leave, lesson_complete


def _live_page(model, pk: int):
    page = model.objects.live().public().filter(pk=pk).first()
    if page is None:
        raise Http404
    return page


@login_required
@never_cache
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "dashboard": dashboard_for(user=request.user, language=get_language()),
        **dashboard_panels(request=request),
    }
    return render(request, "learning/dashboard.html", context)


@login_required
@require_POST
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_page(CoursePage, course_id)
    try:
        result = enrollment_create(user=request.user, course=course)
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(course.url)
    if result.created:
        messages.success(request, _("You are enrolled. Start with the first lesson below."))
    else:
        messages.info(request, _("You are already enrolled in this course."))
    return redirect(course.url)


@login_required
@require_POST
def leave(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_page(CoursePage, course_id)
    try:
        enrollment_leave(user=request.user, course=course)
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You left the course. Your progress is kept if you come back."))
    return redirect(course.url)


@login_required
@require_POST
def complete_lesson(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = _live_page(LessonPage, lesson_id)
    try:
        lesson_complete(user=request.user, lesson=lesson)
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    course = lesson.get_parent().specific
    progress = course_progress_for(user=request.user, course=course, current_lesson=lesson)
    if progress.is_completed:
        return redirect("learning:completed", course_id=canonical_page(course).pk)
    messages.success(request, _("Lesson marked as done."))
    following = progress.following_lesson
    return redirect(following.url if following else course.url)


@login_required
@never_cache
def continue_course(request: HttpRequest, course_id: int) -> HttpResponse:
    """Go to the exact next unfinished lesson (or the course page when none is left)."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    shown = translated(course, get_language())
    progress = course_progress_for(user=request.user, course=shown)
    if progress.next_lesson is not None:
        return redirect(progress.next_lesson.url)
    return redirect(shown.url)


@login_required
@never_cache
def course_completed(request: HttpRequest, course_id: int) -> HttpResponse:
    """Congratulations on a finished course: what it gave (the certificate, through the
    panels of higher apps) and what to learn next. Only for the learner who finished it."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("course"),
        user=request.user,
        course_id=course_id,
        completed_at__isnull=False,
        left_at__isnull=True,
    )
    language = get_language()
    context = {
        "enrollment": enrollment,
        "course": translated(enrollment.course, language),
        "next_courses": suggested_courses(
            user=request.user, language=language, like=enrollment.course
        ),
        "panels": course_completed_panels(request=request, enrollment=enrollment),
    }
    return render(request, "learning/course_completed.html", context)
