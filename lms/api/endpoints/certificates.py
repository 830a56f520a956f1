"""Public verification of a certificate code: the facts the verification page shows."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from ninja import Router

from lms.certificates.selectors import certificate_by_code
from lms.certificates.views import verification_payload

from ..auth import PUBLIC, PUBLIC_SECURITY
from ..problems import ApiRefusal, responses
from ..schemas import VerificationOut

router = Router(tags=["certificates"], auth=PUBLIC)


@router.get(
    "/certificates/{code}/verify",
    response=responses({200: VerificationOut}),
    openapi_extra=PUBLIC_SECURITY,
    summary="Verify a certificate code",
)
def verify_certificate(request: HttpRequest, code: str):
    certificate = certificate_by_code(code=code[:64])
    if certificate is None:
        raise ApiRefusal(
            404,
            _(
                "No certificate has this code. Check each letter and digit against the "
                "certificate, or scan its QR code."
            ),
            code="unknown_certificate",
        )
    return verification_payload(certificate)
