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
    return {
        "seed": result,
        **{role: User.objects.get(username=name) for role, name in USERNAMES.items()},
    }


@pytest.fixture
def bearer():
    """`bearer(user, scope="read")` → headers carrying a new token of that person."""

    def make(user, scope="read"):
        secret = token_create(user=user, name="test", scope=scope).secret
        return {"Authorization": f"Bearer {secret}"}

    return make


@pytest.fixture
def classes(world):
    """Centre A's demo class (demo-learner is in it), its first session, and a class of
    centre B."""
    import datetime as dt

    from lms.classes.models import Cohort, CohortSession

    centre_a = world["seed"]["centre"]
    cohort_a = Cohort.objects.filter(centre=centre_a, memberships__user=world["learner"]).first()
    session_a = CohortSession.objects.filter(cohort=cohort_a).order_by("date").first()
    centre_b = world["admin_b"].staff_roles.first().centre
    cohort_b = Cohort.objects.create(
        centre=centre_b,
        course=cohort_a.course,
        name="ห้องเรียนศูนย์บี",
        start_date=dt.date(2026, 1, 5),
    )
    session_b = CohortSession.objects.create(
        cohort=cohort_b, date=dt.date(2026, 1, 6), start_time=dt.time(9), end_time=dt.time(12)
    )
    return {"a": cohort_a, "session_a": session_a, "b": cohort_b, "session_b": session_b}
