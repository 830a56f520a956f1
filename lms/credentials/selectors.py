"""Reads over credentials: the published keys, a learner's consent, the revoked indexes."""

from lms.certificates.models import Certificate
from lms.users.models import User

from .models import CertificateCredential, CredentialConsent, IssuerKey


def issuer_keys_published() -> list[IssuerKey]:
    """Every key, active and retired, oldest first: all stay in the did:web document."""
    return list(IssuerKey.objects.published())


def issuer_key_by_kid(*, kid: str) -> IssuerKey | None:
    return IssuerKey.objects.filter(kid=kid).first()


def name_shown_for(*, user: User) -> bool:
    """Whether `user` agreed to be named in their credentials (no answer means no)."""
    if not user.is_authenticated:
        return False
    return CredentialConsent.objects.filter(user=user, show_name=True).exists()


def revoked_status_indexes(*, list_id: int) -> list[int]:
    """The status indexes of revoked certificates in one list (one query)."""
    return list(
        CertificateCredential.objects.filter(
            status_list=list_id, certificate__revoked_at__isnull=False
        ).values_list("status_index", flat=True)
    )


def certificate_for_status(*, list_id: int, index: int) -> Certificate | None:
    record = (
        CertificateCredential.objects.filter(status_list=list_id, status_index=index)
        .select_related("certificate")
        .first()
    )
    return record.certificate if record else None
