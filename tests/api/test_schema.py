"""The OpenAPI schema is valid and declares every problem response; the docs page is
served from our own static files under the site's content security policy."""

import re

import pytest

from lms.api.problems import PROBLEM_STATUSES

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3(client):
    # The OpenAPI 3.1 meta-schema as schemathesis ships it (the library checks schemas
    # with it before testing).
    from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    OPENAPI_31_VALIDATOR.validate(schema)
    # The validator does refuse a broken schema.
    with pytest.raises(ValueError):
        OPENAPI_31_VALIDATOR.validate({**schema, "paths": {"/x": {"get": {"responses": 7}}}})


def test_every_operation_declares_the_problem_responses(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = [op for ops in schema["paths"].values() for op in ops.values()]
    assert len(operations) >= 15
    for operation in operations:
        for status in PROBLEM_STATUSES:
            content = operation["responses"][str(status)]["content"]
            assert list(content) == ["application/problem+json"], (operation["operationId"], status)


def test_the_docs_page_fetches_nothing_from_outside(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html), "an external URL on the docs page"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "cdn" not in policy
    # The strict policy of the public pages: Swagger UI needs nothing more (tested in a
    # browser in tests/browser/test_api_docs.py).
    assert "unsafe-inline" not in policy


def test_the_docs_page_scripts_are_served(client):
    from django.contrib.staticfiles import finders

    assert finders.find("ninja/swagger-ui-bundle.js")
    assert finders.find("ninja/swagger-ui-init.js")
