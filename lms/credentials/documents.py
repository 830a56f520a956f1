"""The JSON documents of the credentials: the did:web document, the JWKS, the issuer
Profile, an OpenBadgeCredential and the Bitstring Status List.

Pure builders: they take rows and return dicts; signing and storage live elsewhere.
Field names follow the W3C Verifiable Credentials Data Model 2.0, the Bitstring
Status List and Open Badges 3.0 specifications.
"""

import base64
import datetime as dt
import gzip
import hashlib
from decimal import Decimal
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.certificates.models import Certificate

from .models import CertificateCredential, IssuerKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DID_CONTEXT = "https://www.w3.org/ns/did/v1"
JWK_CONTEXT = "https://w3id.org/security/jwk/v1"
# The Bitstring Status List's minimum size: small lists would tell who is revoked.
STATUS_LIST_MIN_BITS = 131_072
STATUS_LIST_ID = 1


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def issuer_did() -> str:
    """did:web for the site's host; a port is percent-encoded (did:web method spec)."""
    parts = urlsplit(settings.SITE_URL)
    host = parts.hostname or "localhost"
    if parts.port:
        host = f"{host}{quote(f':{parts.port}', safe='')}"
    path = [quote(segment, safe="") for segment in parts.path.split("/") if segment]
    return ":".join(["did:web", host, *path])


def key_reference(key: IssuerKey) -> str:
    return f"{issuer_did()}#{key.kid}"


def did_document(keys: list[IssuerKey]) -> dict:
    did = issuer_did()
    methods = [
        {
            "id": key_reference(key),
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": key.public_jwk,
        }
        for key in keys
    ]
    return {
        "@context": [DID_CONTEXT, JWK_CONTEXT],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def jwks(keys: list[IssuerKey]) -> dict:
    return {"keys": [key.public_jwk for key in keys]}


def issuer_name() -> str:
    return getattr(settings, "CREDENTIALS_ISSUER_NAME", "") or settings.WAGTAIL_SITE_NAME


def issuer_profile() -> dict:
    """The national programme as the issuer (the issuing centre is named per credential)."""
    return {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": issuer_name(),
        "url": settings.SITE_URL,
    }


def issuer_profile_document() -> dict:
    return {"@context": [VC_CONTEXT, OB_CONTEXT], **issuer_profile()}


def credential_url(code: str) -> str:
    return site_url(reverse("credentials:credential", args=[code]))


def status_list_url(list_id: int = STATUS_LIST_ID) -> str:
    return site_url(reverse("credentials:status_list", args=[list_id]))


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def identity_hash(value: str, salt: str) -> str:
    """Open Badges' salted hash of a recipient identifier: "sha256$" and the hex digest."""
    return "sha256$" + hashlib.sha256(f"{value}{salt}".encode()).hexdigest()


def _credits(hours: Decimal | None) -> float | None:
    return float(hours) if hours is not None else None


def _achievement_id(certificate: Certificate) -> str:
    url = certificate.course.full_url if certificate.course.live else None
    return url or site_url(f"/courses/#course-{certificate.course_id}")


def open_badge_credential(
    *, certificate: Certificate, record: CertificateCredential, show_name: bool
) -> dict:
    """The OpenBadgeCredential of a certificate (unsigned: the JWT payload)."""
    with translation.override(settings.LANGUAGE_CODE):
        narrative = _(
            "Completed every lesson and passed the assessments of the course “%(course)s”."
        ) % {"course": certificate.course_title}
        description = _("Certificate of completion for the course “%(course)s”.") % {
            "course": certificate.course_title
        }
    if certificate.course_title_en:
        description = f"{description} (English: {certificate.course_title_en})"
    achievement = {
        "id": _achievement_id(certificate),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": certificate.course_title,
        "description": description,
        "criteria": {"narrative": narrative},
        "inLanguage": "th",
    }
    if certificate.track_title:
        achievement["fieldOfStudy"] = certificate.track_title
    credits = _credits(certificate.hours)
    if credits is not None:
        achievement["creditsAvailable"] = credits
    identifiers = [
        {
            "type": "IdentityObject",
            "identityHash": identity_hash(certificate.learner.username, record.salt),
            "identityType": "identifier",
            "hashed": True,
            "salt": record.salt,
        }
    ]
    if show_name:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityHash": certificate.learner_name,
                "identityType": "name",
                "hashed": False,
            }
        )
    subject = {
        "type": ["AchievementSubject"],
        "identifier": identifiers,
        "achievement": achievement,
        "activityEndDate": _timestamp(certificate.completed_at),
    }
    if credits is not None:
        subject["creditsEarned"] = credits
    if certificate.centre_name:
        # The centre that ran the course assessed it on the programme's behalf.
        subject["source"] = {
            "id": site_url(reverse("credentials:issuer") + f"#centre-{certificate.centre_id}"),
            "type": ["Profile"],
            "name": certificate.centre_name,
        }
    status_url = status_list_url(record.status_list)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential_url(certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": _timestamp(certificate.issued_at),
        "name": certificate.course_title,
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_url}#{record.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(record.status_index),
            "statusListCredential": status_url,
        },
    }


def encode_bitstring(indexes: list[int]) -> str:
    """Multibase base64url (prefix "u") of the gzipped list; index 0 is the first byte's
    highest bit."""
    blocks = max(1, -(-(max(indexes, default=0) + 1) // STATUS_LIST_MIN_BITS))
    size = blocks * STATUS_LIST_MIN_BITS
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def status_list_credential(*, revoked_indexes: list[int], list_id: int = STATUS_LIST_ID) -> dict:
    url = status_list_url(list_id)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": _timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bitstring(revoked_indexes),
        },
    }
