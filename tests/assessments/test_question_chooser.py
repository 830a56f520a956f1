"""The question chooser and the quiz list show what a trainer needs to pick the right one."""

import re

from django.contrib.auth.models import Group

import pytest

from assessments.models import Question, QuestionBank
from lms.users import roles
from tests.factories import UserFactory

from .factories import make_quiz, single_choice, true_false

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/snippets/choose/assessments/question/"


@pytest.fixture
def trainer(client, home):
    user = UserFactory(username="somsak")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(user)
    return user


def test_chooser_shows_bank_type_and_the_start_of_each_question(client, trainer):
    photos = QuestionBank.objects.create(name="คลังถ่ายภาพสินค้า")
    safety = QuestionBank.objects.create(name="คลังความปลอดภัยออนไลน์")
    for question, prompt in (
        (single_choice(title="S01 เลือกตอบ", bank=photos), "แสงแบบใดเหมาะกับภาพสินค้า"),
        (single_choice(title="S01 เลือกตอบ", bank=safety), "รหัสผ่านแบบใดปลอดภัยที่สุด"),
        (true_false(title="S01 เลือกตอบ"), "ควรบอกรหัส OTP ให้คนอื่นหรือไม่"),
    ):
        Question.objects.filter(pk=question.pk).update(prompt=f"<p>{prompt}</p>")

    response = client.get(CHOOSER)

    assert response.status_code == 200
    html = response.json()["html"]
    for text in (
        "คลังถ่ายภาพสินค้า",
        "คลังความปลอดภัยออนไลน์",
        "แสงแบบใดเหมาะกับภาพสินค้า",
        "รหัสผ่านแบบใดปลอดภัยที่สุด",
        "ควรบอกรหัส OTP ให้คนอื่นหรือไม่",
        "คลังข้อสอบ",  # the bank column's heading
    ):
        assert text in html
    # The type in Thai, not its stored code.
    assert "single" not in html.split("<tbody")[1]


def test_chooser_queries_do_not_grow_with_the_questions(
    client, trainer, django_assert_max_num_queries
):
    bank = QuestionBank.objects.create(name="คลัง")
    for number in range(20):
        single_choice(title=f"ข้อ {number}", bank=bank)
    with django_assert_max_num_queries(25):
        response = client.get(CHOOSER)
    assert response.status_code == 200
    # One page of the chooser, each row with its bank.
    assert response.json()["html"].count("คลัง") >= 10


def test_quiz_list_shows_live_as_a_thai_word(client, trainer, lessons):
    make_quiz(title="แบบทดสอบเปิดแล้ว", is_live=True, lesson=lessons[0])
    make_quiz(title="แบบทดสอบยังไม่เปิด", is_live=False, lesson=lessons[1])

    html = client.get("/admin/snippets/assessments/quiz/").content.decode()

    assert "แบบทดสอบเปิดแล้ว" in html
    assert not re.search(r">\s*(True|False)\s*<", html)
    assert 'title="True"' not in html
    assert re.search(r"</svg>\s*ใช่\s*</td>", html)
    assert re.search(r"</svg>\s*ไม่ใช่\s*</td>", html)
