"""The centres' demo records: a second centre for trying scoping, a class with sessions
and attendance, early-childhood sessions; seeding twice changes nothing."""

from django.apps import apps

import pytest

from lms.centres import scoping
from lms.classes import scoping as class_scoping
from lms.classes.models import Attendance, Cohort
from lms.early_childhood.models import EarlyChildhoodSession
from lms.setup.demo.centres import COHORT_NAME, SECOND_CENTRE_CODE
from lms.setup.demo.seed import demo_seed
from lms.users.models import User

pytestmark = pytest.mark.django_db

MODELS = [
    "centres.Centre",
    "centres.StaffRole",
    "classes.Cohort",
    "classes.CohortMembership",
    "classes.CohortSession",
    "classes.Attendance",
    "early_childhood.EarlyChildhoodSession",
    "users.User",
    "learning.Enrollment",
]


def snapshot():
    return {label: apps.get_model(label).objects.count() for label in MODELS}


def test_demo_for_the_centre_journeys():
    result = demo_seed()
    first = snapshot()
    demo_seed()
    assert snapshot() == first

    cohort = Cohort.objects.get(name=COHORT_NAME)
    assert cohort.centre == result["centre"]
    assert cohort.course.slug == "sell-products-online"
    assert list(cohort.trainers.values_list("username", flat=True)) == ["demo-trainer"]
    assert cohort.memberships.filter(user__username="demo-learner").exists()
    assert cohort.sessions.count() == 4
    assert Attendance.objects.filter(session__cohort=cohort).count() > 0
    assert EarlyChildhoodSession.objects.filter(centre=result["centre"]).exists()

    admin2 = User.objects.get(username="demo-centre-admin-2")
    assert admin2.check_password("demo-pass-2566")
    assert admin2.home_centre.code == SECOND_CENTRE_CODE
    assert admin2.home_centre.province != result["centre"].province
    assert list(scoping.centres_visible_to(admin2)) == [admin2.home_centre]
    demo_learner = result["users"]["demo-learner"]
    assert demo_learner not in scoping.learners_visible_to(admin2)
    assert scoping.learners_visible_to(admin2).count() >= 3
    assert not class_scoping.cohorts_visible_to(admin2).exists()
