"""Offline learning endpoints: the course download list, quiz papers, draft pages, sync.

The JSON endpoints answer JSON also when refusing (a problem detail with a Thai title),
so that the device's queue can tell "try again later" from "this will never work".
"""

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from assessments.models import Quiz
from assessments.selectors import paper_sheet, quiz_course
from lms.assignments.models import MAX_TEXT_LENGTH, Assignment
from lms.assignments.selectors import assignment_course, learner_view
from lms.learning.selectors import active_enrollment

from .downloads import course_download
from .models import ActionType
from .sync import (
    ActionIn,
    device_time,
    offline_action_apply,
    offline_actions_apply,
    paper_issue,
    paper_token,
)

MAX_ACTIONS = 50
MAX_BODY_BYTES = 256 * 1024


def _problem(title: str, status: int) -> JsonResponse:
    response = JsonResponse(
        {"title": title, "status": status},
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _cacheable(response: HttpResponse) -> HttpResponse:
    """Kept by the learner's device (checked again at every visit), never by a proxy."""
    patch_cache_control(response, private=True, max_age=0)
    return response


@require_GET
def course_download_view(request: HttpRequest, course_id: int) -> JsonResponse:
    if not request.user.is_authenticated:
        raise Http404
    download = course_download(user=request.user, course_id=course_id, request=request)
    if download is None:
        raise Http404
    response = JsonResponse(download.as_json(), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def quiz_paper(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The offline quiz's questions in a form the device can keep and send later."""
    quiz = get_object_or_404(
        Quiz.objects.live().select_related("lesson", "course"),
        pk=quiz_id,
        available_offline=True,
        time_limit_minutes__isnull=True,
    )
    course = quiz_course(quiz)
    if active_enrollment(user=request.user, course=course) is None:
        raise Http404
    paper = paper_issue(user=request.user, quiz=quiz)
    sheet = paper_sheet(paper.layout)
    context = {
        "quiz": quiz,
        "course": course,
        "sheet": sheet,
        "total": sum(1 for question in sheet if not question.is_description),
        "token": paper_token(paper=paper),
        "key": uuid.uuid4(),
    }
    return _cacheable(render(request, "offline/quiz_paper.html", context))


@login_required
@require_GET
def assignment_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """A small page with only the learner's draft text: safe for the device to keep."""
    assignment = get_object_or_404(Assignment.objects.select_related("lesson", "course"), pk=pk)
    page = assignment.lesson or assignment.course
    if not page.live or not assignment.accepts_text:
        raise Http404
    course = assignment_course(assignment)
    if active_enrollment(user=request.user, course=course) is None:
        raise Http404
    view = learner_view(user=request.user, assignment=assignment)
    current = view.current
    context = {
        "assignment": assignment,
        "course": course,
        "text": current.text if current is not None else "",
        "editable": current is None or current.is_editable,
        "max_length": MAX_TEXT_LENGTH,
        "key": uuid.uuid4(),
    }
    return _cacheable(render(request, "offline/assignment_draft.html", context))


def _actions_from(payload) -> list[ActionIn] | None:
    """The queued actions of a sync body, or None when the body is not one."""
    if not isinstance(payload, dict) or not isinstance(payload.get("actions"), list):
        return None
    actions = []
    for item in payload["actions"]:
        if not isinstance(item, dict) or item.get("type") not in ActionType.values:
            return None
        fields = item.get("fields", [])
        if not isinstance(fields, list) or not all(
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
            for pair in fields
        ):
            return None
        try:
            key = uuid.UUID(str(item.get("key")))
        except ValueError:
            return None
        actions.append(
            ActionIn(
                key=key,
                type=item["type"],
                fields=[(name, value) for name, value in fields],
                at=device_time(item.get("at")),
            )
        )
    return actions


@require_POST
def sync(request: HttpRequest) -> JsonResponse:
    """Apply the device's queue: results in the order sent, each key applied once."""
    if not request.user.is_authenticated:
        # The device keeps its queue and sends it again after the learner signs in.
        return _problem(_("Sign in again to send what you did offline."), 403)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        return _problem(_("Too much was sent at once. Send fewer answers at a time."), 413)
    try:
        body = request.body
    except RequestDataTooBig:
        return _problem(_("Too much was sent at once. Send fewer answers at a time."), 413)
    if len(body) > MAX_BODY_BYTES:
        return _problem(_("Too much was sent at once. Send fewer answers at a time."), 413)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        payload = None
    actions = _actions_from(payload)
    if actions is None:
        return _problem(_("The data sent is not in the expected form."), 400)
    if len(actions) > MAX_ACTIONS:
        return _problem(_("Too much was sent at once. Send fewer answers at a time."), 413)
    results = offline_actions_apply(user=request.user, actions=actions)
    response = JsonResponse(
        {"results": [result.as_json() for result in results]},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _type_of_form(request: HttpRequest) -> str | None:
    explicit = request.POST.get("type")
    if explicit in ActionType.values:
        return explicit
    if "paper" in request.POST:
        return ActionType.QUIZ_SUBMIT
    if "assignment" in request.POST:
        return ActionType.ASSIGNMENT_DRAFT
    if "lesson" in request.POST:
        return ActionType.LESSON_DONE
    return None


@login_required
@require_POST
def sync_form(request: HttpRequest) -> HttpResponse:
    """The same actions as a plain form post (a phone without JavaScript, online)."""
    action_type = _type_of_form(request)
    if action_type is None:
        return HttpResponse(_("The data sent is not in the expected form."), status=400)
    try:
        key = uuid.UUID(request.POST.get("key", ""))
    except ValueError:
        key = uuid.uuid4()
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    result = offline_action_apply(
        user=request.user, action=ActionIn(key=key, type=action_type, fields=fields)
    )
    if result.status == "done":
        messages.success(request, result.message)
        return redirect(result.url or "learning:dashboard")
    messages.error(request, result.message)
    back = request.META.get("HTTP_REFERER", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("learning:dashboard")
