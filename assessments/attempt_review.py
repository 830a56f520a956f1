"""Reads for a submitted attempt's review page: each question with the learner's answer and,
where the quiz's review rules allow, the right answers and feedback.

An essay shows what the learner wrote and, once a trainer has graded it, the
points and the trainer's comment (the learner's own result, whatever the rules
say about right answers). Descriptions come back as they were shown.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .grading import matching_answer, matching_number
from .layout import shown_answer
from .models import (
    CHOICE_KINDS,
    UNANSWERED_KINDS,
    AttemptAnswer,
    Question,
    QuestionKind,
    QuizAttempt,
)
from .normalise import normalise_answer
from .selectors import questions_for_grading


@dataclass
class ReviewOption:
    number: int
    text: str
    chosen: bool
    correct: bool | None = None  # None: not revealed
    feedback: str = ""


@dataclass
class ReviewItem:
    text: str
    chosen: str
    correct_answer: str = ""
    is_correct: bool | None = None


@dataclass
class ReviewQuestion:
    position: int
    number: int | None  # what the learner reads; None for a description
    kind: str
    prompt: str
    image: object
    image_alt: str
    points: int
    revealed: bool
    answered: bool
    points_awarded: Decimal | None = None
    is_correct: bool | None = None
    options: list[ReviewOption] = field(default_factory=list)
    items: list[ReviewItem] = field(default_factory=list)
    text: str = ""
    value: bool | None = None
    right_answers: list[str] = field(default_factory=list)
    feedback: str = ""
    # The feedback written for the accepted short or number answer the learner's matched.
    answer_feedback: str = ""
    general_feedback: str = ""  # rich text
    # Essays: waiting for a trainer, or graded with a comment.
    awaiting_grade: bool = False
    grader_comment: str = ""

    @property
    def is_partial(self) -> bool:
        return bool(self.points_awarded) and not self.is_correct

    @property
    def is_essay(self) -> bool:
        return self.kind == QuestionKind.ESSAY

    @property
    def is_description(self) -> bool:
        return self.kind in UNANSWERED_KINDS

    @property
    def show_points(self) -> bool:
        """Points and right or wrong: with the answers, or for a graded essay."""
        if self.is_description:
            return False
        if self.is_essay:
            return self.points_awarded is not None
        return self.revealed

    @property
    def is_matching(self) -> bool:
        return self.kind == QuestionKind.MATCHING

    @property
    def has_options(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def is_true_false(self) -> bool:
        return self.kind == QuestionKind.TRUE_FALSE


def _number_text(value) -> str:
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text


def attempt_review(attempt: QuizAttempt, *, revealed: bool) -> list[ReviewQuestion]:
    """A submitted attempt, question by question, as the learner saw it.

    Right answers and feedback are filled in only when `revealed`.
    """
    if attempt.submitted_at is None:
        raise ValueError("Only a submitted attempt can be reviewed.")
    layout = attempt.layout
    questions = questions_for_grading([entry["q"] for entry in layout])
    answers = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    review = []
    count = 0
    for position, entry in enumerate(layout, 1):
        question = questions.get(entry["q"])
        if question is None:
            continue
        answer = answers.get(question.pk)
        response = (answer.response if answer else {}) or {}
        shown = shown_answer(entry, response)
        counted = entry["k"] not in UNANSWERED_KINDS
        count += counted
        item = ReviewQuestion(
            position=position,
            number=count if counted else None,
            kind=entry["k"],
            prompt=question.prompt,
            image=question.image,
            image_alt=question.image_alt,
            points=question.points,
            revealed=revealed,
            answered=bool(response),
            points_awarded=answer.points if answer and revealed else None,
            is_correct=answer.is_correct if answer and revealed else None,
            text=shown.text,
            value=shown.value,
        )
        if entry["k"] == QuestionKind.ESSAY and question.kind == QuestionKind.ESSAY:
            _essay(item, answer, question, revealed=revealed)
            review.append(item)
            continue
        if entry["k"] in UNANSWERED_KINDS:
            review.append(item)
            continue
        if entry["k"] in CHOICE_KINDS:
            choices = {c.pk: c for c in question.choices.all()}
            shown_ids = [pk for pk in entry.get("c", []) if pk in choices]
            for number, pk in enumerate(shown_ids, 1):
                choice = choices[pk]
                chosen = number in shown.numbers
                item.options.append(
                    ReviewOption(
                        number=number,
                        text=choice.text,
                        chosen=chosen,
                        correct=choice.is_correct if revealed else None,
                        feedback=choice.feedback if revealed and chosen else "",
                    )
                )
        elif entry["k"] == QuestionKind.MATCHING:
            pairs = {p.pk: p for p in question.pairs.all()}
            options = entry.get("a", [])
            for number, pk in enumerate(entry.get("p", []), 1):
                pair = pairs.get(pk)
                if pair is None:
                    continue
                chosen_number = shown.items.get(number)
                chosen_pair = pairs.get(options[chosen_number - 1]) if chosen_number else None
                chosen_text = chosen_pair.answer if chosen_pair else ""
                item.items.append(
                    ReviewItem(
                        text=pair.prompt,
                        chosen=chosen_text,
                        correct_answer=pair.answer if revealed else "",
                        is_correct=(normalise_answer(chosen_text) == normalise_answer(pair.answer))
                        if revealed
                        else None,
                    )
                )
        if revealed:
            if entry["k"] == QuestionKind.TRUE_FALSE and question.correct_answer_true is not None:
                item.right_answers = [_("True") if question.correct_answer_true else _("False")]
            elif entry["k"] == QuestionKind.SHORT_TEXT:
                item.right_answers = [a.text for a in question.accepted_answers.all()]
            elif entry["k"] == QuestionKind.NUMERIC:
                for number in question.numeric_answers.all():
                    if number.value is None or number.weight <= 0:
                        continue
                    right = _number_text(number.value)
                    if number.tolerance:
                        right = _("%(number)s (± %(tolerance)s)") % {
                            "number": right,
                            "tolerance": _number_text(number.tolerance),
                        }
                    item.right_answers.append(right)
            item.feedback = (
                question.feedback_correct if item.is_correct else question.feedback_incorrect
            )
            item.answer_feedback = _answer_feedback(entry["k"], question, response)
            item.general_feedback = question.general_feedback
        review.append(item)
    return review


def _essay(item: ReviewQuestion, answer, question: Question, *, revealed: bool) -> None:
    """An essay's grade and comment once a trainer has graded it; else it waits."""
    graded = answer is not None and answer.points is not None
    item.awaiting_grade = item.answered and not graded
    item.points_awarded = answer.points if graded else None
    item.is_correct = answer.is_correct if graded else None
    item.grader_comment = answer.grader_comment if graded else ""
    if revealed:
        item.general_feedback = question.general_feedback


def _answer_feedback(kind: str, question: Question, response: dict) -> str:
    """The feedback of the first accepted answer the learner's text or number matched."""
    if kind == QuestionKind.SHORT_TEXT and question.kind == kind:
        matched = matching_answer(question, response.get("text") or "")
    elif kind == QuestionKind.NUMERIC and question.kind == kind:
        matched = matching_number(question, response.get("number") or "")
    else:
        return ""
    return matched.feedback if matched is not None else ""
