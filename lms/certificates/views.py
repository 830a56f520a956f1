"""Public verification, and downloads for the learner and their staff."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lms.core.thaidate import format_english_date, format_thai_date

from .codes import code_display, code_normalise
from .extensions import certificate_links, certificate_list_panels
from .forms import VerifyForm
from .models import Certificate
from .pdf import verification_url
from .selectors import certificate_for_download, certificates_for
from .services import certificate_storage


def verification_payload(certificate: Certificate) -> dict:
    """Everything verification tells anyone holding the code, and nothing more."""
    return {
        "status": "valid" if certificate.is_valid else "revoked",
        "code": certificate.display_code,
        "learner_name": certificate.learner_name,
        "learner_name_en": certificate.learner_name_en,
        "course": certificate.course_title,
        "course_en": certificate.course_title_en,
        "centre": certificate.centre_name,
        "centre_en": certificate.centre_name_en,
        "issued_on": _local_iso(certificate.issued_at),
        "issued_on_th": format_thai_date(certificate.issued_at),
        "issued_on_en": format_english_date(certificate.issued_at),
        "revoked_on": _local_iso(certificate.revoked_at) if certificate.revoked_at else None,
        "revoked_on_th": format_thai_date(certificate.revoked_at)
        if certificate.revoked_at
        else None,
        "revoked_on_en": format_english_date(certificate.revoked_at)
        if certificate.revoked_at
        else None,
        "revocation_reason": certificate.revoked_reason or None,
        "verification_url": verification_url(certificate.code),
    }


def _local_iso(value) -> str:
    return timezone.localtime(value).date().isoformat()


@never_cache
@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """A form for a code typed from paper; a good code goes to its verification page."""
    if "code" not in request.GET:
        return render(request, "certificates/verify_form.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if form.is_valid():
        return redirect("certificates:verify", code_display(form.cleaned_data["code"]))
    return render(request, "certificates/verify_form.html", {"form": form}, status=400)


@never_cache
@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    wants_json = request.GET.get("format") == "json"
    compact = code_normalise(code)
    certificate = Certificate.objects.filter(code=compact).first() if compact else None
    if certificate is None:
        message = _(
            "No certificate has this code. Check each letter and digit against the certificate, "
            "or scan its QR code."
        )
        if wants_json:
            return JsonResponse(
                {"status": "unknown", "code": code[:64], "message": message}, status=404
            )
        form = VerifyForm(initial={"code": code[:64]})
        return render(
            request,
            "certificates/verify_unknown.html",
            {"form": form, "code": code[:64], "message": message},
            status=404,
        )
    if wants_json:
        response = JsonResponse(
            verification_payload(certificate), json_dumps_params={"ensure_ascii": False}
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response
    if code != certificate.display_code:
        return redirect("certificates:verify", certificate.display_code)
    return render(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "result": verification_payload(certificate)},
    )


@login_required
@never_cache
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """The learner's certificates (the same list the dashboard shows), with what higher
    apps add to each (lms.certificates.extensions)."""
    certificates = list(certificates_for(user=request.user))
    for certificate in certificates:
        certificate.extra_links = certificate_links(certificate=certificate)
    return render(
        request,
        "certificates/mine.html",
        {"certificates": certificates, "panels": certificate_list_panels(request=request)},
    )


@login_required
@never_cache
@require_GET
def download(request: HttpRequest, reference: str) -> HttpResponse:
    """The PDF, for its learner and for staff whose centres include the learner; 404 for others."""
    certificate = certificate_for_download(user=request.user, reference=reference)
    if certificate is None:
        raise Http404
    is_owner = certificate.learner_id == request.user.pk
    if (
        not certificate.is_valid
        and is_owner
        and not request.user.has_perm("certificates.view_certificate")
    ):
        return render(
            request, "certificates/revoked.html", {"certificate": certificate}, status=410
        )
    if not certificate.is_ready:
        response = render(
            request, "certificates/preparing.html", {"certificate": certificate}, status=202
        )
        response["Retry-After"] = "10"
        return response
    handle = certificate_storage().open(certificate.file_name, "rb")
    filename = f"certificate-{certificate.number.replace('/', '-')}.pdf"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
