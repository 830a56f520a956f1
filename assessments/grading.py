"""Grading one answer to one question. Pure functions: no queries, no writes.

`grade_response` expects the question with its choices, accepted answers and
pairs already loaded (see selectors.questions_for_grading), and a response in
the stored form (ids, never the positions the learner saw).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .models import MultipleScoring, Question, QuestionKind
from .normalise import normalise_answer, parse_number

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Grade:
    fraction: Decimal  # 0..1
    points: Decimal
    is_correct: bool


def _ratio(numerator: int, denominator: int) -> Decimal:
    if denominator <= 0:
        return Decimal(0)
    return max(Decimal(0), min(Decimal(1), Decimal(numerator) / Decimal(denominator)))


def _choice_ids(response: dict) -> set[int]:
    return {int(pk) for pk in response.get("choices") or []}


def _fraction(question: Question, response: dict) -> Decimal:
    kind = question.kind
    if not response:
        return Decimal(0)
    if kind == QuestionKind.SINGLE:
        chosen = _choice_ids(response)
        correct = {c.pk for c in question.choices.all() if c.is_correct}
        return Decimal(1) if len(chosen) == 1 and chosen <= correct else Decimal(0)
    if kind == QuestionKind.MULTIPLE:
        chosen = _choice_ids(response)
        correct = {c.pk for c in question.choices.all() if c.is_correct}
        if not correct:
            return Decimal(0)
        if question.scoring == MultipleScoring.PARTIAL:
            return _ratio(len(chosen & correct) - len(chosen - correct), len(correct))
        return Decimal(1) if chosen == correct else Decimal(0)
    if kind == QuestionKind.TRUE_FALSE:
        value = response.get("value")
        if value is None or question.correct_answer_true is None:
            return Decimal(0)
        return Decimal(1) if bool(value) == question.correct_answer_true else Decimal(0)
    if kind == QuestionKind.SHORT_TEXT:
        typed = normalise_answer(response.get("text") or "")
        accepted = {normalise_answer(a.text) for a in question.accepted_answers.all()}
        accepted.discard("")
        return Decimal(1) if typed and typed in accepted else Decimal(0)
    if kind == QuestionKind.NUMERIC:
        value = parse_number(response.get("number") or "")
        if value is None or question.numeric_answer is None:
            return Decimal(0)
        tolerance = abs(question.numeric_tolerance or Decimal(0))
        return Decimal(1) if abs(value - question.numeric_answer) <= tolerance else Decimal(0)
    if kind == QuestionKind.MATCHING:
        pairs = list(question.pairs.all())
        items = [p for p in pairs if p.prompt]
        answer_text = {p.pk: normalise_answer(p.answer) for p in pairs}
        chosen = {int(k): int(v) for k, v in (response.get("pairs") or {}).items() if v}
        right = sum(
            1
            for item in items
            if item.pk in chosen and answer_text.get(chosen[item.pk]) == answer_text[item.pk]
        )
        return _ratio(right, len(items))
    return Decimal(0)


def grade_response(question: Question, response: dict) -> Grade:
    fraction = _fraction(question, response or {})
    points = (Decimal(question.points) * fraction).quantize(CENT, rounding=ROUND_HALF_UP)
    return Grade(fraction=fraction, points=points, is_correct=fraction == 1)


def response_key(kind: str, response: dict) -> str:
    """A short, normalised form of a response: equal answers get equal keys; empty → ""."""
    if not response:
        return ""
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        ids = sorted(_choice_ids(response))
        return "c:" + ",".join(map(str, ids)) if ids else ""
    if kind == QuestionKind.TRUE_FALSE:
        value = response.get("value")
        return "" if value is None else ("b:true" if value else "b:false")
    if kind == QuestionKind.SHORT_TEXT:
        text = normalise_answer(response.get("text") or "")
        return f"t:{text}"[:500] if text else ""
    if kind == QuestionKind.NUMERIC:
        value = parse_number(response.get("number") or "")
        return "" if value is None else f"n:{value.normalize():f}"
    if kind == QuestionKind.MATCHING:
        chosen = sorted((int(k), int(v)) for k, v in (response.get("pairs") or {}).items() if v)
        return ("m:" + ";".join(f"{k}>{v}" for k, v in chosen))[:500] if chosen else ""
    return ""


def percent_of(score: Decimal, max_score: Decimal) -> Decimal:
    if not max_score:
        return Decimal(0)
    return (score * 100 / max_score).quantize(CENT, rounding=ROUND_HALF_UP)
