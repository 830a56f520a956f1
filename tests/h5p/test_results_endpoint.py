"""POST /h5p/<id>/results/: the learner's own result in an activity of a lesson of a course
they are enrolled in; anything else is a 404, anything unreadable a 400 in Thai."""

import json

import pytest

from lms.h5p.models import H5PResult
from lms.learning.models import CompletionSource, LessonProgress
from lms.learning.requirements import LessonRequirement, lesson_requirement
from lms.learning.services import LearningError, lesson_complete
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from .conftest import lesson_with

pytestmark = pytest.mark.django_db


def post(client, content, body, **extra):
    return client.post(
        f"/h5p/{content.pk}/results/",
        data=body if isinstance(body, str | bytes) else json.dumps(body),
        content_type="application/json",
        **extra,
    )


def report(lesson, verb="completed", raw=4, max_score=5, **score):
    return {"lesson": lesson.pk, "verb": verb, "score": {"raw": raw, "max": max_score, **score}}


def done(user, lesson):
    return LessonProgress.objects.filter(
        user=user, lesson=lesson, completed_at__isnull=False
    ).first()


def test_a_completed_activity_meeting_the_pass_mark_finishes_the_lesson(
    client, course, activity, learner
):
    lesson = lesson_with(course, activity, completes_lesson=True, pass_mark=80)
    client.force_login(learner)
    response = post(client, activity, report(lesson))
    assert response.status_code == 200
    assert response.json()["message"] == "บันทึกผลของคุณแล้ว"
    result = H5PResult.objects.get(user=learner, content=activity, lesson=lesson)
    assert (result.best_scaled, result.last_raw, result.last_max, result.completed) == (
        0.8,
        4,
        5,
        True,
    )
    assert done(learner, lesson).completed_via == CompletionSource.ACTIVITY


def test_below_the_pass_mark_the_lesson_stays_open_and_the_best_score_is_kept(
    client, course, activity, learner
):
    lesson = lesson_with(course, activity, completes_lesson=True, pass_mark=80)
    client.force_login(learner)
    post(client, activity, report(lesson, raw=3))
    assert done(learner, lesson) is None
    post(client, activity, report(lesson, raw=5))
    post(client, activity, report(lesson, raw=2))
    result = H5PResult.objects.get(user=learner, lesson=lesson)
    assert (result.best_scaled, result.last_scaled) == (1.0, 0.4)
    assert done(learner, lesson) is not None
    assert H5PResult.objects.count() == 1


def test_without_a_pass_mark_completing_is_enough_and_answering_is_not(
    client, course, activity, learner
):
    lesson = lesson_with(course, activity, completes_lesson=True)
    client.force_login(learner)
    post(client, activity, report(lesson, verb="answered", raw=0))
    assert done(learner, lesson) is None
    post(client, activity, report(lesson, verb="completed", raw=0))
    assert done(learner, lesson) is not None


def test_an_activity_that_does_not_finish_the_lesson_only_records_the_score(
    client, course, activity, learner
):
    lesson = lesson_with(course, activity, completes_lesson=False)
    client.force_login(learner)
    assert post(client, activity, report(lesson, raw=5)).status_code == 200
    assert H5PResult.objects.get(user=learner).best_scaled == 1.0
    assert done(learner, lesson) is None
    # ...and the learner still marks that lesson done themselves.
    assert lesson_requirement(lesson.pk) == LessonRequirement.MANUAL


def test_a_lesson_the_activity_finishes_cannot_be_marked_done_by_hand(course, activity, learner):
    lesson = lesson_with(course, activity, completes_lesson=True)
    assert lesson_requirement(lesson.pk) == LessonRequirement.ACTIVITY
    with pytest.raises(LearningError):
        lesson_complete(user=learner, lesson=lesson)


def test_the_same_report_twice_changes_nothing(client, course, activity, learner):
    lesson = lesson_with(course, activity, completes_lesson=True)
    client.force_login(learner)
    post(client, activity, report(lesson))
    first = done(learner, lesson).completed_at
    assert post(client, activity, report(lesson)).status_code == 200
    assert done(learner, lesson).completed_at == first
    assert H5PResult.objects.count() == 1
    assert LessonProgress.objects.filter(user=learner, lesson=lesson).count() == 1


@pytest.mark.parametrize("who", ["anonymous", "not-enrolled"], ids=["anonymous", "not-enrolled"])
def test_only_an_enrolled_learner_has_results(client, course, activity, learner, who):
    lesson = lesson_with(course, activity, completes_lesson=True)
    if who == "not-enrolled":
        client.force_login(UserFactory(username="stranger"))
    response = post(client, activity, report(lesson))
    assert response.status_code == 404
    assert not H5PResult.objects.exists()


def test_an_activity_not_in_the_lesson_or_unknown_is_a_404(client, course, activity, learner):
    lesson = lesson_with(course, activity, completes_lesson=True)
    other_course = CoursePageFactory(parent=course.get_parent())
    elsewhere = lesson_with(other_course, activity, completes_lesson=True)
    plain = LessonPageFactory(parent=course)  # holds no activity
    client.force_login(learner)
    assert post(client, activity, report(elsewhere)).status_code == 404  # not enrolled there
    assert post(client, activity, report(plain)).status_code == 404
    assert (
        client.post(
            "/h5p/999999/results/", json.dumps(report(lesson)), content_type="application/json"
        ).status_code
        == 404
    )
    body = report(lesson)
    body["lesson"] = 999999
    assert post(client, activity, body).status_code == 404
    assert not H5PResult.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        b"\xff\xfe",
        "[]",
        {"lesson": None, "verb": "completed"},
        {"lesson": "1", "verb": "completed"},
        {"lesson": True, "verb": "completed"},
        {"verb": "launched"},
        {"verb": "completed", "score": {"raw": 6, "max": 5}},
        {"verb": "completed", "score": {"raw": -1, "max": 5}},
        {"verb": "completed", "score": {"raw": 1, "max": 0}},
        {"verb": "completed", "score": {"scaled": 1.5}},
        {"verb": "completed", "score": {"raw": "4", "max": 5}},
        {"verb": "completed", "score": "full"},
    ],
)
def test_malformed_reports_are_a_400_in_thai(client, course, activity, learner, body):
    lesson = lesson_with(course, activity, completes_lesson=True)
    if isinstance(body, dict):
        body = {"lesson": lesson.pk, **body}
    client.force_login(learner)
    response = post(client, activity, body)
    assert response.status_code == 400
    assert response.json()["message"] == "อ่านผลของกิจกรรมไม่ได้ กรุณาลองอีกครั้ง"
    assert not H5PResult.objects.exists() and done(learner, lesson) is None


def test_a_report_needs_the_csrf_token(course, activity, learner):
    from django.test import Client

    lesson = lesson_with(course, activity, completes_lesson=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert post(client, activity, report(lesson)).status_code == 403
    assert not H5PResult.objects.exists()


def test_the_results_are_in_the_personal_data_export(client, course, activity, learner):
    lesson = lesson_with(course, activity, completes_lesson=True)
    client.force_login(learner)
    post(client, activity, report(lesson))
    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    assert data["activity_results"] == [
        {
            "activity": "ทดสอบความเข้าใจ",
            "lesson": lesson.title,
            "best_score": 0.8,
            "latest_score": 0.8,
            "completed": True,
            "updated": H5PResult.objects.get().updated.isoformat(),
        }
    ]
