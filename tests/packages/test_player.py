"""The package's files under their own sandbox, and the commits that save a learner's state."""

import json

from django.urls import reverse
from django.utils import translation

import pytest

from lms.learning.models import LessonProgress
from lms.packages.models import ScormAttempt
from lms.packages.selectors import player_config
from tests.factories import UserFactory

CMI_12_PART_WAY = {
    "core": {
        "lesson_location": "2",
        "lesson_status": "incomplete",
        "exit": "suspend",
        "session_time": "00:01:30",
        "score": {"raw": "", "min": "", "max": ""},
    },
    "suspend_data": "seen:2",
}


def commit(client, sco, cmi, finished=False):
    return client.post(
        reverse("packages:commit", kwargs={"sco_id": sco.pk}),
        data=json.dumps({"cmi": cmi, "finished": finished}),
        content_type="application/json",
    )


def test_the_content_is_sandboxed_and_gets_the_runtime(client, package12):
    response = client.get(
        reverse("packages:content", kwargs={"package_id": package12.pk, "path": "index.html"})
    )
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox allow-scripts")
    # Never the site's own origin: no cookies, no storage, no pages of the site.
    assert "allow-same-origin" not in policy
    assert "form-action 'none'" in policy and "object-src 'none'" in policy
    body = response.content.decode()
    head = body.index("<head>") + len("<head>")
    assert body[head:].startswith('<script src="http://testserver/static/vendor/scorm-again/')
    assert "scorm12.min.js" in body and "js/scorm-runtime.js" in body
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_2004_package_gets_the_2004_runtime(client, package2004):
    response = client.get(
        reverse("packages:content", kwargs={"package_id": package2004.pk, "path": "index.html"})
    )
    assert "scorm2004.min.js" in response.content.decode()


def test_scripts_are_served_as_they_are(client, package12):
    response = client.get(
        reverse("packages:content", kwargs={"package_id": package12.pk, "path": "sco.js"})
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b"scorm-again" not in b"".join(response.streaming_content)


@pytest.mark.parametrize("path", ["../imsmanifest.xml", "missing.html", "a/../../x", "%2e%2e/x"])
def test_paths_outside_the_package_or_missing_are_404(client, package12, path):
    url = reverse("packages:content", kwargs={"package_id": package12.pk, "path": "x"})
    assert client.get(url[: -len("x")] + path).status_code == 404


def test_a_separate_package_origin_is_required_when_set(client, package12, settings):
    settings.LMS_PACKAGE_ORIGIN = "https://packages.example"
    url = reverse("packages:content", kwargs={"package_id": package12.pk, "path": "index.html"})
    assert client.get(url).status_code == 404
    response = client.get(url, headers={"host": "packages.example"}, secure=True)
    assert response.status_code == 200
    assert "allow-same-origin" in response["Content-Security-Policy"]
    config = player_config(package=package12, user=UserFactory())
    assert config["scos"][0]["url"].startswith("https://packages.example/packages/")


def test_a_commit_is_saved_and_resumed(client, package12, learner):
    client.force_login(learner)
    sco = package12.scos.get()
    response = commit(client, sco, CMI_12_PART_WAY)
    assert response.status_code == 200
    assert response.json()["lesson_done"] is False
    attempt = ScormAttempt.objects.get(user=learner, sco=sco)
    assert (attempt.location, attempt.suspend_data, attempt.completion_status) == (
        "2",
        "seen:2",
        "incomplete",
    )
    resume = player_config(package=package12, user=learner)["scos"][0]["cmi"]
    assert resume["core"]["entry"] == "resume"
    assert resume["core"]["lesson_location"] == "2"
    assert resume["suspend_data"] == "seen:2"
    assert resume["core"]["student_id"] == str(learner.pk)


def test_a_fresh_start_is_ab_initio(package12, learner):
    cmi = player_config(package=package12, user=learner)["scos"][0]["cmi"]
    assert cmi["core"]["entry"] == "ab-initio"
    assert cmi["core"]["lesson_status"] == "not attempted"
    assert cmi["student_data"] == {"mastery_score": "60.00"}


def test_passing_the_12_package_completes_the_lesson(client, package12, learner, lessons):
    client.force_login(learner)
    sco = package12.scos.get()
    commit(client, sco, CMI_12_PART_WAY)
    done = {
        "core": {
            "lesson_location": "3",
            "lesson_status": "passed",
            "session_time": "00:02:00",
            "score": {"raw": "80", "min": "0", "max": "100"},
        },
        "suspend_data": "seen:3",
    }
    response = commit(client, sco, done, finished=True)
    assert response.json()["lesson_done"] is True
    assert response.json()["score"] == 80.0
    progress = LessonProgress.objects.get(user=learner, lesson=lessons[0])
    assert progress.completed_via == "package"
    assert ScormAttempt.objects.get(user=learner, sco=sco).total_seconds == 120
    # Reopening the package and leaving part way does not undo the lesson.
    commit(client, sco, CMI_12_PART_WAY)
    assert ScormAttempt.objects.get(user=learner, sco=sco).completion_status == "passed"


def test_a_2004_score_under_the_pass_mark_does_not_complete(client, package2004, learner):
    client.force_login(learner)
    sco = package2004.scos.get()
    low = {
        "completion_status": "completed",
        "success_status": "passed",
        "score": {"scaled": "0.5", "raw": "50", "min": "0", "max": "100"},
        "location": "3",
    }
    assert commit(client, sco, low).json()["lesson_done"] is False
    high = {**low, "score": {"scaled": "0.9", "raw": "90", "min": "0", "max": "100"}}
    body = commit(client, sco, high).json()
    assert body["lesson_done"] is True and body["score"] == 90.0


def test_the_learner_cannot_mark_a_package_lesson_done_by_hand(client, package12, learner):
    client.force_login(learner)
    client.post(reverse("learning:complete_lesson", kwargs={"lesson_id": package12.lesson_id}))
    assert not LessonProgress.objects.filter(
        user=learner, lesson_id=package12.lesson_id, completed_at__isnull=False
    ).exists()


@pytest.mark.parametrize(
    "cmi",
    [
        {"core": {"lesson_status": "hacked"}},
        {"core": {"lesson_location": "x" * 5000}},
        {"core": "not an object"},
        {"core": {"score": {"raw": "NaN"}}},
        "a string",
        None,
    ],
)
def test_invalid_data_is_refused_in_thai_and_nothing_saved(client, package12, learner, cmi):
    client.force_login(learner)
    with translation.override("th"):
        response = commit(client, package12.scos.get(), cmi)
    assert response.status_code == 400
    assert response.json()["message"] == "บันทึกความก้าวหน้าในบทเรียนนี้ไม่ได้ เพราะข้อมูลไม่ถูกต้อง"
    assert not ScormAttempt.objects.exists()


def test_2004_score_out_of_range_is_refused(client, package2004, learner):
    client.force_login(learner)
    response = commit(client, package2004.scos.get(), {"score": {"scaled": "3"}})
    assert response.status_code == 400


def test_commits_need_a_signed_in_learner_and_a_real_item(client, package12, learner):
    sco = package12.scos.get()
    assert commit(client, sco, CMI_12_PART_WAY).status_code == 403
    client.force_login(learner)
    missing = client.post(
        reverse("packages:commit", kwargs={"sco_id": sco.pk + 999}),
        data="{}",
        content_type="application/json",
    )
    assert missing.status_code == 404
    broken = client.post(
        reverse("packages:commit", kwargs={"sco_id": sco.pk}),
        data="{not json",
        content_type="application/json",
    )
    assert broken.status_code == 400


def test_a_learner_only_ever_writes_their_own_state(client, package12, learner):
    other = UserFactory(username="someone-else")
    sco = package12.scos.get()
    client.force_login(other)
    commit(client, sco, CMI_12_PART_WAY)
    client.force_login(learner)
    commit(client, sco, {"core": {"lesson_location": "1"}})
    assert ScormAttempt.objects.get(user=other).location == "2"
    assert ScormAttempt.objects.get(user=learner).location == "1"


def test_the_commit_endpoint_checks_csrf(package12, learner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert commit(client, package12.scos.get(), CMI_12_PART_WAY).status_code == 403


def test_the_lesson_page_shows_the_player_to_an_enrolled_learner(client, package12, learner):
    client.force_login(learner)
    response = client.get(package12.lesson.url)
    html = response.content.decode()
    assert "data-scorm-player" in html and 'id="scorm-player-config"' in html
    assert "js/scorm-player.js" in html
    stranger = UserFactory(username="not-enrolled")
    client.force_login(stranger)
    assert "data-scorm-player" not in client.get(package12.lesson.url).content.decode()


def test_a_multi_sco_package_shows_its_structure_and_needs_every_sco(
    client, lessons, trainer, learner
):
    import io

    from lms.packages.services import package_upload

    from .builders import zip_bytes
    from .test_manifest import MULTI_2004_3

    package = package_upload(
        lesson=lessons[2],
        file=io.BytesIO(
            zip_bytes(
                {
                    "imsmanifest.xml": MULTI_2004_3,
                    "content/m1/index.html": "<p>1</p>",
                    "content/m2/start here.html": "<p>2</p>",
                    "content/handout.html": "<p>handout</p>",
                }
            )
        ),
        uploaded_by=trainer,
    )
    client.force_login(learner)
    html = client.get(package.lesson.url).content.decode()
    assert 'class="scorm-toc"' in html
    assert html.count("data-scorm-open=") == 3
    assert "Module 1" in html and "Paying by QR" in html
    first, second, handout = package.scos.order_by("position")
    assert not handout.is_sco
    done = {"completion_status": "completed", "success_status": "unknown"}
    assert commit(client, first, done).json()["lesson_done"] is False
    assert commit(client, second, done).json()["lesson_done"] is True
    config = player_config(package=package, user=learner)
    assert config["start"] == second.pk
    assert config["scos"][0]["url"].endswith("/content/content/m1/index.html?lang=th&page=intro")


def test_a_package_that_does_not_decide_its_lesson_still_plays(client, package12, learner):
    package12.completes_lesson = False
    package12.save(update_fields=["completes_lesson"])
    client.force_login(learner)
    page = client.get(package12.lesson.url).content.decode()
    assert "data-scorm-player" in page
