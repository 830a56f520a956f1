"""What an ordinary signed-in request pays before its view: no query at all.

The benchmark's trivial view goes through every middleware; the session comes from the
cache and the must-change-password flag from the session, so the user is not loaded.
"""

from django.core.cache import cache

import pytest

from lms.users.middleware import MUST_CHANGE_PASSWORD_SESSION_KEY
from tests.factories import UserFactory

pytestmark = pytest.mark.urls("bench.urls")

TRIVIAL = "/bench/trivial/"


@pytest.fixture
def learner(db):
    user = UserFactory(username="somchai")
    user.set_password("temp-2567-abc")
    user.save()
    return user


def test_a_signed_in_request_makes_no_query(client, learner, django_assert_num_queries):
    client.force_login(learner)
    assert client.session[MUST_CHANGE_PASSWORD_SESSION_KEY] is False  # kept at sign-in
    with django_assert_num_queries(0):
        assert client.get(TRIVIAL).status_code == 200


def test_a_session_from_before_the_flag_loads_the_user_once(
    client, learner, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(learner)
    session = client.session
    del session[MUST_CHANGE_PASSWORD_SESSION_KEY]
    session.save()
    # The user, then the session written back with the flag (an update in a savepoint).
    with django_assert_max_num_queries(4):
        assert client.get(TRIVIAL).status_code == 200
    assert client.session[MUST_CHANGE_PASSWORD_SESSION_KEY] is False
    with django_assert_num_queries(0):
        assert client.get(TRIVIAL).status_code == 200


def test_an_emptied_cache_signs_nobody_out(client, learner, django_assert_num_queries):
    client.force_login(learner)
    client.get(TRIVIAL)
    cache.clear()
    with django_assert_num_queries(1):  # the session row, read back into the cache
        assert client.get(TRIVIAL).status_code == 200
    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert response.wsgi_request.user == learner


def test_a_kept_flag_still_sends_to_the_password_page(client, learner):
    learner.must_change_password = True
    learner.save()
    client.force_login(learner)
    assert client.get(TRIVIAL)["Location"] == "/accounts/password/"
    # Answered from the session from now on, and still the same answer.
    assert client.session[MUST_CHANGE_PASSWORD_SESSION_KEY] is True
    assert client.get(TRIVIAL)["Location"] == "/accounts/password/"
    client.post(
        "/accounts/password/",
        {
            "old_password": "temp-2567-abc",
            "new_password1": "my-own-2567-pass",
            "new_password2": "my-own-2567-pass",
        },
    )
    assert client.session[MUST_CHANGE_PASSWORD_SESSION_KEY] is False
    assert client.get(TRIVIAL).status_code == 200


def test_a_reset_by_staff_ends_a_session_that_remembered_no(client, learner):
    client.force_login(learner)
    client.get(TRIVIAL)
    assert client.session[MUST_CHANGE_PASSWORD_SESSION_KEY] is False
    # What the centre's password reset does: a new password and the flag.
    learner.set_password("new-temp-2567")
    learner.must_change_password = True
    learner.save()
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
