"""The player page and the package's files: served from storage, each response sandboxed
by its Content-Security-Policy, nothing outside the package reachable."""

import pytest

from lms.h5p.services import h5p_content_create

from .h5p_packages import build_package

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    parts = [p.strip() for p in response["Content-Security-Policy"].split(";")]
    return {p.split(" ", 1)[0]: (p.split(" ", 1) + [""])[1] for p in parts if p}


def test_the_player_runs_sandboxed_without_the_sites_origin(client, activity):
    response = client.get(f"/h5p/{activity.pk}/player/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["sandbox"] == "allow-scripts"  # no allow-same-origin: no cookies, no site
    assert csp["frame-ancestors"] == "'self'" and csp["form-action"] == "'none'"
    assert csp["default-src"] == "'none'" and csp["script-src"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert "vendor/h5p-standalone/main.bundle.js" in html
    assert f'"h5pJsonPath": "/h5p/{activity.pk}/content"' in html


def test_the_lesson_frame_is_sandboxed(client, course, activity):
    from .conftest import lesson_with

    lesson = lesson_with(course, activity, completes_lesson=True, pass_mark=70)
    html = client.get(lesson.url).content.decode()
    assert f'src="/h5p/{activity.pk}/player/"' in html
    assert 'sandbox="allow-scripts"' in html
    assert "ทำคะแนนในกิจกรรมนี้ให้ได้อย่างน้อย 70% เพื่อเรียนบทนี้จบ" in html


def test_package_files_are_served_from_storage_with_a_sandboxing_policy(client, activity):
    response = client.get(f"/h5p/{activity.pk}/content/H5P.TestButton-1.0/button.js")
    assert response.status_code == 200
    assert b"H5P.TestButton" in b"".join(response.streaming_content)
    assert response["Content-Type"].startswith(("text/javascript", "application/javascript"))
    assert policy(response)["sandbox"] == ""
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response
    json_file = client.get(f"/h5p/{activity.pk}/content/h5p.json")
    assert json_file["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    [
        "../../../settings.py",
        "content/../../other/h5p.json",
        "%2e%2e/%2e%2e/etc/passwd",
        "content//content.json",
        "missing.js",
        "",
    ],
)
def test_nothing_outside_the_package_is_served(client, activity, path):
    assert client.get(f"/h5p/{activity.pk}/content/{path}").status_code == 404


def test_one_package_cannot_reach_anothers_files(client, activity):
    other = h5p_content_create(file=build_package(), title="อีกกิจกรรม")
    name = other.storage_prefix.rsplit("/", 1)[1]
    response = client.get(f"/h5p/{activity.pk}/content/../{name}/h5p.json")
    assert response.status_code == 404


def test_an_unknown_activity_is_a_404(client):
    assert client.get("/h5p/999999/player/").status_code == 404
    assert client.get("/h5p/999999/content/h5p.json").status_code == 404
