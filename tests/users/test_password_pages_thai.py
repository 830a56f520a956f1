"""The password pages (imported learners are sent to the change page first) speak Thai."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

THAI_RULES = (
    "รหัสผ่านต้องไม่คล้ายกับข้อมูลส่วนตัวอื่นของคุณ",
    "รหัสผ่านต้องไม่ใช่รหัสผ่านที่คนใช้กันทั่วไป",
    "รหัสผ่านต้องไม่เป็นตัวเลขล้วน",
)
# Under the confirmation box: the same (new) password again, not the old one.
CONFIRM_HINT = "พิมพ์รหัสผ่านเดียวกันอีกครั้งเพื่อยืนยัน"


def _assert_thai_password_help(html: str) -> None:
    for rule in THAI_RULES:
        assert rule in html
    assert CONFIRM_HINT in html
    assert "รหัสผ่านเดิมอีกครั้ง" not in html
    assert "Your password" not in html
    assert "Enter the same password" not in html


def test_change_page_lists_the_rules_in_thai(client, home):
    client.force_login(UserFactory(username="imported-villager"))
    response = client.get("/accounts/password/")
    assert response.status_code == 200
    _assert_thai_password_help(response.content.decode())


def test_reset_page_from_the_link_lists_the_rules_in_thai(client, home):
    user = UserFactory(username="forgot-villager")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(f"/accounts/password/reset/{uid}/{token}/", follow=True)
    assert response.status_code == 200
    _assert_thai_password_help(response.content.decode())
