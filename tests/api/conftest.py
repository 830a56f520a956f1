"""The demo world (two centres, their staff and learners) and tokens to call the API with."""

import pytest

from lms.api.services import token_create
from lms.users.models import User
from tests.demo_data import demo_seed_for_test

USERNAMES = {
    "learner": "demo-learner",  # centre A
    "other_learner": "demo-kkn-wanida",  # centre B
    "trainer": "demo-trainer",  # centre A
    "admin_a": "demo-centre-admin",
    "admin_b": "demo-centre-admin-2",
    "national": "demo-admin",
}


@pytest.fixture
def world(db):
    result = demo_seed_for_test()
    return {"seed": result, **{role: User.objects.get(username=name) for role, name in USERNAMES.items()}}


@pytest.fixture
def bearer():
    """`bearer(user, scope="read")` → headers carrying a new token of that person."""

    def make(user, scope="read"):
        secret = token_create(user=user, name="test", scope=scope).secret
        return {"Authorization": f"Bearer {secret}"}

    return make
