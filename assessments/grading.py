"""Grading one answer to one question. Pure functions: no queries, no writes.

`grade_response` expects the question with its choices, accepted answers,
numbers and pairs already loaded (see selectors.questions_for_grading), and a
response in the stored form (ids, never the positions the learner saw).

Moodle's rules, where a question carries Moodle's per-answer weights:

- single choice: the chosen choice's weight (a negative weight takes marks away);
- multiple choice with partial credit: the weights of the chosen choices added,
  kept between 0 and full marks, so a 0 % choice costs nothing;
- short text and number: the first accepted answer that matches, in the
  order written, gives its weight ("*" matches anything, so it goes last);
- essays are graded by a trainer (`grade_response` returns None), and
  descriptions are not graded at all.

Questions written here without weights keep this platform's rules: single
choice right or wrong; multiple choice all-or-nothing, or partial credit where
each right choice earns its share and each wrong one takes a share away.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .models import (
    MANUAL_KINDS,
    UNANSWERED_KINDS,
    MultipleScoring,
    Question,
    QuestionKind,
)
from .normalise import normalise_answer, parse_number

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Grade:
    fraction: Decimal  # -1..1 (below 0 only for a negatively weighted single choice)
    points: Decimal
    is_correct: bool


def _clamp(value: Decimal, low: Decimal = Decimal(0)) -> Decimal:
    return max(low, min(Decimal(1), value))


def _choice_ids(response: dict) -> set[int]:
    return {int(pk) for pk in response.get("choices") or []}


def choice_weights(question: Question) -> dict[int, Decimal]:
    """Choice id → weight in %, the question's own or the one its right/wrong marks imply."""
    choices = list(question.choices.all())
    if any(c.weight is not None for c in choices):
        return {c.pk: c.weight or Decimal(0) for c in choices}
    right = [c for c in choices if c.is_correct]
    if question.kind == QuestionKind.SINGLE or not right:
        return {c.pk: HUNDRED if c.is_correct else Decimal(0) for c in choices}
    share = HUNDRED / len(right)
    return {c.pk: share if c.is_correct else -share for c in choices}


def wildcard_matches(pattern: str, typed: str) -> bool:
    """Whether a typed answer (normalised) matches an accepted answer with "*" wildcards."""
    if "*" not in pattern:
        return typed == normalise_answer(pattern)
    parts = [re.escape(normalise_answer(part)) for part in pattern.split("*")]
    return re.fullmatch(".*".join(parts), typed, flags=re.DOTALL) is not None


def matching_answer(question: Question, typed_text: str):
    """The first accepted short answer the text matches, or None."""
    typed = normalise_answer(typed_text)
    if not typed:
        return None
    for answer in question.accepted_answers.all():
        if answer.text.strip() and wildcard_matches(answer.text, typed):
            return answer
    return None


def matching_number(question: Question, typed_number: str):
    """The first number answer the learner's number falls within, or None."""
    value = parse_number(typed_number or "")
    if value is None:
        return None
    for answer in question.numeric_answers.all():
        if answer.value is None or abs(value - answer.value) <= abs(answer.tolerance or 0):
            return answer
    return None


def _fraction(question: Question, response: dict) -> Decimal:
    kind = question.kind
    if not response:
        return Decimal(0)
    if kind == QuestionKind.SINGLE:
        chosen = _choice_ids(response)
        weights = choice_weights(question)
        if len(chosen) != 1 or not chosen <= weights.keys():
            return Decimal(0)
        return _clamp(weights[next(iter(chosen))] / HUNDRED, Decimal(-1))
    if kind == QuestionKind.MULTIPLE:
        chosen = _choice_ids(response)
        if question.scoring == MultipleScoring.ALL_OR_NOTHING:
            correct = {c.pk for c in question.choices.all() if c.is_correct}
            return Decimal(1) if correct and chosen == correct else Decimal(0)
        weights = choice_weights(question)
        return _clamp(sum((weights.get(pk, Decimal(0)) for pk in chosen), Decimal(0)) / HUNDRED)
    if kind == QuestionKind.TRUE_FALSE:
        value = response.get("value")
        if value is None or question.correct_answer_true is None:
            return Decimal(0)
        return Decimal(1) if bool(value) == question.correct_answer_true else Decimal(0)
    if kind == QuestionKind.SHORT_TEXT:
        answer = matching_answer(question, response.get("text") or "")
        return _clamp(answer.weight / HUNDRED) if answer else Decimal(0)
    if kind == QuestionKind.NUMERIC:
        answer = matching_number(question, response.get("number") or "")
        return _clamp(answer.weight / HUNDRED) if answer else Decimal(0)
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
        return _clamp(Decimal(right) / Decimal(len(items))) if items else Decimal(0)
    return Decimal(0)


def grade_response(question: Question, response: dict) -> Grade | None:
    """The grade of one answer; None for an answered essay (a trainer grades it)."""
    if question.kind in UNANSWERED_KINDS:
        return Grade(fraction=Decimal(0), points=Decimal(0), is_correct=False)
    if question.kind in MANUAL_KINDS:
        if (response or {}).get("text", "").strip():
            return None
        # Nothing written: nothing to grade, no marks.
        return Grade(fraction=Decimal(0), points=Decimal(0), is_correct=False)
    fraction = _fraction(question, response or {})
    return Grade(fraction=fraction, points=points_for(question, fraction), is_correct=fraction == 1)


def points_for(question: Question, fraction: Decimal) -> Decimal:
    return (Decimal(question.points) * fraction).quantize(CENT, rounding=ROUND_HALF_UP)


def max_points(question: Question) -> Decimal:
    """What a question adds to an attempt's maximum score (descriptions add nothing)."""
    return Decimal(0) if question.kind in UNANSWERED_KINDS else Decimal(question.points)


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
    if kind == QuestionKind.ESSAY:
        text = (response.get("text") or "").strip()
        # Essays are not counted by answer: the key only says whether one was written.
        return f"e:{len(text.split())}" if text else ""
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
