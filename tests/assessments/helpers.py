"""Answering attempts in tests, in the terms the learner sees (positions and option numbers)."""

from assessments.layout import RawAnswer
from assessments.models import UNANSWERED_KINDS, Question, QuestionKind

ESSAY_TEXT = "วางสินค้าข้างหน้าต่าง\nใช้ผ้าขาวเป็นฉากหลัง"


def position_of(attempt, question) -> int:
    return next(n for n, entry in enumerate(attempt.layout, 1) if entry["q"] == question.pk)


def _right(entry: dict, question: Question) -> RawAnswer:
    kind = entry["k"]
    if kind == QuestionKind.ESSAY:
        return RawAnswer(values=[ESSAY_TEXT])
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        right = {c.pk for c in question.choices.all() if c.is_correct}
        return RawAnswer(values=[str(n) for n, pk in enumerate(entry["c"], 1) if pk in right])
    if kind == QuestionKind.TRUE_FALSE:
        return RawAnswer(values=["true" if question.correct_answer_true else "false"])
    if kind == QuestionKind.SHORT_TEXT:
        return RawAnswer(values=[question.accepted_answers.first().text])
    if kind == QuestionKind.NUMERIC:
        return RawAnswer(values=[f"{question.numeric_answers.all()[0].value.normalize():f}"])
    pairs = {p.pk: p for p in question.pairs.all()}
    options = {pairs[pk].answer: n for n, pk in enumerate(entry["a"], 1)}
    return RawAnswer(
        items={n: str(options[pairs[pk].answer]) for n, pk in enumerate(entry["p"], 1)}
    )


def _wrong(entry: dict, question: Question) -> RawAnswer:
    kind = entry["k"]
    if kind == QuestionKind.ESSAY:
        return RawAnswer(values=["ไม่ทราบ"])
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        wrong = {c.pk for c in question.choices.all() if not c.is_correct}
        return RawAnswer(values=[next(str(n) for n, pk in enumerate(entry["c"], 1) if pk in wrong)])
    if kind == QuestionKind.TRUE_FALSE:
        return RawAnswer(values=["false" if question.correct_answer_true else "true"])
    if kind == QuestionKind.SHORT_TEXT:
        return RawAnswer(values=["คำตอบผิด"])
    if kind == QuestionKind.NUMERIC:
        return RawAnswer(values=[f"{question.numeric_answers.all()[0].value + 1000:f}"])
    right = _right(entry, question).items
    count = len(entry["a"])
    return RawAnswer(items={n: str(int(v) % count + 1) for n, v in right.items()})


def answers_for(attempt, *, right: bool = True, positions=None) -> dict[int, RawAnswer]:
    questions = Question.objects.in_bulk([entry["q"] for entry in attempt.layout])
    make = _right if right else _wrong
    return {
        n: make(entry, questions[entry["q"]])
        for n, entry in enumerate(attempt.layout, 1)
        if (positions is None or n in positions) and entry["k"] not in UNANSWERED_KINDS
    }


def post_data(answers: dict[int, RawAnswer]) -> dict[str, list[str] | str]:
    """The form fields a browser posts for these answers."""
    data: dict[str, list[str] | str] = {"present": [str(p) for p in answers]}
    for position, raw in answers.items():
        if raw.values:
            data[f"q{position}"] = raw.values
        for item, value in raw.items.items():
            data[f"q{position}-{item}"] = value
    return data
