"""A learner's links to school systems in the personal-data export, and their erasure
(registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import GradeLink, LtiAccount


def lti_accounts_of(*, user: User) -> list[dict[str, Any]]:
    return [
        {
            "platform": account.platform.name,
            "platform_issuer": account.platform.issuer,
            "user_id_at_platform": account.sub,
            "linked_at": account.created_at.isoformat(),
        }
        for account in LtiAccount.objects.filter(user=user).select_related("platform")
    ]


def lti_accounts_unlink(*, user: User) -> None:
    """Forget which school-system user this account was, and where its scores went: a
    later launch by the same person makes a new account."""
    GradeLink.objects.filter(account__user=user).delete()
    LtiAccount.objects.filter(user=user).delete()


def register() -> None:
    """Called from LtiConfig.ready()."""
    register_personal_data_section("lti_accounts", lti_accounts_of, order=65)
    register_erasure_step(lti_accounts_unlink, order=35)
