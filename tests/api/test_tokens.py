"""Personal access tokens: stored hashed, shown once, refused when revoked, expired or
read only for a write."""

import datetime as dt
import hashlib

from django.utils import timezone

import pytest

from lms.api.models import PersonalAccessToken, TokenScope
from lms.api.services import TokenError, token_create, token_revoke
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def test_only_a_digest_of_the_secret_is_stored():
    user = UserFactory()
    made = token_create(user=user, name="ตัวอย่าง", scope=TokenScope.READ)
    row = PersonalAccessToken.objects.get(pk=made.token.pk)
    assert made.secret.startswith("cdc_")
    assert row.token_hash == hashlib.sha256(made.secret.encode()).hexdigest()
    assert row.prefix == made.secret[:12]
    stored = " ".join(str(v) for v in PersonalAccessToken.objects.values_list().get(pk=row.pk))
    assert made.secret not in stored


def test_a_token_authenticates_and_notes_its_use(client):
    user = UserFactory(username="somchai")
    made = token_create(user=user, name="app", scope=TokenScope.READ)
    response = client.get(ME, headers={"Authorization": f"Bearer {made.secret}"})
    assert response.status_code == 200
    assert response.json()["username"] == "somchai"
    made.token.refresh_from_db()
    assert made.token.last_used_at is not None


@pytest.mark.parametrize("state", ["revoked", "expired", "mistyped", "inactive"])
def test_unusable_tokens_are_refused_with_401(client, state):
    user = UserFactory()
    made = token_create(user=user, name="app", scope=TokenScope.WRITE, expires_in_days=30)
    secret = made.secret
    if state == "revoked":
        token_revoke(user=user, token=made.token)
    elif state == "expired":
        PersonalAccessToken.objects.filter(pk=made.token.pk).update(
            expires_at=timezone.now() - dt.timedelta(seconds=1)
        )
    elif state == "mistyped":
        secret = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    else:
        user.is_active = False
        user.save()
    response = client.get(ME, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_token"


def test_no_credentials_is_401(client):
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["status"] == 401


def test_someone_elses_token_cannot_be_revoked():
    owner, other = UserFactory(), UserFactory()
    made = token_create(user=owner, name="app", scope=TokenScope.READ)
    with pytest.raises(TokenError):
        token_revoke(user=other, token=made.token)
    made.token.refresh_from_db()
    assert made.token.revoked_at is None


@pytest.mark.parametrize(
    ("name", "scope", "days"),
    [("   ", "read", None), ("x", "admin", None), ("x", "read", 0), ("x" * 101, "read", None)],
)
def test_bad_token_requests_are_refused_and_nothing_is_saved(name, scope, days):
    user = UserFactory()
    with pytest.raises(TokenError):
        token_create(user=user, name=name, scope=scope, expires_in_days=days)
    assert not PersonalAccessToken.objects.exists()


def test_the_tokens_page_shows_the_secret_once_and_revokes(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/api/tokens/")
    assert page.status_code == 200
    assert "โทเค็น" in page.content.decode()
    response = client.post(
        "/api/tokens/", {"name": "แอปเช็กชื่อ", "scope": "write", "expires_in_days": "90"}
    )
    assert response.status_code == 201
    token = PersonalAccessToken.objects.get(user=user)
    html = response.content.decode()
    secret = html.split('class="token-secret__value">')[1].split("<")[0]
    assert secret.startswith(token.prefix)
    assert token.scope == "write"
    assert token.expires_at is not None
    # Shown once: the list afterwards has the prefix only.
    again = client.get("/api/tokens/").content.decode()
    assert token.prefix in again and secret not in again
    # Revoking takes effect at once.
    client.post(f"/api/tokens/{token.pk}/revoke/")
    client.logout()
    assert client.get(ME, headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_the_tokens_page_refuses_bad_input_and_another_persons_token(client):
    owner, other = UserFactory(), UserFactory()
    made = token_create(user=owner, name="app", scope=TokenScope.READ)
    client.force_login(other)
    response = client.post("/api/tokens/", {"name": "", "scope": "root"})
    assert response.status_code == 400
    assert not PersonalAccessToken.objects.filter(user=other).exists()
    assert client.post(f"/api/tokens/{made.token.pk}/revoke/").status_code == 404
    made.token.refresh_from_db()
    assert made.token.revoked_at is None


def test_the_profile_page_links_to_the_tokens_page(client):
    client.force_login(UserFactory())
    assert 'href="/api/tokens/"' in client.get("/accounts/profile/").content.decode()


def test_tokens_are_in_the_export_without_secrets_and_go_with_the_account(client):
    from lms.users.services import personal_data_export, user_anonymise

    user = UserFactory()
    made = token_create(user=user, name="app", scope=TokenScope.READ)
    export = personal_data_export(user=user)
    assert [t["prefix"] for t in export["api_tokens"]] == [made.token.prefix]
    assert made.secret not in str(export)
    user_anonymise(user=user, requested_by=user)
    assert not PersonalAccessToken.objects.filter(pk=made.token.pk).exists()
    assert client.get(ME, headers={"Authorization": f"Bearer {made.secret}"}).status_code == 401
