"""A learner's certificates in the personal-data export and their erasure
(registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import Certificate
from .services import certificates_anonymise


def certificates_of(*, user: User) -> list[dict[str, Any]]:
    return [
        {
            "number": certificate.number,
            "code": certificate.code,
            "course": certificate.course_title,
            "issued_at": certificate.issued_at.isoformat(),
            "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
        }
        for certificate in Certificate.objects.filter(learner=user).order_by("issued_at")
    ]


def register() -> None:
    """Called from CertificatesConfig.ready()."""
    register_personal_data_section("certificates", certificates_of, order=50)
    # Still valid, but no longer naming the person (after handed-in work).
    register_erasure_step(certificates_anonymise, order=20)
