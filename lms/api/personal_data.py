"""A person's API tokens in the personal-data export, and their removal when the account
is deleted (registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import PersonalAccessToken


def tokens_of(*, user: User) -> list[dict[str, Any]]:
    """Names and dates only: the secret was never kept."""
    return [
        {
            "name": token.name,
            "prefix": token.prefix,
            "scope": token.scope,
            "created_at": token.created_at.isoformat(),
            "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
            "expires_at": token.expires_at.isoformat() if token.expires_at else None,
            "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
        }
        for token in PersonalAccessToken.objects.filter(user=user).order_by("created_at")
    ]


def tokens_erase(*, user: User) -> None:
    """A deleted account's tokens go with it: none may act for the person afterwards."""
    PersonalAccessToken.objects.filter(user=user).delete()


def register() -> None:
    """Called from ApiConfig.ready()."""
    register_personal_data_section("api_tokens", tokens_of, order=90)
    register_erasure_step(tokens_erase, order=5)
