"""Nothing a learner receives before submitting reveals right answers or feedback.

Two checks. (1) Every response of a full attempt (quiz page, start, sheet, form
saves, autosave JSON, the submit page, error pages) is saved and searched for
every secret: accepted answers, the right number, every feedback text. The same
search finds them in the review after submitting, so the search itself works.
(2) The sheet is byte-for-byte the same after the trainer swaps which answers
are right and rewrites the feedback: nothing on it depends on them.
"""

import re
from decimal import Decimal

import pytest

from assessments.layout import RawAnswer
from assessments.models import Choice, Question, QuestionKind, RevealAnswers

from .factories import (
    make_quiz,
    matching,
    multiple_choice,
    numeric,
    short_text,
    single_choice,
    true_false,
)
from .helpers import answers_for, post_data

pytestmark = pytest.mark.django_db

SECRET_ANSWERS = ["ตอบลับสุดยอด", "SECRETANSWER"]
SECRET_NUMBER = Decimal("7391.25")


@pytest.fixture
def secret_quiz(lessons):
    questions = [
        single_choice(feedback_correct="ชมเชยข้อหนึ่งลับ", feedback_incorrect="ใบ้ข้อหนึ่งลับ"),
        multiple_choice(feedback_correct="ชมเชยข้อสองลับ", feedback_incorrect="ใบ้ข้อสองลับ"),
        true_false(answer=False, feedback_correct="ชมเชยข้อสามลับ", feedback_incorrect="ใบ้ข้อสามลับ"),
        short_text(*SECRET_ANSWERS, feedback_correct="ชมเชยข้อสี่ลับ", feedback_incorrect="ใบ้ข้อสี่ลับ"),
        numeric(answer=str(SECRET_NUMBER), tolerance="0.5", feedback_correct="ชมเชยข้อห้าลับ"),
        matching(feedback_correct="ชมเชยข้อหกลับ", feedback_incorrect="ใบ้ข้อหกลับ"),
    ]
    Choice.objects.filter(question__in=questions[:2]).update(feedback="ป้อนกลับตัวเลือกลับ")
    return make_quiz(
        lesson=lessons[0], questions=questions, reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT
    )


def secrets_of(quiz) -> list[str]:
    found = list(SECRET_ANSWERS)
    found += [f"{SECRET_NUMBER}", f"{SECRET_NUMBER:f}", "7391.2500", "7,391.25", "๗๓๙๑"]
    for question in Question.objects.filter(quiz_items__quiz=quiz):
        found += [question.feedback_correct, question.feedback_incorrect]
        found += [c.feedback for c in question.choices.all()]
    found += ["is_correct", "correct_answer", "feedback"]
    return [s for s in found if s]


def leaks(bodies: list[str], secrets: list[str]) -> list[str]:
    return [secret for secret in secrets if any(secret in body for body in bodies)]


def body(response) -> str:
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n" + response.content.decode()


def test_no_response_before_submit_reveals_answers_or_feedback(client, enrolled, secret_quiz):
    client.force_login(enrolled)
    received = []

    def keep(response):
        received.append(body(response))
        return response

    keep(client.get(f"/quizzes/{secret_quiz.pk}/"))
    started = keep(client.post(f"/quizzes/{secret_quiz.pk}/start/"))
    attempt_url = started["Location"]
    keep(client.get(attempt_url))
    attempt = enrolled.quiz_attempts.get()
    # Wrong answers: a right answer typed by the learner would of course come back to them.
    wrong = answers_for(attempt, right=False)
    # Autosave of each question in turn (as the script does), then an invalid and a stray one.
    for position, raw in wrong.items():
        keep(client.post(attempt_url + "autosave/", post_data({position: raw})))
    numeric_position = next(n for n, e in enumerate(attempt.layout, 1) if e["k"] == "numeric")
    keep(client.post(attempt_url + "autosave/", post_data({numeric_position: RawAnswer(["x"])})))
    keep(client.post(attempt_url, post_data({numeric_position: RawAnswer(["x"])})))
    keep(client.post(attempt_url + "autosave/", post_data({99: RawAnswer(["1"])})))
    # The whole sheet by form post, each save button, then the finish step.
    keep(client.post(attempt_url, {**post_data(wrong), "save": "2"}, follow=True))
    keep(client.post(attempt_url, {**post_data(wrong), "finish": "1"}, follow=True))
    keep(client.get(attempt_url + "submit/"))
    keep(client.get(attempt_url + "review/", follow=True))
    keep(client.get(f"/quizzes/{secret_quiz.pk}/"))
    assert len(received) >= 15
    assert leaks(received, secrets_of(secret_quiz)) == []

    # The same search finds the secrets once the attempt is submitted and answers are shown.
    review = client.post(attempt_url + "submit/", follow=True)
    assert review.status_code == 200
    shown = leaks([body(review)], secrets_of(secret_quiz))
    assert "ตอบลับสุดยอด" in shown and "ใบ้ข้อหนึ่งลับ" in shown and "7391.25" in shown


def _sheet(client, url) -> str:
    html = client.get(url).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_sheet_does_not_depend_on_which_answers_are_right(client, enrolled, secret_quiz):
    client.force_login(enrolled)
    attempt_url = client.post(f"/quizzes/{secret_quiz.pk}/start/")["Location"]
    attempt = enrolled.quiz_attempts.get()
    client.post(attempt_url, post_data(answers_for(attempt, right=False)))
    before = _sheet(client, attempt_url)

    questions = Question.objects.filter(quiz_items__quiz=secret_quiz)
    for question in questions:
        for choice in question.choices.all():
            choice.is_correct = not choice.is_correct
            choice.feedback = "ใหม่"
            choice.save()
        if question.kind == QuestionKind.TRUE_FALSE:
            question.correct_answer_true = not question.correct_answer_true
        question.numeric_answer = Decimal("1") if question.kind == QuestionKind.NUMERIC else None
        question.feedback_correct = question.feedback_incorrect = "ข้อความใหม่"
        question.save()
        question.accepted_answers.update(text="อื่น")
    after = _sheet(client, attempt_url)
    assert before == after
    assert "ใบ้ข้อหนึ่งลับ" not in before
