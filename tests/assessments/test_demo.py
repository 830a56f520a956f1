"""The demo quizzes: one per demo course in Thai, a final quiz for selling online, idempotent."""

import pytest

from assessments.grading_selectors import essay_queue
from assessments.grading_services import essay_grade
from assessments.models import Question, Quiz, QuizAttempt
from assessments.validation import question_draft, question_problems
from lms.setup.demo.seed import demo_seed
from lms.users.models import User

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


def test_demo_has_an_essay_waiting_for_the_demo_trainer():
    result = demo_seed()
    trainer = result["users"]["demo-trainer"]
    waiting = list(essay_queue(grader=trainer))
    assert [(a.user.username, a.quiz.course_id) for a in waiting] == [
        ("demo-somjai", result["courses"]["sell-products-online"].pk)
    ]
    essay = waiting[0].answers.get(question__kind="essay")
    assert essay.points is None and "ขอโทษ" in essay.response["text"]
    assert essay.question.grader_info and essay.question.general_feedback
    # Seeding again adds no second attempt.
    demo_seed()
    assert QuizAttempt.objects.filter(user__username="demo-somjai").count() == 1


def test_pass_quiz_lets_a_learner_demo_pass_each_demo_quiz():
    from lms.learning.models import CompletionSource, LessonProgress
    from lms.learning.services import enrollment_create
    from lms.setup.demo.assessments import pass_quiz
    from tests.factories import UserFactory

    result = demo_seed()
    learner = UserFactory(username="demo-like")
    for course in result["courses"].values():
        enrollment_create(user=learner, course=course)
    national = User.objects.get(username="demo-admin")
    for quiz in Quiz.objects.all():
        attempt = pass_quiz(user=learner, quiz=quiz)
        if attempt.awaits_grading:  # the final quiz's essay: a trainer gives it full marks
            grades = {
                answer.pk: (answer.question.points, "")
                for answer in attempt.answers.filter(question__kind="essay").select_related(
                    "question"
                )
            }
            attempt = essay_grade(grader=national, attempt=attempt, grades=grades)
        assert attempt.passed and attempt.percent == 100, quiz.title
    done = LessonProgress.objects.filter(user=learner, completed_via=CompletionSource.QUIZ)
    assert sorted(p.lesson.slug for p in done) == [
        "monthly-profit-with-sum",
        "pricing-packing-and-postage",
        "spot-online-scams",
    ]
