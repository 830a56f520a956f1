"""Early-childhood sessions: a facilitator records an activity run with children."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.centres.services import CentreError
from lms.centres.views.common import form_status, get_scoped_or_404, staff_required
from lms.core.numbers import id_param

from .forms import EarlyChildhoodForm
from .scoping import early_childhood_sessions_visible_to
from .selectors import early_childhood_sessions_for
from .services import (
    ChildCounts,
    early_childhood_session_create,
    early_childhood_session_delete,
    early_childhood_session_update,
)


def _counts(data: dict) -> ChildCounts:
    return ChildCounts(
        age_3=data["children_age_3"],
        age_4=data["children_age_4"],
        age_5=data["children_age_5"],
        age_6=data["children_age_6"],
        adults=data["adults"],
    )


@staff_required
def early_childhood_list(request: HttpRequest) -> HttpResponse:
    records = early_childhood_sessions_for(user=request.user)
    page = Paginator(records, 30).get_page(request.GET.get("page"))
    return render(request, "early_childhood/session_list.html", {"page": page})


@staff_required
@require_http_methods(["GET", "POST"])
def early_childhood_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    activity_id = id_param(request.GET, "activity")
    if activity_id is not None:
        initial["activity"] = activity_id
    form = EarlyChildhoodForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            early_childhood_session_create(
                actor=request.user,
                centre=data["centre"],
                activity=data["activity"],
                date=data["date"],
                counts=_counts(data),
                notes=data["notes"],
            )
        except CentreError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The session is recorded. Thank you!"))
            return redirect("centres:early_childhood_list")
    return render(
        request,
        "early_childhood/session_form.html",
        {"form": form, "record": None},
        status=form_status(form),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def early_childhood_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_scoped_or_404(
        early_childhood_sessions_visible_to(request.user).select_related("centre"), pk=pk
    )
    if request.method == "POST" and "delete" in request.POST:
        early_childhood_session_delete(actor=request.user, record=record)
        messages.success(request, _("The record is deleted."))
        return redirect("centres:early_childhood_list")
    initial = {
        "activity": record.activity_id,
        "date": record.date,
        "children_age_3": record.children_age_3,
        "children_age_4": record.children_age_4,
        "children_age_5": record.children_age_5,
        "children_age_6": record.children_age_6,
        "adults": record.adults,
        "notes": record.notes,
    }
    form = EarlyChildhoodForm(
        request.POST or None, user=request.user, editing=True, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            early_childhood_session_update(
                actor=request.user,
                record=record,
                activity=data["activity"],
                date=data["date"],
                counts=_counts(data),
                notes=data["notes"],
            )
        except CentreError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("centres:early_childhood_list")
    return render(
        request,
        "early_childhood/session_form.html",
        {"form": form, "record": record},
        status=form_status(form),
    )
