from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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
