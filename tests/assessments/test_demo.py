"""The demo quizzes: one per demo course in Thai, a final quiz for selling online, idempotent."""

import pytest

from assessments.models import Question, Quiz
from assessments.validation import question_draft, question_problems
from lms.setup.demo.seed import demo_seed

pytestmark = pytest.mark.django_db


def test_demo_quizzes():
    result = demo_seed()
    quizzes = Quiz.objects.select_related("lesson", "course")
    placement = {
        (q.lesson.slug if q.lesson_id else None, q.course.slug if q.course_id else None)
        for q in quizzes
    }
    assert placement == {
        ("pricing-packing-and-postage", None),
        ("monthly-profit-with-sum", None),
        ("spot-online-scams", None),
        (None, "sell-products-online"),
    }
    for quiz in quizzes:
        assert quiz.is_live
        kinds = {item.question.kind for item in quiz.items.select_related("question")}
        for draw in quiz.draws.all():
            kinds |= set(draw.bank.questions.values_list("kind", flat=True))
        assert len(kinds) >= 5, quiz.title  # mixed types
    final = quizzes.get(course__slug="sell-products-online")
    assert final.draws.get().bank.questions.count() >= final.draws.get().count
    for question in Question.objects.prefetch_related(
        "choices", "accepted_answers", "numeric_answers", "pairs"
    ):
        draft = question_draft(question)
        assert question_problems(draft) == {}, question.prompt
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in question.prompt)  # written in Thai
    counts = (Quiz.objects.count(), Question.objects.count())
    demo_seed()
    assert (Quiz.objects.count(), Question.objects.count()) == counts
    assert result["courses"]["sell-products-online"].final_quizzes.get() == final


def test_pass_quiz_lets_a_learner_demo_pass_each_demo_quiz():
    from lms.learning.models import CompletionSource, LessonProgress
    from lms.learning.services import enrollment_create
    from lms.setup.demo.assessments import pass_quiz
    from tests.factories import UserFactory

    result = demo_seed()
    learner = UserFactory(username="demo-like")
    for course in result["courses"].values():
        enrollment_create(user=learner, course=course)
    for quiz in Quiz.objects.all():
        attempt = pass_quiz(user=learner, quiz=quiz)
        assert attempt.passed and attempt.percent == 100, quiz.title
    done = LessonProgress.objects.filter(user=learner, completed_via=CompletionSource.QUIZ)
    assert sorted(p.lesson.slug for p in done) == [
        "monthly-profit-with-sum",
        "pricing-packing-and-postage",
        "spot-online-scams",
    ]
