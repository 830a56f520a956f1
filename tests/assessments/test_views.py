"""The quiz player without JavaScript (form posts), the autosave endpoint, and who sees what."""

import pytest

from assessments.layout import RawAnswer
from assessments.models import AttemptAnswer, QuizAttempt, RevealAnswers
from lms.learning.models import LessonProgress
from tests.factories import UserFactory

from .factories import make_quiz, one_of_each
from .helpers import answers_for, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(lessons):
    return make_quiz(
        lesson=lessons[0],
        questions=one_of_each(),
        max_attempts=2,
        reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT,
    )


@pytest.fixture
def taking(client, enrolled, quiz):
    client.force_login(enrolled)
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    return url, QuizAttempt.objects.get(user=enrolled)


def test_login_required(client, quiz):
    response = client.get(f"/quizzes/{quiz.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_quiz_page_invites_enrolled_learner_to_start(client, enrolled, quiz):
    client.force_login(enrolled)
    response = client.get(f"/quizzes/{quiz.pk}/")
    assert response.status_code == 200
    assert f'action="/quizzes/{quiz.pk}/start/"' in response.content.decode()


def test_not_enrolled_learner_is_told_to_enrol_and_cannot_start(client, learner, quiz):
    client.force_login(learner)
    response = client.post(f"/quizzes/{quiz.pk}/start/")
    assert response.status_code == 403
    assert not QuizAttempt.objects.exists()


def test_draft_quiz_is_not_found(client, enrolled, quiz):
    quiz.is_live = False
    quiz.save()
    client.force_login(enrolled)
    assert client.get(f"/quizzes/{quiz.pk}/").status_code == 404


def test_whole_quiz_by_form_posts(client, enrolled, quiz, lessons, taking):
    url, attempt = taking
    sheet = client.get(url)
    assert sheet.status_code == 200
    assert sheet.content.decode().count('name="present"') == 6
    # "Save answer" on question 2 saves everything posted and moves on to question 3.
    response = client.post(url, {**post_data(answers_for(attempt)), "save": "2"})
    assert response.status_code == 302 and response["Location"].endswith("#q-3")
    assert AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").count() == 6
    response = client.post(url, {**post_data(answers_for(attempt)), "finish": "1"})
    assert response["Location"].endswith("/submit/")
    confirm = client.get(response["Location"])
    assert confirm.status_code == 200
    review = client.post(response["Location"], follow=True)
    assert review.status_code == 200
    assert "100%" in review.content.decode()
    assert LessonProgress.objects.filter(lesson=lessons[0], completed_at__isnull=False).exists()
    # The sheet of a submitted attempt now leads to its review.
    assert client.get(url)["Location"].endswith("/review/")


def test_saved_answers_come_back_on_the_sheet(client, taking):
    url, attempt = taking
    text_position = next(n for n, e in enumerate(attempt.layout, 1) if e["k"] == "short_text")
    client.post(url, post_data({text_position: RawAnswer(["คำตอบของฉัน"])}))
    assert 'value="คำตอบของฉัน"' in client.get(url).content.decode()


def test_invalid_number_is_shown_again_with_a_message(client, taking):
    url, attempt = taking
    position = next(n for n, e in enumerate(attempt.layout, 1) if e["k"] == "numeric")
    response = client.post(url, post_data({position: RawAnswer(["สองพัน"])}))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="สองพัน"' in html and 'aria-invalid="true"' in html


def test_answer_for_a_question_not_in_the_attempt_is_refused(client, taking):
    url, attempt = taking
    response = client.post(url, post_data({7: RawAnswer(["1"])}))
    assert response.status_code == 400
    response = client.post(url + "autosave/", {"present": "0"})
    assert response.status_code == 400
    assert not AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").exists()


def test_autosave_replies_with_positions_only(client, taking):
    url, attempt = taking
    response = client.post(url + "autosave/", post_data(answers_for(attempt, positions={1})))
    assert response.status_code == 200
    assert response.json() == {"ok": True, "saved": [1]}


def test_another_learners_attempt_is_not_found(client, taking):
    url, _attempt = taking
    client.force_login(UserFactory(username="somchai"))
    for path in ("", "autosave/", "submit/", "review/"):
        method = client.post if path == "autosave/" else client.get
        assert method(url + path).status_code == 404, path


def test_double_submit_by_form_grades_once(client, taking):
    url, attempt = taking
    client.post(url, post_data(answers_for(attempt)))
    first = client.post(url + "submit/")
    second = client.post(url + "submit/")
    assert first.status_code == second.status_code == 302
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="assessments.attempt.submit").count() == 1


def test_beyond_maximum_attempts_the_start_is_refused(client, enrolled, quiz, taking):
    url, _attempt = taking
    client.post(url + "submit/")
    second = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    client.post(second + "submit/")
    response = client.post(f"/quizzes/{quiz.pk}/start/")
    assert response.status_code == 403
    assert QuizAttempt.objects.filter(user=enrolled).count() == 2


def test_review_hides_answers_while_another_attempt_is_open(client, enrolled, quiz, taking):
    url, attempt = taking
    client.post(url, post_data(answers_for(attempt, right=False)))
    client.post(url + "submit/")
    review_url = url + "review/"
    revealed = client.get(review_url).content.decode()
    client.post(f"/quizzes/{quiz.pk}/start/")
    hidden = client.get(review_url).content.decode()
    assert "is-correct" in revealed
    assert "is-correct" not in hidden


def test_quiz_wording_names_the_quiz_once_and_says_no_time_limit(client, enrolled, quiz, lessons):
    client.force_login(enrolled)
    quiz.title = "แบบทดสอบท้ายบท: รหัสผ่านที่ปลอดภัย"
    quiz.time_limit_minutes = None
    quiz.save()
    page = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "ไม่จำกัดเวลา" in page and ">ไม่มี<" not in page
    assert "แบบทดสอบท้ายบท</p>" not in page  # no label repeating the title above it
    lesson = client.get(lessons[0].url).content.decode()
    assert "แบบทดสอบ: แบบทดสอบท้ายบท" not in lesson and "แบบทดสอบท้ายบท: รหัสผ่าน" in lesson
    # A title that does not say it is a quiz keeps its label.
    quiz.title = "รหัสผ่านที่ปลอดภัย"
    quiz.save()
    lesson = client.get(lessons[0].url).content.decode()
    assert "แบบทดสอบ: รหัสผ่านที่ปลอดภัย" in lesson


def test_a_failed_score_reads_as_a_teacher_writes_it(client, enrolled, quiz, taking):
    url, attempt = taking
    client.post(url, {**post_data(answers_for(attempt)), "finish": "1"})
    client.post(f"/quizzes/attempts/{attempt.pk}/submit/")
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        score="0.67", max_score=7, percent="9.5714", passed=False
    )
    review = client.get(f"/quizzes/attempts/{attempt.pk}/review/").content.decode()
    assert "9.6%" in review and "9.57" not in review
    assert "0.7 จาก 7" in review and "0.67" not in review
