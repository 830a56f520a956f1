"""The issuer's Ed25519 keys: generated here, the private half kept encrypted at rest.

The private key is encrypted with AES-GCM under a key derived from the setting
CREDENTIALS_KEY_SECRET (SECRET_KEY when unset), so a copy of the database alone
cannot sign credentials. Changing that secret makes the stored keys unusable: create
a new key in the admin afterwards (old credentials keep verifying, their public keys
stay published).
"""

import base64
import os
import secrets

from django.conf import settings
from django.utils import timezone

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from joserfc.jwk import OKPKey

_INFO = b"lms.credentials issuer key"


def _wrapping_key() -> bytes:
    secret = getattr(settings, "CREDENTIALS_KEY_SECRET", "") or settings.SECRET_KEY
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret.encode())


def private_key_encrypt(pem: bytes) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_wrapping_key()).encrypt(nonce, pem, _INFO)
    return base64.b64encode(nonce + sealed).decode("ascii")


def private_key_decrypt(stored: str) -> bytes:
    raw = base64.b64decode(stored)
    return AESGCM(_wrapping_key()).decrypt(raw[:12], raw[12:], _INFO)


def key_generate() -> tuple[str, dict, str]:
    """A new key: (kid, public JWK, encrypted private key)."""
    key = OKPKey.generate_key("Ed25519")
    kid = f"{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"
    public = {**key.as_dict(private=False), "kid": kid, "alg": "EdDSA", "use": "sig"}
    return kid, public, private_key_encrypt(key.as_pem(private=True))


def signing_key(stored: str) -> OKPKey:
    return OKPKey.import_key(private_key_decrypt(stored))


def public_key(jwk: dict) -> OKPKey:
    return OKPKey.import_key({k: jwk[k] for k in ("kty", "crv", "x")})
