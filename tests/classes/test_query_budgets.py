"""Staff pages use the same number of queries for a class of 5 and of 200."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.reports.test_centre_report import add_learners

PAGES = {
    "attendance list": lambda w: reverse("centres:session_attendance", args=[w.session_a.pk]),
    "class roster": lambda w: reverse("centres:cohort_detail", args=[w.cohort_a.pk]),
    "learners": lambda w: reverse("centres:learner_list"),
    "QR code": lambda w: reverse("centres:session_qr", args=[w.session_a.pk]),
    "classes": lambda w: reverse("centres:cohort_list"),
}


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_same_queries_for_5_and_200_learners(world, login, page):
    client = login(world.trainer_a)
    url = PAGES[page](world)
    add_learners(world, world.cohort_a, 4, completed=1, present=2, tag="few")  # 5 with learner A
    client.get(url)  # per-user caches (the navigation's admin check) warm
    few, _html = queries(client, url)
    add_learners(world, world.cohort_a, 195, completed=20, present=150, tag="many")
    many, html = queries(client, url)
    assert few == many, (page, few, many)
    if page == "attendance list":
        assert html.count('type="radio"') == 200 * 3


def test_attendance_list_budget(world, login, django_assert_max_num_queries):
    """Session, user, roles, members and their marks, and the page furniture."""
    client = login(world.trainer_a)
    add_learners(world, world.cohort_a, 199, present=100, tag="budget")
    with django_assert_max_num_queries(12):
        client.get(reverse("centres:session_attendance", args=[world.session_a.pk]))
