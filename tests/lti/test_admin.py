"""Registrations and keys in the Wagtail admin: national admins only."""

from django.contrib.auth.models import Group

import pytest

from lms.centres.models import StaffRoleKind
from lms.lti.models import Platform, ToolKey
from lms.users import roles
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def _staff(username, group, centre=None, role=None):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    if centre is not None:
        StaffRoleFactory(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def national_admin(home):
    return _staff("national-admin", roles.NATIONAL_ADMINS)


@pytest.fixture
def trainer(home):
    return _staff("trainer", roles.TRAINERS, CentreFactory(), StaffRoleKind.TRAINER)


PLATFORM_FORM = {
    "name": "โรงเรียนบ้านนา",
    "issuer": "https://moodle.bannaschool.ac.th",
    "client_id": "Abc123",
    "deployment_ids": "1\n2",
    "auth_login_url": "https://moodle.bannaschool.ac.th/mod/lti/auth.php",
    "auth_token_url": "https://moodle.bannaschool.ac.th/mod/lti/token.php",
    "key_set_url": "https://moodle.bannaschool.ac.th/mod/lti/certs.php",
    "learner_centre": "",
    "is_active": "on",
}


def test_a_national_admin_registers_a_platform(client, national_admin):
    client.force_login(national_admin)
    listing = client.get("/admin/snippets/lti/platform/")
    assert listing.status_code == 200
    form = client.get("/admin/snippets/lti/platform/add/").content.decode()
    assert "รหัสการติดตั้ง" in form and "ที่อยู่ชุดกุญแจสาธารณะ" in form
    response = client.post("/admin/snippets/lti/platform/add/", PLATFORM_FORM)
    assert response.status_code == 302
    platform = Platform.objects.get()
    assert platform.deployment_id_list == ["1", "2"]


def test_a_national_admin_generates_a_key_and_never_sees_the_private_part(client, national_admin):
    client.force_login(national_admin)
    assert client.post("/admin/lti/keys/").status_code == 302
    key = ToolKey.objects.get()
    page = client.get("/admin/lti/keys/").content.decode()
    assert key.kid in page
    assert "PRIVATE KEY" not in page and key.private_key.splitlines()[1] not in page
    assert [k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]] == [key.kid]

    client.post("/admin/lti/keys/", {"retire": key.pk})
    key.refresh_from_db()
    assert not key.is_active
    assert client.get("/lti/jwks.json").json()["keys"] == []


def test_others_cannot_see_or_change_registrations_or_keys(client, trainer):
    Platform.objects.create(**{**PLATFORM_FORM, "learner_centre": None, "is_active": True})
    client.force_login(trainer)
    assert client.get("/admin/snippets/lti/platform/").status_code in (302, 403)
    assert client.post("/admin/snippets/lti/platform/add/", PLATFORM_FORM).status_code in (302, 403)
    assert Platform.objects.count() == 1
    assert client.get("/admin/lti/keys/").status_code in (302, 403)
    assert client.post("/admin/lti/keys/").status_code in (302, 403)
    assert not ToolKey.objects.exists()


def test_erasing_a_learner_unlinks_their_school_account(lms, course, client):
    from lms.lti.models import LtiAccount
    from lms.users.services import user_anonymise

    lms.launch(
        **{"https://purl.imsglobal.org/spec/lti/claim/custom": {"course_id": str(course.pk)}}
    )
    user = LtiAccount.objects.get().user
    client.force_login(user)
    import json

    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    assert data["lti_accounts"][0]["user_id_at_platform"] == "moodle-user-42"
    user_anonymise(user=user, requested_by=user)
    assert not LtiAccount.objects.exists()
