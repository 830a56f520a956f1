"""Questions saved from their neutral form and read back: the same question, pictures too."""

import io
from decimal import Decimal

import pytest
from PIL import Image as PILImage

from assessments.interchange.data import (
    AnswerData,
    ChoiceData,
    ImageData,
    NumberData,
    QuestionData,
)
from assessments.models import MultipleScoring, QuestionBank, QuestionKind
from assessments.question_store import (
    BankTree,
    bank_questions_data,
    question_data,
    question_store,
    quiz_questions_data,
)
from tests.factories import UserFactory

from .conftest import ensure_tree_roots
from .factories import make_quiz, multiple_choice, single_choice

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def every_kind() -> list[QuestionData]:
    return [
        QuestionData(
            title="ราคา",
            kind=QuestionKind.SINGLE,
            prompt="<p>ตั้งราคา<b>ผ้าทอ</b>อย่างไร</p>",
            general_feedback="<p>ดูต้นทุนก่อน</p>",
            points=2,
            choices=[
                ChoiceData("ต้นทุนบวกกำไร", Decimal(100), "ใช่"),
                ChoiceData("ตามใจ", Decimal(-50), "ไม่ใช่"),
                ChoiceData("เท่าร้านข้างๆ", Decimal(25)),
            ],
            image=ImageData(name="cloth.png", content=png(), alt="ผ้าทอสีแดง"),
        ),
        QuestionData(
            kind=QuestionKind.MULTIPLE,
            prompt="<p>เลือกทุกข้อ</p>",
            category=["การขาย", "ราคา"],
            choices=[
                ChoiceData("ก", Decimal("33.33333")),
                ChoiceData("ข", Decimal("66.66667")),
                ChoiceData("ค", Decimal(0)),
            ],
        ),
        QuestionData(
            kind=QuestionKind.TRUE_FALSE,
            prompt="<p>จริงไหม</p>",
            correct_answer_true=False,
            feedback_correct="ถูกต้อง",
            feedback_incorrect="ผิด",
        ),
        QuestionData(
            kind=QuestionKind.SHORT_TEXT,
            prompt="<p>ชื่อ</p>",
            answers=[AnswerData("พร้อมเพย์", Decimal(100), "ดี"), AnswerData("*", Decimal(0), "ไม่")],
        ),
        QuestionData(
            kind=QuestionKind.NUMERIC,
            prompt="<p>ปี</p>",
            numbers=[
                NumberData(Decimal(1822), Decimal(0)),
                NumberData(Decimal(1822), Decimal(2), Decimal(50), "ใกล้"),
                NumberData(None, Decimal(0), Decimal(0), "ไกล"),
            ],
        ),
        QuestionData(
            kind=QuestionKind.MATCHING,
            prompt="<p>จับคู่</p>",
            pairs=[("แสง", "หน้าต่าง"), ("ฉาก", "ผ้าขาว"), ("", "โต๊ะ")],
        ),
        QuestionData(kind=QuestionKind.ESSAY, prompt="<p>เล่า</p>", points=5, grader_info="ดูร้าน"),
        QuestionData(kind=QuestionKind.DESCRIPTION, prompt="<p>อ่านก่อน</p>", points=0),
    ]


def test_every_kind_comes_back_the_same():
    ensure_tree_roots()
    user = UserFactory(username="importer")
    root = QuestionBank.objects.create(name="คลังทดสอบ")
    tree = BankTree(root)
    for data in every_kind():
        question_store(data, bank=tree.bank(data.category), user=user)
    assert [b.name for b in tree.created] == ["การขาย", "ราคา"]
    assert tree.created[1].path_names() == ["คลังทดสอบ", "การขาย", "ราคา"]
    exported = bank_questions_data(root)
    expected = []
    for data in every_kind():
        data.category = ["คลังทดสอบ", *data.category]
        expected.append(data.comparable())
    by_prompt = {d.prompt: d.comparable() for d in exported}
    assert sorted(by_prompt) == sorted(d["prompt"] for d in expected)
    for data in expected:
        assert by_prompt[data["prompt"]] == data


def test_questions_written_here_export_with_the_weights_they_grade_with():
    question = single_choice()
    partial = multiple_choice(scoring=MultipleScoring.PARTIAL)
    assert [c.weight for c in question_data(question).choices] == [100, 0, 0]
    assert [c.weight for c in question_data(partial).choices] == [50, 50, -50, -50]


def test_a_quiz_exports_its_questions_then_the_banks_it_draws_from(lessons):
    bank = QuestionBank.objects.create(name="คลังสุ่ม")
    pooled = single_choice(bank=bank, title="สุ่ม")
    fixed = multiple_choice(title="ประจำ")
    quiz = make_quiz(lesson=lessons[0], questions=[fixed], draws=[{"bank": bank, "count": 1}])
    exported = quiz_questions_data(quiz)
    assert [(d.title, d.category) for d in exported] == [("ประจำ", []), ("สุ่ม", ["คลังสุ่ม"])]
    assert pooled.bank == bank


def test_a_draw_from_a_bank_includes_the_banks_inside_it_unless_told_not_to(lessons):
    from assessments.layout import build_layout

    root = QuestionBank.objects.create(name="คลังแม่")
    inner = QuestionBank.objects.create(name="หมวดย่อย", parent=root)
    deeper = QuestionBank.objects.create(name="หมวดย่อยลงไป", parent=inner)
    questions = [single_choice(bank=bank) for bank in (root, inner, deeper)]
    quiz = make_quiz(lesson=lessons[0], draws=[{"bank": root, "count": 10}])
    assert {e["q"] for e in build_layout(quiz)} == {q.pk for q in questions}
    quiz.draws.update(include_inner_banks=False)
    assert [e["q"] for e in build_layout(quiz)] == [questions[0].pk]
