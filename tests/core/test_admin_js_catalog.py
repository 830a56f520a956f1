"""The admin's scripts get their strings in Thai: Wagtail's catalogue completed by ours."""

import json
import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _catalog(response) -> dict:
    match = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    return json.loads(match.group(1))


def test_admin_script_strings_are_thai(client, home):
    client.force_login(UserFactory(username="trainer-js", is_staff=True))
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    catalog = _catalog(response)
    # Ours: strings Wagtail's Thai lacks.
    assert catalog["More actions"] == "การดำเนินการอื่น"
    assert catalog["Write something or type ‘/’ to insert a block"].startswith("เริ่มเขียน")
    assert catalog["%(num)s error"] == ["ข้อผิดพลาด %(num)s จุด"]
    # Wagtail's own Thai is still served beside ours.
    assert len(catalog) > 60
