"""schemathesis against /api/v1/openapi.json: no 500 and no response outside the schema,
for a staff member's token and a learner's, with a bounded number of examples.

The requests go through Django's WSGI application in this process, inside the test's
transaction (the connection is kept open between requests, as Django's test client does).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from lms.api.models import TokenScope
from lms.api.services import token_create

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def wsgi_in_test_transaction(world, classes, settings):
    """Requests through the WSGI handler that keep the test's connection (and data)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.LMS_API_RATE_LIMITS = dict.fromkeys(("token", "user", "anon"), "100000/min")
    settings.ALLOWED_HOSTS = ["*"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _schema():
    from django.core.handlers.wsgi import WSGIHandler

    from lms.api.api import api

    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
    loaded.app = WSGIHandler()
    return loaded


schema = _schema()


@pytest.fixture
def callers(world):
    """A centre admin's and a learner's read-write tokens."""
    headers = []
    for role in ("admin_a", "learner"):
        secret = token_create(user=world[role], name="schemathesis", scope=TokenScope.WRITE).secret
        # Plain bodies: the site gzips responses for clients that ask, and the test's WSGI
        # transport would hand the compressed bytes to the schema check undecoded.
        headers.append({"Authorization": f"Bearer {secret}", "Accept-Encoding": "identity"})
    return headers


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, callers, wsgi_in_test_transaction):
    for headers in callers:
        case.call_and_validate(
            headers=headers, checks=[not_a_server_error, response_schema_conformance]
        )
