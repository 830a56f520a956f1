"""Results for trainers: best and last score per learner, item analysis, CSV, centre scoping."""

import csv
import io
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import translation

import pytest

from assessments.grading_services import essay_grade
from assessments.layout import RawAnswer
from assessments.models import AcceptedAnswer, Choice, Question, QuestionKind
from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from lms.learning.services import enrollment_create
from lms.reports.quiz_results import (
    item_analysis_csv,
    learner_results_csv,
    quiz_item_analysis,
    quiz_learner_results,
)
from lms.users import roles
from tests.assessments.factories import description, essay, make_quiz, single_choice, true_false
from tests.conftest import admin_in_english
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(course, lessons):
    """Two centres, a trainer at each, learners at each, and a two-question quiz."""
    north, south = CentreFactory(name_th="ศูนย์เหนือ"), CentreFactory(name_th="ศูนย์ใต้")
    trainers = {}
    for centre in (north, south):
        trainer = UserFactory(username=f"trainer-{centre.pk}")
        trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
        StaffRoleFactory(user=trainer, centre=centre)
        trainers[centre] = trainer
    choice = single_choice(right="ถูก", wrong=("ผิดบ่อย", "ผิดน้อย"))
    statement = true_false(answer=True)
    quiz = make_quiz(lesson=lessons[0], questions=[choice, statement], shuffle_questions=False)
    learners = {}
    for name, centre in (("=cmd", north), ("ann", north), ("bee", north), ("cat", south)):
        user = UserFactory(username=name.strip("="), first_name=name, home_centre=centre)
        enrollment_create(user=user, course=course)
        learners[name] = user
    return {
        "north": north,
        "south": south,
        "trainers": trainers,
        "quiz": quiz,
        "choice": choice,
        "learners": learners,
    }


def take(user, quiz, choice_text, statement):
    """One attempt: the choice with this text for question 1, "true"/"false" for question 2."""
    attempt = attempt_start(user=user, quiz=quiz).attempt
    shown = Choice.objects.in_bulk(attempt.layout[0]["c"])
    number = next(
        n for n, pk in enumerate(attempt.layout[0]["c"], 1) if shown[pk].text == choice_text
    )
    answers = {1: RawAnswer(values=[str(number)]), 2: RawAnswer(values=[statement])}
    attempt_answers_save(user=user, attempt=attempt, answers=answers)
    return attempt_submit(user=user, attempt=attempt).attempt


def play(world):
    quiz, people = world["quiz"], world["learners"]
    take(people["=cmd"], quiz, "ผิดบ่อย", "true")  # 50
    take(people["=cmd"], quiz, "ถูก", "true")  # 100 (best and last)
    take(people["ann"], quiz, "ถูก", "true")  # 100
    take(people["ann"], quiz, "ผิดบ่อย", "false")  # 0 (last)
    take(people["bee"], quiz, "ผิดน้อย", "true")  # 50
    take(people["cat"], quiz, "ผิดบ่อย", "false")  # 0, other centre


def test_trainer_sees_best_and_last_of_their_centres_learners_only(world):
    play(world)
    rows = quiz_learner_results(viewer=world["trainers"][world["north"]], quiz=world["quiz"])
    by_name = {r.user.username: r for r in rows}
    assert set(by_name) == {"cmd", "ann", "bee"}
    assert (by_name["cmd"].best_percent, by_name["cmd"].last_percent) == (
        Decimal(100),
        Decimal(100),
    )
    assert (by_name["ann"].best_percent, by_name["ann"].last_percent) == (Decimal(100), Decimal(0))
    assert by_name["ann"].attempts == 2 and by_name["ann"].passed  # highest attempt counts
    assert not by_name["bee"].passed
    south = quiz_learner_results(viewer=world["trainers"][world["south"]], quiz=world["quiz"])
    assert [r.user.username for r in south] == ["cat"]


def test_item_analysis_share_right_and_most_chosen_wrong_answer(world):
    play(world)
    admin = UserFactory(username="national", is_superuser=True)
    stats = quiz_item_analysis(viewer=admin, quiz=world["quiz"])
    choice, statement = stats
    assert (choice.answers, choice.correct) == (6, 2)
    assert choice.share_correct == Decimal("33.3")
    assert (choice.common_wrong, choice.common_wrong_count) == ("ผิดบ่อย", 3)
    # The answer is named in the reader's language.
    assert (statement.correct, statement.common_wrong) == (4, "เท็จ")
    # Scoped: the north trainer's analysis leaves out the south learner.
    north = quiz_item_analysis(viewer=world["trainers"][world["north"]], quiz=world["quiz"])
    assert north[0].answers == 5 and north[0].common_wrong_count == 2


def test_results_page_and_csv_exports(client, world):
    play(world)
    trainer = world["trainers"][world["north"]]
    client.force_login(trainer)
    index = client.get("/admin/quiz-results/")
    assert index.status_code == 200 and world["quiz"].title in index.content.decode()
    url = f"/admin/quiz-results/{world['quiz'].pk}/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "ผิดบ่อย" in html and "cat" not in html.split("<main")[-1].split("</main>")[0]

    response = client.get(url + "?export=learners")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 4  # header + three learners of this centre
    names = [row[1] for row in rows[1:]]
    assert any(name.startswith("'=cmd") for name in names)  # shown as text, never a formula
    assert not any(cell.startswith("=") for row in rows for cell in row)
    items = client.get(url + "?export=items")
    item_rows = list(csv.reader(io.StringIO(items.content.decode("utf-8-sig"))))
    assert len(item_rows) == 3 and item_rows[1][5] == "ผิดบ่อย"


def test_results_need_the_permission(client, world):
    learner = world["learners"]["ann"]
    client.force_login(learner)
    assert client.get("/admin/quiz-results/").status_code in (302, 403)
    centre_admin = UserFactory(username="centre-admin")
    centre_admin.groups.add(Group.objects.get(name=roles.CENTRE_ADMINS))
    StaffRoleFactory(user=centre_admin, centre=world["south"], role="centre_admin")
    client.force_login(centre_admin)
    assert client.get("/admin/quiz-results/").status_code == 200


def count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_results_queries_do_not_grow_with_learners(client, world, course):
    play(world)
    client.force_login(world["trainers"][world["north"]])
    url = f"/admin/quiz-results/{world['quiz'].pk}/"
    client.get(url)
    few = count_queries(client, url)
    for n in range(6):
        user = UserFactory(username=f"more{n}", home_centre=world["north"])
        enrollment_create(user=user, course=course)
        take(user, world["quiz"], "ผิดน้อย", "true")
    assert count_queries(client, url) == few


@pytest.fixture
def essay_world(world, lessons):
    """A second quiz of the north centre: a description, a weighted short answer, an essay."""
    short = Question(kind=QuestionKind.SHORT_TEXT, prompt="<p>ส่งอะไรให้ลูกค้า</p>", points=2)
    short.accepted_answers = [
        AcceptedAnswer(text="เลขพัสดุ", weight=100),
        AcceptedAnswer(text="ใบเสร็จ", weight=50, feedback="เกือบถูก"),
    ]
    short.save()
    quiz = make_quiz(
        lesson=lessons[1],
        questions=[description(), short, essay(points=4)],
        shuffle_questions=False,
    )
    world.update(essay_quiz=quiz, short=short)
    return world


def take_essay_quiz(user, quiz, typed):
    attempt = attempt_start(user=user, quiz=quiz).attempt
    answers = {2: RawAnswer(values=[typed]), 3: RawAnswer(values=["เขียนตอบ\nสองบรรทัด"])}
    attempt_answers_save(user=user, attempt=attempt, answers=answers)
    return attempt_submit(user=user, attempt=attempt).attempt


def test_item_analysis_skips_descriptions_and_counts_essays_and_partial_marks(essay_world):
    quiz, people = essay_world["essay_quiz"], essay_world["learners"]
    trainer = essay_world["trainers"][essay_world["north"]]
    graded = take_essay_quiz(people["ann"], quiz, "เลขพัสดุ")
    take_essay_quiz(people["bee"], quiz, "ใบเสร็จ")
    essay_grade(
        grader=trainer,
        attempt=graded,
        grades={graded.answers.get(position=3).pk: (Decimal(3), "")},
    )
    short, written = quiz_item_analysis(viewer=trainer, quiz=quiz)
    # Short answer: one full (2 points), one half (1 point): 1 of 2 right, average 75 %.
    assert (short.answers, short.correct, short.share_correct) == (2, 1, Decimal("50.0"))
    assert short.average_percent == Decimal("75.0")
    assert short.common_wrong == "ใบเสร็จ"
    # The essay: one graded with 3 of 4 points, one waiting (left out of the average).
    assert written.is_essay and (written.graded, written.waiting) == (1, 1)
    assert written.share_correct is None and written.average_percent == Decimal("75.0")
    assert written.common_wrong == ""  # essays have no "most chosen" answer
    with translation.override("en"):
        rows = list(csv.reader(io.StringIO(item_analysis_csv([short, written]))))
    assert rows[0][-3:] == ["Average mark (%)", "Essays graded", "Essays waiting for a grade"]
    assert rows[2][-3:] == ["75.0", "1", "1"] and rows[1][-2:] == ["", ""]


def test_learner_results_show_an_attempt_waiting_for_a_grade(essay_world):
    quiz, people = essay_world["essay_quiz"], essay_world["learners"]
    trainer = essay_world["trainers"][essay_world["north"]]
    take_essay_quiz(people["ann"], quiz, "เลขพัสดุ")
    rows = quiz_learner_results(viewer=trainer, quiz=quiz)
    (ann,) = rows
    assert (ann.attempts, ann.best_percent, ann.last_percent) == (1, None, None)
    assert ann.last_waiting and not ann.passed
    with translation.override("en"):
        exported = list(csv.reader(io.StringIO(learner_results_csv(rows))))
    assert exported[1][4:7] == ["", "waiting for a grade", "waiting for a grade"]
    assert exported[1][-1] == "1"


def test_results_page_says_waiting_instead_of_a_percent(client, essay_world):
    quiz, people = essay_world["essay_quiz"], essay_world["learners"]
    take_essay_quiz(people["ann"], quiz, "เลขพัสดุ")
    client.force_login(admin_in_english(essay_world["trainers"][essay_world["north"]]))
    html = client.get(f"/admin/quiz-results/{quiz.pk}/").content.decode()
    main = html.split("<main")[-1]
    assert "waiting for a grade" in main and "None%" not in main and "ตอนที่ 2" not in main
    assert "0 graded, 1 waiting" in main
