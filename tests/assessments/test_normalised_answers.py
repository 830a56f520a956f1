"""Quiz answers from the autosave endpoint and GIFT imports get the one form of typed text."""

import pytest

from assessments.interchange.gift_read import gift_read
from assessments.models import AttemptAnswer, QuestionKind, QuizAttempt, RevealAnswers

from .factories import make_quiz, one_of_each

LAMDUAN_TYPED = "\u0e25\u0e4d\u0e32\u0e14\u0e27\u0e19"  # ลําดวน: nikhahit + sara aa
LAMDUAN = "\u0e25\u0e33\u0e14\u0e27\u0e19"


@pytest.mark.django_db
def test_autosave_stores_no_nul_and_one_form_of_thai(client, enrolled, lessons):
    quiz = make_quiz(
        lesson=lessons[0], questions=one_of_each(), reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT
    )
    client.force_login(enrolled)
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    attempt = QuizAttempt.objects.get(user=enrolled)
    position = next(
        number
        for number, entry in enumerate(attempt.layout, start=1)
        if entry["k"] == QuestionKind.SHORT_TEXT
    )
    response = client.post(
        url + "autosave/", {"present": str(position), f"q{position}": f"{LAMDUAN_TYPED}\x00"}
    )
    assert response.status_code == 200, response.content
    answer = AttemptAnswer.objects.get(attempt=attempt, position=position)
    assert answer.response["text"] == LAMDUAN


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["present", "save", "q1"])
def test_autosave_refuses_unicode_digits_in_positions(client, enrolled, lessons, field):
    quiz = make_quiz(lesson=lessons[0], questions=one_of_each())
    client.force_login(enrolled)
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    for value in ("²", "๑", "99999999999999999999"):
        data = {"present": value} if field == "present" else {"present": "1", field: value}
        for path in ("autosave/", ""):
            assert client.post(url + path, data).status_code < 500, (path, data)


def test_gift_text_gets_the_one_form():
    report = gift_read(
        f"::ชื่อ:: ดอกไม้ชื่ออะไร {{={LAMDUAN_TYPED} ~กุหลาบ}}\n\n"
        f"::น้ำ:: น\u0e4d\u0e49\u0e32หนักกี่กิโลกรัม {{#๑:๐}}\n"
    )
    flower, water = report.questions
    assert flower.is_valid and water.is_valid, (flower.error, water.error)
    correct = [choice.text for choice in flower.choices if choice.is_correct]
    assert correct == [LAMDUAN]
    assert "\u0e19\u0e49\u0e33" in water.title + water.prompt
    assert water.numbers[0].value == 1
