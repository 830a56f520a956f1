"""Checking a credential someone pasted or uploaded: valid, revoked, tampered, or not
ours (unknown issuer).

Accepted: the compact JWT (VC-JOSE), or JSON holding it as an
EnvelopedVerifiableCredential (what /credentials/<code>.json serves). Anything that is
neither is bad input (`CredentialInputError`), not a verdict.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lms.core.errors import ServiceError

from . import documents
from .selectors import certificate_for_status, issuer_key_by_kid
from .signing import ALGORITHM, signature_valid

MAX_INPUT_BYTES = 64 * 1024
_COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
_ENVELOPE_PREFIX = "data:application/vc+jwt,"

VALID = "valid"
REVOKED = "revoked"
TAMPERED = "tampered"
UNKNOWN_ISSUER = "unknown_issuer"


class CredentialInputError(ServiceError):
    """Input that is not a credential at all; `message` is shown as it is."""


@dataclass
class Verdict:
    status: str
    message: str
    credential: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        subject = self.credential.get("credentialSubject") or {}
        achievement = subject.get("achievement") or {}
        return {
            "status": self.status,
            "message": self.message,
            "credential_id": self.credential.get("id"),
            "achievement": achievement.get("name"),
            "valid_from": self.credential.get("validFrom"),
        }


def too_large_error() -> CredentialInputError:
    return CredentialInputError(
        _("This is too large to be a credential (at most 64 KB). Paste the credential itself."),
        code="too_large",
        status=413,
    )


def _not_a_credential() -> CredentialInputError:
    return CredentialInputError(
        _(
            "This does not look like a digital credential. Paste the whole text of the "
            "credential file (JSON) or its JWT, or upload the file."
        ),
        code="unreadable",
    )


def token_from_input(text: str) -> str:
    """The compact JWT inside what was pasted or uploaded."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise too_large_error()
    text = text.strip()
    if text.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except ValueError:
            raise _not_a_credential() from None
        envelope = data.get("id") if isinstance(data, dict) else None
        if isinstance(envelope, str) and envelope.startswith(_ENVELOPE_PREFIX):
            text = envelope[len(_ENVELOPE_PREFIX) :]
        elif isinstance(data, dict) and "proof" in data:
            raise CredentialInputError(
                _(
                    "This credential carries a kind of proof this site does not check. "
                    "Download the credential again from the learner's certificate list."
                ),
                code="unsupported_proof",
            )
        else:
            raise _not_a_credential()
    if not _COMPACT_JWS.match(text):
        raise _not_a_credential()
    return text


def _b64json(part: str) -> dict | None:
    try:
        value = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (ValueError, binascii.Error):
        return None
    return value if isinstance(value, dict) else None


def credential_verify(*, text: str) -> Verdict:
    """The verdict on a pasted credential; raises CredentialInputError for non-credentials."""
    token = token_from_input(text)
    header_part, payload_part, _signature = token.split(".")
    header = _b64json(header_part)
    if header is None or _b64json(payload_part) is None:
        return Verdict(TAMPERED, _tampered_message())
    kid = header.get("kid")
    prefix = f"{documents.issuer_did()}#"
    key = (
        issuer_key_by_kid(kid=kid[len(prefix) :])
        if isinstance(kid, str) and kid.startswith(prefix)
        else None
    )
    if key is None or header.get("alg") != ALGORITHM:
        return Verdict(
            UNKNOWN_ISSUER,
            _(
                "This credential was not signed with a key of this platform, so it cannot be "
                "checked here. Ask whoever issued it."
            ),
        )
    payload = signature_valid(token=token, key=key)
    if payload is None:
        return Verdict(TAMPERED, _tampered_message())
    credential = json.loads(payload)
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    status = credential.get("credentialStatus") or {}
    try:
        index = int(status.get("statusListIndex"))
    except (TypeError, ValueError):
        index = None
    if issuer_id != documents.issuer_did() or index is None:
        return Verdict(TAMPERED, _tampered_message(), credential)
    certificate = certificate_for_status(list_id=documents.STATUS_LIST_ID, index=index)
    if certificate is None or not certificate.is_valid:
        return Verdict(
            REVOKED,
            _("This credential was issued by this platform but has been revoked."),
            credential,
        )
    return Verdict(
        VALID,
        _("This credential is genuine: issued and signed by this platform, and not revoked."),
        credential,
    )


def _tampered_message() -> str:
    return _(
        "This credential has been changed since it was issued, or is damaged: its signature "
        "does not match. Do not trust what it says."
    )
