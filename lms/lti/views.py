"""The tool's public addresses: OIDC login, launch, deep-linking choice, our public keys,
the configuration a school's admin copies, and the single-use entry after a launch.

A school's system posts to these from another site, often inside an iframe. The login,
launch and deep-linking addresses are therefore exempt from CSRF (the signed launch
message, its state and its nonce protect them) and may be framed by the platform.
"""

import logging
from urllib.parse import urlsplit

from django.contrib.auth import login as auth_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.contrib.django.launch_data_storage.cache import DjangoCacheDataStorage
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.lineitem import LineItem

from . import selectors, services
from .services import LtiError
from .tool_config import PlatformToolConf, signing_key

logger = logging.getLogger(__name__)

DEEP_LINK_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _framed_by(response: HttpResponse, *urls: str) -> HttpResponse:
    """Let the platform show this response in its iframe (and post back to it)."""
    origins = sorted({_origin(url) for url in urls if url})
    response.xframe_options_exempt = True
    response._csp_update = {
        "frame-ancestors": origins,
        "form-action": origins,
    }
    return response


def _error(request: HttpRequest, message: str, *, status: int = 400) -> HttpResponse:
    response = render(request, "lti/error.html", {"message": message}, status=status)
    response.xframe_options_exempt = True
    response._csp_update = {"frame-ancestors": ["*"]}
    return response


def _launch_error_message(error: Exception) -> str:
    """Our words for pylti1p3's reasons (which are English and technical)."""
    reason = str(error).lower()
    if "expired" in reason:
        return _("This link has expired. Please open it again from your school's system.")
    if "deployment" in reason:
        return _(
            "This placement of the tool is not registered with us. "
            "Please ask your school's system administrator to check the deployment ID."
        )
    if "not registered" in reason or "registration" in reason or "client id" in reason:
        return _(
            "Your school's system is not registered with us. "
            "Please ask its administrator to contact the national office."
        )
    if "state" in reason or "cookie" in reason:
        return _(
            "Your browser did not keep the sign-in step. "
            "Please set the tool to open in a new window, then try again."
        )
    return _("The message from your school's system could not be verified. Please try again.")


def _storage() -> DjangoCacheDataStorage:
    return DjangoCacheDataStorage(cache_name="default")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def oidc_login(request: HttpRequest) -> HttpResponse:
    """Step one of a launch: the platform names itself, we answer with a redirect to its
    authentication endpoint carrying our state and nonce."""
    tool_conf = PlatformToolConf()
    oidc = DjangoOIDCLogin(request, tool_conf, launch_data_storage=_storage())
    try:
        response = oidc.redirect(request.build_absolute_uri(reverse("lti:launch")))
    except (LtiException, OIDCException) as error:
        logger.info("LTI login refused: %s", error)
        return _error(request, _launch_error_message(error))
    response.xframe_options_exempt = True
    return response


@csrf_exempt
@never_cache
@require_POST
def launch(request: HttpRequest) -> HttpResponse:
    tool_conf = PlatformToolConf()
    try:
        message_launch = DjangoMessageLaunch(request, tool_conf, launch_data_storage=_storage())
        claims = message_launch.get_launch_data()
        platform = tool_conf.platform(claims["iss"], message_launch.get_client_id())
    except (LtiException, KeyError) as error:
        logger.info("LTI launch refused: %s", error)
        return _error(request, _launch_error_message(error))
    teacher = message_launch.check_teacher_access()
    try:
        with transaction.atomic():
            services.nonce_use(platform=platform, nonce=claims["nonce"])
            if message_launch.is_deep_link_launch():
                if not teacher:
                    raise LtiError(_("Only teachers can choose a course."), status=403)
                response = render(
                    request,
                    "lti/deep_link_picker.html",
                    {
                        "launch_id": message_launch.get_launch_id(),
                        "courses": selectors.courses_for_picker(),
                        "platform": platform,
                    },
                )
            else:
                course = selectors.course_for_launch(claims=claims)
                if teacher:
                    response = render(
                        request,
                        "lti/instructor.html",
                        {"course": course, "platform": platform},
                    )
                else:
                    result = services.learner_launch(
                        platform=platform, claims=claims, course=course
                    )
                    ticket = services.launch_ticket_make(
                        account=result.account, course=result.course
                    )
                    response = render(
                        request,
                        "lti/launch.html",
                        {
                            "course": result.course,
                            "enter_url": reverse("lti:enter", args=[ticket]),
                        },
                    )
    except LtiError as error:
        return _error(request, error.message, status=error.status)
    return _framed_by(response, platform.issuer, platform.auth_login_url)


@csrf_exempt
@never_cache
@require_POST
def deep_link_choose(request: HttpRequest) -> HttpResponse:
    """The teacher's choice from the picker, sent back to the platform as a signed
    LtiResourceLink content item."""
    tool_conf = PlatformToolConf()
    launch_id = request.POST.get("launch_id", "")
    try:
        message_launch = DjangoMessageLaunch.from_cache(
            launch_id, request, tool_conf, launch_data_storage=_storage()
        )
        claims = message_launch.get_launch_data()
        platform = tool_conf.platform(claims["iss"], message_launch.get_client_id())
    except (LtiException, KeyError):
        return _error(
            request,
            _("This choice has expired. Please start again from your school's system."),
        )
    if not message_launch.is_deep_link_launch() or not message_launch.check_teacher_access():
        return _error(request, _("Only teachers can choose a course."), status=403)
    course = selectors.course_by_id(request.POST.get("course"))
    if course is None:
        response = render(
            request,
            "lti/deep_link_picker.html",
            {
                "launch_id": launch_id,
                "courses": selectors.courses_for_picker(),
                "platform": platform,
                "error": _("Please choose one of the courses."),
            },
            status=400,
        )
        return _framed_by(response, platform.issuer, platform.auth_login_url)
    if signing_key() is None:
        return _error(
            request, _("The tool has no signing key yet. Please tell the national office.")
        )
    try:
        services.deep_link_use(launch_id=launch_id)
    except LtiError as error:
        return _error(request, error.message, status=error.status)
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti:launch")))
        .set_title(course.title)
        .set_custom_params({"course_id": str(course.pk)})
        .set_lineitem(LineItem().set_score_maximum(100).set_label(course.title))
    )
    jwt_value = message_launch.get_deep_link().get_response_jwt([resource])
    return_url = claims[DEEP_LINK_SETTINGS]["deep_link_return_url"]
    response = render(
        request,
        "lti/deep_link_return.html",
        {"return_url": return_url, "jwt": jwt_value, "course": course},
    )
    return _framed_by(response, platform.issuer, platform.auth_login_url, return_url)


@never_cache
@require_GET
def enter(request: HttpRequest, token: str) -> HttpResponse:
    """Sign in with the single-use address a launch gave, then go to the course."""
    try:
        user, course = services.launch_ticket_redeem(token=token)
    except LtiError as error:
        return _error(request, error.message, status=error.status)
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(course.get_url(request))


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(selectors.jwks())
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _tool_urls(request: HttpRequest) -> dict[str, str]:
    launch_url = request.build_absolute_uri(reverse("lti:launch"))
    return {
        "tool_url": launch_url,
        "initiate_login_url": request.build_absolute_uri(reverse("lti:login")),
        "redirection_uris": launch_url,
        "public_keyset_url": request.build_absolute_uri(reverse("lti:jwks")),
        "deep_linking_url": launch_url,
    }


@require_GET
def tool_config(request: HttpRequest) -> HttpResponse:
    """What a school's administrator enters in their system, with copyable addresses."""
    return render(request, "lti/config.html", {"urls": _tool_urls(request)})


@require_GET
def tool_config_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "lti_version": "1.3.0",
            **_tool_urls(request),
            "messages": ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"],
            "scopes": [
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            ],
        }
    )
