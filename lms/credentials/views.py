"""Public credential documents (keys, issuer, status list, credentials), the verify page
and the learner's consent to be named."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.certificates.selectors import certificate_by_code

from . import documents
from .forms import CredentialConsentForm, CredentialVerifyForm
from .selectors import issuer_keys_published
from .services import (
    credential_consent_set,
    credential_jwt,
    enveloped_credential,
    issuer_key_ensure,
    status_list_jwt,
)
from .signing import MEDIA_TYPE
from .verification import (
    MAX_INPUT_BYTES,
    CredentialInputError,
    credential_verify,
    too_large_error,
)

# Other sites (wallets, employers' systems) read these from their own pages.
_PUBLIC = {"Access-Control-Allow-Origin": "*"}


def _json(data: dict, *, status: int = 200, content_type: str = "application/json") -> JsonResponse:
    response = JsonResponse(
        data,
        status=status,
        content_type=content_type,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    for header, value in _PUBLIC.items():
        response[header] = value
    return response


def _published_keys():
    keys = issuer_keys_published()
    if not keys:
        issuer_key_ensure()
        keys = issuer_keys_published()
    return keys


# Short: a verifier must see a new key soon after a rotation.
@require_GET
@cache_control(public=True, max_age=60)
def did_document(request: HttpRequest) -> HttpResponse:
    return _json(documents.did_document(_published_keys()), content_type="application/did+json")


@require_GET
@cache_control(public=True, max_age=60)
def jwks(request: HttpRequest) -> HttpResponse:
    return _json(documents.jwks(_published_keys()), content_type="application/jwk-set+json")


@require_GET
@cache_control(public=True, max_age=300)
def issuer(request: HttpRequest) -> HttpResponse:
    return _json(documents.issuer_profile_document())


@require_GET
@cache_control(public=True, max_age=60)
def status_list(request: HttpRequest, list_id: int) -> HttpResponse:
    if list_id != documents.STATUS_LIST_ID:
        raise Http404
    response = HttpResponse(status_list_jwt(list_id=list_id), content_type=MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _certificate(code: str):
    certificate = certificate_by_code(code=code)
    if certificate is None:
        raise Http404
    return certificate


@never_cache
@require_GET
def credential(request: HttpRequest, code: str) -> HttpResponse:
    """The signed credential as JSON, for anyone holding the code (like the verify page)."""
    token = credential_jwt(certificate=_certificate(code))
    response = _json(enveloped_credential(token))
    response["Content-Disposition"] = f'attachment; filename="credential-{code}.json"'
    return response


@never_cache
@require_GET
def credential_token(request: HttpRequest, code: str) -> HttpResponse:
    """The same credential as a bare JWT (application/vc+jwt)."""
    response = HttpResponse(credential_jwt(certificate=_certificate(code)), content_type=MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


_RAW_TYPES = {"application/json", "application/vc+jwt", "application/jwt", "text/plain"}


def _raw_text(request: HttpRequest) -> str:
    body = request.body
    if len(body) > MAX_INPUT_BYTES:
        raise too_large_error()
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise CredentialInputError(
            _("The file is not a credential: it is not text."), code="unreadable"
        ) from None


def _wants_json(request: HttpRequest) -> bool:
    return request.GET.get("format") == "json"


# No CSRF check: checking a credential changes nothing, and other systems post here.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "credentials/verify.html", {"form": CredentialVerifyForm()})
    wants_json = _wants_json(request)
    if int(request.META.get("CONTENT_LENGTH") or 0) > 4 * MAX_INPUT_BYTES:
        error = too_large_error()
        if wants_json:
            return _json({"status": "error", "message": error.message}, status=error.status)
        return render(
            request,
            "credentials/verify.html",
            {"form": CredentialVerifyForm(), "error": error.message},
            status=error.status,
        )
    verdict = None
    error = None
    status = 200
    if request.content_type in _RAW_TYPES:
        # A program posting the credential itself as the body.
        form = CredentialVerifyForm()
        try:
            verdict = credential_verify(text=_raw_text(request))
        except CredentialInputError as exc:
            error, status = exc.message, exc.status
    elif (form := CredentialVerifyForm(request.POST, request.FILES)).is_valid():
        try:
            verdict = credential_verify(text=form.cleaned_data["text"])
        except CredentialInputError as exc:
            error, status = exc.message, exc.status
    else:
        codes = {e.code for errors in form.errors.as_data().values() for e in errors}
        error = " ".join(m for messages in form.errors.values() for m in messages)
        status = 413 if "too_large" in codes else 400
    if wants_json:
        if verdict is None:
            return _json({"status": "error", "message": error}, status=status)
        return _json(verdict.as_json())
    return render(
        request,
        "credentials/verify.html",
        {
            "form": form if verdict is None else CredentialVerifyForm(),
            "verdict": verdict,
            "error": error,
        },
        status=status,
    )


@login_required
@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    form = CredentialConsentForm(request.POST)
    form.is_valid()  # a single checkbox: anything unticked is "no"
    credential_consent_set(user=request.user, show_name=form.cleaned_data.get("show_name", False))
    return redirect("certificates:mine")
