"""The REST API under /api/v1/, built with django-ninja.

Why django-ninja: Wagtail already installs it, its pydantic schemas give the OpenAPI 3
schema directly from the code (no second description to keep in step, as DRF would need
with drf-spectacular), it ships Swagger UI as static files (no CDN) and is async-ready,
with less code per endpoint. Endpoints call the same selectors and services as the pages.
"""

from functools import wraps

from django.urls import URLPattern, path, re_path
from django.utils import translation
from django.views.decorators.http import require_safe

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from .endpoints import catalogue, certificates, me, staff
from .problems import (
    install,
    not_found,
    problem_on_not_allowed,
    schema_with_problem_media_type,
)
from .throttling import ApiRateThrottle


class Api(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return schema_with_problem_media_type(super().get_openapi_schema(**kwargs))


api = Api(
    title="API แพลตฟอร์มการเรียนรู้ของศูนย์ดิจิทัลชุมชน",
    version="1.0.0",
    description=(
        "Catalogue, a learner's own records, certificate verification and the centre staff "
        "side. Authenticate with a personal access token (`Authorization: Bearer cdc_...`), "
        "made on the site's API tokens page, or with the browser's session. Errors are RFC "
        "9457 problem details. Bilingual fields: the plain name is Thai, `_en` is English "
        "(null when there is no English version)."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"persistAuthorization": False}),
    throttle=[ApiRateThrottle()],
)
install(api)
api.add_router("", catalogue.router)
api.add_router("", me.router)
api.add_router("", certificates.router)
api.add_router("", staff.router)


def in_requested_language(view):
    """Answer in the language the client asks for (Accept-Language), Thai by default.

    The site's own pages take their language from the address (/en/...); the API has one
    address for both languages, so it follows the request's header instead.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            response = view(request, *args, **kwargs)
            response.setdefault("Content-Language", language)
            return response

    return wrapper


def api_patterns():
    """The API's URL patterns and app name, with 405 answered as a problem detail."""
    patterns, app_name, _namespace = api.urls
    # ninja's schema, docs and root views take any method; they are for reading only.
    readers = {"openapi-json", "openapi-view", "api-root"}
    patterns = [
        path(str(p.pattern), require_safe(p.callback), name=p.name) if p.name in readers else p
        for p in patterns
    ]
    wrapped = [
        path(str(p.pattern), in_requested_language(problem_on_not_allowed(p.callback)), name=p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    # Nothing at /api/v1/ itself or at an unknown address: a problem detail, not the site's
    # HTML page, since the caller is a program.
    wrapped = [
        path(str(p.pattern), in_requested_language(not_found), name=p.name)
        if isinstance(p, URLPattern) and p.name == "api-root"
        else p
        for p in wrapped
    ]
    wrapped.append(re_path(r"^.*$", in_requested_language(not_found), name="not-found"))
    return wrapped, app_name
