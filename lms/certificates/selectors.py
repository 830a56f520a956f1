"""Reads over certificates, for learners, staff and the public verification page."""

from django.db.models import QuerySet

from lms.centres.scoping import is_national_admin, learners_visible_to
from lms.core.numbers import id_parse
from lms.users.models import User

from .codes import code_normalise
from .models import Certificate, CertificateBatch


def certificates_for(*, user: User) -> QuerySet[Certificate]:
    """A learner's own certificates, newest first (valid and revoked), for the dashboard.

    One query whatever the number of certificates: every field the list shows is on
    the certificate row.
    """
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(learner=user).order_by("-issued_at", "-pk")


def certificates_visible_to(*, user: User) -> QuerySet[Certificate]:
    """Certificates of the learners a staff member may see (lms.centres.scoping)."""
    queryset = Certificate.objects.all()
    if is_national_admin(user):
        return queryset
    return queryset.filter(learner__in=learners_visible_to(user))


def certificate_batches_visible_to(*, user: User) -> QuerySet[CertificateBatch]:
    """Bulk issues a staff member started (national admins: all of them)."""
    if is_national_admin(user):
        return CertificateBatch.objects.all()
    return CertificateBatch.objects.filter(created_by=user)


def certificate_by_code(*, code: str) -> Certificate | None:
    """The certificate with this code as typed (any case, spaces or dashes), or None."""
    compact = code_normalise(code)
    if compact is None:
        return None
    return Certificate.objects.filter(code=compact).first()


def certificate_for_download(*, user: User, reference: str) -> Certificate | None:
    """The certificate `reference` (id or code) if `user` owns it or may see its learner."""
    if not user.is_authenticated:
        return None
    if (certificate_id := id_parse(reference)) is not None:
        lookup = {"pk": certificate_id}
    else:
        compact = code_normalise(reference)
        if compact is None:
            return None
        lookup = {"code": compact}
    certificate = Certificate.objects.filter(**lookup).first()
    if certificate is None:
        return None
    if certificate.learner_id == user.pk:
        return certificate
    if certificates_visible_to(user=user).filter(pk=certificate.pk).exists() and user.has_perm(
        "certificates.view_certificate"
    ):
        return certificate
    return None
