"""What makes a question answerable, shared by the admin form and the GIFT import."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import QuestionKind
from .normalise import normalise_answer


@dataclass
class QuestionDraft:
    kind: str
    choices: list[tuple[str, bool]] = field(default_factory=list)  # (text, right)
    accepted_answers: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (item, answer); item "" = extra
    correct_answer_true: bool | None = None
    numeric_answer: Decimal | None = None


def question_problems(draft: QuestionDraft) -> dict[str, str]:
    """Field name → message for each thing that keeps the question from being answerable."""
    problems: dict[str, str] = {}
    kind = draft.kind
    choices = [(text.strip(), right) for text, right in draft.choices if text.strip()]
    right = sum(1 for _text, is_right in choices if is_right)
    if kind == QuestionKind.SINGLE:
        if len(choices) < 2:
            problems["choices"] = _("Add at least two choices.")
        elif right != 1:
            problems["choices"] = _("Mark exactly one choice as the right answer.")
    elif kind == QuestionKind.MULTIPLE:
        if len(choices) < 2:
            problems["choices"] = _("Add at least two choices.")
        elif right < 1:
            problems["choices"] = _("Mark at least one choice as right.")
    elif kind == QuestionKind.TRUE_FALSE:
        if draft.correct_answer_true is None:
            problems["correct_answer_true"] = _("Say whether the statement is true or false.")
    elif kind == QuestionKind.SHORT_TEXT:
        if not any(normalise_answer(text) for text in draft.accepted_answers):
            problems["accepted_answers"] = _("Add at least one accepted answer.")
    elif kind == QuestionKind.NUMERIC:
        if draft.numeric_answer is None:
            problems["numeric_answer"] = _("Enter the right number.")
    elif kind == QuestionKind.MATCHING:
        items = [(item, answer) for item, answer in draft.pairs if item.strip()]
        if len(items) < 2:
            problems["pairs"] = _("Add at least two items to match.")
        elif any(not answer.strip() for _item, answer in draft.pairs):
            problems["pairs"] = _("Every item needs the answer it matches.")
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        texts = [normalise_answer(text) for text, _right in choices]
        if "choices" not in problems and len(set(texts)) != len(texts):
            problems["choices"] = _("Two choices say the same thing.")
    return problems
