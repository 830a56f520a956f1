"""Bulk enrolment: upload, dry run, confirmation, progress and the downloadable report."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.centres import scoping
from lms.centres.downloads import download
from lms.centres.views.common import centre_admin_required, get_scoped_or_404
from lms.core.numbers import id_param

from .. import scoping as class_scoping
from ..forms import ImportConfirmForm, ImportUploadForm
from ..import_sheets import (
    import_result_csv,
    import_result_xlsx,
    import_template_csv,
    import_template_xlsx,
)
from ..models import ImportRowOutcome
from ..people_import import (
    MAX_ROWS,
    TEMPLATE_HEADINGS,
    ImportRefused,
    import_cancel,
    import_check,
    import_passwords_erase,
    import_start,
)

ROW_FILTERS = {
    "errors": [ImportRowOutcome.ERROR, ImportRowOutcome.SKIPPED, ImportRowOutcome.FAILED],
    "new": [ImportRowOutcome.NEW, ImportRowOutcome.CREATED],
    "existing": [ImportRowOutcome.EXISTS, ImportRowOutcome.LINKED],
}


def _batch(request: HttpRequest, pk: int):
    return get_scoped_or_404(
        class_scoping.imports_visible_to(request.user).select_related(
            "centre", "cohort", "created_by"
        ),
        pk=pk,
    )


@centre_admin_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    cohort = None
    cohort_id = id_param(request.GET, "cohort") or id_param(request.POST, "for_cohort")
    if cohort_id:
        cohort = get_scoped_or_404(
            class_scoping.cohorts_visible_to(request.user).select_related("centre", "course"),
            pk=cohort_id,
        )
        if not scoping.can_administer(request.user, cohort.centre_id):
            raise Http404
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, user=request.user, cohort=cohort
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = import_check(
                    actor=request.user,
                    centre=form.cleaned_data["centre"],
                    cohort=form.cleaned_data.get("cohort"),
                    file_name=upload.name,
                    content=upload.read(),
                )
            except ImportRefused as error:
                form.add_error("file", error.message)
                status = 400
            else:
                return redirect("centres:import_detail", pk=batch.pk)
        else:
            status = 400
    recent = class_scoping.imports_visible_to(request.user).select_related("centre", "cohort")[:10]
    return render(
        request,
        "classes/import_upload.html",
        {
            "form": form,
            "cohort": cohort,
            "recent": recent,
            "max_rows": MAX_ROWS,
            "headings": TEMPLATE_HEADINGS,
        },
        status=status,
    )


@centre_admin_required
@require_http_methods(["GET", "POST"])
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dry run (before confirmation), then the progress and the result."""
    batch = _batch(request, pk)
    form = ImportConfirmForm(request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            if "cancel" in request.POST:
                import_cancel(actor=request.user, batch=batch)
                messages.info(request, _("Nothing was imported from this file."))
                return redirect("centres:import_upload")
            if form.is_valid():
                import_start(
                    actor=request.user,
                    batch=batch,
                    only_valid_rows=form.cleaned_data["only_valid_rows"],
                )
                return redirect("centres:import_detail", pk=batch.pk)
        except ImportRefused as error:
            form.add_error(None, error.message)
            status = 400
        batch.refresh_from_db()
    shown = request.GET.get("show", "errors" if batch.error_rows else "all")
    rows = batch.rows.all()
    if shown in ROW_FILTERS:
        rows = rows.filter(outcome__in=ROW_FILTERS[shown])
    page = Paginator(rows.order_by("line"), 50).get_page(request.GET.get("page"))
    context = {
        "batch": batch,
        "form": form,
        "page": page,
        "shown": shown,
        "filters": [
            ("errors", _("Errors")),
            ("new", _("New accounts")),
            ("existing", _("Existing accounts")),
            ("all", _("All rows")),
        ],
        "status_url": reverse("centres:import_status", args=[batch.pk]),
        "running": batch.is_running,
    }
    return render(request, "classes/import_detail.html", context, status=status)


@centre_admin_required
def import_status(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress for the page's script (the page also refreshes itself without JavaScript)."""
    batch = _batch(request, pk)
    return JsonResponse(batch.progress())


@centre_admin_required
def import_report(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    batch = _batch(request, pk)
    content = import_result_xlsx(batch) if kind == "xlsx" else import_result_csv(batch)
    return download(content, file_name=f"import-{batch.pk}", kind=kind)


@centre_admin_required
@require_POST
def import_erase_passwords(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    import_passwords_erase(actor=request.user, batch=batch)
    messages.success(request, _("The initial passwords are erased from this report."))
    return redirect("centres:import_detail", pk=batch.pk)


@centre_admin_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    content = import_template_xlsx() if kind == "xlsx" else import_template_csv()
    return download(content, file_name="learners-template", kind=kind)
