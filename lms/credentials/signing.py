"""VC-JOSE: a credential secured as a compact JWS whose payload is the credential itself
(typ vc+jwt), signed with the issuer's active Ed25519 key."""

import json
import warnings

from joserfc import jws
from joserfc.errors import JoseError

from .keys import public_key, signing_key
from .models import IssuerKey

ALGORITHM = "EdDSA"
MEDIA_TYPE = "application/vc+jwt"


# joserfc marks "EdDSA" deprecated in favour of RFC 9864's "Ed25519"; verifiers of Open
# Badges and VC-JOSE expect "EdDSA", so it stays, and the warning is silenced here.


def credential_sign(*, payload: dict, key: IssuerKey, key_reference: str) -> str:
    header = {"alg": ALGORITHM, "kid": key_reference, "typ": "vc+jwt"}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return jws.serialize_compact(
            header, body, signing_key(key.private_key_encrypted), algorithms=[ALGORITHM]
        )


def signature_valid(*, token: str, key: IssuerKey) -> bytes | None:
    """The payload if `token` is signed by `key`, else None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return jws.deserialize_compact(
                token, public_key(key.public_jwk), algorithms=[ALGORITHM]
            ).payload
        except (JoseError, ValueError):
            return None
