"""The shape of a personal access token's secret, and its digest.

A secret reads `cdc_` followed by 40 URL-safe characters; the first 12 characters (the
`cdc_` and eight more) are kept in clear as the token's prefix so a person can tell their
tokens apart. The secret is random enough (240 bits) that a plain SHA-256 digest is safe to
store and look up; a slow password hash would only cost time on every request.
"""

import hashlib
import secrets

SECRET_PREFIX = "cdc_"  # noqa: S105 (a public marker that starts every secret)
PREFIX_LENGTH = len(SECRET_PREFIX) + 8
SECRET_LENGTH = len(SECRET_PREFIX) + 40


def secret_new() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(30)[:40]


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_looks_valid(secret: str) -> bool:
    return len(secret) == SECRET_LENGTH and secret.startswith(SECRET_PREFIX)
