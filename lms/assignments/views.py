"""Learner pages (hand in, history, gallery) and staff pages (review queue, review).

Somebody else's submission or file answers 404, never 403, so ids reveal nothing.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lms.centres.scoping import centre_filter
from lms.core.clean import text_clean
from lms.core.numbers import id_parse

from .forms import HandInForm, ReviewForm
from .models import Assignment, SubmissionStatus
from .selectors import (
    attach_course_titles,
    can_review,
    file_for_viewer,
    gallery_items,
    gallery_open_to,
    learner_submission,
    learner_view,
    my_assignments,
    review_queue,
    submission_for_review,
)
from .services import (
    AssignmentError,
    Work,
    submission_draft_save,
    submission_gallery_consent_set,
    submission_hand_in,
    submission_mark_seen,
    submission_review,
)

QUEUE_PAGE_SIZE = 25


def _visible_assignment(pk: int) -> Assignment:
    assignment = get_object_or_404(Assignment.objects.select_related("lesson", "course"), pk=pk)
    page = assignment.lesson or assignment.course
    if not page.live:
        raise Http404
    return assignment


# --- Learner ---------------------------------------------------------------------------


@login_required
@never_cache
def my_work(request: HttpRequest) -> HttpResponse:
    return render(
        request, "assignments/my_assignments.html", {"rows": my_assignments(user=request.user)}
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Read the instructions, work on a draft, hand it in, see feedback and history."""
    assignment = _visible_assignment(pk)
    status = 200
    form = None
    if request.method == "POST":
        view = learner_view(user=request.user, assignment=assignment)
        form = HandInForm(request.POST, request.FILES, assignment=assignment, current=view.current)
        if form.is_valid():
            try:
                _save(request, assignment, form)
                return redirect("assignments:detail", pk=assignment.pk)
            except AssignmentError as error:
                form.add_error(None, error.message)
                if error.code == "incomplete":
                    form.add_error(None, _("What you sent is saved as a draft."))
        status = 400
    view = learner_view(user=request.user, assignment=assignment)
    unseen = [
        s for s in (view.current, *view.history) if s and s.reviewed_at and not s.learner_seen_at
    ]
    submission_mark_seen(user=request.user, submissions=unseen)
    if form is None and view.enrolled and (view.current is None or view.current.is_editable):
        form = HandInForm(assignment=assignment, current=view.current)
    context = {
        "assignment": assignment,
        "view": view,
        "form": form,
        "course": view.course,
        "autosave_url": reverse("assignments:autosave", args=[assignment.pk]),
    }
    return render(request, "assignments/detail.html", context, status=status)


def _work_from(request: HttpRequest, form: HandInForm) -> Work:
    data = form.cleaned_data
    remove = id_parse(request.POST.get("remove_file"))
    return Work(
        text=data.get("text") if "text" in form.fields else None,
        images=data.get("photos") or [],
        files=data.get("files") or [],
        remove_file_ids=[remove] if remove else [],
        share_in_gallery=data.get("share_in_gallery")
        if "share_in_gallery" in form.fields
        else None,
    )


def _save(request: HttpRequest, assignment: Assignment, form: HandInForm) -> None:
    work = _work_from(request, form)
    removing = bool(request.POST.get("remove_file"))
    if request.POST.get("action") == "hand_in" and not removing:
        submission_hand_in(user=request.user, assignment=assignment, work=work)
        messages.success(
            request, _("Handed in. Your trainer will review your work and you will be told here.")
        )
    else:
        submission_draft_save(user=request.user, assignment=assignment, work=work)
        if removing:
            messages.success(request, _("Removed."))
        else:
            messages.success(request, _("Draft saved. Hand it in when it is ready."))


@login_required
@require_POST
def autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """Keep the text of a draft while the learner types (called by assignments.js)."""
    assignment = _visible_assignment(pk)
    # The same form as the hand-in form's text: no NUL, NFC, Thai repairs.
    text = text_clean(request.POST.get("text", ""), multiline=True)
    view = learner_view(user=request.user, assignment=assignment)
    if view.current is None and not text.strip():
        return JsonResponse({"saved": False})
    try:
        submission_draft_save(user=request.user, assignment=assignment, work=Work(text=text))
    except AssignmentError as error:
        return JsonResponse({"saved": False, "message": error.message}, status=409)
    saved_at = time_format(timezone.localtime(), "H:i")
    return JsonResponse(
        {"saved": True, "message": _("Draft saved at %(time)s") % {"time": saved_at}}
    )


@login_required
@never_cache
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One attempt as it was handed in and reviewed."""
    submission = learner_submission(user=request.user, pk=pk)
    if submission is None:
        raise Http404
    submission_mark_seen(user=request.user, submissions=[submission])
    return render(request, "assignments/submission_detail.html", {"submission": submission})


@login_required
@require_POST
def gallery_consent(request: HttpRequest, pk: int) -> HttpResponse:
    submission = learner_submission(user=request.user, pk=pk)
    if submission is None:
        raise Http404
    share = request.POST.get("share") == "1"
    submission_gallery_consent_set(user=request.user, submission=submission, share=share)
    if share:
        messages.success(request, _("Your work is shown in the class gallery."))
    else:
        messages.success(request, _("Your work is no longer shown in the class gallery."))
    return redirect("assignments:detail", pk=submission.assignment_id)


@login_required
@never_cache
def gallery(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _visible_assignment(pk)
    if not gallery_open_to(user=request.user, assignment=assignment):
        raise Http404
    return render(
        request,
        "assignments/gallery.html",
        {"assignment": assignment, "items": gallery_items(assignment=assignment)},
    )


@login_required
@never_cache
def file_view(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a handed-in file to those allowed to see it; `?size=thumb` for a preview."""
    record = file_for_viewer(user=request.user, pk=pk)
    if record is None:
        raise Http404
    thumb = request.GET.get("size") == "thumb" and record.thumbnail
    stored = record.thumbnail if thumb else record.file
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type="image/jpeg" if thumb else record.content_type,
        as_attachment=not record.is_image,
        filename=record.original_name,
    )
    # Names never change, so the phone may keep the file; shared caches may not.
    patch_cache_control(response, private=True, max_age=86400)
    return response


# --- Staff ---------------------------------------------------------------------------------


@login_required
@never_cache
def review_queue_view(request: HttpRequest) -> HttpResponse:
    """Work handed in by the learners of the reviewer's centres, oldest first."""
    if not can_review(request.user):
        raise PermissionDenied
    state = "reviewed" if request.GET.get("state") == "reviewed" else "waiting"
    centres, centre_id = centre_filter(request.user, request.GET)
    queryset = review_queue(reviewer=request.user, state=state, centre_id=centre_id)
    page = Paginator(queryset, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    submissions = list(page.object_list)
    attach_course_titles(submissions)
    context = {
        "state": state,
        "page_obj": page,
        "submissions": submissions,
        "centres": centres,
        "centre_id": centre_id,
        "pager_query": urlencode({"state": state, **({"centre": centre_id} if centre_id else {})}),
    }
    return render(request, "assignments/review_queue.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Open one submission: photos at full size, the rubric, feedback, pass or redo."""
    submission = submission_for_review(reviewer=request.user, pk=pk)
    if submission is None:
        raise Http404
    assignment = submission.assignment
    status = 200
    form = None
    if submission.status == SubmissionStatus.SUBMITTED:
        form = ReviewForm(request.POST or None, assignment=assignment)
        if request.method == "POST":
            if form.is_valid():
                decision = form.cleaned_data["decision"]
                try:
                    submission_review(
                        reviewer=request.user,
                        submission=submission,
                        decision=decision,
                        feedback=form.cleaned_data["feedback"],
                        levels=form.levels(),
                    )
                except AssignmentError as error:
                    form.add_error(None, error.message)
                else:
                    learner = submission.user.display_name or submission.user.username
                    if decision == SubmissionStatus.PASSED:
                        text = _("Passed: %(learner)s, “%(title)s”.")
                    else:
                        text = _("Redo asked of %(learner)s for “%(title)s”.")
                    messages.success(
                        request, text % {"learner": learner, "title": assignment.title}
                    )
                    return redirect("assignments:review_queue")
            status = 400
    elif request.method == "POST":
        messages.error(request, _("This work has already been reviewed."))
        return redirect("assignments:review_detail", pk=submission.pk)
    context = {"submission": submission, "assignment": assignment, "form": form}
    return render(request, "assignments/review_detail.html", context, status=status)
