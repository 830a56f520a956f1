"""The navigation's admin links: right after any role change, without asking the database
for permissions on every page."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from lms.users import roles
from tests.factories import UserFactory


def admin_link(client) -> bool:
    page = BeautifulSoup(client.get("/").content, "html.parser")
    return page.select_one(".site-nav a[href='/admin/']") is not None


@pytest.fixture
def person(home, client):
    user = UserFactory(username="nav-person")
    client.force_login(user)
    return user


def test_a_learner_has_no_admin_link_and_costs_no_permission_query(client, person):
    assert not admin_link(client)
    with CaptureQueriesContext(connection) as second_page:
        assert not admin_link(client)
    assert not [q for q in second_page.captured_queries if "auth_permission" in q["sql"]]


def test_a_new_role_shows_the_links_on_the_next_page(client, person):
    assert not admin_link(client)
    person.groups.add(Group.objects.get(name=roles.TRAINERS))
    assert admin_link(client)
    person.groups.remove(Group.objects.get(name=roles.TRAINERS))
    assert not admin_link(client)


def test_roles_set_through_the_group_side_count_too(client, person):
    centre_admins = Group.objects.get(name=roles.CENTRE_ADMINS)
    assert not admin_link(client)
    centre_admins.user_set.add(person)
    assert admin_link(client)
    centre_admins.user_set.clear()
    assert not admin_link(client)


def test_a_group_losing_the_permission_hides_the_links_of_its_members(client, person):
    trainers = Group.objects.get(name=roles.TRAINERS)
    person.groups.add(trainers)
    assert admin_link(client)
    trainers.permissions.remove(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert not admin_link(client)


def test_a_group_deleted_hides_the_links_of_its_members(client, person):
    group = Group.objects.create(name="Short-lived")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    person.groups.add(group)
    assert admin_link(client)
    group.delete()
    assert not admin_link(client)


def test_a_superuser_has_the_links_without_a_group(client, home):
    client.force_login(UserFactory(username="root-ish", is_superuser=True))
    assert admin_link(client)
