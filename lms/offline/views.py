import hashlib
import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .keys import USER_CACHE_HEADER
from .precache import static_entries, workbox_module_urls

# The site's brand colour (static/css/site.css, --brand): the phone's title bar takes it.
THEME_COLOUR = "#0b4f8a"
BACKGROUND_COLOUR = "#ffffff"


def _offline_html() -> str:
    # Rendered without the request: the page is the same for everyone, so the copy the
    # service worker keeps holds nothing of the user who happened to install it.
    return render_to_string("offline/offline.html")


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: what a phone needs to install the platform as an app."""
    with translation.override("th"):
        data = {
            "id": "/learn/",
            "name": _("Community Digital Centres: learn online"),
            "short_name": _("Digital learning"),
            "description": _(
                "Lessons, quizzes and certificates of Thailand's community digital centres, "
                "also where the signal is weak."
            ),
            "lang": "th",
            "dir": "ltr",
            "start_url": reverse("learning:dashboard"),
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "categories": ["education"],
            "icons": [
                *(
                    {
                        "src": static(f"img/icons/icon-{size}.png"),
                        "sizes": f"{size}x{size}",
                        "type": "image/png",
                        "purpose": "any",
                    }
                    for size in (192, 512)
                ),
                *(
                    {
                        "src": static(f"img/icons/icon-maskable-{size}.png"),
                        "sizes": f"{size}x{size}",
                        "type": "image/png",
                        "purpose": "maskable",
                    }
                    for size in (192, 512)
                ),
            ],
        }
    return JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at the root so that it may serve every page of the site.

    Never cached by the browser: a phone checks it at each visit and installs a new one
    when a static file or the offline page changed.
    """
    with translation.override("th"):
        offline_url = reverse("offline")
        offline_revision = hashlib.sha256(_offline_html().encode()).hexdigest()[:16]
    precache = [*static_entries(), {"url": offline_url, "revision": offline_revision}]
    script = render_to_string(
        "offline/sw.js",
        {
            "workbox": json.dumps(workbox_module_urls()),
            "precache": json.dumps(precache),
            "offline_url": json.dumps(offline_url),
            "user_header": json.dumps(USER_CACHE_HEADER),
        },
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


# Search engines may read the courses and lessons; sign-in, staff and admin pages are not
# for them.
ROBOTS_TXT = """User-agent: *
Disallow: /admin/
Disallow: /accounts/
Disallow: /centre/
Disallow: /en/accounts/
Disallow: /en/centre/
"""


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """The page shown when there is no connection and the page asked for was never kept."""
    return HttpResponse(_offline_html())
