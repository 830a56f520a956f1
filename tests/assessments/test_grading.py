"""Grading of each question type: right, wrong, partial, and Thai typing variants."""

from decimal import Decimal

import pytest

from assessments.grading import grade_response, response_key
from assessments.models import MultipleScoring, QuestionKind

from .factories import matching, multiple_choice, numeric, short_text, single_choice, true_false

pytestmark = pytest.mark.django_db


def ids(question, *texts):
    by_text = {c.text: c.pk for c in question.choices.all()}
    return [by_text[t] for t in texts]


def test_single_choice_right_wrong_and_two_picks():
    q = single_choice(points=2)
    assert grade_response(q, {"choices": ids(q, "ถูก")}).points == Decimal("2.00")
    assert grade_response(q, {"choices": ids(q, "ผิดหนึ่ง")}).points == 0
    assert not grade_response(q, {"choices": ids(q, "ถูก", "ผิดหนึ่ง")}).is_correct
    assert grade_response(q, {}).points == 0


def test_multiple_choice_all_or_nothing():
    q = multiple_choice(points=4)
    assert grade_response(q, {"choices": ids(q, "ก", "ข")}).is_correct
    assert grade_response(q, {"choices": ids(q, "ก")}).points == 0
    assert grade_response(q, {"choices": ids(q, "ก", "ข", "ค")}).points == 0


def test_multiple_choice_partial_credit():
    q = multiple_choice(points=4, scoring=MultipleScoring.PARTIAL)
    full = grade_response(q, {"choices": ids(q, "ก", "ข")})
    assert full.points == Decimal("4.00") and full.is_correct
    half = grade_response(q, {"choices": ids(q, "ก")})
    assert half.points == Decimal("2.00") and not half.is_correct
    # one right and one wrong cancel out; never below zero
    assert grade_response(q, {"choices": ids(q, "ก", "ค")}).points == 0
    assert grade_response(q, {"choices": ids(q, "ค", "ง")}).points == 0
    # ticking everything is not a way to full marks
    assert grade_response(q, {"choices": ids(q, "ก", "ข", "ค", "ง")}).points == 0


def test_partial_credit_rounds_to_cents():
    q = multiple_choice(right=("ก", "ข", "ค"), wrong=("ง",), scoring=MultipleScoring.PARTIAL)
    assert grade_response(q, {"choices": ids(q, "ก")}).points == Decimal("0.33")
    assert grade_response(q, {"choices": ids(q, "ก", "ข")}).points == Decimal("0.67")


def test_true_false():
    q = true_false(answer=False)
    assert grade_response(q, {"value": False}).is_correct
    assert not grade_response(q, {"value": True}).is_correct
    assert not grade_response(q, {}).is_correct


@pytest.mark.parametrize(
    "typed",
    ["พร้อมเพย์", " พร้อม เพย์ ", "PromptPay", "promptpay ", "พร\u0e49\u0e49อมเพย์"],
)
def test_short_text_accepts_variants(typed):
    q = short_text("พร้อมเพย์", "PromptPay")
    assert grade_response(q, {"text": typed}).is_correct


def test_short_text_thai_digits_and_sara_am():
    hotline = short_text("1441")
    assert grade_response(hotline, {"text": "๑๔๔๑"}).is_correct
    water = short_text("น้ำ")
    assert grade_response(water, {"text": "น\u0e4d\u0e49\u0e32"}).is_correct
    assert grade_response(water, {"text": "น\u0e33\u0e49"}).is_correct


@pytest.mark.parametrize("typed", ["พร้อมเพ", "พร้อมเพย์์x", "", "   "])
def test_short_text_rejects_other_words(typed):
    assert not grade_response(short_text("พร้อมเพย์"), {"text": typed}).is_correct


def test_numeric_with_tolerance_and_thai_digits():
    q = numeric(answer="2150", tolerance="5")
    for typed in ("2150", "2,150", "๒๑๕๐", "2145", "2155", "2154.99"):
        assert grade_response(q, {"text": typed, "number": typed}).is_correct, typed
    for typed in ("2144.99", "2156", "abc"):
        assert not grade_response(q, {"text": typed, "number": typed}).is_correct, typed


def test_numeric_exact():
    q = numeric(answer="12.5")
    assert grade_response(q, {"number": "12.50"}).is_correct
    assert not grade_response(q, {"number": "12.51"}).is_correct


def test_matching_partial_by_pairs():
    q = matching(points=3)
    pairs = {p.prompt: p for p in q.pairs.all()}
    right = {str(p.pk): p.pk for p in pairs.values()}
    assert grade_response(q, {"pairs": right}).points == Decimal("3.00")
    swapped = dict(right)
    swapped[str(pairs["แสง"].pk)] = pairs["ฉาก"].pk
    swapped[str(pairs["ฉาก"].pk)] = pairs["แสง"].pk
    graded = grade_response(q, {"pairs": swapped})
    assert graded.points == Decimal("1.00") and not graded.is_correct


def test_matching_same_answer_text_for_two_items_counts_either_pair():
    q = matching(pairs=(("แดง", "สีร้อน"), ("ส้ม", "สีร้อน"), ("ฟ้า", "สีเย็น")))
    pairs = {p.prompt: p for p in q.pairs.all()}
    # Choosing the first "สีร้อน" option for both warm colours is right for both.
    response = {
        str(pairs["แดง"].pk): pairs["แดง"].pk,
        str(pairs["ส้ม"].pk): pairs["แดง"].pk,
        str(pairs["ฟ้า"].pk): pairs["ฟ้า"].pk,
    }
    assert grade_response(q, {"pairs": response}).is_correct


def test_response_keys_are_equal_for_equal_answers():
    assert response_key(QuestionKind.SHORT_TEXT, {"text": "๑๔๔๑ "}) == response_key(
        QuestionKind.SHORT_TEXT, {"text": "1441"}
    )
    assert response_key(QuestionKind.MULTIPLE, {"choices": [3, 1]}) == "c:1,3"
    assert response_key(QuestionKind.NUMERIC, {"number": "2150.00"}) == "n:2150"
    assert response_key(QuestionKind.TRUE_FALSE, {"value": False}) == "b:false"
    assert response_key(QuestionKind.SINGLE, {}) == ""
