"""The number of queries of a list does not grow with the page size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db


def _count(client, url, headers, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params, headers=headers)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


@pytest.mark.parametrize(
    ("path", "role"),
    [
        ("/api/v1/courses", None),
        ("/api/v1/classes/{a}/members", "admin_a"),
        ("/api/v1/classes", "national"),
    ],
)
def test_a_page_of_twenty_costs_what_a_page_of_one_costs(
    client, world, classes, bearer, path, role
):
    url = path.format(a=classes["a"].pk)
    headers = bearer(world[role]) if role else {}
    small, one = _count(client, url, headers, page_size=1)
    large, many = _count(client, url, headers, page_size=20)
    assert len(one["items"]) == 1
    assert len(many["items"]) > 1, "the list needs more than one row to prove anything"
    assert large <= small, (small, large)
