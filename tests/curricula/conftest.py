"""Fixtures shared by the course review tests."""

from django.contrib.auth.models import Group

import pytest

from lms.users import roles
from tests.factories import UserFactory


@pytest.fixture
def trainer(home):
    user = UserFactory(username="trainer-review")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


@pytest.fixture
def reviewer(home):
    user = UserFactory(username="national-review")
    user.groups.add(Group.objects.get(name=roles.NATIONAL_ADMINS))
    return user


def draft(page, user):
    """A page as the admin leaves it after "Save draft": a revision, not live."""
    page.save_revision(user=user)
    page.refresh_from_db()
    return page
