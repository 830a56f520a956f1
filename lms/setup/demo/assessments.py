"""Demo quizzes: one per demo course, written as a trainer would, plus a final quiz.

`seed(result)` takes what lms.setup.demo.seed.demo_seed builds (courses by slug,
users by username, media by key) and is idempotent: a lesson or course that
already has a quiz is left alone. Nobody takes the quizzes here; the learner
demo decides who has passed what.

Which quiz belongs where:
    sell-products-online / pricing-packing-and-postage        lesson quiz (lesson 4 of 5)
    sell-products-online (course)                            final quiz, draws 3 from a bank,
                                                             with an essay a trainer grades
    shop-bookkeeping-with-spreadsheets / monthly-profit-with-sum  lesson quiz (3 of 3)
    online-safety / spot-online-scams                         lesson quiz (2 of 4)
"""

from decimal import Decimal

from django.db import transaction

from assessments.layout import RawAnswer
from assessments.models import (
    AcceptedAnswer,
    Choice,
    MatchingPair,
    MultipleScoring,
    NumericAnswer,
    Question,
    QuestionBank,
    QuestionKind,
    Quiz,
    QuizAttempt,
    QuizDraw,
    QuizQuestion,
)
from assessments.selectors import questions_for_grading
from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from curricula.models import LessonPage, SkillTag
from lms.users.models import User

from .quizzes import (
    BOOKKEEPING_QUIZ,
    ESSAY_ANSWER,
    POSTAGE_QUIZ,
    SAFETY_QUIZ,
    SELLING_BANK,
    SELLING_FINAL,
)

# A villager of the demo centre's class whose final quiz waits for demo-trainer's grade.
ESSAY_WAITING_LEARNER = "demo-somjai"

__all__ = [
    "answer_quiz",
    "pass_quiz",
    "seed",
    "seed_essay_waiting",
    "POSTAGE_QUIZ",
    "SELLING_BANK",
    "SELLING_FINAL",
    "BOOKKEEPING_QUIZ",
    "SAFETY_QUIZ",
]


def _tags(names: list[str]) -> list[SkillTag]:
    return [SkillTag.objects.get_or_create(name=name)[0] for name in names]


def _question(spec: dict, *, media, bank=None, tags=()) -> Question:
    image_key = spec.get("image")
    question = Question(
        bank=bank,
        kind=spec["kind"],
        prompt=spec["prompt"],
        points=spec.get("points", 1),
        scoring=spec.get("scoring", MultipleScoring.ALL_OR_NOTHING),
        correct_answer_true=spec.get("correct_answer_true"),
        feedback_correct=spec.get("feedback_correct", ""),
        feedback_incorrect=spec.get("feedback_incorrect", ""),
        general_feedback=spec.get("general_feedback", ""),
        grader_info=spec.get("grader_info", ""),
        image=media.get(image_key) if image_key else None,
        image_alt="โต๊ะข้างหน้าต่าง มีขวดน้ำพริกบนผ้าขาว แสงส่องจากด้านข้าง" if image_key else "",
    )
    question.choices = [
        Choice(text=text, is_correct=right) for text, right in spec.get("choices", [])
    ]
    question.accepted_answers = [AcceptedAnswer(text=text) for text in spec.get("accepted", [])]
    question.pairs = [MatchingPair(prompt=p, answer=a) for p, a in spec.get("pairs", [])]
    if spec.get("numeric_answer") is not None:
        question.numeric_answers = [
            NumericAnswer(
                value=spec["numeric_answer"], tolerance=spec.get("numeric_tolerance", Decimal(0))
            )
        ]
    question.save()
    if tags:
        question.tags.set(tags)
        question.save()
    return question


def _quiz(spec: dict, *, lesson=None, course=None, media, bank=None) -> Quiz:
    tags = _tags(spec.get("tags", []))
    quiz = Quiz(
        title=spec["title"],
        intro=spec["intro"],
        lesson=lesson,
        course=course,
        is_live=True,
        **spec["settings"],
    )
    quiz.items = [
        QuizQuestion(question=_question(q, media=media, tags=tags)) for q in spec["questions"]
    ]
    if bank is not None and spec.get("draw"):
        quiz.draws = [QuizDraw(bank=bank, count=spec["draw"])]
    quiz.save()
    return quiz


def _bank(spec: dict, *, media) -> QuestionBank:
    bank = QuestionBank.objects.filter(name=spec["name"]).first()
    if bank is not None:
        return bank
    bank = QuestionBank.objects.create(name=spec["name"], description=spec["description"])
    tags = _tags(spec["tags"])
    for question in spec["questions"]:
        _question(question, media=media, bank=bank, tags=tags)
    return bank


@transaction.atomic
def seed(result: dict) -> dict[str, Quiz]:
    """Create the demo quizzes that are missing. Returns them by a short name."""
    courses = result["courses"]
    media = result.get("media") or {}
    quizzes: dict[str, Quiz] = {}
    for name, spec in (
        ("postage", POSTAGE_QUIZ),
        ("bookkeeping", BOOKKEEPING_QUIZ),
        ("safety", SAFETY_QUIZ),
    ):
        lesson = LessonPage.objects.child_of(courses[spec["course"]]).get(slug=spec["lesson"])
        quizzes[name] = Quiz.objects.filter(lesson=lesson).first() or _quiz(
            spec, lesson=lesson, media=media
        )
    course = courses[SELLING_FINAL["course"]]
    final = Quiz.objects.filter(course=course).first()
    if final is None:
        final = _quiz(
            SELLING_FINAL, course=course, media=media, bank=_bank(SELLING_BANK, media=media)
        )
    quizzes["selling-final"] = final
    return quizzes


def _right_answers(attempt) -> dict:
    """Every question of an attempt answered right, in the terms the learner sees."""

    questions = questions_for_grading([entry["q"] for entry in attempt.layout])
    answers = {}
    for position, entry in enumerate(attempt.layout, 1):
        question = questions[entry["q"]]
        kind = entry["k"]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            right = {c.pk for c in question.choices.all() if c.is_correct}
            values = [str(n) for n, pk in enumerate(entry["c"], 1) if pk in right]
            answers[position] = RawAnswer(values=values)
        elif kind == QuestionKind.TRUE_FALSE:
            answers[position] = RawAnswer(
                values=["true" if question.correct_answer_true else "false"]
            )
        elif kind == QuestionKind.SHORT_TEXT:
            answers[position] = RawAnswer(values=[question.accepted_answers.all()[0].text])
        elif kind == QuestionKind.NUMERIC:
            right = question.numeric_answers.all()[0].value
            answers[position] = RawAnswer(values=[f"{right.normalize():f}"])
        elif kind == QuestionKind.ESSAY:
            answers[position] = RawAnswer(values=[ESSAY_ANSWER])
        elif kind == QuestionKind.MATCHING:
            pairs = {p.pk: p for p in question.pairs.all()}
            options = {}
            for n, pk in enumerate(entry["a"], 1):
                options.setdefault(pairs[pk].answer, n)
            answers[position] = RawAnswer(
                items={n: str(options[pairs[pk].answer]) for n, pk in enumerate(entry["p"], 1)}
            )
    return answers


def pass_quiz(*, user, quiz: Quiz):
    """For demo data: `user` takes `quiz` through the real services and gets everything right.

    The learner must be enrolled in the quiz's course. Returns the submitted attempt: graded,
    or waiting for a trainer when the quiz has an essay.
    """

    attempt = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=attempt, answers=_right_answers(attempt))
    return attempt_submit(user=user, attempt=attempt).attempt


def answer_quiz(*, user, quiz: Quiz, wrong_positions: set[int]):
    """For demo data: `user` takes `quiz` through the real services, leaving the questions
    at `wrong_positions` (1-based) unanswered, so they are marked wrong. Returns the attempt.
    """

    attempt = attempt_start(user=user, quiz=quiz).attempt
    answers = {
        position: answer
        for position, answer in _right_answers(attempt).items()
        if position not in wrong_positions
    }
    attempt_answers_save(user=user, attempt=attempt, answers=answers)
    return attempt_submit(user=user, attempt=attempt).attempt


@transaction.atomic
def seed_essay_waiting(result: dict) -> QuizAttempt | None:
    """A villager of the demo class has taken the selling course's final quiz: the answers
    graded on submission are right and the essay waits in demo-trainer's queue.

    Called once the class exists (lms.setup.demo.centres); does nothing when the villager
    has taken the quiz already. Returns the new attempt, if any.
    """
    learner = User.objects.filter(username=ESSAY_WAITING_LEARNER).first()
    quiz = Quiz.objects.filter(course=result["courses"][SELLING_FINAL["course"]]).first()
    if learner is None or quiz is None:
        return None
    if QuizAttempt.objects.filter(user=learner, quiz=quiz).exists():
        return None
    return pass_quiz(user=learner, quiz=quiz)
