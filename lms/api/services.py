"""Writes over personal access tokens: make one, revoke one, note its use."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.core.errors import ServiceError
from lms.users.models import User

from .models import PersonalAccessToken, TokenScope
from .tokens import PREFIX_LENGTH, secret_digest, secret_new

MAX_TOKENS_PER_USER = 20
MAX_LIFETIME_DAYS = 366
# Noting each use would write a row per request; once a minute says enough.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenError(ServiceError):
    """A refused token action; `message` is shown to the person as it is."""


@dataclass(frozen=True)
class NewToken:
    token: PersonalAccessToken
    secret: str  # shown once, never stored


def token_create(
    *, user: User, name: str, scope: str, expires_in_days: int | None = None
) -> NewToken:
    """Make a token for `user`; the secret in the result is the only copy there will be."""
    name = " ".join(name.split())
    if not name:
        raise TokenError(_("Give the token a name."), code="name")
    if len(name) > 100:
        raise TokenError(_("The name is too long (100 characters at most)."), code="name")
    if scope not in TokenScope.values:
        raise TokenError(_("Choose read only or read and write."), code="scope")
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_LIFETIME_DAYS:
        raise TokenError(
            _("A token can last from 1 to %(days)s days.") % {"days": MAX_LIFETIME_DAYS},
            code="expires",
        )
    secret = secret_new()
    now = timezone.now()
    with transaction.atomic():
        # Lock the person's row so two requests at once cannot pass the limit together.
        User.objects.select_for_update().filter(pk=user.pk).first()
        if PersonalAccessToken.objects.filter(user=user).usable(now).count() >= MAX_TOKENS_PER_USER:
            raise TokenError(
                _("You have %(count)s tokens in use. Revoke one you no longer need first.")
                % {"count": MAX_TOKENS_PER_USER},
                code="too_many",
            )
        token = PersonalAccessToken.objects.create(
            user=user,
            name=name,
            scope=scope,
            prefix=secret[:PREFIX_LENGTH],
            token_hash=secret_digest(secret),
            expires_at=now + dt.timedelta(days=expires_in_days) if expires_in_days else None,
        )
        log(
            instance=token,
            action="lms.api.token_create",
            user=user,
            data={"scope": scope, "prefix": token.prefix},
        )
    return NewToken(token=token, secret=secret)


def token_revoke(*, user: User, token: PersonalAccessToken) -> bool:
    """Revoke one of `user`'s tokens; False when it was revoked already."""
    if token.user_id != user.pk:
        raise TokenError(_("This is not your token."), code="forbidden", status=404)
    with transaction.atomic():
        changed = PersonalAccessToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if changed:
            log(instance=token, action="lms.api.token_revoke", user=user)
    return bool(changed)


def token_mark_used(*, token: PersonalAccessToken) -> None:
    """Note that the token was just used (at most one write a minute per token)."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
