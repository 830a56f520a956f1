"""The player, the package's files and the results the player reports.

The player runs in a frame sandboxed without `allow-same-origin`: the package's scripts
(trainers' uploads, written by anyone) run in an opaque origin, so they cannot read the
learner's cookies or the lesson page, and their requests carry no session. They reach
the lesson only through `postMessage`, which the lesson's own script reads and turns into
a result posted with the learner's session and CSRF token. The package's files are served
with a policy that sandboxes them too, should anyone open one directly.
"""

import json
import mimetypes

from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from lms.core.file_responses import ranged_file_response, stored_file_etag

from .models import H5PContent
from .packages import safe_member_path
from .selectors import content_file
from .services import H5PError, h5p_result_parse, h5p_result_record

PLAYER_POLICY = "; ".join(
    [
        "sandbox allow-scripts",
        "default-src 'none'",
        "script-src 'self'",
        # H5P's libraries style their elements inline.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "form-action 'none'",
        "base-uri 'none'",
    ]
)
# A package's file opened on its own (a page, an SVG) runs nothing and reaches nothing.
FILE_POLICY = (
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'"
)
FILE_MAX_AGE = 7 * 24 * 3600
EXTRA_TYPES = {".json": "application/json", ".woff2": "font/woff2", ".woff": "font/woff"}


def _isolated(response: HttpResponse, policy: str) -> HttpResponse:
    response["Content-Security-Policy"] = policy
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
@xframe_options_sameorigin
def player(request: HttpRequest, pk: int) -> HttpResponse:
    """The page inside the lesson's sandboxed frame that runs the activity."""
    content = get_object_or_404(H5PContent, pk=pk)
    root = reverse("h5p:content_root", args=[content.pk])
    options = {
        "id": str(content.pk),
        "h5pJsonPath": root.rstrip("/"),
        "frameJs": static("vendor/h5p-standalone/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/styles/h5p.css"),
        "embedType": "div",
        "frame": False,
        "copyright": False,
        "export": False,
        "icon": False,
        "fullScreen": False,
    }
    response = render(request, "h5p/player.html", {"content": content, "options": options})
    return _isolated(response, PLAYER_POLICY)


@require_GET
def content_file_view(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    """One file of the package (h5p.json, content, the libraries' scripts and styles).

    Sent without cookies from the sandboxed player, so it is as public as a lesson's
    images; it reads nothing of the person asking.
    """
    member = safe_member_path(path)
    if member is None:
        raise Http404
    content = get_object_or_404(H5PContent, pk=pk)
    file = content_file(content=content, path=member)
    if file is None:
        raise Http404
    extension = "." + member.rsplit(".", 1)[-1].lower() if "." in member else ""
    content_type = EXTRA_TYPES.get(extension) or mimetypes.guess_type(member)[0]
    # Streamed; a phone seeking in an activity's video gets the part it asks for.
    name = f"{content.storage_prefix}/{member}"
    size = default_storage.size(name)
    response = ranged_file_response(
        request,
        file=file,
        size=size,
        content_type=content_type or "application/octet-stream",
        etag=stored_file_etag(name, size),
    )
    # The player's opaque origin reads the JSON files with fetch().
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
    return _isolated(response, FILE_POLICY)


@require_POST
def results(request: HttpRequest, pk: int) -> JsonResponse:
    """A result the lesson's script relays from the player: {lesson, verb, score}."""
    try:
        payload = json.loads(request.body.decode("utf-8"))
        report = h5p_result_parse(payload=payload)
        result = h5p_result_record(user=request.user, content_id=pk, report=report)
    except (UnicodeDecodeError, ValueError):
        return JsonResponse(
            {"message": _("The activity's result could not be read. Please try again.")},
            status=400,
        )
    except H5PError as error:
        return JsonResponse({"message": error.message, "code": error.code}, status=error.status)
    return JsonResponse(
        {
            "best": result.best_scaled,
            "completed": result.completed,
            "message": _("Your result has been saved."),
        }
    )
