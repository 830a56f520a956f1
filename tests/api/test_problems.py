"""Refusals are RFC 9457 problem details, in Thai unless the client asks for English."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FIELDS = {"type", "title", "status", "detail", "instance"}


def _problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body.keys() >= FIELDS
    assert body["status"] == status
    assert body["instance"] == response.wsgi_request.path
    return body


def test_401_in_thai_by_default_and_in_english_when_asked(client):
    thai = _problem(client.get("/api/v1/me"), 401)
    assert thai["title"] == "ต้องเข้าสู่ระบบ"
    english = _problem(client.get("/api/v1/me", headers={"Accept-Language": "en"}), 401)
    assert english["title"] == "Sign-in required"


def test_404_for_a_record_that_is_not_there(client, db):
    body = _problem(client.get("/api/v1/courses/999999"), 404)
    assert body["title"] == "ไม่พบข้อมูล"


def test_404_for_an_address_that_names_no_endpoint(client, db):
    for path in ("/api/v1/", "/api/v1/no-such-thing", "/api/v1/courses/1/lessons/x/y"):
        body = _problem(client.get(path), 404)
        assert body["title"] == "ไม่พบข้อมูล"
    english = _problem(client.get("/api/v1/nothing", headers={"Accept-Language": "en"}), 404)
    assert english["title"] == "Not found"


def test_405_says_which_methods_are_accepted(client):
    response = client.delete("/api/v1/tracks")
    body = _problem(response, 405)
    assert "GET" in response["Allow"] and "GET" in body["detail"]


def test_422_carries_each_field_error(client):
    client.force_login(UserFactory())
    body = _problem(client.get("/api/v1/me/enrollments", {"page": "0", "page_size": "1000"}), 422)
    assert {tuple(e["loc"]) for e in body["errors"]} == {("query", "page"), ("query", "page_size")}
    assert all(e["msg"] for e in body["errors"])


def test_400_for_a_body_that_is_not_json(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/api/v1/sessions/1/attendance", "{not json", content_type="application/json"
    )
    assert response.status_code in (400, 403, 422)
    assert response["Content-Type"] == "application/problem+json"
