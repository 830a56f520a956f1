"""The package's files, served with their own sandbox, and the player's commit endpoint.

See docs/scorm.md for why the runtime sits inside the package's document and talks to
the lesson page by postMessage.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from lms.core.errors import ServiceError
from lms.core.file_responses import ranged_file_response, stored_file_etag

from .models import ScormPackage, ScormSco
from .selectors import package_origin, sco_initial_cmi
from .services import CMI_MAX_BYTES, attempt_commit

RUNTIME_SCRIPTS = {
    "1.2": ("vendor/scorm-again/scorm12.min.js", "js/scorm-runtime.js"),
    "2004": ("vendor/scorm-again/scorm2004.min.js", "js/scorm-runtime.js"),
}
_HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _origin_of(url: str) -> str:
    split = urlsplit(url)
    return f"{split.scheme}://{split.netloc}" if split.scheme and split.netloc else ""


def _site_origin(request: HttpRequest) -> str:
    if package_origin():
        return _origin_of(settings.WAGTAILADMIN_BASE_URL)
    return f"{request.scheme}://{request.get_host()}"


def content_policy(request: HttpRequest) -> str:
    """The package's own policy: sandboxed, so it never runs as the site.

    Without a package origin the document gets an opaque origin (no `allow-same-origin`):
    it cannot read the site's cookies, storage or pages, and the browser sends it no
    session cookie. With a separate package origin it keeps that origin, so a package's
    nested frames can reach the runtime in their parent as SCORM expects.
    """
    here = f"{request.scheme}://{request.get_host()}"
    static_origin = _origin_of(settings.STATIC_URL)
    sources = " ".join(
        dict.fromkeys(filter(None, ["'self'", here, static_origin, _site_origin(request)]))
    )
    sandbox = "allow-scripts allow-forms allow-popups allow-modals allow-downloads"
    if package_origin():
        sandbox += " allow-same-origin"
        ancestors = f"'self' {_site_origin(request)}"
    else:
        # An opaque-origin ancestor matches no source, so nested frames of the package
        # would be refused by any list; the sandbox is what protects the site here.
        ancestors = "*"
    return "; ".join(
        [
            f"sandbox {sandbox}",
            f"default-src {sources}",
            f"script-src {sources} 'unsafe-inline' 'unsafe-eval' blob:",
            f"style-src {sources} 'unsafe-inline'",
            f"img-src {sources} data: blob:",
            f"media-src {sources} data: blob:",
            f"font-src {sources} data:",
            f"connect-src {sources}",
            f"frame-src {sources}",
            f"worker-src {sources} blob:",
            "object-src 'none'",
            f"base-uri {sources}",
            "form-action 'none'",
            f"frame-ancestors {ancestors}",
        ]
    )


def _inject_runtime(body: bytes, version: str, request: HttpRequest) -> bytes:
    tags = []
    for name in RUNTIME_SCRIPTS[version]:
        url = staticfiles_storage.url(name)
        if not _origin_of(url):
            # The site's own static files, named in full: the package may be on its origin.
            url = _site_origin(request) + url
        tags.append(f'<script src="{escape(url)}"></script>')
    injected = "".join(tags).encode()
    match = _HEAD.search(body)
    if match:
        return body[: match.end()] + injected + body[match.end() :]
    return injected + body


@require_GET
@xframe_options_exempt
def content(request: HttpRequest, package_id: int, path: str) -> HttpResponse:
    """One file of a package, read from storage, with the package's sandbox policy."""
    origin = package_origin()
    if origin and _origin_of(origin) != f"{request.scheme}://{request.get_host()}":
        raise Http404
    package = get_object_or_404(ScormPackage, pk=package_id)
    clean = posixpath.normpath(path)
    if clean.startswith(("/", "..")) or "\\" in path or clean == ".":
        raise Http404
    name = f"{package.storage_prefix}/{clean}"
    try:
        file = default_storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, OSError):
        raise Http404 from None
    content_type, encoding = mimetypes.guess_type(clean)
    content_type = content_type or "application/octet-stream"
    if content_type in HTML_TYPES:
        with file:
            body = file.read()
        body = _inject_runtime(body, "2004" if package.is_2004 else "1.2", request)
        content_type += "; charset=utf-8" if b"charset" not in body[:2048].lower() else ""
        response = HttpResponse(body, content_type=content_type)
    else:
        # Media and the rest are streamed, and a phone seeking in a video gets the part it
        # asks for. A package's files never change (a new upload has a new prefix).
        size = default_storage.size(name)
        etag = stored_file_etag(name, size)
        response = ranged_file_response(
            request, file=file, size=size, content_type=content_type, etag=etag
        )
    if encoding:
        response["Content-Encoding"] = encoding
    response["Content-Security-Policy"] = content_policy(request)
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    # The sandboxed document's requests come from an opaque origin ("null"): its own
    # scripts fetching the package's JSON are cross-origin. Nothing here is personal.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@never_cache
@require_POST
def commit(request: HttpRequest, sco_id: int) -> HttpResponse:
    """Store the learner's run-time data for one item; JSON in, JSON out."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login"}, status=403)
    sco = get_object_or_404(
        ScormSco.objects.select_related("package__lesson"), pk=sco_id, package__lesson__live=True
    )
    if len(request.body) > CMI_MAX_BYTES + 1024:
        return JsonResponse({"error": "too_large"}, status=413)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": "invalid_json"}, status=400)
    if not isinstance(payload, dict):
        return JsonResponse({"error": "invalid_json"}, status=400)
    try:
        attempt, lesson_done = attempt_commit(
            user=request.user,
            sco=sco,
            cmi=payload.get("cmi"),
            finished=bool(payload.get("finished")),
        )
    except ServiceError as error:
        return JsonResponse({"error": error.code, "message": error.message}, status=error.status)
    return JsonResponse(
        {
            "saved": True,
            "sco_done": attempt.completed,
            "lesson_done": lesson_done,
            "score": attempt.score_percent,
            # What the item resumes from if the learner opens it again on this page.
            "cmi": sco_initial_cmi(
                package=sco.package, sco=sco, user=request.user, attempt=attempt
            ),
        }
    )
