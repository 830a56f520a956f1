"""Temporary passwords that centre staff hand to learners on paper.

They are random (about 52 bits), easy to type on a phone (no 0/o, 1/l/i), and
must be changed at the first login (User.must_change_password).

Hashing 10,000 of them with the default PBKDF2 cost (a third of a second each)
would keep an import busy for an hour. A random password of this strength does
not need the slowness that protects passwords people choose, so imports hash
them with `InitialPasswordHasher` (fewer rounds) when it is configured in
PASSWORD_HASHERS; Django re-hashes with the default hasher at the first login,
and the learner replaces the password straight away anyway.
"""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LENGTH = 10


def temporary_password_generate() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


class InitialPasswordHasher(PBKDF2PasswordHasher):
    algorithm = "pbkdf2_sha256_initial"
    iterations = 40_000


def initial_password_hash(password: str) -> str:
    hasher_path = f"{InitialPasswordHasher.__module__}.{InitialPasswordHasher.__name__}"
    if hasher_path in settings.PASSWORD_HASHERS:
        return make_password(password, hasher=InitialPasswordHasher.algorithm)
    return make_password(password)
