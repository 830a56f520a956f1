"""Grading under Moodle's rules: weighted choices, several weighted answers, essays."""

from decimal import Decimal

import pytest

from assessments.grading import grade_response, max_points, response_key
from assessments.models import (
    AcceptedAnswer,
    Choice,
    MultipleScoring,
    NumericAnswer,
    Question,
    QuestionKind,
)
from assessments.validation import QuestionDraft, question_draft, question_problems

pytestmark = pytest.mark.django_db


def weighted(kind, *choices, points=1, scoring=MultipleScoring.PARTIAL) -> Question:
    question = Question(kind=kind, prompt="<p>เลือก</p>", points=points, scoring=scoring)
    question.choices = [Choice(text=t, weight=Decimal(w)) for t, w in choices]
    question.save()
    return question


def pick(question, *texts):
    by_text = {c.text: c.pk for c in question.choices.all()}
    return {"choices": [by_text[t] for t in texts]}


def test_weighted_choices_are_right_when_they_earn_marks():
    q = weighted(QuestionKind.SINGLE, ("ก", "100"), ("ข", "50"), ("ค", "0"), ("ง", "-50"))
    assert [c.is_correct for c in q.choices.all()] == [True, True, False, False]


def test_single_choice_gives_the_chosen_weight_including_negative():
    q = weighted(QuestionKind.SINGLE, ("ก", "100"), ("ข", "50"), ("ค", "0"), ("ง", "-50"), points=4)
    assert grade_response(q, pick(q, "ก")).points == Decimal("4.00")
    half = grade_response(q, pick(q, "ข"))
    assert half.points == Decimal("2.00") and not half.is_correct
    assert grade_response(q, pick(q, "ค")).points == 0
    assert grade_response(q, pick(q, "ง")).points == Decimal("-2.00")


def test_multiple_choice_adds_weights_and_a_zero_weight_choice_costs_nothing():
    q = weighted(
        QuestionKind.MULTIPLE, ("ก", "50"), ("ข", "50"), ("ค", "0"), ("ง", "-100"), points=2
    )
    assert grade_response(q, pick(q, "ก", "ข")).is_correct
    assert grade_response(q, pick(q, "ก", "ข", "ค")).is_correct  # Moodle: no penalty for 0 %
    assert grade_response(q, pick(q, "ก")).points == Decimal("1.00")
    assert grade_response(q, pick(q, "ก", "ข", "ง")).points == 0  # never below zero
    assert grade_response(q, pick(q, "ง")).points == 0


def test_thirds_add_up_to_full_marks():
    q = weighted(
        QuestionKind.MULTIPLE,
        ("ก", "33.33333"),
        ("ข", "33.33333"),
        ("ค", "33.33334"),
        ("ง", "-100"),
        points=3,
    )
    assert grade_response(q, pick(q, "ก", "ข", "ค")).points == Decimal("3.00")
    assert grade_response(q, pick(q, "ก")).points == Decimal("1.00")


def short(*answers, points=1) -> Question:
    question = Question(kind=QuestionKind.SHORT_TEXT, prompt="<p>พิมพ์</p>", points=points)
    question.accepted_answers = [
        AcceptedAnswer(text=t, weight=Decimal(w), feedback=f) for t, w, f in answers
    ]
    question.save()
    return question


def test_short_answer_first_matching_answer_gives_its_weight():
    q = short(
        ("Grant", "100", "ถูก"),
        ("Ulysses Grant", "100", ""),
        ("Ulysses S. Grant", "75", "ใกล้แล้ว"),
        ("*", "0", "ลองอีกครั้ง"),
        points=4,
    )
    assert grade_response(q, {"text": "grant"}).is_correct
    assert grade_response(q, {"text": "Ulysses S. Grant"}).points == Decimal("3.00")
    assert grade_response(q, {"text": "Lincoln"}).points == 0


def test_short_answer_wildcards_match_any_text_in_place():
    q = short(("colo*r", "100", ""), ("ไปรษณีย์*", "50", ""))
    assert grade_response(q, {"text": "Colour"}).is_correct
    assert grade_response(q, {"text": "color"}).is_correct
    assert not grade_response(q, {"text": "colr"}).is_correct
    assert grade_response(q, {"text": "ไปรษณีย์ไทย"}).fraction == Decimal("0.5")


def number(*answers, points=1) -> Question:
    question = Question(kind=QuestionKind.NUMERIC, prompt="<p>ตัวเลข</p>", points=points)
    question.numeric_answers = [
        NumericAnswer(
            value=None if v is None else Decimal(v), tolerance=Decimal(t), weight=Decimal(w)
        )
        for v, t, w in answers
    ]
    question.save()
    return question


def test_several_numbers_each_with_its_weight():
    q = number(("1822", "0", "100"), ("1822", "2", "50"), points=2)
    assert grade_response(q, {"number": "1822"}).is_correct
    assert grade_response(q, {"number": "1823"}).points == Decimal("1.00")
    assert grade_response(q, {"number": "๑๘๒๑"}).points == Decimal("1.00")
    assert grade_response(q, {"number": "1830"}).points == 0


def test_negative_numbers_and_a_catch_all():
    q = number(("2", "0", "100"), ("-2", "0", "100"), (None, "0", "0"))
    assert grade_response(q, {"number": "-2"}).is_correct
    assert grade_response(q, {"number": "2"}).is_correct
    assert grade_response(q, {"number": "3"}).points == 0


def test_essays_wait_for_a_person_and_descriptions_earn_nothing():
    essay = Question.objects.create(kind=QuestionKind.ESSAY, prompt="<p>เขียน</p>", points=5)
    assert grade_response(essay, {"text": "ร้านของฉันขายผ้าทอ"}) is None
    blank = grade_response(essay, {"text": "  "})
    assert blank is not None and blank.points == 0
    assert response_key(QuestionKind.ESSAY, {"text": "หนึ่ง สอง"}) == "e:2"
    description = Question.objects.create(kind=QuestionKind.DESCRIPTION, prompt="<p>อ่าน</p>")
    assert max_points(description) == 0 and max_points(essay) == 5
    assert grade_response(description, {}).points == 0


def test_moodle_weight_rules_are_checked():
    def problems(kind, **parts):
        return question_problems(QuestionDraft(kind=kind, **parts))

    no_full = [("ก", True, Decimal(50)), ("ข", True, Decimal(50))]
    assert "choices" in problems(QuestionKind.SINGLE, choices=no_full)
    assert problems(QuestionKind.MULTIPLE, choices=no_full) == {}
    too_much = [("ก", True, Decimal(100)), ("ข", True, Decimal(50))]
    assert "100" in problems(QuestionKind.MULTIPLE, choices=too_much)["choices"]
    thirds = [
        ("ก", True, Decimal("33.33333")),
        ("ข", True, Decimal("33.33333")),
        ("ค", True, Decimal("33.33333")),
    ]
    assert problems(QuestionKind.MULTIPLE, choices=thirds) == {}
    partial_only = [("ตอบ", Decimal(50))]
    assert "accepted_answers" in problems(QuestionKind.SHORT_TEXT, accepted_answers=partial_only)
    assert "numeric_answers" in problems(QuestionKind.NUMERIC, numbers=[(None, Decimal(100))])
    assert problems(QuestionKind.ESSAY) == {} and problems(QuestionKind.DESCRIPTION) == {}


def test_saved_questions_give_their_draft():
    q = number(("1822", "0", "100"), (None, "0", "0"))
    assert question_problems(question_draft(q)) == {}
