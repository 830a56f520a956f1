"""LTI in a real browser: a national admin's registration and key pages, and a teacher's
course picker reached through the whole OIDC login and deep-linking launch, with the
school's platform played by the test (its pages answered by Playwright's routing)."""

import html
import json
from urllib.parse import parse_qs, urlsplit

import jwt
import responses

from lms.lti.keys import rsa_key_pair
from lms.lti.models import Platform
from lms.lti.services import tool_key_generate
from lms.users.models import User
from tests.lti.conftest import (
    CLIENT_ID,
    DEPLOYMENT_ID,
    INSTRUCTOR_ROLE,
    ISSUER,
    KEYSET_URL,
    LTI,
    TOKEN_URL,
    SchoolPlatform,
)

from .conftest import PHONE, WIDTHS, fits
from .test_platform_journeys import admin_log_in


def _platform(base):
    tool_key_generate(actor=User.objects.get(username="demo-admin"))
    return Platform.objects.create(
        name="โรงเรียนบ้านนา",
        issuer=ISSUER,
        client_id=CLIENT_ID,
        deployment_ids=DEPLOYMENT_ID,
        # The school's pages are played on the live server's host: over plain HTTP (no
        # Secure cookies) a cross-site POST would not carry the login's state cookie.
        # Production runs on HTTPS, where pylti1p3 sets it SameSite=None; Secure.
        auth_login_url=f"{base}/school/auth.php",
        auth_token_url=TOKEN_URL,
        key_set_url=KEYSET_URL,
    )


@WIDTHS
def test_admin_pages_and_the_teachers_course_picker(demo, browser_page, shots, viewport):
    base, result = demo
    _platform(base)
    private_key, public_key = rsa_key_pair()
    school = SchoolPlatform(client=None, private_key=private_key, public_key=public_key)

    admin = browser_page(viewport)
    admin_log_in(admin, base, "demo-admin")
    admin.goto(base + "/admin/snippets/lti/platform/add/")
    admin.wait_for_load_state("networkidle")
    assert admin.get_by_text("รหัสการติดตั้ง").count() >= 1
    shots(admin, "platform-registration")
    admin.goto(base + "/admin/lti/keys/")
    assert admin.get_by_text("สร้างกุญแจใหม่").count() == 1
    shots(admin, "signing-keys")

    returned = {}
    page = browser_page(viewport)
    auth_url = f"{base}/school/auth.php"
    return_url = f"{base}/school/return.php"

    def platform_pages(route, request):
        url = request.url
        if url.startswith(auth_url):
            query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
            claims = school.claims(nonce=query["nonce"], roles=[INSTRUCTOR_ROLE])
            claims.pop(LTI + "resource_link")
            claims[LTI + "message_type"] = "LtiDeepLinkingRequest"
            claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
                "deep_link_return_url": return_url,
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["window"],
            }
            token = school.sign(claims)
            body = (
                f'<form method="post" action="{query["redirect_uri"]}">'
                f'<input type="hidden" name="id_token" value="{html.escape(token)}">'
                f'<input type="hidden" name="state" value="{html.escape(query["state"])}">'
                "</form><script>document.forms[0].submit()</script>"
            )
            route.fulfill(status=200, content_type="text/html", body=body)
        elif url.startswith(return_url):
            returned["jwt"] = parse_qs(request.post_data)["JWT"][0]
            route.fulfill(status=200, content_type="text/html", body="<p>saved</p>")
        else:
            route.abort()

    page.route(f"{base}/school/**", platform_pages)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_passthru(base)
        mock.add(responses.GET, KEYSET_URL, json=school.jwks())
        login = (
            f"{base}/lti/login/?iss={ISSUER}&client_id={CLIENT_ID}&login_hint=7"
            f"&target_link_uri={base}/lti/launch/"
        )
        # The school's page sends the browser to our login; our answer sends it on to
        # the school's authentication page (played by the route above).
        answer = page.request.get(login, max_redirects=0)
        assert answer.status == 302
        page.goto(answer.headers["location"])
        page.wait_for_selector("form.form")
        assert page.get_by_text("หลักสูตรที่เปิดอยู่").count() == 1
        if viewport == PHONE:
            fits(page)
        shots(page, "course-picker")

        course = result["courses"]["sell-products-online"]
        page.locator(f"input[name=course][value='{course.pk}']").check()
        with page.expect_request(lambda r: r.url.startswith(return_url)):
            page.get_by_role("button", name="ใช้หลักสูตรนี้").click()
        page.wait_for_load_state("load")

    keys = jwt.PyJWKSet.from_dict(json.loads(page.request.get(base + "/lti/jwks.json").text()))
    message = jwt.decode(returned["jwt"], keys.keys[0].key, algorithms=["RS256"], audience=ISSUER)
    [item] = message["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert item["custom"] == {"course_id": str(course.pk)}
