"""Login throttling per username *and* address: a centre's learners share one address."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pass-2566-ok"


@pytest.fixture
def learner():
    return UserFactory(username="malee")


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_login_is_case_insensitive(client, learner):
    response = attempt(client, "Malee", PASSWORD)
    assert response.status_code == 302


def test_wrong_password_message_does_not_say_which_part_is_wrong(client, learner):
    wrong_password = attempt(client, "malee", "nope").content.decode()
    unknown_user = attempt(client, "nobody-here", "nope").content.decode()
    assert "username or password" in wrong_password or "ชื่อผู้ใช้หรือรหัสผ่าน" in wrong_password
    # Same message whether or not the account exists: no user enumeration.
    strip = lambda html: html.split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert strip(wrong_password) == strip(unknown_user)


def test_lockout_after_five_failures_then_even_the_right_password_waits(client, learner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "malee", "wrong").status_code == 200
    # The failure that reaches the limit is answered with the lockout page ...
    assert attempt(client, "malee", "wrong").status_code == 429
    # ... and so is the right password while the lockout lasts.
    locked = attempt(client, "malee", PASSWORD)
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "15" in body
    assert "<html" in body


def test_lockout_counts_usernames_in_any_case_together(client, learner, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "MALEE" if i % 2 else "malee", "wrong")
    assert attempt(client, "Malee", PASSWORD).status_code == 429


def test_neighbour_on_the_same_network_is_not_locked_out(client, learner, settings):
    neighbour = UserFactory(username="somsak")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "malee", "wrong")
    assert attempt(client, neighbour.username, PASSWORD).status_code == 302


def test_same_account_from_another_address_is_not_locked_out(client, learner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "malee", "wrong", ip="10.0.0.1")
    assert attempt(client, "malee", PASSWORD, ip="10.0.0.2").status_code == 302
