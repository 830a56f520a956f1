"""Centre staff give a learner without e-mail a temporary password (issue 3, item 1)."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from lms.centres.services import CentreError, learner_password_reset
from lms.users import roles


def reset_url(user):
    return reverse("centres:learner_password_reset", args=[user.pk])


def test_staff_set_a_temporary_password_shown_once(world, login, client):
    page = login(world.trainer_a).post(reset_url(world.learner_a))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    password = page.context["password"]
    assert password in page.content.decode()
    world.learner_a.refresh_from_db()
    assert world.learner_a.must_change_password
    assert world.learner_a.check_password(password)
    entry = ModelLogEntry.objects.get(action="lms.user.password_reset_by_staff")
    assert (entry.user_id, entry.object_id) == (world.trainer_a.pk, str(world.learner_a.pk))
    # The password is not kept anywhere the staff member could open again.
    again = login(world.trainer_a).get(reverse("centres:learner_detail", args=[world.learner_a.pk]))
    assert password not in again.content.decode()

    # The learner logs in with it and is sent to choose their own.
    client.logout()
    client.post(reverse("login"), {"username": world.learner_a.username, "password": password})
    assert client.get(reverse("learning:dashboard"))["Location"] == reverse("password_change")


def test_get_does_not_reset(world, login):
    assert login(world.admin_a).get(reset_url(world.learner_a)).status_code == 405
    world.learner_a.refresh_from_db()
    assert not world.learner_a.must_change_password


def test_staff_accounts_and_other_centres_are_refused(world, login):
    for actor, target in [
        (world.trainer_a, world.admin_a),  # a colleague
        (world.admin_a, world.trainer_a),
        (world.admin_a, world.admin_a),  # themselves
        (world.admin_a, world.learner_b),  # another centre
        (world.learner_a, world.learner_a),
    ]:
        with pytest.raises(CentreError):
            learner_password_reset(actor=actor, learner=target)
    assert login(world.admin_a).post(reset_url(world.admin_a)).status_code == 403
    assert login(world.admin_a).post(reset_url(world.learner_b)).status_code == 404
    national = world.national
    with pytest.raises(CentreError):
        learner_password_reset(actor=world.admin_a, learner=national)
    assert not ModelLogEntry.objects.filter(action="lms.user.password_reset_by_staff").exists()


def test_a_learner_in_a_group_is_not_a_plain_learner(world):
    world.learner_a.groups.add(Group.objects.get(name=roles.TRAINERS))
    with pytest.raises(CentreError) as error:
        learner_password_reset(actor=world.admin_a, learner=world.learner_a)
    assert error.value.code == "staff_account"
