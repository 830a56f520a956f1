"""Reads over personal access tokens."""

from django.db.models import QuerySet

from lms.learning.models import Enrollment
from lms.users.models import User

from .models import PersonalAccessToken
from .tokens import secret_digest, secret_looks_valid


def tokens_for(*, user: User) -> QuerySet[PersonalAccessToken]:
    """A person's own tokens, newest first (revoked ones too: the list says so)."""
    if not user.is_authenticated:
        return PersonalAccessToken.objects.none()
    return PersonalAccessToken.objects.filter(user=user).order_by("-created_at", "-pk")


def token_by_secret(*, secret: str) -> PersonalAccessToken | None:
    """The usable token with this secret and its user (one query), or None.

    Revoked and expired tokens, and tokens of people who can no longer log in, are None.
    """
    if not secret_looks_valid(secret):
        return None
    token = (
        PersonalAccessToken.objects.usable()
        .select_related("user")
        .filter(token_hash=secret_digest(secret))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    return token


def enrollments_for(*, user: User) -> QuerySet[Enrollment]:
    """A learner's own enrolments with their course, newest first (one query a page)."""
    return (
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .order_by("-enrolled_at", "-pk")
    )
