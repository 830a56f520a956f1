"""Accounts: sign-up, personal data export and anonymisation (Thailand's PDPA)."""

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import User
from .personal_data import personal_data_erase, personal_data_sections


@transaction.atomic
def user_signup(*, username: str, password: str, **profile: Any) -> User:
    """Create a learner account. Profile fields are those of the signup form."""
    user = User(username=username, **profile)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    log(instance=user, action="lms.user.signup", user=user)
    return user


def personal_data_export(*, user: User) -> dict[str, Any]:
    data = {"exported_at": timezone.now().isoformat(), **personal_data_sections(user)}
    log(instance=user, action="lms.user.data_export", user=user)
    return data


@transaction.atomic
def user_anonymise(*, user: User, requested_by: User) -> User:
    """Erase what identifies a person, keep what counts them.

    Names, contact details and the username go; enrolments, progress and the
    birth year and home centre stay so that centre and national statistics do not
    change. The account can no longer log in.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.anonymised_at is not None:
        return user
    user.username = f"deleted-{user.pk}-{secrets.token_hex(4)}"
    for field in (
        "first_name",
        "last_name",
        "first_name_en",
        "last_name_en",
        "email",
        "phone",
        "title_prefix",
    ):
        setattr(user, field, "")
    user.set_unusable_password()
    user.is_active = False
    user.must_change_password = False
    user.anonymised_at = timezone.now()
    user.save()
    user.groups.clear()
    user.staff_roles.all().delete()
    # What the apps above keep about the person (handed-in work, certificates): the
    # steps they registered in lms.users.personal_data.
    personal_data_erase(user=user)
    log(instance=user, action="lms.user.anonymise", user=requested_by)
    return user
