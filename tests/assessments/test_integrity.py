"""Nothing a learner receives before submitting reveals right answers or feedback.

Two checks. (1) Every response of a full attempt (quiz page, start, sheet, form
saves, autosave JSON, the submit page, error pages) is saved and searched for
every secret: accepted answers, the right numbers, the weights of choices and
answers, every feedback text, general feedback and the notes for graders. The same
search finds them in the review after submitting, so the search itself works.
(2) The sheet is byte-for-byte the same after the trainer swaps which answers
are right and rewrites the feedback: nothing on it depends on them.
"""

import re
from decimal import Decimal

from django.contrib.auth.models import Group

import pytest

from assessments.grading_services import essay_grade
from assessments.layout import RawAnswer
from assessments.models import (
    AcceptedAnswer,
    Choice,
    NumericAnswer,
    Question,
    QuestionKind,
    RevealAnswers,
)
from lms.users import roles
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory

from .factories import (
    description,
    essay,
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
SECRET_PARTIAL_NUMBER = Decimal("8123.75")
SECRET_WEIGHTS = ["37.5", "37.50000", "-25", "-25.00000", "62.5", "62.50000"]


def weighted_single():
    question = Question(
        kind=QuestionKind.SINGLE, prompt="<p>เลือกแบบมีน้ำหนัก</p>", general_feedback="<p>ข้อคิดเจ็ดลับ</p>"
    )
    question.choices = [
        Choice(text="ทางเลือกเต็ม", weight=Decimal(100), feedback="ป้อนกลับเต็มลับ"),
        Choice(text="ทางเลือกบางส่วน", weight=Decimal("37.5"), feedback="ป้อนกลับบางส่วนลับ"),
        Choice(text="ทางเลือกติดลบ", weight=Decimal(-25), feedback="ป้อนกลับติดลบลับ"),
    ]
    question.save()
    return question


def weighted_answers():
    """A short answer and a number, each with a partly right answer and its own feedback."""
    short = Question(kind=QuestionKind.SHORT_TEXT, prompt="<p>พิมพ์คำตอบแปด</p>")
    short.accepted_answers = [
        AcceptedAnswer(text="คำตอบเต็มลับ", feedback="ชมคำตอบเต็มลับ"),
        AcceptedAnswer(text="คำตอบครึ่งลับ", weight=Decimal("62.5"), feedback="ชมครึ่งลับ"),
        AcceptedAnswer(text="*", weight=Decimal(0), feedback="ใบ้ทุกคำตอบลับ"),
    ]
    short.save()
    number = Question(kind=QuestionKind.NUMERIC, prompt="<p>คำนวณเก้า</p>")
    number.numeric_answers = [
        NumericAnswer(value=SECRET_NUMBER + 1, feedback="ชมตัวเลขเต็มลับ"),
        NumericAnswer(value=SECRET_PARTIAL_NUMBER, weight=Decimal("37.5"), feedback="ชมใกล้ลับ"),
    ]
    number.save()
    return [short, number]


@pytest.fixture
def secret_quiz(lessons):
    questions = [
        single_choice(feedback_correct="ชมเชยข้อหนึ่งลับ", feedback_incorrect="ใบ้ข้อหนึ่งลับ"),
        multiple_choice(feedback_correct="ชมเชยข้อสองลับ", feedback_incorrect="ใบ้ข้อสองลับ"),
        true_false(answer=False, feedback_correct="ชมเชยข้อสามลับ", feedback_incorrect="ใบ้ข้อสามลับ"),
        short_text(*SECRET_ANSWERS, feedback_correct="ชมเชยข้อสี่ลับ", feedback_incorrect="ใบ้ข้อสี่ลับ"),
        numeric(answer=str(SECRET_NUMBER), tolerance="0.5", feedback_correct="ชมเชยข้อห้าลับ"),
        matching(feedback_correct="ชมเชยข้อหกลับ", feedback_incorrect="ใบ้ข้อหกลับ"),
        weighted_single(),
        *weighted_answers(),
        description("<p>คำชี้แจงก่อนข้อสุดท้าย</p>"),
    ]
    Choice.objects.filter(question__in=questions[:2]).update(feedback="ป้อนกลับตัวเลือกลับ")
    return make_quiz(
        lesson=lessons[0], questions=questions, reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT
    )


def secrets_of(quiz) -> list[str]:
    found = list(SECRET_ANSWERS)
    found += [f"{SECRET_NUMBER}", f"{SECRET_NUMBER:f}", "7391.2500", "7,391.25", "๗๓๙๑"]
    found += [f"{SECRET_PARTIAL_NUMBER}", "8123.7500", "๘๑๒๓"]
    found += SECRET_WEIGHTS
    for question in Question.objects.filter(quiz_items__quiz=quiz):
        found += [question.feedback_correct, question.feedback_incorrect, question.grader_info]
        found += [question.general_feedback.removeprefix("<p>").removesuffix("</p>")]
        found += [c.feedback for c in question.choices.all()]
        found += [a.text for a in question.accepted_answers.all() if a.text != "*"]
        found += [a.feedback for a in question.accepted_answers.all()]
        found += [n.feedback for n in question.numeric_answers.all()]
    found += ["is_correct", "correct_answer", "feedback", "weight", "grader"]
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
    assert "ข้อคิดเจ็ดลับ" in shown and "คำตอบเต็มลับ" in shown and "ใบ้ทุกคำตอบลับ" in shown


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
        question.feedback_correct = question.feedback_incorrect = "ข้อความใหม่"
        question.general_feedback = "<p>ข้อคิดใหม่</p>"
        question.save()
        question.accepted_answers.update(text="อื่น", weight=Decimal(50), feedback="ใหม่")
        question.numeric_answers.update(value=Decimal(1), weight=Decimal(50), feedback="ใหม่")
        question.choices.exclude(weight=None).update(weight=Decimal(-10))
    after = _sheet(client, attempt_url)
    assert before == after
    assert "ใบ้ข้อหนึ่งลับ" not in before


def test_notes_for_the_grader_never_reach_the_learner(client, home, enrolled, lessons):
    """Before submitting, while the essay waits, and after the trainer has graded it."""
    notes = "บันทึกสำหรับผู้ตรวจลับมาก"
    quiz = make_quiz(
        lesson=lessons[0],
        questions=[description(), essay(points=2, grader_info=notes)],
        reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT,
    )
    client.force_login(enrolled)
    received = []
    attempt_url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    received.append(body(client.get(attempt_url)))
    attempt = enrolled.quiz_attempts.get()
    received.append(body(client.post(attempt_url + "autosave/", post_data(answers_for(attempt)))))
    received.append(body(client.post(attempt_url + "submit/", follow=True)))
    received.append(body(client.get(f"/quizzes/{quiz.pk}/")))
    centre = CentreFactory()
    enrolled.home_centre = centre
    enrolled.save()
    trainer = UserFactory(username="grader")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRoleFactory(user=trainer, centre=centre)
    attempt.refresh_from_db()
    answer = attempt.answers.get(question__kind=QuestionKind.ESSAY)
    essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (Decimal(2), "ดีมาก")})
    received.append(body(client.get(attempt_url + "review/", follow=True)))
    assert "ดีมาก" in received[-1]  # the grade did arrive: the search looks at the right page
    assert leaks(received, [notes, "grader"]) == []
