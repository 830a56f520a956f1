"""Trainers write questions and quizzes in the Wagtail admin; bad questions are refused."""

import json

from django.contrib.auth.models import Group

import pytest

from assessments.models import Question, Quiz, QuizAttempt
from lms.users import roles
from tests.conftest import admin_in_english
from tests.factories import UserFactory

from .factories import make_quiz, single_choice

pytestmark = pytest.mark.django_db

QUESTION_ADD = "/admin/snippets/assessments/question/add/"
QUIZ_ADD = "/admin/snippets/assessments/quiz/add/"


@pytest.fixture
def trainer(client, home):
    user = admin_in_english(UserFactory(username="somsak"))
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(user)
    return user


def draftail(text: str) -> str:
    block = {
        "key": "a1b2c",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def formset(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        data[f"{prefix}-{n}-ORDER"] = str(n + 1)
        data[f"{prefix}-{n}-id"] = ""
        for key, value in row.items():
            data[f"{prefix}-{n}-{key}"] = value
    return data


def question_data(kind="single", choices=(), accepted=(), pairs=(), numbers=(), **fields):
    return {
        "kind": kind,
        "points": "2",
        "prompt": draftail("ควรถ่ายรูปสินค้าตอนไหน"),
        "scoring": "all",
        "correct_answer_true": fields.pop("correct_answer_true", "unknown"),
        "title": "",
        "tags": "",
        **fields,
        **formset("choices", [{"text": t, "is_correct": "on" if ok else ""} for t, ok in choices]),
        # New rows come with the mark the admin fills in: 100 %.
        **formset("accepted_answers", [{"text": t, "weight": "100"} for t in accepted]),
        **formset(
            "numeric_answers",
            [{"value": v, "tolerance": "0", "weight": "100"} for v in numbers],
        ),
        **formset("pairs", [{"prompt": p, "answer": a} for p, a in pairs]),
    }


def test_trainer_sees_the_quizzes_menu(client, trainer):
    html = client.get("/admin/").content.decode()
    for label in (
        "Quizzes",
        "Questions",
        "Question banks",
        "Results",
        "Import questions",
        "Export questions",
    ):
        assert label in html, label


def test_the_quizzes_menu_is_in_thai_for_a_thai_trainer(client, home):
    user = UserFactory(username="malai")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    for label in ("แบบทดสอบ", "ข้อสอบ", "คลังข้อสอบ", "ผลการสอบ", "นำเข้าข้อสอบ", "ส่งออกข้อสอบ"):
        # The admin's menu is JSON inside the page, with Thai letters escaped.
        assert json.dumps(label)[1:-1] in html, label
    assert "Question banks" not in html


def test_trainer_writes_a_single_choice_question(client, trainer):
    data = question_data(choices=[("กลางวันใกล้หน้าต่าง", True), ("กลางคืนใช้แฟลช", False)])
    response = client.post(QUESTION_ADD, data)
    assert response.status_code == 302, response.context["form"].errors
    question = Question.objects.get()
    assert question.points == 2 and "ควรถ่ายรูปสินค้าตอนไหน" in question.prompt
    assert list(question.choices.values_list("text", "is_correct")) == [
        ("กลางวันใกล้หน้าต่าง", True),
        ("กลางคืนใช้แฟลช", False),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (question_data(choices=[("ก", True), ("ข", True)]), "exactly one choice"),
        (question_data(choices=[("ก", True)]), "at least two choices"),
        (question_data(kind="multiple", choices=[("ก", False), ("ข", False)]), "at least one"),
        (question_data(kind="true_false"), "true or false"),
        (question_data(kind="short_text", accepted=["  "]), "accepted answer"),
        (question_data(kind="numeric"), "right number"),
        (question_data(kind="matching", pairs=[("ก", "1")]), "two items"),
    ],
)
def test_unanswerable_questions_are_refused(client, trainer, data, message):
    response = client.post(QUESTION_ADD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_trainer_writes_a_true_false_and_a_matching_question(client, trainer):
    response = client.post(
        QUESTION_ADD, question_data(kind="true_false", correct_answer_true="false")
    )
    assert response.status_code == 302
    pairs = [("แสง", "หน้าต่าง"), ("ฉาก", "ผ้าขาว"), ("", "แฟลช")]
    response = client.post(QUESTION_ADD, question_data(kind="matching", pairs=pairs))
    assert response.status_code == 302
    assert Question.objects.get(kind="true_false").correct_answer_true is False
    assert Question.objects.get(kind="matching").pairs.count() == 3


def quiz_data(**fields):
    data = {
        "title": "แบบทดสอบท้ายบท",
        "intro": "",
        "pass_mark_percent": "70",
        "grading_method": "highest",
        "reveal_answers": "after_passing",
        "shuffle_questions": "on",
        "shuffle_choices": "on",
        "lesson": "",
        "course": "",
        **formset("items", fields.pop("items", [])),
        **formset("draws", []),
    }
    data.update(fields)
    return data


def test_trainer_builds_a_quiz_for_a_lesson(client, trainer, lessons):
    question = single_choice()
    response = client.post(
        QUIZ_ADD,
        quiz_data(lesson=str(lessons[0].pk), is_live="on", items=[{"question": str(question.pk)}]),
    )
    assert response.status_code == 302, response.context["form"].errors
    quiz = Quiz.objects.get()
    assert quiz.lesson_id == lessons[0].pk and quiz.items.get().question_id == question.pk


def test_quiz_must_belong_to_one_lesson_or_course(client, trainer, course, lessons):
    for data in (quiz_data(), quiz_data(lesson=str(lessons[0].pk), course=str(course.pk))):
        response = client.post(QUIZ_ADD, data)
        assert response.status_code == 200
        assert "one of the two" in response.content.decode()
    assert not Quiz.objects.exists()


def test_an_empty_quiz_cannot_be_opened_to_learners(client, trainer, lessons):
    response = client.post(QUIZ_ADD, quiz_data(lesson=str(lessons[0].pk), is_live="on"))
    assert response.status_code == 200
    assert "before opening the quiz" in response.content.decode()


def test_quiz_or_question_with_attempts_cannot_be_deleted(client, trainer, enrolled, lessons):
    from assessments.services import attempt_start

    question = single_choice()
    quiz = make_quiz(lesson=lessons[0], questions=[question])
    attempt_start(user=enrolled, quiz=quiz)
    response = client.post(f"/admin/snippets/assessments/quiz/delete/{quiz.pk}/")
    assert response.status_code == 302
    assert Quiz.objects.filter(pk=quiz.pk).exists() and QuizAttempt.objects.exists()
    response = client.post(f"/admin/snippets/assessments/question/delete/{question.pk}/")
    assert Question.objects.filter(pk=question.pk).exists()


def test_lesson_with_a_quiz_cannot_be_deleted(client, home, lessons):
    admin = UserFactory(username="root", is_superuser=True)
    client.force_login(admin)
    make_quiz(lesson=lessons[0], questions=[single_choice()])
    client.post(f"/admin/pages/{lessons[0].pk}/delete/")
    from curricula.models import LessonPage

    assert LessonPage.objects.filter(pk=lessons[0].pk).exists()
