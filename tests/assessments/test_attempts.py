"""Starting, answering and submitting attempts through the services, with each quiz setting."""

from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from assessments.layout import RawAnswer
from assessments.models import (
    AttemptAnswer,
    CloseReason,
    GradingMethod,
    QuestionBank,
    QuizAttempt,
)
from assessments.services import (
    AttemptError,
    attempt_answers_save,
    attempt_start,
    attempt_submit,
)
from curricula.models import SkillTag
from lms.learning.models import CompletionSource, LessonProgress
from lms.learning.services import enrollment_leave
from tests.factories import UserFactory

from .factories import make_quiz, one_of_each, short_text, single_choice
from .helpers import answers_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(lessons):
    return make_quiz(lesson=lessons[0], questions=one_of_each())


def start(user, quiz, **kwargs):
    return attempt_start(user=user, quiz=quiz, **kwargs).attempt


# --- Who may start -------------------------------------------------------------------------


def test_only_enrolled_learners_start(learner, quiz):
    with pytest.raises(AttemptError) as error:
        attempt_start(user=learner, quiz=quiz)
    assert error.value.code == "not_enrolled"
    assert not QuizAttempt.objects.exists()


def test_learner_who_left_the_course_cannot_start(enrolled, quiz, course):
    enrollment_leave(user=enrolled, course=course)
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=quiz)
    assert error.value.code == "not_enrolled"


def test_quiz_not_open_to_learners(enrolled, quiz):
    quiz.is_live = False
    quiz.save()
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=quiz)
    assert error.value.code == "not_live"


def test_open_and_close_dates(enrolled, quiz):
    now = timezone.now()
    quiz.opens_at = now + timedelta(hours=1)
    quiz.save()
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=quiz)
    assert error.value.code == "not_open"
    quiz.opens_at, quiz.closes_at = now - timedelta(days=2), now - timedelta(days=1)
    quiz.save()
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=quiz)
    assert error.value.code == "closed"


def test_sequential_course_locks_the_quiz_of_a_later_lesson(enrolled, course, lessons):
    course.sequential = True
    course.save_revision().publish()
    later = make_quiz(lesson=lessons[2], questions=[single_choice()])
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=later)
    assert error.value.code == "locked"


def test_a_quiz_without_questions_cannot_start(enrolled, lessons):
    empty = make_quiz(lesson=lessons[1])
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=empty)
    assert error.value.code == "empty"


# --- Attempts and limits -------------------------------------------------------------------


def test_starting_twice_continues_the_open_attempt(enrolled, quiz):
    first = attempt_start(user=enrolled, quiz=quiz)
    again = attempt_start(user=enrolled, quiz=quiz)
    assert first.created and not again.created
    assert again.attempt.pk == first.attempt.pk
    assert QuizAttempt.objects.count() == 1


def test_database_allows_one_open_attempt_per_learner_and_quiz(enrolled, quiz):
    attempt = start(enrolled, quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(
            quiz=quiz, user=enrolled, number=attempt.number + 1, started_at=timezone.now()
        )


def test_attempts_beyond_the_maximum_are_refused(enrolled, quiz):
    quiz.max_attempts = 2
    quiz.save()
    for _ in range(2):
        attempt_submit(user=enrolled, attempt=start(enrolled, quiz))
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=quiz)
    assert error.value.code == "no_attempts_left"
    assert QuizAttempt.objects.filter(user=enrolled).count() == 2


def test_another_learners_attempt_cannot_be_answered_or_submitted(enrolled, quiz):
    attempt = start(enrolled, quiz)
    other = UserFactory(username="somchai")
    with pytest.raises(AttemptError) as error:
        attempt_answers_save(user=other, attempt=attempt, answers=answers_for(attempt))
    assert error.value.status == 404
    with pytest.raises(AttemptError):
        attempt_submit(user=other, attempt=attempt)
    assert QuizAttempt.objects.get().submitted_at is None


# --- Layout: draws and stored order ---------------------------------------------------------


def test_layout_holds_every_fixed_question_once_with_each_choice(enrolled, quiz):
    attempt = start(enrolled, quiz)
    assert sorted(e["q"] for e in attempt.layout) == sorted(
        quiz.items.values_list("question_id", flat=True)
    )
    for entry in attempt.layout:
        if "c" in entry:
            assert len(entry["c"]) == len(set(entry["c"])) >= 2
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == len(attempt.layout)


def test_shuffling_gives_learners_different_orders_and_each_keeps_its_own(lessons, course):
    questions = [
        single_choice(right=f"ถูก{n}", wrong=[f"ผิด{n}-{k}" for k in range(5)]) for n in range(8)
    ]
    quiz = make_quiz(lesson=lessons[0], questions=questions)
    from lms.learning.services import enrollment_create

    orders = set()
    for n in range(4):
        user = UserFactory(username=f"shuffle{n}")
        enrollment_create(user=user, course=course)
        attempt = start(user, quiz)
        orders.add(tuple(e["q"] for e in attempt.layout) + tuple(attempt.layout[0]["c"]))
        stored = QuizAttempt.objects.get(pk=attempt.pk).layout
        assert stored == attempt.layout
    # 4 learners, 8! question orders and 6! choice orders: all the same would be a broken shuffle.
    assert len(orders) > 1


def test_no_shuffle_keeps_the_authored_order(enrolled, lessons):
    questions = [single_choice(right=f"ถูก{n}") for n in range(5)]
    quiz = make_quiz(
        lesson=lessons[1], questions=questions, shuffle_questions=False, shuffle_choices=False
    )
    attempt = start(enrolled, quiz)
    assert [e["q"] for e in attempt.layout] == [q.pk for q in questions]
    assert attempt.layout[0]["c"] == [c.pk for c in questions[0].choices.all()]


def test_random_draw_from_a_bank_and_from_a_tag(enrolled, lessons):
    bank = QuestionBank.objects.create(name="คลังข้อสอบการขาย")
    in_bank = [single_choice(right=f"ธนาคาร{n}", bank=bank) for n in range(10)]
    tag = SkillTag.objects.create(name="การถ่ายภาพสินค้า")
    tagged = [short_text(f"แท็ก{n}") for n in range(6)]
    for question in tagged:
        question.tags.add(tag)
        question.save()
    fixed = single_choice(right="ตายตัว", bank=bank)
    quiz = make_quiz(
        lesson=lessons[0],
        questions=[fixed],
        draws=[{"bank": bank, "count": 3}, {"tag": tag, "count": 2}],
    )
    attempt = start(enrolled, quiz)
    ids = [e["q"] for e in attempt.layout]
    assert len(ids) == len(set(ids)) == 6
    assert fixed.pk in ids  # the fixed question is never drawn a second time
    assert len(set(ids) & {q.pk for q in in_bank}) == 3
    assert len(set(ids) & {q.pk for q in tagged}) == 2


def test_a_draw_larger_than_its_bank_takes_the_whole_bank(enrolled, lessons):
    bank = QuestionBank.objects.create(name="คลังเล็ก")
    questions = [single_choice(right=f"ข้อ{n}", bank=bank) for n in range(2)]
    quiz = make_quiz(lesson=lessons[0], draws=[{"bank": bank, "count": 5}])
    attempt = start(enrolled, quiz)
    assert sorted(e["q"] for e in attempt.layout) == sorted(q.pk for q in questions)


# --- Answers ---------------------------------------------------------------------------------


def test_answers_are_saved_by_position_and_can_be_changed_or_cleared(enrolled, quiz):
    attempt = start(enrolled, quiz)
    result = attempt_answers_save(user=enrolled, attempt=attempt, answers=answers_for(attempt))
    assert result.saved == list(range(1, 7)) and not result.errors
    assert AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").count() == 6
    attempt_answers_save(user=enrolled, attempt=attempt, answers={1: RawAnswer()})
    answer = AttemptAnswer.objects.get(attempt=attempt, position=1)
    assert answer.response == {} and answer.response_key == ""


def test_an_answer_for_a_question_not_in_the_attempt_is_refused(enrolled, quiz):
    attempt = start(enrolled, quiz)
    answers = answers_for(attempt)
    answers[len(attempt.layout) + 1] = RawAnswer(values=["1"])
    with pytest.raises(AttemptError) as error:
        attempt_answers_save(user=enrolled, attempt=attempt, answers=answers)
    assert error.value.code == "unknown_question"
    assert not AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").exists()


def test_an_option_outside_the_question_is_refused(enrolled, lessons):
    question = single_choice()
    quiz = make_quiz(lesson=lessons[0], questions=[question])
    attempt = start(enrolled, quiz)
    result = attempt_answers_save(
        user=enrolled, attempt=attempt, answers={1: RawAnswer(values=["9"])}
    )
    assert result.errors and not result.saved


def test_a_number_that_is_not_a_number_is_reported_and_others_saved(enrolled, quiz):
    attempt = start(enrolled, quiz)
    numeric_position = next(n for n, e in enumerate(attempt.layout, 1) if e["k"] == "numeric")
    answers = answers_for(attempt)
    answers[numeric_position] = RawAnswer(values=["สองพัน"])
    result = attempt_answers_save(user=enrolled, attempt=attempt, answers=answers)
    assert list(result.errors) == [numeric_position]
    assert len(result.saved) == 5


# --- Grading and settings -----------------------------------------------------------------------


def test_all_right_scores_full_marks_and_completes_the_lesson(enrolled, quiz, lessons):
    attempt = start(enrolled, quiz)
    attempt_answers_save(user=enrolled, attempt=attempt, answers=answers_for(attempt))
    result = attempt_submit(user=enrolled, attempt=attempt)
    attempt = result.attempt
    assert result.graded_now
    assert attempt.score == attempt.max_score == Decimal(6)
    assert attempt.percent == Decimal(100) and attempt.passed
    assert attempt.close_reason == CloseReason.SUBMITTED
    progress = LessonProgress.objects.get(user=enrolled, lesson=lessons[0])
    assert progress.completed_via == CompletionSource.QUIZ


def test_below_the_pass_mark_fails_and_leaves_the_lesson_open(enrolled, quiz, lessons):
    attempt = start(enrolled, quiz)
    answers = answers_for(attempt, right=False)
    answers.update(answers_for(attempt, positions={1, 2, 3}))
    attempt_answers_save(user=enrolled, attempt=attempt, answers=answers)
    attempt = attempt_submit(user=enrolled, attempt=attempt).attempt
    assert attempt.percent == Decimal(50) and attempt.passed is False
    assert not LessonProgress.objects.filter(lesson=lessons[0], completed_at__isnull=False).exists()


def test_pass_mark_is_inclusive(enrolled, lessons):
    questions = [single_choice(right=f"ถูก{n}") for n in range(4)]
    quiz = make_quiz(lesson=lessons[0], questions=questions, pass_mark_percent=75)
    attempt = start(enrolled, quiz)
    answers = answers_for(attempt, right=False)
    answers.update(answers_for(attempt, positions={1, 2, 3}))
    attempt_answers_save(user=enrolled, attempt=attempt, answers=answers)
    assert attempt_submit(user=enrolled, attempt=attempt).attempt.passed


def test_double_submit_grades_once(enrolled, quiz):
    attempt = start(enrolled, quiz)
    attempt_answers_save(user=enrolled, attempt=attempt, answers=answers_for(attempt))
    first = attempt_submit(user=enrolled, attempt=attempt)
    second = attempt_submit(user=enrolled, attempt=attempt)
    assert first.graded_now and not second.graded_now
    assert second.attempt.submitted_at == first.attempt.submitted_at
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="assessments.attempt.submit").count() == 1


def test_answers_after_submit_are_refused(enrolled, quiz):
    attempt = start(enrolled, quiz)
    attempt_submit(user=enrolled, attempt=attempt)
    result = attempt_answers_save(user=enrolled, attempt=attempt, answers=answers_for(attempt))
    assert result.closed and not result.saved
    assert not AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").exists()


@pytest.mark.parametrize(
    ("method", "expected"), [(GradingMethod.HIGHEST, True), (GradingMethod.LAST, False)]
)
def test_grading_method_decides_the_final_quiz(enrolled, course, lessons, method, expected):
    from assessments.requirements import final_quiz_passed
    from lms.learning.models import Enrollment

    final = make_quiz(course=course, questions=[single_choice()], grading_method=method)
    passing = start(enrolled, final)
    attempt_answers_save(user=enrolled, attempt=passing, answers=answers_for(passing))
    attempt_submit(user=enrolled, attempt=passing)
    failing = start(enrolled, final)
    attempt_answers_save(user=enrolled, attempt=failing, answers=answers_for(failing, right=False))
    attempt_submit(user=enrolled, attempt=failing)
    enrollment = Enrollment.objects.get(user=enrolled)
    assert (final_quiz_passed(enrollment) == []) is expected
