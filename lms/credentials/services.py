"""Writes to credentials: issuer keys (create, rotate), a certificate's status place,
the learner's consent, and the signed documents built from them.

Credentials are built when asked for and not stored; the status list is cached for a
short while and dropped when a certificate is revoked or a key is created.
"""

import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.centres.scoping import is_national_admin
from lms.certificates.models import Certificate
from lms.certificates.selectors import certificate_by_code
from lms.core.errors import ServiceError
from lms.users.models import User

from . import documents
from .keys import key_generate
from .models import CertificateCredential, CredentialConsent, IssuerKey
from .selectors import name_shown_for, revoked_status_indexes
from .signing import credential_sign

STATUS_LIST_CACHE_SECONDS = 60


class CredentialError(ServiceError):
    """A refused credentials action; `message` is shown to the user as it is."""


def _status_cache_key(list_id: int) -> str:
    return f"credentials:status-list:{list_id}"


def status_list_cache_clear(*, list_id: int = documents.STATUS_LIST_ID) -> None:
    cache.delete(_status_cache_key(list_id))


def issuer_key_create(*, actor: User | None) -> IssuerKey:
    """A new active key; the active one, if any, is retired but stays published.

    `actor` None is the platform itself (the first credential, setup_platform).
    """
    if actor is not None and not is_national_admin(actor):
        raise CredentialError(_("Only national admins may create issuer keys."), code="denied")
    with transaction.atomic():
        # Locks the active key, so two rotations at once make two keys one after the other.
        current = list(IssuerKey.objects.active().select_for_update())
        IssuerKey.objects.filter(pk__in=[key.pk for key in current]).update(
            retired_at=timezone.now()
        )
        kid, public, private = key_generate()
        key = IssuerKey.objects.create(
            kid=kid, public_jwk=public, private_key_encrypted=private, created_by=actor
        )
        if actor is not None:
            log(instance=key, action="lms.credentials.key_create", user=actor)
        transaction.on_commit(status_list_cache_clear)
    return key


def issuer_key_ensure() -> IssuerKey:
    """The active key, created if there is none (two at once: one wins, both use it)."""
    key = IssuerKey.objects.active().first()
    if key is not None:
        return key
    try:
        with transaction.atomic():
            return issuer_key_create(actor=None)
    except IntegrityError:
        return IssuerKey.objects.active().get()


def credential_record_ensure(*, certificate: Certificate) -> CertificateCredential:
    """The certificate's status place and salt, allocated once (the row's id is its index)."""
    record = CertificateCredential.objects.filter(certificate=certificate).first()
    if record is not None and record.status_index is not None:
        return record
    with transaction.atomic():
        record, _created = CertificateCredential.objects.get_or_create(
            certificate=certificate, defaults={"salt": secrets.token_hex(16)}
        )
        if record.status_index is None:
            record.status_index = record.pk
            record.save(update_fields=["status_index"])
    return record


def credential_consent_set(*, user: User, show_name: bool) -> CredentialConsent:
    consent, _created = CredentialConsent.objects.update_or_create(
        user=user, defaults={"show_name": show_name}
    )
    return consent


def _sign(payload: dict) -> str:
    key = issuer_key_ensure()
    return credential_sign(payload=payload, key=key, key_reference=documents.key_reference(key))


def credential_payload(*, certificate: Certificate) -> dict:
    record = credential_record_ensure(certificate=certificate)
    return documents.open_badge_credential(
        certificate=certificate,
        record=record,
        show_name=name_shown_for(user=certificate.learner),
    )


def credential_jwt(*, certificate: Certificate) -> str:
    """The certificate's OpenBadgeCredential, signed now with the active key."""
    return _sign(credential_payload(certificate=certificate))


def credential_jwt_for_code(*, code: str) -> str | None:
    certificate = certificate_by_code(code=code)
    if certificate is None:
        return None
    return credential_jwt(certificate=certificate)


def enveloped_credential(token: str) -> dict:
    """The signed credential as JSON (VC 2.0 EnvelopedVerifiableCredential)."""
    return {
        "@context": [documents.VC_CONTEXT],
        "id": f"data:application/vc+jwt,{token}",
        "type": "EnvelopedVerifiableCredential",
    }


def status_list_jwt(*, list_id: int = documents.STATUS_LIST_ID) -> str:
    """The signed status list, from the certificates' revoked state (cached briefly)."""
    key = _status_cache_key(list_id)
    token = cache.get(key)
    if token is None:
        payload = documents.status_list_credential(
            revoked_indexes=revoked_status_indexes(list_id=list_id), list_id=list_id
        )
        token = _sign(payload)
        cache.set(key, token, STATUS_LIST_CACHE_SECONDS)
    return token
