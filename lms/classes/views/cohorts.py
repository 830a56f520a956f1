"""Staff home, classes, members and sessions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.centres import scoping
from lms.centres.downloads import download
from lms.centres.services import CentreError
from lms.centres.views.common import form_status, get_scoped_or_404, staff_required
from lms.core.clean import query_text
from lms.core.numbers import id_parse
from lms.users.models import User

from .. import scoping as class_scoping
from ..attendance_exports import (
    attendance_csv,
    attendance_xlsx,
    cohort_attendance_table,
    file_stem,
)
from ..forms import CohortForm, SessionForm
from ..selectors import cohort_roster, cohorts_for, learners_for, sessions_today_for
from ..services import (
    cohort_create,
    cohort_member_add,
    cohort_member_remove,
    cohort_session_create,
    cohort_session_delete,
    cohort_session_update,
    cohort_update,
)


def _cohort(request: HttpRequest, pk: int):
    return get_scoped_or_404(
        class_scoping.cohorts_visible_to(request.user).select_related("centre", "course"), pk=pk
    )


@staff_required
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "sessions_today": sessions_today_for(user=request.user),
        "cohorts": cohorts_for(user=request.user, current_only=True)[:20],
        "centres": scoping.centres_visible_to(request.user).select_related("province")[:20],
        "is_centre_admin": scoping.is_centre_admin(request.user),
    }
    return render(request, "classes/home.html", context)


@staff_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    cohorts = cohorts_for(user=request.user, current_only=not show_all)
    page = Paginator(cohorts, 30).get_page(request.GET.get("page"))
    return render(request, "classes/cohort_list.html", {"page": page, "show_all": show_all})


@staff_required
@require_http_methods(["GET", "POST"])
def cohort_create_view(request: HttpRequest) -> HttpResponse:
    form = CohortForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cohort = cohort_create(
                actor=request.user,
                centre=data["centre"],
                course=data["course"],
                name=data["name"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                trainers=data["trainers"],
            )
        except CentreError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The class is ready. Add its sessions and learners."))
            return redirect("centres:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "classes/cohort_form.html",
        {"form": form, "cohort": None},
        status=form_status(form),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    initial = {
        "name": cohort.name,
        "start_date": cohort.start_date,
        "end_date": cohort.end_date,
        "trainers": list(cohort.trainers.values_list("pk", flat=True)),
    }
    form = CohortForm(request.POST or None, user=request.user, cohort=cohort, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cohort_update(
                actor=request.user,
                cohort=cohort,
                name=data["name"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                trainers=data["trainers"],
            )
        except CentreError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("centres:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "classes/cohort_form.html",
        {"form": form, "cohort": cohort},
        status=form_status(form),
    )


@staff_required
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    roster = cohort_roster(cohort=cohort)
    return render(
        request,
        "classes/cohort_detail.html",
        {
            "cohort": cohort,
            "roster": roster,
            "trainers": list(cohort.trainers.all()),
            "can_import": scoping.can_administer(request.user, cohort.centre_id),
        },
    )


@staff_required
def cohort_attendance_export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The class's attendance, learners × sessions, as XLSX or CSV."""
    table = cohort_attendance_table(cohort=_cohort(request, pk))
    content = attendance_xlsx(table) if kind == "xlsx" else attendance_csv(table)
    return download(content, file_name=file_stem(f"attendance-class-{pk}"), kind=kind)


@staff_required
@require_http_methods(["GET", "POST"])
def cohort_members_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Find learners of the centre by name, username or phone and add them one by one."""
    cohort = _cohort(request, pk)
    if request.method == "POST":
        learner = get_scoped_or_404(
            scoping.learners_visible_to(request.user), pk=id_parse(request.POST.get("user")) or 0
        )
        try:
            result = cohort_member_add(actor=request.user, cohort=cohort, user=learner)
        except CentreError as error:
            messages.error(request, error.message)
        else:
            name = learner.display_name or learner.username
            if result.created:
                messages.success(request, _("%(name)s is now in the class.") % {"name": name})
            else:
                messages.info(request, _("%(name)s was already in the class.") % {"name": name})
        query = query_text(request.POST)
        return redirect(request.path + (f"?{urlencode({'q': query})}" if query else ""))
    query = query_text(request.GET)
    matches = []
    if query:
        matches = list(
            learners_for(user=request.user, query=query)
            .exclude(cohort_memberships__cohort=cohort)
            .exclude(pk__in=cohort.trainers.values("pk"))[:20]
        )
    return render(
        request,
        "classes/cohort_members_add.html",
        {"cohort": cohort, "query": query, "matches": matches},
    )


@staff_required
@require_POST
def cohort_member_remove_view(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    learner = get_scoped_or_404(User.objects.filter(cohort_memberships__cohort=cohort), pk=user_id)
    cohort_member_remove(actor=request.user, cohort=cohort, user=learner)
    messages.success(
        request,
        _("%(name)s is no longer in the class. Their learning record is kept.")
        % {"name": learner.display_name or learner.username},
    )
    return redirect("centres:cohort_detail", pk=cohort.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort_session_create(actor=request.user, cohort=cohort, **form.cleaned_data)
        except CentreError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Session added."))
            return redirect("centres:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "classes/session_form.html",
        {"form": form, "cohort": cohort, "session": None},
        status=form_status(form),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_scoped_or_404(
        class_scoping.sessions_visible_to(request.user).select_related("cohort", "cohort__centre"),
        pk=pk,
    )
    cohort = session.cohort
    if request.method == "POST" and "delete" in request.POST:
        try:
            cohort_session_delete(actor=request.user, session=session)
        except CentreError as error:
            messages.error(request, error.message)
            return redirect("centres:session_edit", pk=session.pk)
        messages.success(request, _("Session deleted."))
        return redirect("centres:cohort_detail", pk=cohort.pk)
    initial = {
        "date": session.date,
        "start_time": session.start_time,
        "end_time": session.end_time,
        "place": session.place,
        "topic": session.topic,
    }
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cohort_session_update(actor=request.user, session=session, **form.cleaned_data)
        except CentreError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("centres:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "classes/session_form.html",
        {"form": form, "cohort": cohort, "session": session},
        status=form_status(form),
    )
