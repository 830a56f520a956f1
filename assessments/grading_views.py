"""Staff pages for grading essays: the queue of attempts waiting, and one attempt's essays.

Modelled on the review of handed-in work (lms.assignments.views): another
centre's attempt answers 404, never 403, so ids reveal nothing.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lms.centres.scoping import centre_filter

from .grading_forms import EssayGradeForm
from .grading_selectors import attempt_for_grading, can_grade, essay_queue, grading_sheet
from .grading_services import GradingError, essay_grade

QUEUE_PAGE_SIZE = 25


@login_required
@never_cache
def essay_queue_view(request: HttpRequest) -> HttpResponse:
    """Attempts of the grader's centres' learners whose essays wait, oldest first."""
    if not can_grade(request.user):
        raise PermissionDenied
    centres, centre_id = centre_filter(request.user, request.GET)
    queryset = essay_queue(grader=request.user, centre_id=centre_id)
    page = Paginator(queryset, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "attempts": list(page.object_list),
        "centres": centres,
        "centre_id": centre_id,
        "pager_query": urlencode({"centre": centre_id} if centre_id else {}),
    }
    return render(request, "assessments/grading_queue.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def essay_grade_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """One attempt's essays: the question, notes for the grader, the answer, points, comment."""
    attempt = attempt_for_grading(grader=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    sheet = grading_sheet(attempt)
    if not sheet.essays:
        raise Http404
    form, status = None, 200
    if attempt.awaits_grading:
        form = EssayGradeForm(request.POST or None, essays=sheet.essays)
        if request.method == "POST":
            if form.is_valid():
                try:
                    graded = essay_grade(grader=request.user, attempt=attempt, grades=form.grades())
                except GradingError as error:
                    if error.code == "already_graded":
                        messages.error(request, error.message)
                        return redirect("assessments:grading_detail", attempt.pk)
                    field = f"points-{error.answer_id}" if error.answer_id else None
                    form.add_error(field if field in form.fields else None, error.message)
                else:
                    _tell_grader(request, graded)
                    return redirect("assessments:grading_queue")
            status = 400
    elif request.method == "POST":
        messages.error(request, _("This attempt has already been graded."))
        return redirect("assessments:grading_detail", attempt.pk)
    context = {"attempt": attempt, "sheet": sheet, "form": form}
    return render(request, "assessments/grading_detail.html", context, status=status)


def _tell_grader(request: HttpRequest, attempt) -> None:
    learner = attempt.user.display_name or attempt.user.username
    values = {"learner": learner, "title": attempt.quiz.title}
    if attempt.awaits_grading:
        messages.success(request, _("Saved: %(learner)s, “%(title)s”.") % values)
    elif attempt.passed:
        messages.success(request, _("Graded: %(learner)s passed “%(title)s”.") % values)
    else:
        messages.success(
            request, _("Graded: %(learner)s has not passed “%(title)s” this time.") % values
        )
