"""Offline quiz papers: untimed quizzes only, the questions without their answers."""

import re

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from assessments.models import Quiz
from lms.offline.models import OfflinePaper
from lms.users import roles
from tests.assessments.factories import make_quiz, single_choice
from tests.assessments.test_admin_authoring import QUIZ_ADD, quiz_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def paper_url(quiz) -> str:
    return f"/offline/quizzes/{quiz.pk}/paper/"


def test_the_paper_shows_the_questions_and_never_their_answers(
    client, learner, offline_quiz, questions
):
    client.force_login(learner)
    response = client.get(paper_url(offline_quiz))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=0"
    html = response.content.decode()
    form = re.search(r"<form[^>]*data-offline-action=\"quiz.submit\"[^>]*>", html).group(0)
    assert 'method="post"' in form and 'action="/offline/sync/form/"' in form
    assert f'name="quiz" value="{offline_quiz.pk}"' in html
    assert re.search(r'name="paper" value="[^"]+"', html)
    assert "ส่งคำตอบ" in html
    # Every option is there, in some order, and nothing says which one is right.
    for choice in questions[0].choices.all():
        assert choice.text in html
        assert choice.feedback not in html
    assert "ป้อนกลับ" not in html
    assert "is_correct" not in html and "correct" not in html.lower().replace("incorrect", "")
    # No "save this answer" button: the paper is sent whole.
    assert 'name="save"' not in html


def test_the_token_does_not_carry_choice_ids(client, learner, offline_quiz, questions):
    client.force_login(learner)
    html = client.get(paper_url(offline_quiz)).content.decode()
    token = re.search(r'name="paper" value="([^"]+)"', html).group(1)
    paper = OfflinePaper.objects.get(user=learner)
    from django.core import signing

    assert signing.loads(token, salt="lms.offline.quiz-paper") == {
        "p": paper.pk,
        "q": offline_quiz.pk,
    }


def test_a_reload_shows_the_same_paper_until_it_is_answered(client, learner, offline_quiz):
    client.force_login(learner)
    first = client.get(paper_url(offline_quiz)).content.decode()
    second = client.get(paper_url(offline_quiz)).content.decode()
    token = re.compile(r'name="paper" value="([^"]+)"')
    assert token.search(first).group(1) == token.search(second).group(1)
    assert OfflinePaper.objects.count() == 1


def test_a_changed_quiz_gets_a_new_paper(client, learner, offline_quiz):
    client.force_login(learner)
    client.get(paper_url(offline_quiz))
    offline_quiz.save()
    client.get(paper_url(offline_quiz))
    assert OfflinePaper.objects.count() == 2


def test_the_paper_is_for_enrolled_learners_and_offline_quizzes_only(
    client, course, lessons, offline_quiz, learner
):
    client.force_login(UserFactory(username="stranger"))
    assert client.get(paper_url(offline_quiz)).status_code == 404
    client.force_login(learner)
    online_only = make_quiz(lesson=lessons[0], questions=[single_choice()])
    assert client.get(paper_url(online_only)).status_code == 404
    offline_quiz.is_live = False
    offline_quiz.save()
    assert client.get(paper_url(offline_quiz)).status_code == 404
    assert client.get("/offline/quizzes/999999/paper/").status_code == 404
    assert not OfflinePaper.objects.exists()


def test_a_timed_quiz_cannot_be_offline(course):
    quiz = Quiz(course=course, title="จับเวลา", time_limit_minutes=10, available_offline=True)
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert "available_offline" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        quiz.save()


def test_the_admin_refuses_a_timed_offline_quiz_in_thai(client, home, course):
    trainer = UserFactory(username="somsak")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(trainer)
    data = quiz_data(course=str(course.pk), time_limit_minutes="15", available_offline="on")
    response = client.post(QUIZ_ADD, data)
    assert response.status_code == 200
    assert "แบบทดสอบที่จำกัดเวลาทำแบบออฟไลน์ไม่ได้" in response.content.decode()
    assert not Quiz.objects.exists()
    data.pop("time_limit_minutes")
    data["time_limit_minutes"] = ""
    assert client.post(QUIZ_ADD, data).status_code == 302
    assert Quiz.objects.get().available_offline


def test_the_draft_page_is_kept_privately_and_carries_its_offline_action(
    client, learner, assignment
):
    client.force_login(learner)
    response = client.get(f"/offline/assignments/{assignment.pk}/draft/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=0"
    html = response.content.decode()
    form = re.search(
        r'<form[^>]*data-offline-action="assignment.draft"[^>]*>(.*?)</form>', html, re.S
    )
    assert f'name="assignment" value="{assignment.pk}"' in form.group(1)
    assert 'name="text"' in form.group(1)
    client.force_login(UserFactory(username="stranger"))
    assert client.get(f"/offline/assignments/{assignment.pk}/draft/").status_code == 404


def test_the_assignment_page_form_carries_its_offline_action(client, learner, assignment):
    client.force_login(learner)
    html = client.get(f"/assignments/{assignment.pk}/").content.decode()
    form = re.search(
        r'<form[^>]*data-offline-action="assignment.draft"[^>]*>(.*?)</form>', html, re.S
    )
    assert f'name="assignment" value="{assignment.pk}"' in form.group(1)
    assert f'href="/offline/assignments/{assignment.pk}/draft/"' in html
