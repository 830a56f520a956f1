"""Ids in URLs and query strings: anything but a plain ASCII number in range answers 4xx.

Every URL pattern with an id (`<id:...>` or Django's `<int:...>`) is requested with
Unicode digits, huge numbers, negatives and junk in each id, as every role; so is
every integer parameter the views read from the query string or a form. A 500
anywhere fails. Hypothesis draws further values on top of the fixed hostile set.
"""

import re

from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.core.numbers import ID_MAX
from lms.users.models import User
from tests.demo_data import demo_seed_for_test

pytestmark = pytest.mark.django_db

ROLES = ["anon", "demo-learner", "demo-trainer", "demo-centre-admin", "demo-admin"]
HOSTILE = ["²", "๑", "１", "-1", "0", "1e3", str(ID_MAX + 1), "99999999999999999999"]
ID_IN_ROUTE = re.compile(r"<(?:id|int):(\w+)>")

ids = st.one_of(
    st.sampled_from([*HOSTILE, "١", " 1", "%00", "x", "9" * 400]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(
        alphabet=st.characters(categories=["Nd", "No", "Nl", "Zs", "P"]), min_size=1, max_size=8
    ),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _id_routes(admin: bool) -> list[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    routes = []
    for route in walk(get_resolver().url_patterns):
        if not ID_IN_ROUTE.search(route) or route.startswith("^") or "(?P" in route:
            continue
        if route.startswith("admin/") != admin:
            continue
        routes.append(route)
    return sorted(set(routes))


def _path(route: str, value: str) -> str:
    # Other converters (slugs, file names) get a harmless word; every id gets the value.
    path = ID_IN_ROUTE.sub(lambda _m: value, route)
    return "/" + re.sub(r"<[\w:]+>", "x", path)


@pytest.fixture
def world(db):
    demo_seed_for_test()
    return {name: User.objects.get(username=name) for name in ROLES if name != "anon"}


def _as(client, users, role):
    client.logout()
    if role != "anon":
        client.force_login(users[role])


def _request(client, method, url, data=None):
    with transaction.atomic():
        response = getattr(client, method)(url, data or {})
        transaction.set_rollback(True)
    return response.status_code


def test_every_id_route_refuses_hostile_ids_for_every_role(client, world):
    routes = _id_routes(admin=False)
    assert len(routes) >= 35, routes
    errors = []
    for role in ROLES:
        _as(client, world, role)
        for route in routes:
            for value in HOSTILE:
                for method in ("get", "post"):
                    status = _request(client, method, _path(route, value))
                    if status >= 500:
                        errors.append(f"{role} {method.upper()} {_path(route, value)}: {status}")
    assert not errors, "\n".join(errors)


def test_admin_id_routes_refuse_ids_past_the_range(client, world):
    """Our admin views and Wagtail's, as the national admin who may open them all."""
    _as(client, world, "demo-admin")
    routes = _id_routes(admin=True)
    assert len(routes) > 100
    errors = []
    for route in routes:
        for value in (str(ID_MAX + 1), "99999999999999999999"):
            status = _request(client, "get", _path(route, value))
            if status >= 500:
                errors.append(f"GET {_path(route, value)}: {status}")
    assert not errors, "\n".join(errors)


# (method, URL, parameter, extra form data): every integer parameter a view reads.
QUERY_PARAMETERS = [
    ("get", "/courses/", "age", {}),
    ("get", "/assignments/review/", "centre", {}),
    ("get", "/centre/import/", "cohort", {}),
    ("post", "/centre/import/", "for_cohort", {}),
    ("get", "/centre/early-childhood/new/", "activity", {}),
    ("get", "/admin/certificates/bulk/new/", "course", {}),
    ("get", "/certificates/{value}/download/", None, {}),
]


def _parameter_request(client, method, url, parameter, extra, value):
    if parameter is None:
        return _request(client, method, url.format(value=value))
    return _request(client, method, url, {**extra, parameter: value})


@FUZZ
@given(value=ids)
def test_integer_parameters_never_answer_500(client, world, value):
    errors = []
    for role in ROLES:
        _as(client, world, role)
        for method, url, parameter, extra in QUERY_PARAMETERS:
            status = _parameter_request(client, method, url, parameter, extra, value)
            if status >= 500:
                errors.append(f"{role} {method.upper()} {url} {parameter}={value!r}: {status}")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(
    ("url", "parameter", "role"),
    [
        ("/assignments/review/", "centre", "demo-trainer"),
        ("/centre/import/", "cohort", "demo-centre-admin"),
        ("/centre/early-childhood/new/", "activity", "demo-centre-admin"),
        ("/admin/certificates/bulk/new/", "course", "demo-admin"),
    ],
)
def test_a_hostile_id_parameter_is_a_bad_request_for_those_who_may_open_the_page(
    client, world, url, parameter, role
):
    _as(client, world, role)
    assert _request(client, "get", url) == 200
    for value in ("²", "๑", "-1", str(ID_MAX + 1)):
        assert _request(client, "get", url, {parameter: value}) == 400, value


def test_the_examples_from_the_issue(client, world):
    _as(client, world, "demo-learner")
    assert _request(client, "get", "/courses/", {"age": "²"}) == 200  # an unknown filter is ignored
    assert _request(client, "get", "/certificates/²/download/") == 404
    assert _request(client, "get", "/learn/courses/99999999999999999999/continue/") == 404
    assert _request(client, "post", "/learn/courses/99999999999999999999/enrol/") == 404
    assert _request(client, "post", f"/learn/lessons/{ID_MAX + 1}/done/") == 404
