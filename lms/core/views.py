from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.i18n import JavaScriptCatalog

from wagtail.admin.localization import get_localized_response

from .health import check_database, check_task_queue


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database and task-queue status: 200 when both answer, 503 naming what failed."""
    checks = {"database": check_database(), "task_queue": check_task_queue()}
    failing = [name for name, check in checks.items() if not check.ok]
    body = {
        "status": "error" if failing else "ok",
        "failing": failing,
        "checks": {name: check.as_dict() for name, check in checks.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)


# Wagtail's admin scripts take their strings from this catalogue. Wagtail's own Thai lacks
# many of them; this app's djangojs catalogue comes last, so its Thai completes and
# corrects Wagtail's.
_admin_js_catalog = JavaScriptCatalog.as_view(packages=["wagtail.admin", "lms.core"])


def admin_js_catalog(request: HttpRequest, *args, **kwargs):
    """The admin's JavaScript catalogue, in the signed-in user's admin language."""
    return get_localized_response(_admin_js_catalog, request, *args, **kwargs)
