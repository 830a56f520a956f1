"""Security as an attacker meets it: headers, CSRF on every form, production HTTPS."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

import pytest

from lms.users.models import User
from tests.demo_data import demo_seed_for_test

from .test_url_matrix import ARGS, MATRIX, _site_patterns, _url, _world

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {part[0]: part[1:] for part in parts}


def _learner_pages(result) -> list[str]:
    selling = result["courses"]["sell-products-online"]
    lesson = selling.get_children().live().first()
    return [
        "/",
        "/courses/",
        selling.url,
        lesson.url,
        "/search/?q=ออนไลน์",
        "/learn/",
        "/accounts/profile/",
        "/certificates/verify/",
        "/en/",
    ]


def _assert_security_headers(response, path: str) -> None:
    assert response.status_code == 200, path
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"], (path, policy["script-src"])
    assert "'unsafe-inline'" not in policy.get("style-src", []), path
    assert policy["object-src"] == ["'none'"], path
    assert policy["frame-ancestors"] == ["'self'"], path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["X-Frame-Options"] == "DENY", path
    assert "<script>" not in response.content.decode(), f"inline script on {path}"


def test_learner_and_public_pages_send_the_security_headers(client):
    result = demo_seed_for_test()
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        _assert_security_headers(client.get(path), path)
    client.force_login(User.objects.get(username="demo-learner"))
    for path in _learner_pages(result):
        _assert_security_headers(client.get(path), path)


def test_the_admin_preview_may_be_framed_by_the_admin_only(client, home):
    admin = User.objects.create_superuser(username="root", password="x-pass-12345")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # Everywhere else in the admin, framing is denied.
    assert client.get(reverse("wagtailadmin_home"))["X-Frame-Options"] == "DENY"


def _production(code: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": "k" * 64,
        "DJANGO_ALLOWED_HOSTS": "learn.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "CACHE_URL": "locmemcache://",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_forces_https_with_hsts():
    headers = _production(
        "import django, json; django.setup();"
        "from django.test import Client;"
        "c = Client(HTTP_HOST='learn.example.org');"
        "plain = c.get('/healthz');"
        "secure = c.get('/healthz', secure=True);"
        "print(json.dumps({'plain': plain.status_code, 'location': plain.get('Location', ''),"
        " 'hsts': secure.get('Strict-Transport-Security', '')}))"
    )
    # The health check answers over plain HTTP for the load balancer; nothing else does.
    assert headers["plain"] in (200, 503)
    assert "max-age=31536000" in headers["hsts"]
    assert "includeSubDomains" in headers["hsts"]
    redirect = _production(
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client(HTTP_HOST='learn.example.org').get('/courses/');"
        "print(json.dumps({'status': r.status_code, 'location': r.get('Location', '')}))"
    )
    assert redirect["status"] == 301
    assert redirect["location"].startswith("https://learn.example.org/")


# POSTs that change nothing and that other systems make without a session.
CSRF_EXEMPT = {
    # Checking a pasted credential: an employer's system posts the credential itself.
    "credential_pages:verify",
    # LTI 1.3: a school's system posts these from its own site (often inside an iframe,
    # where our cookies are not sent); the signed launch message, its state and nonce, or
    # the launch id they produced stand in for the token.
    "lti:login",
    "lti:launch",
    "lti:deep_link",
}


def test_every_form_refuses_a_post_without_the_csrf_token():
    """Every URL that accepts POST answers 403 when the CSRF token is missing, signed in
    as someone who could otherwise use it."""
    from django.test import Client

    world = _world()
    people = {
        "learner": User.objects.get(username="demo-learner"),
        "national": User.objects.get(username="demo-admin"),
        "admin_a": User.objects.get(username="demo-centre-admin"),
    }
    refused, accepted = [], []
    assert {name for name, _route in _site_patterns()} >= CSRF_EXEMPT
    for name, _route in _site_patterns():
        if name in CSRF_EXEMPT:
            continue
        row = MATRIX[name]
        # Whoever may use the URL: the owner for learner records, else a staff member.
        role = next(
            (r for r in ("learner", "admin_a", "national") if row.expect[r] == "ok"),
            "national",
        )
        client = Client(enforce_csrf_checks=True)
        client.force_login(people[role])
        response = client.post(_url(name, world), {"anything": "1"})
        if response.status_code == 403:
            refused.append(name)
        elif response.status_code != 405:
            accepted.append(f"{name} as {role}: {response.status_code}")
    assert not accepted, "POST without a CSRF token was not refused:\n" + "\n".join(accepted)
    # The forms that matter are among those checked.
    for name in ("login", "signup", "profile", "learning:enrol", "assessments:submit"):
        assert name in refused
    assert "centres:import_upload" in refused
    assert len(ARGS) > 30
