"""Reports for centre admins (their centres) and national admins (every centre).

Both read from the read replica when there is one (lms.core.db_routing).
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lms.centres.downloads import download
from lms.centres.views.common import centre_admin_required
from lms.core.db_routing import from_replica

from .exports import report_csv, report_xlsx
from .forms import ReportFilterForm
from .reports import MEASURES, centre_report


def _report(request: HttpRequest):
    form = ReportFilterForm(request.GET or None, user=request.user)
    dimension, filters = form.report_args()
    return form, centre_report(user=request.user, dimension=dimension, filters=filters)


@centre_admin_required
@from_replica
def report(request: HttpRequest) -> HttpResponse:
    form, result = _report(request)
    page = Paginator(result.rows, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "report": result,
            "page": page,
            "measures": MEASURES,
            "query": query.urlencode(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@centre_admin_required
@from_replica
def report_export(request: HttpRequest, kind: str) -> HttpResponse:
    _form, result = _report(request)
    content = report_xlsx(result) if kind == "xlsx" else report_csv(result)
    stamp = timezone.localdate().isoformat()
    return download(content, file_name=f"report-{result.dimension}-{stamp}", kind=kind)
