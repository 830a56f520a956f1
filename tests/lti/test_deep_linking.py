"""Deep linking: a teacher picks one of our live courses and the platform receives an
LtiResourceLink content item signed by our key."""

import re

import jwt
import pytest
from jwt import PyJWKSet

from tests.factories import CoursePageFactory

from .conftest import CLIENT_ID, DEPLOYMENT_ID, INSTRUCTOR_ROLE, ISSUER, LEARNER_ROLE, LTI

pytestmark = pytest.mark.django_db

RETURN_URL = f"{ISSUER}/mod/lti/contentitem_return.php?course=2"
DEEP_LINK = {
    LTI + "message_type": "LtiDeepLinkingRequest",
    "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
        "deep_link_return_url": RETURN_URL,
        "accept_types": ["ltiResourceLink"],
        "accept_presentation_document_targets": ["iframe", "window"],
        "data": "platform-opaque-data",
    },
}


def _deep_link_launch(lms, *, roles=(INSTRUCTOR_ROLE,)):
    claims_extra = dict(DEEP_LINK)
    state, nonce = lms.login()
    claims = lms.claims(nonce=nonce, roles=list(roles), **claims_extra)
    claims.pop(LTI + "resource_link")
    return lms.post_launch(state=state, id_token=lms.sign(claims))


def _launch_id(response) -> str:
    return re.search(r'name="launch_id" value="([^"]+)"', response.content.decode()).group(1)


def test_a_teacher_picks_a_course_and_the_platform_gets_a_signed_link(
    lms, client, course, workforce_track
):
    draft = CoursePageFactory(parent=workforce_track, title="ร่างที่ยังไม่เผยแพร่", slug="draft")
    draft.unpublish()
    picker = _deep_link_launch(lms)
    assert picker.status_code == 200
    page = re.sub(r"<wbr>|\u200b", "", picker.content.decode())
    assert "เลือกหลักสูตร" in page and course.title in page
    assert draft.title not in page  # only live courses

    chosen = client.post("/lti/deep-link/", {"launch_id": _launch_id(picker), "course": course.pk})
    assert chosen.status_code == 200
    html = chosen.content.decode()
    assert f'action="{RETURN_URL.replace("&", "&amp;")}"' in html
    token = re.search(r'name="JWT" value="([^"]+)"', html).group(1)
    # The form posts to the platform: CSP allows that origin, and the platform may frame it.
    assert re.search(
        r"form-action [^;]*https://moodle.school.example", chosen["Content-Security-Policy"]
    )

    keys = PyJWKSet.from_dict(client.get("/lti/jwks.json").json())
    kid = jwt.get_unverified_header(token)["kid"]
    key = next(k for k in keys.keys if k.key_id == kid)
    message = jwt.decode(token, key.key, algorithms=["RS256"], audience=ISSUER)
    assert message["iss"] == CLIENT_ID
    assert message[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert message[LTI + "version"] == "1.3.0"
    assert message[LTI + "deployment_id"] == DEPLOYMENT_ID
    assert message["https://purl.imsglobal.org/spec/lti-dl/claim/data"] == "platform-opaque-data"
    [item] = message["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == course.title
    assert item["url"] == "http://testserver/lti/launch/"
    assert item["custom"] == {"course_id": str(course.pk)}
    assert item["lineItem"]["scoreMaximum"] == 100


def test_a_link_placed_by_deep_linking_launches_into_its_course(lms, course):
    response = lms.launch(**{LTI + "custom": {"course_id": str(course.pk)}})
    assert response.status_code == 200
    assert "/lti/enter/" in response.content.decode()


def test_the_choice_is_sent_once(lms, client, course):
    launch_id = _launch_id(_deep_link_launch(lms))
    assert (
        client.post("/lti/deep-link/", {"launch_id": launch_id, "course": course.pk}).status_code
        == 200
    )
    again = client.post("/lti/deep-link/", {"launch_id": launch_id, "course": course.pk})
    assert again.status_code == 400
    assert "เลือกหลักสูตรจากหน้านี้ไปแล้ว" in again.content.decode()


def test_a_choice_without_a_course_shows_the_picker_again(lms, client, course):
    launch_id = _launch_id(_deep_link_launch(lms))
    response = client.post("/lti/deep-link/", {"launch_id": launch_id, "course": "999999"})
    assert response.status_code == 400
    assert "กรุณาเลือกหลักสูตร" in response.content.decode()
    # The refused choice did not use up the launch.
    assert (
        client.post("/lti/deep-link/", {"launch_id": launch_id, "course": course.pk}).status_code
        == 200
    )


def test_a_learner_cannot_place_courses(lms, course):
    response = _deep_link_launch(lms, roles=(LEARNER_ROLE,))
    assert response.status_code == 403
    assert "เฉพาะครูผู้สอน" in response.content.decode()


def test_an_unknown_launch_id_is_refused(client, platform, course):
    response = client.post(
        "/lti/deep-link/", {"launch_id": "lti1p3-launch-forged", "course": course.pk}
    )
    assert response.status_code == 400
    assert "หมดเวลา" in response.content.decode()


def test_the_config_page_lists_the_addresses_for_moodle(client, tool_key):
    page = client.get("/lti/config/").content.decode()
    for url in (
        "http://testserver/lti/launch/",
        "http://testserver/lti/login/",
        "http://testserver/lti/jwks.json",
    ):
        assert url in page
    data = client.get("/lti/config.json").json()
    assert data["initiate_login_url"] == "http://testserver/lti/login/"
    assert data["public_keyset_url"] == "http://testserver/lti/jwks.json"
    jwks = client.get("/lti/jwks.json").json()
    assert [key["kid"] for key in jwks["keys"]] == [tool_key.kid]
    assert all("d" not in key for key in jwks["keys"])  # public parts only
