"""What makes a question answerable, shared by the admin form and the imports.

Weights follow Moodle's rules: a single-choice question needs a choice worth
100 %, the positive weights of a multiple-choice question add up to 100 %, and
short and number answers need one answer worth 100 %.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import QuestionKind
from .normalise import normalise_answer

FULL = Decimal(100)
# Moodle writes thirds as 33.33333: sums within this much of 100 count as 100.
SUM_SLACK = Decimal("0.1")


@dataclass
class QuestionDraft:
    kind: str
    # (text, marked right, weight in % or None for "use the mark")
    choices: list[tuple[str, bool, Decimal | None]] = field(default_factory=list)
    accepted_answers: list[tuple[str, Decimal]] = field(default_factory=list)  # (text, weight)
    numbers: list[tuple[Decimal | None, Decimal]] = field(default_factory=list)  # (value, weight)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (item, answer); item "" = extra
    correct_answer_true: bool | None = None


def _choice_problems(draft: QuestionDraft) -> str:
    choices = [(text.strip(), right, weight) for text, right, weight in draft.choices]
    choices = [c for c in choices if c[0]]
    if len(choices) < 2:
        return _("Add at least two choices.")
    weighted = any(weight is not None for _t, _r, weight in choices)
    if weighted:
        weights = [weight or Decimal(0) for _t, _r, weight in choices]
        if draft.kind == QuestionKind.SINGLE and max(weights) != FULL:
            return _("One choice must be worth 100 % so that full marks can be earned.")
        if draft.kind == QuestionKind.MULTIPLE:
            positive = sum((w for w in weights if w > 0), Decimal(0))
            if abs(positive - FULL) > SUM_SLACK:
                return _(
                    "The positive marks of the choices add up to %(sum)s %%; they must add up "
                    "to 100 %%."
                ) % {"sum": f"{positive.normalize():f}"}
    else:
        right = sum(1 for _t, is_right, _w in choices if is_right)
        if draft.kind == QuestionKind.SINGLE and right != 1:
            return _("Mark exactly one choice as the right answer.")
        if draft.kind == QuestionKind.MULTIPLE and right < 1:
            return _("Mark at least one choice as right.")
    texts = [normalise_answer(text) for text, _r, _w in choices]
    if len(set(texts)) != len(texts):
        return _("Two choices say the same thing.")
    return ""


def question_problems(draft: QuestionDraft) -> dict[str, str]:
    """Field name → message for each thing that keeps the question from being answerable."""
    problems: dict[str, str] = {}
    kind = draft.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        if message := _choice_problems(draft):
            problems["choices"] = message
    elif kind == QuestionKind.TRUE_FALSE:
        if draft.correct_answer_true is None:
            problems["correct_answer_true"] = _("Say whether the statement is true or false.")
    elif kind == QuestionKind.SHORT_TEXT:
        answers = [(t, w) for t, w in draft.accepted_answers if normalise_answer(t)]
        if not answers:
            problems["accepted_answers"] = _("Add at least one accepted answer.")
        elif not any(w == FULL for _t, w in answers):
            problems["accepted_answers"] = _("One accepted answer must be worth 100 %.")
    elif kind == QuestionKind.NUMERIC:
        if not any(v is not None for v, _w in draft.numbers):
            problems["numeric_answers"] = _("Enter the right number.")
        elif not any(v is not None and w == FULL for v, w in draft.numbers):
            problems["numeric_answers"] = _("One number must be worth 100 %.")
    elif kind == QuestionKind.MATCHING:
        items = [(item, answer) for item, answer in draft.pairs if item.strip()]
        if len(items) < 2:
            problems["pairs"] = _("Add at least two items to match.")
        elif any(not answer.strip() for _item, answer in draft.pairs):
            problems["pairs"] = _("Every item needs the answer it matches.")
    return problems


def question_draft(question) -> QuestionDraft:
    """The draft of a saved question (its choices, answers, numbers and pairs loaded)."""
    return QuestionDraft(
        kind=question.kind,
        choices=[(c.text, c.is_correct, c.weight) for c in question.choices.all()],
        accepted_answers=[(a.text, a.weight) for a in question.accepted_answers.all()],
        numbers=[(n.value, n.weight) for n in question.numeric_answers.all()],
        pairs=[(p.prompt, p.answer) for p in question.pairs.all()],
        correct_answer_true=question.correct_answer_true,
    )
