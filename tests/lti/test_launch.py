"""Resource link launches from a platform played by the test: a valid one enrols and
signs in a linked account; forged, expired, replayed and unknown ones are refused."""

import re
import time

import pytest

from lms.learning.models import Enrollment
from lms.lti.keys import rsa_key_pair
from lms.lti.models import GradeLink, LtiAccount
from lms.users.models import User
from tests.factories import UserFactory

from .conftest import CLIENT_ID, INSTRUCTOR_ROLE, LINEITEM_URL, LTI

pytestmark = pytest.mark.django_db


def _custom(course):
    return {LTI + "custom": {"course_id": str(course.pk)}}


def _enter_url(response) -> str:
    match = re.search(r'href="(/lti/enter/[^"]+/)"', response.content.decode())
    assert match, response.content.decode()
    return match.group(1)


def _text(response) -> str:
    """The page's text without the word-break marks Thai lines are given."""
    return re.sub(r"<wbr>|\u200b", "", response.content.decode())


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_valid_launch_links_an_account_enrols_and_signs_in(lms, course, lessons, lti_centre):
    response = lms.launch(**_custom(course))
    assert response.status_code == 200
    page = _text(response)
    assert course.title in page and "เปิดหลักสูตร" in page
    # Shown inside the school's iframe: framing allowed for the platform only.
    assert "X-Frame-Options" not in response
    assert re.search(
        r"frame-ancestors [^;]*https://moodle.school.example", response["Content-Security-Policy"]
    )

    account = LtiAccount.objects.get(sub="moodle-user-42")
    user = account.user
    assert (user.first_name, user.last_name) == ("สมหญิง", "ใจดี")
    assert user.home_centre == lti_centre
    assert not user.has_usable_password()
    assert Enrollment.objects.filter(user=user, course=course, left_at__isnull=True).exists()
    assert GradeLink.objects.get(account=account).lineitem_url == LINEITEM_URL
    assert not _signed_in(lms.client)  # not inside the frame: on the page of its own

    entered = lms.client.get(_enter_url(response))
    assert entered.status_code == 302
    assert entered["Location"] == course.url
    assert int(lms.client.session["_auth_user_id"]) == user.pk
    # The entry address works once.
    lms.client.logout()
    again = lms.client.get(_enter_url(response))
    assert again.status_code == 400
    assert not _signed_in(lms.client)


def test_a_second_launch_reuses_the_linked_account(lms, course):
    lms.launch(**_custom(course))
    lms.launch(**_custom(course))
    assert LtiAccount.objects.count() == 1
    assert Enrollment.objects.filter(course=course).count() == 1


def test_an_existing_account_with_the_same_email_is_never_taken_over(lms, course):
    existing = UserFactory(username="somying", email="somying@school.example")
    lms.launch(**_custom(course))
    account = LtiAccount.objects.get()
    assert account.user != existing
    assert not Enrollment.objects.filter(user=existing).exists()


def test_the_course_can_be_named_by_its_address(lms, course):
    response = lms.launch(**{LTI + "target_link_uri": f"http://testserver{course.url}"})
    assert response.status_code == 200
    assert Enrollment.objects.filter(course=course).count() == 1


def test_an_instructor_launch_explains_the_link_and_enrols_nobody(lms, course):
    response = lms.launch(roles=[INSTRUCTOR_ROLE], **_custom(course))
    assert response.status_code == 200
    page = _text(response)
    assert course.title in page and "เลือกเนื้อหา" in page
    assert not Enrollment.objects.exists()
    assert not _signed_in(lms.client)


def _refused(response, client, phrase: str):
    assert 400 <= response.status_code < 500, response.status_code
    page = _text(response)
    assert phrase in page, page
    assert not _signed_in(client)


def test_a_wrong_signature_is_refused(lms, course):
    state, nonce = lms.login()
    forger_key, _public = rsa_key_pair()
    token = lms.sign(lms.claims(nonce=nonce, **_custom(course)), key=forger_key)
    response = lms.post_launch(state=state, id_token=token)
    _refused(response, lms.client, "ไม่สามารถยืนยัน")
    assert not LtiAccount.objects.exists() and not Enrollment.objects.exists()


def test_an_expired_message_is_refused(lms, course):
    state, nonce = lms.login()
    claims = lms.claims(nonce=nonce, **_custom(course))
    claims["iat"] = int(time.time()) - 3600
    claims["exp"] = int(time.time()) - 600
    response = lms.post_launch(state=state, id_token=lms.sign(claims))
    _refused(response, lms.client, "หมดอายุ")
    assert not LtiAccount.objects.exists()


def test_a_replayed_message_is_refused(lms, course):
    state, nonce = lms.login()
    token = lms.sign(lms.claims(nonce=nonce, **_custom(course)))
    assert lms.post_launch(state=state, id_token=token).status_code == 200
    lms.client.logout()
    replay = lms.post_launch(state=state, id_token=token)
    _refused(replay, lms.client, "ใช้ไปแล้ว")
    assert LtiAccount.objects.count() == 1


def test_a_nonce_we_never_issued_is_refused(lms, course):
    state, _nonce = lms.login()
    token = lms.sign(lms.claims(nonce="made-up-nonce", **_custom(course)))
    _refused(lms.post_launch(state=state, id_token=token), lms.client, "ไม่สามารถยืนยัน")


def test_an_unknown_deployment_is_refused(lms, course):
    response = lms.launch(**{LTI + "deployment_id": "someone-elses", **_custom(course)})
    _refused(response, lms.client, "รหัสการติดตั้ง")
    assert not LtiAccount.objects.exists()


def test_an_unregistered_client_is_refused(lms, course):
    state, nonce = lms.login()
    claims = lms.claims(nonce=nonce, **_custom(course))
    claims["aud"] = "another-client"
    _refused(lms.post_launch(state=state, id_token=lms.sign(claims)), lms.client, "ยังไม่ได้ลงทะเบียน")


def test_a_login_from_an_unregistered_platform_is_refused(client, platform):
    response = client.get(
        "/lti/login/",
        {
            "iss": "https://evil.example",
            "client_id": CLIENT_ID,
            "login_hint": "1",
            "target_link_uri": "http://testserver/lti/launch/",
        },
    )
    assert response.status_code == 400
    assert "ยังไม่ได้ลงทะเบียน" in response.content.decode()


def test_a_launch_to_a_course_that_is_not_live_leaves_nothing(lms, course):
    course.unpublish()
    response = lms.launch(**_custom(course))
    _refused(response, lms.client, "ไม่ได้ชี้ไปยังหลักสูตร")
    assert (
        not LtiAccount.objects.exists()
        and not User.objects.filter(username__startswith="lti-").exists()
    )
