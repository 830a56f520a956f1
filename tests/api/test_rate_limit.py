"""Rate limits per token and per address: 429 with Retry-After beyond the limit."""

import pytest

from lms.api.models import TokenScope
from lms.api.services import token_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.LMS_API_RATE_LIMITS = {"token": "3/min", "user": "3/min", "anon": "2/min"}


def test_a_token_over_its_limit_gets_429_and_another_token_does_not(client, limits):
    user = UserFactory()
    first = token_create(user=user, name="a", scope=TokenScope.READ).secret
    second = token_create(user=user, name="b", scope=TokenScope.READ).secret
    statuses = [
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {first}"}).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/me", headers={"Authorization": f"Bearer {first}"})
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {second}"}).status_code == 200
    )


def test_anonymous_callers_share_a_lower_limit_per_address(client, limits, db):
    statuses = [client.get("/api/v1/tracks").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    other_address = client.get("/api/v1/tracks", REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 200
