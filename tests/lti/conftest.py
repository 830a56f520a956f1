"""A school's LMS played by the tests: its own RSA key, its key set, token and score
endpoints (through `responses`, which is what pylti1p3's requests meet), and the signed
launch messages it would post, per the LTI 1.3 core specification."""

import json
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import responses
from pylti1p3.registration import Registration

from lms.lti.keys import rsa_key_pair
from lms.lti.models import Platform
from lms.lti.services import tool_key_generate
from tests.factories import CentreFactory, UserFactory

ISSUER = "https://moodle.school.example"
CLIENT_ID = "client-abc"
DEPLOYMENT_ID = "deploy-1"
AUTH_LOGIN_URL = f"{ISSUER}/mod/lti/auth.php"
TOKEN_URL = f"{ISSUER}/mod/lti/token.php"
KEYSET_URL = f"{ISSUER}/mod/lti/certs.php"
LINEITEM_URL = f"{ISSUER}/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1"
SCORES_URL = f"{ISSUER}/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1"

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
LEARNER_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
AGS_SCOPES = [
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
]


@dataclass
class SchoolPlatform:
    client: object
    private_key: str
    public_key: str
    kid: str = "platform-key-1"
    token_requests: list = field(default_factory=list)
    score_posts: list = field(default_factory=list)
    score_status: int = 200

    def jwks(self) -> dict:
        jwk = dict(Registration.get_jwk(self.public_key))
        jwk["kid"] = self.kid
        return {"keys": [jwk]}

    def login(self, *, target: str = "http://testserver/lti/launch/") -> tuple[str, str]:
        """Third-party initiated login; returns (state, nonce) from our redirect."""
        response = self.client.get(
            "/lti/login/",
            {
                "iss": ISSUER,
                "client_id": CLIENT_ID,
                "login_hint": "42",
                "lti_message_hint": "hint",
                "target_link_uri": target,
                "lti_deployment_id": DEPLOYMENT_ID,
            },
        )
        assert response.status_code == 302, response.content
        location = urlsplit(response["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == AUTH_LOGIN_URL
        query = {k: v[0] for k, v in parse_qs(location.query).items()}
        assert query["redirect_uri"] == "http://testserver/lti/launch/"
        assert query["client_id"] == CLIENT_ID
        return query["state"], query["nonce"]

    def claims(self, *, nonce: str, sub: str = "moodle-user-42", roles=None, **extra) -> dict:
        now = int(time.time())
        body = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": sub,
            "nonce": nonce,
            "iat": now,
            "exp": now + 300,
            "given_name": "สมหญิง",
            "family_name": "ใจดี",
            "name": "สมหญิง ใจดี",
            "email": "somying@school.example",
            LTI + "deployment_id": DEPLOYMENT_ID,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "roles": roles if roles is not None else [LEARNER_ROLE],
            LTI + "resource_link": {"id": "link-1", "title": "บทเรียนออนไลน์"},
            LTI + "target_link_uri": "http://testserver/lti/launch/",
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
                "scope": AGS_SCOPES,
                "lineitem": LINEITEM_URL,
                "lineitems": f"{ISSUER}/mod/lti/services.php/2/lineitems?type_id=1",
            },
        }
        body.update(extra)
        return body

    def sign(self, claims: dict, *, key: str | None = None, kid: str | None = None) -> str:
        return jwt.encode(
            claims, key or self.private_key, algorithm="RS256", headers={"kid": kid or self.kid}
        )

    def post_launch(self, *, state: str, id_token: str):
        return self.client.post("/lti/launch/", {"state": state, "id_token": id_token})

    def launch(self, **claim_args):
        state, nonce = self.login()
        return self.post_launch(
            state=state, id_token=self.sign(self.claims(nonce=nonce, **claim_args))
        )

    # --- the platform's services -----------------------------------------------------

    def _token(self, request):
        form = parse_qs(request.body)
        self.token_requests.append({k: v[0] for k, v in form.items()})
        return (200, {}, json.dumps({"access_token": "platform-token", "expires_in": 3600}))

    def _score(self, request):
        self.score_posts.append(
            {
                "body": json.loads(request.body),
                "authorization": request.headers.get("Authorization"),
                "content_type": request.headers.get("Content-Type"),
            }
        )
        return (self.score_status, {}, "{}")


@pytest.fixture
def tool_key(db):
    return tool_key_generate(actor=UserFactory(username="national-admin", is_superuser=True))


@pytest.fixture
def lti_centre(db):
    return CentreFactory(name_th="ศูนย์ดิจิทัลชุมชนโรงเรียน", name_en="School Centre")


@pytest.fixture
def platform(db, tool_key, lti_centre):
    return Platform.objects.create(
        name="โรงเรียนตัวอย่าง",
        issuer=ISSUER,
        client_id=CLIENT_ID,
        deployment_ids=f"{DEPLOYMENT_ID}\ndeploy-2",
        auth_login_url=AUTH_LOGIN_URL,
        auth_token_url=TOKEN_URL,
        key_set_url=KEYSET_URL,
        learner_centre=lti_centre,
    )


@pytest.fixture
def lms(client, platform):
    private_key, public_key = rsa_key_pair()
    school = SchoolPlatform(client=client, private_key=private_key, public_key=public_key)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(
            responses.GET, KEYSET_URL, callback=lambda r: (200, {}, json.dumps(school.jwks()))
        )
        mock.add_callback(responses.POST, TOKEN_URL, callback=school._token)
        mock.add_callback(responses.POST, SCORES_URL, callback=school._score)
        yield school


def new_nonce() -> str:
    return uuid.uuid4().hex
