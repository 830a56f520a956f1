"""What each role gets from the API: the catalogue for anyone, one's own records, and the
staff side scoped exactly as the staff pages are."""

import pytest

from lms.certificates.models import Certificate
from lms.classes.models import Attendance

pytestmark = pytest.mark.django_db

API = "/api/v1"


def test_the_catalogue_is_public_and_bilingual(client, world):
    tracks = client.get(f"{API}/tracks").json()
    assert tracks["count"] == 3
    assert {t["track"] for t in tracks["items"]} == {"youth", "early_childhood", "workforce"}
    courses = client.get(f"{API}/courses", {"track": "workforce"}).json()
    selling = next(c for c in courses["items"] if c["slug"] == "sell-products-online")
    assert selling["track"] == "workforce"
    assert selling["lessons"], "a course comes with its lessons"
    assert all(c["track"] == "workforce" for c in courses["items"])
    # By id and by slug, the same course.
    by_id = client.get(f"{API}/courses/{selling['id']}").json()
    by_slug = client.get(f"{API}/courses/sell-products-online").json()
    assert by_id == by_slug == selling
    assert client.get(f"{API}/courses/no-such-course").status_code == 404


def test_an_english_translation_fills_the_en_fields(client, world):
    from curricula.models import CoursePage

    selling = world["seed"]["courses"]["sell-products-online"]
    english = CoursePage.objects.get(
        translation_key=selling.translation_key, locale__language_code="en"
    )
    english.title = "Selling products online (revised)"
    english.save_revision().publish()
    body = client.get(f"{API}/courses/{selling.pk}").json()
    assert body["title"] == selling.title
    assert body["title_en"] == "Selling products online (revised)"
    # Unpublished, the English text is gone from the answer.
    english.unpublish()
    assert client.get(f"{API}/courses/{selling.pk}").json()["title_en"] is None


def test_a_learner_reads_only_their_own_records(client, world, bearer):
    headers = bearer(world["learner"])
    me = client.get(f"{API}/me", headers=headers).json()
    assert me["username"] == "demo-learner"
    assert me["is_staff_member"] is False
    enrollments = client.get(f"{API}/me/enrollments", headers=headers).json()
    assert enrollments["count"] == world["learner"].enrollments.count() > 0
    progress = client.get(f"{API}/me/progress", headers=headers).json()
    assert progress["count"] > 0
    for row in progress["items"]:
        assert 0 <= row["percent"] <= 100
        assert row["lessons_done"] <= row["lessons_total"]
    certificates = client.get(f"{API}/me/certificates", headers=headers).json()
    mine = set(Certificate.objects.filter(learner=world["learner"]).values_list("pk", flat=True))
    assert {c["id"] for c in certificates["items"]} == mine
    # Another learner sees none of these.
    other = client.get(f"{API}/me/certificates", headers=bearer(world["other_learner"])).json()
    assert not mine & {c["id"] for c in other["items"]}


def test_verification_says_what_the_verification_page_says(client, world):
    certificate = Certificate.objects.filter(learner=world["learner"]).first()
    api = client.get(f"{API}/certificates/{certificate.code}/verify").json()
    page = client.get(f"/certificates/verify/{certificate.display_code}/?format=json").json()
    assert api == page
    unknown = client.get(f"{API}/certificates/XXXX-XXXX/verify")
    assert unknown.status_code == 404
    assert unknown["Content-Type"] == "application/problem+json"
    assert unknown.json()["code"] == "unknown_certificate"


STAFF_LISTS = ["/centres", "/classes", "/reports"]


@pytest.mark.parametrize("path", [*STAFF_LISTS, "/classes/{a}/members", "/sessions/{s}/attendance"])
def test_learners_are_refused_staff_endpoints_with_403(client, world, classes, bearer, path):
    url = API + path.format(a=classes["a"].pk, s=classes["session_a"].pk)
    response = client.get(url, headers=bearer(world["learner"]))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert client.get(url).status_code == 401


def test_staff_see_their_own_centres_only(client, world, classes, bearer):
    a = bearer(world["admin_a"])
    centres = client.get(f"{API}/centres", headers=a).json()
    assert [c["id"] for c in centres["items"]] == [world["seed"]["centre"].pk]
    class_ids = {c["id"] for c in client.get(f"{API}/classes", headers=a).json()["items"]}
    assert classes["a"].pk in class_ids and classes["b"].pk not in class_ids
    # Another centre's class, its members, sessions and attendance do not exist for them.
    for path in (
        f"/classes/{classes['b'].pk}",
        f"/classes/{classes['b'].pk}/members",
        f"/classes/{classes['b'].pk}/sessions",
        f"/sessions/{classes['session_b'].pk}/attendance",
    ):
        assert client.get(API + path, headers=a).status_code == 404, path
    # The national office sees both.
    national = bearer(world["national"])
    assert client.get(f"{API}/classes/{classes['b'].pk}", headers=national).status_code == 200


def test_members_carry_progress_and_attendance(client, world, classes, bearer):
    body = client.get(
        f"{API}/classes/{classes['a'].pk}/members",
        {"page_size": 100},
        headers=bearer(world["trainer"]),
    ).json()
    assert body["count"] == classes["a"].memberships.count()
    learner = next(m for m in body["items"] if m["username"] == "demo-learner")
    assert 0 <= learner["percent"] <= 100


def test_recording_attendance_needs_a_read_write_token(client, world, classes, bearer):
    session = classes["session_a"]
    url = f"{API}/sessions/{session.pk}/attendance"
    learner = world["learner"]
    body = {"marks": [{"user_id": learner.pk, "status": "absent"}]}
    Attendance.objects.filter(session=session, user=learner).delete()

    read_only = client.post(
        url, body, content_type="application/json", headers=bearer(world["trainer"])
    )
    assert read_only.status_code == 403
    assert read_only.json()["code"] == "read_only_token"
    assert not Attendance.objects.filter(session=session, user=learner).exists()

    write = bearer(world["trainer"], scope="write")
    response = client.post(url, body, content_type="application/json", headers=write)
    assert response.status_code == 200, response.content
    assert response.json()["changed"] == 1
    assert Attendance.objects.get(session=session, user=learner).status == "absent"
    sheet = client.get(url, {"page_size": 100}, headers=write).json()
    assert next(r for r in sheet["items"] if r["user_id"] == learner.pk)["status"] == "absent"

    # Someone not in the class, or a status that does not exist: 4xx and nothing saved.
    stranger = {"marks": [{"user_id": world["other_learner"].pk, "status": "present"}]}
    refused = client.post(url, stranger, content_type="application/json", headers=write)
    assert refused.status_code == 400
    assert refused.json()["code"] == "not_member"
    wrong = {"marks": [{"user_id": learner.pk, "status": "late"}]}
    assert (
        client.post(url, wrong, content_type="application/json", headers=write).status_code == 400
    )
    assert Attendance.objects.get(session=session, user=learner).status == "absent"

    # Another centre's session: 404 even with a write token.
    other = f"{API}/sessions/{classes['session_b'].pk}/attendance"
    assert (
        client.post(other, body, content_type="application/json", headers=write).status_code == 404
    )


def test_the_browser_session_needs_csrf_for_writes(world, classes):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world["trainer"])
    url = f"{API}/sessions/{classes['session_a'].pk}/attendance"
    body = {"marks": [{"user_id": world["learner"].pk, "status": "present"}]}
    response = browser.post(url, body, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf"
    assert browser.get(f"{API}/me").status_code == 200


def test_reports_are_for_centre_admins_with_the_report_pages_figures(client, world, bearer):
    assert client.get(f"{API}/reports", headers=bearer(world["trainer"])).status_code == 403
    admin = bearer(world["admin_a"])
    body = client.get(f"{API}/reports", {"by": "course"}, headers=admin).json()
    assert body["dimension"] == "course"
    assert body["totals"]["enrolments"] == sum(row["enrolments"] for row in body["rows"])
    # The same totals as the staff report page computes for this person.
    from lms.reports.reports import centre_report

    expected = centre_report(user=world["admin_a"], dimension="course")
    assert body["totals"]["learners"] == expected.totals.learners
    assert body["totals"]["completions"] == expected.totals.completions
    bad = client.get(f"{API}/reports", {"by": "planet", "date_from": "13-2025"}, headers=admin)
    assert bad.status_code == 422
    assert {e["loc"][-1] for e in bad.json()["errors"]} == {"by", "date_from"}
