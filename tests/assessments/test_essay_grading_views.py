"""The trainer's pages for essays: the queue, grading one attempt, and where they are found."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assessments.grading_services import essay_grade
from assessments.models import AttemptAnswer, QuizAttempt
from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from lms.learning.services import enrollment_create
from lms.users import roles
from tests.conftest import admin_in_english
from tests.factories import (
    CentreFactory,
    CoursePageFactory,
    LessonPageFactory,
    StaffRoleFactory,
    UserFactory,
)

from .factories import essay, make_quiz, true_false
from .helpers import answers_for

pytestmark = pytest.mark.django_db

QUEUE = reverse("assessments:grading_queue")


def detail_url(attempt) -> str:
    return reverse("assessments:grading_detail", args=[attempt.pk])


def make_staff(username, centre, group=roles.TRAINERS):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    StaffRoleFactory(user=user, centre=centre)
    return user


@pytest.fixture
def centres(db):
    return CentreFactory(name_th="ศูนย์เหนือ"), CentreFactory(name_th="ศูนย์ใต้")


@pytest.fixture
def trainer(home, centres):
    trainer = make_staff("trainer-a", centres[0])
    StaffRoleFactory(user=trainer, centre=centres[1])  # works at both centres
    return trainer


@pytest.fixture
def quiz(lessons):
    return make_quiz(
        lesson=lessons[0],
        questions=[true_false(), essay(points=4, grader_info="ต้องพูดถึง\nแสงจากหน้าต่าง")],
        shuffle_questions=False,
    )


def learner_at(centre, course, username):
    user = UserFactory(username=username, home_centre=centre, first_name=f"ชื่อ-{username}")
    enrollment_create(user=user, course=course)
    return user


def waiting(user, quiz, text="วางข้างหน้าต่าง\n<ฉากขาว>"):
    attempt = attempt_start(user=user, quiz=quiz).attempt
    answers = answers_for(attempt)
    for position, entry in enumerate(attempt.layout, 1):
        if entry["k"] == "essay":
            answers[position].values = [text]
    attempt_answers_save(user=user, attempt=attempt, answers=answers)
    return attempt_submit(user=user, attempt=attempt).attempt


def essay_field(attempt) -> str:
    return f"points-{AttemptAnswer.objects.get(attempt=attempt, position=2).pk}"


def test_only_graders_open_the_queue(client, home, centres):
    assert client.get(QUEUE).status_code == 302  # to the login page
    learner = UserFactory(username="just-a-learner", home_centre=centres[0])
    centre_admin = make_staff("centre-admin", centres[0], roles.CENTRE_ADMINS)
    for user in (learner, centre_admin):
        client.force_login(user)
        assert client.get(QUEUE).status_code == 403


def test_queue_lists_waiting_attempts_of_the_trainers_centres_oldest_first(
    client, trainer, centres, course, quiz
):
    north, south = centres
    late = waiting(learner_at(north, course, "late"), quiz)
    early = waiting(learner_at(south, course, "early"), quiz)
    QuizAttempt.objects.filter(pk=early.pk).update(submitted_at=timezone.now() - timedelta(days=2))
    elsewhere = waiting(learner_at(CentreFactory(), course, "elsewhere"), quiz)
    graded = waiting(learner_at(north, course, "graded"), quiz)
    essay_grade(
        grader=trainer,
        attempt=graded,
        grades={AttemptAnswer.objects.get(attempt=graded, position=2).pk: (Decimal(4), "")},
    )
    client.force_login(trainer)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert [a.pk for a in response.context["attempts"]] == [early.pk, late.pk]
    page = response.content.decode()
    assert detail_url(elsewhere) not in page and detail_url(graded) not in page
    # Filtered by centre; a centre the trainer does not work at shows all of theirs.
    only_north = client.get(QUEUE, {"centre": north.pk})
    assert [a.pk for a in only_north.context["attempts"]] == [late.pk]
    assert len(client.get(QUEUE, {"centre": 999999}).context["attempts"]) == 2
    assert client.get(QUEUE, {"centre": "x"}).status_code == 400


def test_the_grading_page_shows_question_notes_answer_and_the_rest_of_the_score(
    client, trainer, centres, course, quiz
):
    attempt = waiting(learner_at(centres[0], course, "malee"), quiz)
    client.force_login(trainer)
    response = client.get(detail_url(attempt))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<p>ต้องพูดถึง<br>แสงจากหน้าต่าง</p>" in page  # notes for the grader
    assert "<p>วางข้างหน้าต่าง<br>&lt;ฉากขาว&gt;</p>" in page  # the answer, escaped
    assert f'name="{essay_field(attempt)}"' in page and 'inputmode="decimal"' in page
    sheet = response.context["sheet"]
    assert (sheet.auto_score, sheet.auto_max, sheet.essay_max) == (Decimal(1), Decimal(1), 4)


def test_grading_by_the_form_records_the_result_and_returns_to_the_queue(
    client, trainer, centres, course, quiz
):
    attempt = waiting(learner_at(centres[0], course, "malee"), quiz)
    client.force_login(trainer)
    comment = essay_field(attempt).replace("points", "comment")
    # Thai digits are numbers too.
    response = client.post(detail_url(attempt), {essay_field(attempt): "๓.๕", comment: "ดีมาก"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    attempt.refresh_from_db()
    assert attempt.score == Decimal("4.50") and attempt.passed
    answer = AttemptAnswer.objects.get(attempt=attempt, position=2)
    assert (answer.points, answer.grader_comment) == (Decimal("3.50"), "ดีมาก")
    # Graded: the page shows the grade; posting again changes nothing.
    page = client.get(detail_url(attempt))
    assert page.status_code == 200 and page.context["form"] is None
    again = client.post(detail_url(attempt), {essay_field(attempt): "0"})
    assert again.status_code == 302
    answer.refresh_from_db()
    assert answer.points == Decimal("3.50")


@pytest.mark.parametrize("points", ["", "5", "-1", "1.234", "สาม"])
def test_points_the_form_refuses(client, trainer, centres, course, quiz, points):
    attempt = waiting(learner_at(centres[0], course, "malee"), quiz)
    client.force_login(trainer)
    response = client.post(detail_url(attempt), {essay_field(attempt): points})
    assert response.status_code == 400
    assert response.context["form"].errors[essay_field(attempt)]
    assert 'aria-invalid="true"' in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.awaits_grading


def test_another_centres_attempt_is_not_found(client, home, centres, course, quiz):
    attempt = waiting(learner_at(centres[0], course, "malee"), quiz)
    elsewhere = make_staff("trainer-b", CentreFactory())
    centre_admin = make_staff("admin-a", centres[0], roles.CENTRE_ADMINS)
    for user in (elsewhere, centre_admin):
        client.force_login(user)
        assert client.get(detail_url(attempt)).status_code == 404
        assert client.post(detail_url(attempt), {essay_field(attempt): "4"}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.awaits_grading


def test_an_attempt_without_essays_has_no_grading_page(client, trainer, centres, course, lessons):
    quiz = make_quiz(lesson=lessons[1], questions=[true_false()])
    learner = learner_at(centres[0], course, "somchai")
    attempt = attempt_start(user=learner, quiz=quiz).attempt
    attempt = attempt_submit(user=learner, attempt=attempt).attempt
    client.force_login(trainer)
    assert client.get(detail_url(attempt)).status_code == 404


def test_trainers_find_the_queue_in_the_admin_menu_and_home_page(
    client, trainer, centres, course, quiz
):
    for name in ("a", "b"):
        waiting(learner_at(centres[0], course, name), quiz)
    client.force_login(admin_in_english(trainer))
    html = client.get("/admin/").content.decode()
    assert "Written answers to grade (2)" in html
    assert 'id="essays-to-grade' in html  # the panel on the admin home page
    assert f'href="/en{QUEUE}"' in html
    assert "quiz attempts with written answers to grade" in html  # the trainer's dashboard


def test_nothing_waiting_shows_no_panel(client, trainer):
    client.force_login(admin_in_english(trainer))
    html = client.get("/admin/").content.decode()
    assert 'id="essays-to-grade' not in html
    assert "Written answers to grade (" not in html


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_queue_queries_are_the_same_for_5_and_60_attempts(
    client, trainer, centres, workforce_track, course, quiz
):
    other_course = CoursePageFactory(parent=workforce_track)
    final = make_quiz(course=other_course, questions=[essay()])
    other_lesson_quiz = make_quiz(
        lesson=LessonPageFactory(parent=other_course), questions=[essay()]
    )

    def add(count, start):
        for n in range(start, start + count):
            learner = learner_at(centres[n % 2], course, f"q{n}")
            enrollment_create(user=learner, course=other_course)
            waiting(learner, [quiz, final, other_lesson_quiz][n % 3])

    add(5, 0)
    client.force_login(trainer)
    client.get(QUEUE)  # warm per-process caches (content types, site)
    five = count_queries(client, QUEUE)
    add(55, 5)
    sixty = count_queries(client, QUEUE)
    assert QuizAttempt.objects.awaiting_grading().count() == 60
    assert five == sixty, f"5 attempts: {five} queries, 60 attempts: {sixty}"
    assert sixty <= 12
    assert count_queries(client, QUEUE + "?page=3") == sixty
