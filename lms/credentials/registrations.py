"""How credentials take part in certificates and personal data (called from
CredentialsConfig.ready()): links and a QR code on the learner's list, the consent
form, the credential inside the PDF, the status list refreshed on revocation."""

import json
import logging
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

import segno

from lms.certificates.extensions import (
    CERTIFICATE_LINKS,
    CERTIFICATE_LIST_PANELS,
    PDF_ATTACHMENTS,
    CertificateLink,
    PdfAttachment,
)
from lms.certificates.models import Certificate
from lms.certificates.signals import certificate_revoked
from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from . import documents
from .forms import CredentialConsentForm
from .models import CredentialConsent
from .selectors import name_shown_for
from .services import (
    credential_jwt_for_code,
    enveloped_credential,
    status_list_cache_clear,
)

logger = logging.getLogger(__name__)


def credential_links(*, certificate: Certificate) -> list[CertificateLink]:
    if not certificate.is_valid:
        return []
    url = documents.credential_url(certificate.code)
    qr = segno.make(url, error="m").svg_data_uri(scale=3, border=2)
    return [
        CertificateLink(
            label=_("Download digital credential (JSON)"),
            url=url,
            qr_data_uri=qr,
            qr_label=_("QR code with the address of the digital credential"),
        )
    ]


def consent_panel(*, request: HttpRequest) -> str:
    form = CredentialConsentForm(initial={"show_name": name_shown_for(user=request.user)})
    return render_to_string(
        "credentials/includes/consent.html",
        {"form": form, "csrf_token": get_token(request)},
        request=request,
    )


def credential_attachment(*, code: str) -> list[PdfAttachment]:
    # A certificate without its credential attached is better than no certificate: a key
    # that cannot be read (the secret changed) must not stop the PDF.
    try:
        token = credential_jwt_for_code(code=code)
    except Exception:
        logger.exception("The credential of certificate %s could not be signed", code)
        return []
    if token is None:
        return []
    content = json.dumps(enveloped_credential(token), ensure_ascii=False, indent=2).encode()
    return [
        PdfAttachment(
            name=f"credential-{code}.json",
            content=content,
            description="Open Badges 3.0 credential (VC-JOSE)",
        )
    ]


def refresh_status_list(sender, *, certificate_id: int, **kwargs) -> None:
    status_list_cache_clear()


def credential_consent_of(*, user: User) -> dict[str, Any]:
    return {"show_name": name_shown_for(user=user)}


def credential_consent_erase(*, user: User) -> None:
    CredentialConsent.objects.filter(user=user).delete()


def register() -> None:
    CERTIFICATE_LINKS.register(credential_links)
    CERTIFICATE_LIST_PANELS.register(consent_panel)
    PDF_ATTACHMENTS.register(credential_attachment)
    certificate_revoked.connect(
        refresh_status_list, sender=Certificate, dispatch_uid="credentials-status-list"
    )
    register_personal_data_section("credential_consent", credential_consent_of, order=55)
    register_erasure_step(credential_consent_erase, order=25)
