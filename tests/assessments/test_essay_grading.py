"""Trainers grade essays: who may, what points count, what grading finishes, who is told."""

import json
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core import mail

from wagtail import hooks
from wagtail.models import ModelLogEntry

import pytest

from assessments.grading_selectors import essay_queue, essay_waiting_count, grading_sheet
from assessments.grading_services import GradingError, essay_grade
from assessments.models import RevealAnswers
from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from lms.learning.models import CompletionSource, Enrollment, LessonProgress
from lms.learning.services import enrollment_create, lesson_complete
from lms.users import roles
from lms.users.services import user_anonymise
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory

from .factories import description, essay, make_quiz, short_text, single_choice
from .helpers import ESSAY_TEXT, answers_for

pytestmark = pytest.mark.django_db


def make_staff(username, centre, group=roles.TRAINERS):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    StaffRoleFactory(user=user, centre=centre)
    return user


@pytest.fixture
def centre(db):
    return CentreFactory()


@pytest.fixture
def trainer(home, centre):
    return make_staff("trainer-a", centre)


@pytest.fixture
def learner(home, centre, course):
    user = UserFactory(username="malee", email="malee@example.org", home_centre=centre)
    enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def quiz(lessons):
    """1 point graded on submission and a 4-point essay; pass mark 60 %."""
    return make_quiz(
        lesson=lessons[0],
        questions=[description(), single_choice(), essay(points=4)],
        shuffle_questions=False,
        pass_mark_percent=60,
        reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT,
    )


def waiting_attempt(user, quiz):
    attempt = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=attempt, answers=answers_for(attempt))
    return attempt_submit(user=user, attempt=attempt).attempt


def essay_answer(attempt):
    return attempt.answers.get(question__kind="essay")


def test_trainers_and_national_admins_grade_essays_centre_admins_do_not(home, centre):
    assert make_staff("t", centre).has_perm("assessments.grade_essays")
    assert make_staff("n", centre, roles.NATIONAL_ADMINS).has_perm("assessments.grade_essays")
    assert not make_staff("c", centre, roles.CENTRE_ADMINS).has_perm("assessments.grade_essays")


def test_the_permission_can_be_given_on_the_group_page(home):
    offered = set()
    for hook in hooks.get_hooks("register_permissions"):
        offered |= set(hook().values_list("codename", flat=True))
    assert "grade_essays" in offered


def test_grading_the_last_essay_gives_the_result_completes_the_lesson_and_tells_the_learner(
    trainer, learner, quiz, lessons, django_capture_on_commit_callbacks
):
    attempt = waiting_attempt(learner, quiz)
    answer = essay_answer(attempt)
    with django_capture_on_commit_callbacks(execute=True):
        graded = essay_grade(
            grader=trainer,
            attempt=attempt,
            grades={answer.pk: (Decimal("2.5"), "ดีมาก\nเพิ่มเรื่องฉากหลัง")},
        )
    attempt.refresh_from_db()
    assert graded.pk == attempt.pk and not attempt.awaits_grading
    # 1 + 2.5 of 5 points: 70 %, above the pass mark of 60 %.
    assert (attempt.score, attempt.max_score, attempt.percent) == (
        Decimal("3.50"),
        Decimal("5.00"),
        Decimal("70.00"),
    )
    assert attempt.passed is True and attempt.graded_at is not None
    answer.refresh_from_db()
    assert answer.points == Decimal("2.50") and answer.is_correct is False
    assert answer.graded_by == trainer and answer.graded_at == attempt.graded_at
    assert answer.grader_comment == "ดีมาก\nเพิ่มเรื่องฉากหลัง"
    progress = LessonProgress.objects.get(user=learner, lesson=lessons[0])
    assert progress.completed_at is not None and progress.completed_via == CompletionSource.QUIZ
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["malee@example.org"]
    assert quiz.title in message.subject
    assert "70%" in message.body and f"/quizzes/attempts/{attempt.pk}/review/" in message.body
    entry = ModelLogEntry.objects.get(action="assessments.essay.grade")
    assert entry.user == trainer and entry.object_id == str(attempt.pk)
    assert entry.data["points"] == {str(answer.pk): "2.50"}


def test_a_low_grade_records_a_fail_and_nothing_completes(
    trainer, learner, quiz, lessons, django_capture_on_commit_callbacks
):
    attempt = waiting_attempt(learner, quiz)
    with django_capture_on_commit_callbacks(execute=True):
        essay_grade(
            grader=trainer, attempt=attempt, grades={essay_answer(attempt).pk: (Decimal(1), "")}
        )
    attempt.refresh_from_db()
    assert attempt.percent == Decimal(40) and attempt.passed is False
    assert not LessonProgress.objects.filter(lesson=lessons[0], completed_at__isnull=False).exists()
    assert len(mail.outbox) == 1 and "40%" in mail.outbox[0].body


def test_attempt_waits_until_every_essay_has_points(
    trainer, learner, lessons, django_capture_on_commit_callbacks
):
    quiz = make_quiz(lesson=lessons[0], questions=[essay(points=2), essay(points=2)])
    attempt = waiting_attempt(learner, quiz)
    first, second = attempt.answers.order_by("position")
    with django_capture_on_commit_callbacks(execute=True):
        essay_grade(grader=trainer, attempt=attempt, grades={first.pk: (Decimal(2), "")})
    attempt.refresh_from_db()
    assert attempt.awaits_grading and attempt.percent is None and mail.outbox == []
    assert [a.essays_waiting for a in essay_queue(grader=trainer)] == [1]
    with django_capture_on_commit_callbacks(execute=True):
        essay_grade(grader=trainer, attempt=attempt, grades={second.pk: (Decimal(2), "")})
    attempt.refresh_from_db()
    assert attempt.percent == 100 and attempt.passed and len(mail.outbox) == 1
    assert essay_waiting_count(grader=trainer) == 0


def test_a_graded_attempt_cannot_be_graded_again(trainer, learner, quiz):
    attempt = waiting_attempt(learner, quiz)
    answer = essay_answer(attempt)
    essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (Decimal(4), "")})
    with pytest.raises(GradingError) as error:
        essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (Decimal(0), "")})
    assert error.value.code == "already_graded"
    answer.refresh_from_db()
    assert answer.points == 4


@pytest.mark.parametrize(
    ("points", "code"),
    [
        (Decimal("-1"), "points_out_of_range"),
        (Decimal("4.01"), "points_out_of_range"),
        (Decimal("1.255"), "points_precision"),
        ("ไม่ใช่ตัวเลข", "points_out_of_range"),
        (Decimal("NaN"), "points_out_of_range"),
    ],
)
def test_points_go_from_zero_to_the_questions_points_with_two_decimals(
    trainer, learner, quiz, points, code
):
    attempt = waiting_attempt(learner, quiz)
    answer = essay_answer(attempt)
    with pytest.raises(GradingError) as error:
        essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (points, "")})
    assert error.value.code == code and error.value.answer_id == answer.pk
    attempt.refresh_from_db()
    assert attempt.awaits_grading


def test_only_essays_of_the_attempt_can_be_graded(trainer, learner, quiz, lessons):
    attempt = waiting_attempt(learner, quiz)
    choice = attempt.answers.get(question__kind="single")
    classmate = UserFactory(username="other", home_centre=learner.home_centre)
    enrollment_create(user=classmate, course=lessons[0].get_parent().specific)
    other = waiting_attempt(classmate, quiz)
    for answer_id in (choice.pk, essay_answer(other).pk):
        with pytest.raises(GradingError) as error:
            essay_grade(grader=trainer, attempt=attempt, grades={answer_id: (Decimal(1), "")})
        assert error.value.code == "not_an_essay"
    with pytest.raises(GradingError) as error:
        essay_grade(grader=trainer, attempt=attempt, grades={})
    assert error.value.code == "nothing_graded"


def test_a_comment_is_cleaned_and_limited(trainer, learner, quiz):
    attempt = waiting_attempt(learner, quiz)
    answer = essay_answer(attempt)
    with pytest.raises(GradingError) as error:
        essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (Decimal(1), "ก" * 5001)})
    assert error.value.code == "comment_too_long"
    essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (Decimal(1), " ดี\x00\r\nมาก ")})
    answer.refresh_from_db()
    assert answer.grader_comment == "ดี\nมาก"


def test_nobody_outside_the_learners_centres_can_grade(home, centre, learner, quiz):
    attempt = waiting_attempt(learner, quiz)
    grades = {essay_answer(attempt).pk: (Decimal(1), "")}
    elsewhere = make_staff("trainer-b", CentreFactory())
    centre_admin = make_staff("admin-a", centre, roles.CENTRE_ADMINS)
    for user in (elsewhere, centre_admin, learner, UserFactory(username="plain")):
        with pytest.raises(GradingError) as error:
            essay_grade(grader=user, attempt=attempt, grades=grades)
        assert (error.value.code, error.value.status) == ("not_found", 404)
    attempt.refresh_from_db()
    assert attempt.awaits_grading


def test_a_trainer_cannot_grade_their_own_attempt(home, centre, course, quiz):
    trainer = make_staff("trainer-learner", centre)
    trainer.home_centre = centre
    trainer.save()
    enrollment_create(user=trainer, course=course)
    attempt = waiting_attempt(trainer, quiz)
    with pytest.raises(GradingError) as error:
        essay_grade(grader=trainer, attempt=attempt, grades={essay_answer(attempt).pk: (1, "")})
    assert error.value.code == "own_attempt"


def test_a_national_admin_grades_any_centres_learners(home, learner, quiz):
    national = UserFactory(username="national")
    national.groups.add(Group.objects.get(name=roles.NATIONAL_ADMINS))
    attempt = waiting_attempt(learner, quiz)
    essay_grade(grader=national, attempt=attempt, grades={essay_answer(attempt).pk: (4, "")})
    attempt.refresh_from_db()
    assert attempt.passed


def test_permission_alone_is_not_enough_without_a_centre(home, learner, quiz):
    someone = UserFactory(username="with-permission")
    someone.user_permissions.add(Permission.objects.get(codename="grade_essays"))
    attempt = waiting_attempt(learner, quiz)
    assert essay_waiting_count(grader=someone) == 0
    with pytest.raises(GradingError):
        essay_grade(grader=someone, attempt=attempt, grades={essay_answer(attempt).pk: (1, "")})


def test_essays_count_toward_completion_only_once_graded(trainer, learner, course, lessons):
    """With every lesson done, the final quiz is the course's last requirement."""
    final = make_quiz(course=course, questions=[short_text(), essay(points=1)])
    for lesson in lessons:
        lesson_complete(user=learner, lesson=lesson)
    attempt = waiting_attempt(learner, final)
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.completed_at is None
    essay_grade(grader=trainer, attempt=attempt, grades={essay_answer(attempt).pk: (1, "")})
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_learner_without_an_email_is_not_written_to(
    trainer, learner, quiz, django_capture_on_commit_callbacks
):
    learner.email = ""
    learner.save()
    attempt = waiting_attempt(learner, quiz)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        essay_grade(grader=trainer, attempt=attempt, grades={essay_answer(attempt).pk: (4, "")})
    assert callbacks == [] and mail.outbox == []


def test_grading_sheet_shows_essays_in_order_and_the_auto_graded_part(learner, quiz):
    attempt = waiting_attempt(learner, quiz)
    sheet = grading_sheet(attempt)
    assert [(e.number, e.points, e.awarded) for e in sheet.essays] == [(2, 4, None)]
    essay_row = sheet.essays[0]
    assert essay_row.grader_info.startswith("คำตอบที่ดี")
    assert "\n" in essay_row.text
    assert (sheet.auto_count, sheet.auto_score, sheet.auto_max) == (1, Decimal(1), Decimal(1))
    assert sheet.essay_max == 4


def test_review_shows_the_grade_and_comment_once_graded(client, trainer, learner, quiz):
    attempt = waiting_attempt(learner, quiz)
    essay_grade(
        grader=trainer,
        attempt=attempt,
        grades={essay_answer(attempt).pk: (Decimal(3), "<i>ดี</i>\nต่อ")},
    )
    client.force_login(learner)
    response = client.get(f"/quizzes/attempts/{attempt.pk}/review/")
    page = response.content.decode()
    assert "review-essay__waiting" not in page and "result__score" in page
    essay_item = next(q for q in response.context["review"] if q.is_essay)
    assert (essay_item.points_awarded, essay_item.show_points) == (Decimal(3), True)
    assert "&lt;i&gt;ดี&lt;/i&gt;<br>ต่อ" in page


def test_essays_are_in_the_learners_download_and_erased_with_the_account(
    client, trainer, learner, quiz
):
    attempt = waiting_attempt(learner, quiz)
    answer = essay_answer(attempt)
    essay_grade(grader=trainer, attempt=attempt, grades={answer.pk: (Decimal(3), "ดีมาก")})
    client.force_login(learner)
    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    (entry,) = data["quiz_attempts"]
    assert entry["essays"] == [
        {
            "question": answer.question.prompt_excerpt,
            "text": ESSAY_TEXT,
            "points": 3.0,
            "comment": "ดีมาก",
            "graded_at": entry["essays"][0]["graded_at"],
        }
    ]
    user_anonymise(user=learner, requested_by=learner)
    answer.refresh_from_db()
    assert (answer.response, answer.grader_comment) == ({}, "")
    # What counts it stays: the points, the result, and that an essay was written.
    assert answer.points == 3 and answer.response_key
    attempt.refresh_from_db()
    assert attempt.passed
