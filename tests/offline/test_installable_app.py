"""The installable app's addresses, and what the server tells the service worker."""

import gzip
import hashlib
import json

from django.contrib.staticfiles import finders

import pytest
from bs4 import BeautifulSoup

from lms.learning.services import enrollment_create
from lms.offline.keys import USER_CACHE_HEADER, user_cache_key
from lms.offline.precache import PRECACHED_STATIC
from tests.factories import UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="learner-pwa")


def test_manifest_is_thai_and_installable(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "th"
    assert manifest["name"] == "ศูนย์ดิจิทัลชุมชน เรียนออนไลน์"
    assert manifest["short_name"] == "เรียนดิจิทัล"
    assert manifest["start_url"] == "/learn/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    # The start page exists (it asks a visitor to sign in first).
    assert client.get(manifest["start_url"]).status_code == 302
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        # Each icon is a real PNG of the size it claims.
        path = finders.find(icon["src"].removeprefix("/static/"))
        with open(path, "rb") as file:
            head = file.read(24)
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(head[16:20], "big")
        assert icon["sizes"] == f"{width}x{width}"


def test_every_page_links_the_manifest_and_the_worker_script(client, learner, lessons):
    html = client.get(lessons[0].url).content
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('link[rel="manifest"]')["href"] == "/manifest.webmanifest"
    assert soup.select_one('meta[name="theme-color"]')["content"] == "#0b4f8a"
    assert soup.select_one('script[src$="js/pwa.js"]') is not None
    # No inline script: the strict policy of learner pages stays.
    assert all(script.get("src") for script in soup.select("script"))


def test_service_worker_is_served_at_the_root_and_never_cached(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    assert 'importScripts(WORKBOX["workbox-sw"])' in script
    precache = json.loads(script.split("const PRECACHE = ", 1)[1].split(";\n", 1)[0])
    urls = {entry["url"]: entry["revision"] for entry in precache}
    assert "/offline/" in urls
    for name in PRECACHED_STATIC:
        with open(finders.find(name), "rb") as file:
            assert urls[f"/static/{name}"] == hashlib.sha256(file.read()).hexdigest()[:16]
    # The Workbox modules the worker loads are served by the site, not a CDN.
    workbox = json.loads(script.split("const WORKBOX = ", 1)[1].split(";\n", 1)[0])
    for url in workbox.values():
        assert url.startswith("/static/vendor/workbox/")
        assert finders.find(url.removeprefix("/static/")), url


def test_offline_page_is_thai_and_the_same_for_everyone(client, learner):
    anonymous = client.get("/offline/")
    assert anonymous.status_code == 200
    assert "ไม่มีการเชื่อมต่ออินเทอร์เน็ต" in anonymous.content.decode()
    client.force_login(learner)
    signed_in = client.get("/offline/")
    # The copy kept on a shared phone carries nothing of whoever installed the app.
    assert signed_in.content == anonymous.content
    assert b"lms-user-cache" not in signed_in.content
    assert learner.username.encode() not in signed_in.content


def test_signed_in_pages_name_the_users_cache(client, learner, lessons):
    assert USER_CACHE_HEADER not in client.get(lessons[0].url)
    client.force_login(learner)
    response = client.get(lessons[0].url)
    key = user_cache_key(user=learner)
    assert response[USER_CACHE_HEADER] == key
    assert f'<meta name="lms-user-cache" content="{key}">' in response.content.decode()
    # Another learner's key is another cache; the key does not show the account's id.
    other = UserFactory(username="learner-other")
    assert user_cache_key(user=other) != key
    assert str(learner.pk) != key


def test_signing_out_clears_the_sites_data(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert USER_CACHE_HEADER not in client.get("/")


def test_pages_are_compressed(client, learner, course, lessons):
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    plain = client.get(lessons[0].url)
    packed = client.get(lessons[0].url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(packed.content)
    assert len(packed.content) < len(plain.content) / 3


def test_robots_txt_keeps_search_engines_out_of_accounts_and_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /accounts/" in lines
    assert "Disallow: /" not in lines
