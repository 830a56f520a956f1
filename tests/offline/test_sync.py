"""POST /offline/sync/: a device's queue applied once per key, refusals in Thai."""

import json
import re
import uuid
from datetime import timedelta

from django.test import Client
from django.utils import timezone

import pytest

from assessments.models import QuizAttempt
from lms.assignments.models import Submission, SubmissionStatus
from lms.learning.models import Enrollment, LessonProgress
from lms.learning.services import enrollment_leave
from lms.offline.models import OfflineAction

from .conftest import action, sync

pytestmark = pytest.mark.django_db


def paper_fields(client, quiz, *, right=True):
    """The paper's hidden inputs and every question answered (right or wrong)."""
    html = client.get(f"/offline/quizzes/{quiz.pk}/paper/").content.decode()
    token = re.search(r'name="paper" value="([^"]+)"', html).group(1)
    fields = [("quiz", str(quiz.pk)), ("paper", token)]
    for position in re.findall(r'name="present" value="(\d+)"', html):
        fields.append(("present", position))
        if f'name="q{position}" value="true"' in html:
            fields.append((f"q{position}", "true" if right else "false"))
        else:
            # The option's number whose text is the right one (the paper does not say
            # which it is; the test knows the text).
            section = html.split(f'id="q-{position}"')[1].split("</section>")[0]
            options = re.findall(r'value="(\d+)"> <span>([^<]+)</span>', section)
            chosen = next(n for n, text in options if (text == "ราคาส่งรวมแล้ว") == right)
            fields.append((f"q{position}", chosen))
    return fields


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_each_type_is_applied_once_and_answers_in_order(
    client, learner, lessons, offline_quiz, assignment
):
    client.force_login(learner)
    queue = [
        action("lesson.done", [("lesson", str(lessons[0].pk))]),
        action("quiz.submit", paper_fields(client, offline_quiz)),
        action("assignment.draft", [("assignment", str(assignment.pk)), ("text", "ร่างของฉัน")]),
    ]
    answered = results(sync(client, *queue))
    assert [r["key"] for r in answered] == [a["key"] for a in queue]
    assert [r["status"] for r in answered] == ["done", "done", "done"]
    assert LessonProgress.objects.get(user=learner, lesson=lessons[0]).completed_at
    attempt = QuizAttempt.objects.get(user=learner, quiz=offline_quiz)
    assert attempt.passed and attempt.percent == 100
    assert answered[1]["url"] == f"/quizzes/attempts/{attempt.pk}/review/"
    assert answered[1]["message"] == "ส่งคำตอบและตรวจให้คะแนนแล้ว"
    draft = Submission.objects.get(user=learner, assignment=assignment)
    assert draft.status == SubmissionStatus.DRAFT and draft.text == "ร่างของฉัน"
    stored = OfflineAction.objects.get(key=queue[1]["key"])
    assert stored.user == learner and stored.status == "done"
    assert stored.device_at == timezone.datetime.fromisoformat("2026-12-04T09:30:00+07:00")


def test_a_key_sent_again_returns_the_stored_result_and_does_nothing(
    client, learner, offline_quiz, assignment
):
    client.force_login(learner)
    quiz_action = action("quiz.submit", paper_fields(client, offline_quiz, right=False))
    first = results(sync(client, quiz_action))
    again = results(sync(client, quiz_action))
    assert again == first
    assert QuizAttempt.objects.filter(user=learner, quiz=offline_quiz).count() == 1

    draft = action("assignment.draft", [("assignment", str(assignment.pk)), ("text", "หนึ่ง")])
    twice = results(sync(client, draft, draft))
    assert twice[0] == twice[1] and twice[0]["status"] == "done"
    assert Submission.objects.filter(user=learner, assignment=assignment).count() == 1
    assert OfflineAction.objects.filter(user=learner).count() == 2


def test_the_same_queue_twice_in_one_request_counts_once(client, learner, offline_quiz):
    client.force_login(learner)
    quiz_action = action("quiz.submit", paper_fields(client, offline_quiz))
    answered = results(sync(client, quiz_action, quiz_action))
    assert answered[0] == answered[1]
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_the_same_key_from_two_learners_is_two_actions(client, learner, other_learner, lessons):
    key = uuid.uuid4()
    for user in (learner, other_learner):
        client.force_login(user)
        assert (
            results(sync(client, action("lesson.done", [("lesson", str(lessons[0].pk))], key)))[0][
                "status"
            ]
            == "done"
        )
    assert LessonProgress.objects.filter(lesson=lessons[0], completed_at__isnull=False).count() == 2


def test_a_closed_quiz_is_refused_in_thai_and_the_others_still_apply(
    client, learner, lessons, offline_quiz
):
    client.force_login(learner)
    fields = paper_fields(client, offline_quiz)
    offline_quiz.closes_at = timezone.now() - timedelta(minutes=1)
    offline_quiz.opens_at = timezone.now() - timedelta(days=1)
    offline_quiz.save()
    answered = results(
        sync(
            client,
            action("quiz.submit", fields),
            action("lesson.done", [("lesson", str(lessons[0].pk))]),
        )
    )
    assert answered[0]["status"] == "refused"
    assert answered[0]["message"] == "แบบทดสอบนี้ปิดแล้ว"
    assert "url" not in answered[0]
    assert answered[1]["status"] == "done"
    assert not QuizAttempt.objects.filter(user=learner).exists()


def test_a_refusal_is_stored_so_a_resend_does_not_retry(client, learner, offline_quiz):
    client.force_login(learner)
    fields = paper_fields(client, offline_quiz)
    offline_quiz.is_live = False
    offline_quiz.save()
    queued = action("quiz.submit", fields)
    assert results(sync(client, queued))[0]["status"] == "refused"
    offline_quiz.is_live = True
    offline_quiz.save()
    assert results(sync(client, queued))[0]["status"] == "refused"
    assert not QuizAttempt.objects.exists()


def test_an_ended_enrolment_is_refused(client, learner, course, lessons, offline_quiz, assignment):
    client.force_login(learner)
    fields = paper_fields(client, offline_quiz)
    enrollment_leave(user=learner, course=course)
    answered = results(
        sync(
            client,
            action("lesson.done", [("lesson", str(lessons[0].pk))]),
            action("quiz.submit", fields),
            action("assignment.draft", [("assignment", str(assignment.pk)), ("text", "ร่าง")]),
        )
    )
    assert [r["status"] for r in answered] == ["refused"] * 3
    assert {r["message"] for r in answered} == {"คุณไม่ได้ลงทะเบียนในหลักสูตรนี้แล้ว"}
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    assert not QuizAttempt.objects.exists() and not Submission.objects.exists()
    assert Enrollment.objects.get(user=learner).left_at is not None


def test_attempts_used_up_are_refused(client, learner, offline_quiz):
    client.force_login(learner)
    for _ in range(2):  # the quiz allows two
        fields = paper_fields(client, offline_quiz, right=False)
        assert results(sync(client, action("quiz.submit", fields)))[0]["status"] == "done"
    fields = paper_fields(client, offline_quiz, right=False)
    answered = results(sync(client, action("quiz.submit", fields)))
    assert answered[0] == {
        "key": answered[0]["key"],
        "status": "refused",
        "message": "ทำแบบทดสอบครบจำนวนครั้งแล้ว",
    }
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_a_handed_in_assignment_refuses_the_draft(client, learner, assignment):
    Submission.objects.create(
        assignment=assignment,
        user=learner,
        text="ส่งแล้ว",
        status=SubmissionStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(learner)
    answered = results(
        sync(
            client, action("assignment.draft", [("assignment", str(assignment.pk)), ("text", "x")])
        )
    )
    assert answered[0]["status"] == "refused"
    assert answered[0]["message"] == "ส่งงานนี้ไปแล้ว แก้ร่างไม่ได้"
    assert Submission.objects.get(user=learner).text == "ส่งแล้ว"


def test_another_learners_paper_is_refused_like_a_forged_one(
    client, learner, other_learner, offline_quiz
):
    client.force_login(other_learner)
    theirs = paper_fields(client, offline_quiz)
    client.force_login(learner)
    forged = [(n, v + "x" if n == "paper" else v) for n, v in theirs]
    answered = results(sync(client, action("quiz.submit", theirs), action("quiz.submit", forged)))
    assert [r["status"] for r in answered] == ["refused", "refused"]
    assert (
        answered[0]["message"] == answered[1]["message"] == ("ชุดคำถามนี้ใช้ไม่ได้ กรุณาดาวน์โหลดหลักสูตรใหม่")
    )
    assert not QuizAttempt.objects.exists()


def test_unknown_or_unpublished_lessons_are_refused_alike(client, learner, lessons):
    lessons[2].unpublish()
    client.force_login(learner)
    answered = results(
        sync(
            client,
            action("lesson.done", [("lesson", "999999")]),
            action("lesson.done", [("lesson", str(lessons[2].pk))]),
            action("lesson.done", [("lesson", "abc")]),
            action("assignment.draft", [("assignment", "999999"), ("text", "x")]),
        )
    )
    assert [r["status"] for r in answered] == ["refused"] * 4
    assert answered[0]["message"] == answered[1]["message"] == answered[2]["message"]
    assert answered[0]["message"] == "บทเรียนนี้ไม่เปิดให้เรียนแล้ว"
    assert answered[3]["message"] == "งานนี้ไม่เปิดรับแล้ว"


# Fixed keys: test ids must be the same in every test process.
KEY_A = "3f1c9a52-6a0e-4b8e-9d57-0c2f1e7b8a41"
KEY_B = "7b2d4e16-91c3-4f0a-8e65-5a9d3c1f2b07"


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps([1, 2]),
        json.dumps({"actions": "x"}),
        json.dumps({"actions": [{"key": KEY_A, "type": "lesson.burn", "fields": []}]}),
        json.dumps({"actions": [{"key": "not-a-uuid", "type": "lesson.done", "fields": []}]}),
        json.dumps({"actions": [{"key": KEY_B, "type": "lesson.done", "fields": [1]}]}),
    ],
)
def test_a_malformed_body_is_a_thai_problem_400(client, learner, body):
    client.force_login(learner)
    response = sync(client, raw=body)
    assert response.status_code == 400
    assert response.json() == {"title": "ข้อมูลที่ส่งมาไม่อยู่ในรูปแบบที่ถูกต้อง", "status": 400}
    assert not OfflineAction.objects.exists()


def test_too_many_actions_or_bytes_is_a_413(client, learner, lessons):
    client.force_login(learner)
    many = [action("lesson.done", [("lesson", str(lessons[0].pk))]) for _ in range(51)]
    response = sync(client, *many)
    assert response.status_code == 413
    assert response.json()["title"] == "ส่งข้อมูลมากเกินไปในครั้งเดียว กรุณาส่งทีละน้อยลง"
    big = action("assignment.draft", [("assignment", "1"), ("text", "ก" * 90_000)])
    assert sync(client, big).status_code == 413
    assert not OfflineAction.objects.exists()
    fifty = many[:50]
    assert sync(client, *fifty).status_code == 200


def test_not_signed_in_is_a_403_json_and_nothing_is_applied(client, lessons):
    response = sync(client, action("lesson.done", [("lesson", str(lessons[0].pk))]))
    assert response.status_code == 403
    assert response.json()["status"] == 403
    assert not OfflineAction.objects.exists()


def test_csrf_is_checked_from_the_header(learner, lessons):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    body = json.dumps({"actions": [action("lesson.done", [("lesson", str(lessons[0].pk))])]})
    refused = client.post("/offline/sync/", body, content_type="application/json")
    assert refused.status_code == 403
    assert not OfflineAction.objects.exists()
    client.get(lessons[0].url)
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/offline/sync/", body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 200
    assert accepted.json()["results"][0]["status"] == "done"


def test_the_form_post_applies_one_action_once_and_redirects(client, learner, offline_quiz):
    client.force_login(learner)
    html = client.get(f"/offline/quizzes/{offline_quiz.pk}/paper/").content.decode()
    key = re.search(r'name="key" value="([^"]+)"', html).group(1)
    data = dict(paper_fields(client, offline_quiz))
    data["present"] = ["1", "2"]
    data["key"] = key
    first = client.post("/offline/sync/form/", data)
    attempt = QuizAttempt.objects.get(user=learner)
    assert first.status_code == 302 and first.url == f"/quizzes/attempts/{attempt.pk}/review/"
    again = client.post("/offline/sync/form/", data)
    assert again.status_code == 302
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_the_lesson_form_marks_done_without_javascript(client, learner, lessons):
    client.force_login(learner)
    response = client.post("/offline/sync/form/", {"lesson": str(lessons[0].pk)})
    assert response.status_code == 302 and response.url == lessons[0].url
    assert LessonProgress.objects.get(lesson=lessons[0]).completed_at is not None


def test_offline_actions_are_in_the_export_and_erased_with_the_account(client, learner, lessons):
    from lms.users.services import user_anonymise

    client.force_login(learner)
    results(sync(client, action("lesson.done", [("lesson", str(lessons[0].pk))])))
    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    assert [a["type"] for a in data["offline_actions"]] == ["lesson.done"]
    user_anonymise(user=learner, requested_by=learner)
    assert not OfflineAction.objects.exists()
