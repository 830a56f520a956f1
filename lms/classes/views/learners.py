"""The centre's learners, and the temporary password for a learner without e-mail."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from lms.centres import scoping
from lms.centres.downloads import download
from lms.centres.services import CentreError, learner_password_reset
from lms.centres.views.common import get_scoped_or_404, staff_required
from lms.core.clean import query_text

from ..attendance_exports import (
    attendance_csv,
    attendance_xlsx,
    file_stem,
    learner_attendance_table,
)
from ..selectors import learner_record, learners_for


@staff_required
def learner_list(request: HttpRequest) -> HttpResponse:
    query = query_text(request.GET)
    page = Paginator(learners_for(user=request.user, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "classes/learner_list.html", {"page": page, "query": query})


def _learner(request: HttpRequest, pk: int):
    return get_scoped_or_404(
        scoping.learners_visible_to(request.user).select_related("home_centre"), pk=pk
    )


@staff_required
def learner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    learner = _learner(request, pk)
    context = {
        "learner": learner,
        **learner_record(learner=learner),
        "can_reset": scoping.is_plain_learner(learner) and learner.pk != request.user.pk,
    }
    return render(request, "classes/learner_detail.html", context)


@staff_required
def learner_attendance_export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """One learner's sessions in the classes this staff member may see, as XLSX or CSV."""
    table = learner_attendance_table(staff=request.user, learner=_learner(request, pk))
    content = attendance_xlsx(table) if kind == "xlsx" else attendance_csv(table)
    return download(content, file_name=file_stem(f"attendance-learner-{pk}"), kind=kind)


@staff_required
@require_POST
def learner_password_reset_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Shows the temporary password once, in this response only (never stored in messages)."""
    learner = _learner(request, pk)
    try:
        password = learner_password_reset(actor=request.user, learner=learner)
    except CentreError as error:
        context = {"learner": learner, **learner_record(learner=learner), "error": error.message}
        return render(request, "classes/learner_detail.html", context, status=403)
    response = render(
        request, "classes/learner_password.html", {"learner": learner, "password": password}
    )
    response["Cache-Control"] = "no-store"
    return response
