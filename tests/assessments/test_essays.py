"""Essays and descriptions for the learner: the sheet, saving, submitting, waiting, review.

Essays are graded by a trainer after submission (tests/assessments/test_essay_grading.py
covers the trainer's side); descriptions are text between questions, never answered.
"""

from decimal import Decimal

from django.contrib.auth.models import Group

import pytest

from assessments.grading_services import essay_grade
from assessments.layout import (
    MAX_ESSAY_ANSWER,
    AnswerInvalid,
    RawAnswer,
    build_layout,
    response_from_raw,
)
from assessments.models import (
    AcceptedAnswer,
    AttemptAnswer,
    Question,
    QuestionBank,
    QuestionKind,
    QuizAttempt,
    RevealAnswers,
)
from assessments.selectors import (
    answers_revealed,
    attempt_progress,
    lesson_quiz_panel,
    quiz_overview,
)
from assessments.services import AttemptError, attempt_answers_save, attempt_start, attempt_submit
from lms.dashboards.selectors import trainer_dashboard
from lms.learning.models import LessonProgress
from lms.users import roles
from tests.factories import UserFactory

from .factories import (
    description,
    essay,
    make_quiz,
    numeric,
    short_text,
    single_choice,
    true_false,
)
from .helpers import ESSAY_TEXT, answers_for, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(lessons):
    """A description, two auto-graded questions and an essay, answers shown after each attempt."""
    return make_quiz(
        lesson=lessons[0],
        questions=[description(), single_choice(), essay(points=3), true_false()],
        shuffle_questions=False,
        reveal_answers=RevealAnswers.AFTER_EACH_ATTEMPT,
    )


def submitted(user, quiz, *, right=True):
    attempt = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=attempt, answers=answers_for(attempt, right=right))
    return attempt_submit(user=user, attempt=attempt).attempt


# --- Layout ---------------------------------------------------------------------------


def test_shuffling_keeps_descriptions_in_place_and_shuffles_each_part_on_its_own(lessons):
    part_one, part_two = description("<p>ตอนที่ 1</p>"), description("<p>ตอนที่ 2</p>")
    first = [true_false() for _ in range(4)]
    second = [true_false() for _ in range(4)]
    quiz = make_quiz(
        lesson=lessons[0], questions=[part_one, *first, part_two, *second], shuffle_questions=True
    )
    orders = set()
    for _ in range(20):
        ids = [entry["q"] for entry in build_layout(quiz)]
        assert ids[0] == part_one.pk and ids[5] == part_two.pk
        assert set(ids[1:5]) == {q.pk for q in first}
        assert set(ids[6:]) == {q.pk for q in second}
        orders.add(tuple(ids))
    assert len(orders) > 1, "the questions were never shuffled"


def test_random_draws_never_draw_descriptions(lessons):
    bank = QuestionBank.objects.create(name="คลังทดสอบ")
    questions = [true_false(bank=bank), single_choice(bank=bank)]
    for _ in range(3):
        description(bank=bank)
    quiz = make_quiz(lesson=lessons[0], draws=[{"bank": bank, "count": 5}])
    layout = build_layout(quiz)
    assert {entry["q"] for entry in layout} == {q.pk for q in questions}
    assert all(entry["k"] != QuestionKind.DESCRIPTION for entry in layout)


def test_layout_names_essays_and_descriptions_by_kind(quiz):
    assert [entry["k"] for entry in build_layout(quiz)] == [
        "description",
        "single",
        "essay",
        "true_false",
    ]
    assert build_layout(quiz)[2] == {"q": quiz.items.all()[2].question_id, "k": "essay"}


# --- Answers ------------------------------------------------------------------------------


def test_an_essay_keeps_its_line_breaks_and_one_line_answers_lose_them():
    text = "ย่อหน้าแรก\n\nย่อหน้าที่สอง"
    assert response_from_raw({"q": 1, "k": "essay"}, RawAnswer(values=[f"  {text}\n"])) == {
        "text": text
    }
    assert response_from_raw({"q": 1, "k": "short_text"}, RawAnswer(values=["เลข\nพัสดุ"])) == {
        "text": "เลข พัสดุ"
    }
    assert response_from_raw({"q": 1, "k": "essay"}, RawAnswer(values=[" \n "])) == {}


def test_an_essay_is_limited_to_ten_thousand_characters():
    entry = {"q": 1, "k": "essay"}
    assert response_from_raw(entry, RawAnswer(values=["ก" * MAX_ESSAY_ANSWER]))
    with pytest.raises(AnswerInvalid) as error:
        response_from_raw(entry, RawAnswer(values=["ก" * (MAX_ESSAY_ANSWER + 1)]))
    assert "10,000" in str(error.value)


def test_a_description_accepts_no_answer():
    entry = {"q": 1, "k": "description"}
    assert response_from_raw(entry, RawAnswer()) == {}
    with pytest.raises(AnswerInvalid):
        response_from_raw(entry, RawAnswer(values=["1"]))


def test_essay_saved_by_form_post_keeps_its_paragraphs(client, enrolled, quiz):
    client.force_login(enrolled)
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    attempt = QuizAttempt.objects.get(user=enrolled)
    typed = "บรรทัดหนึ่ง\r\nบรรทัดสอง\r\n\r\nย่อหน้าใหม่"
    response = client.post(url, {"present": ["3"], "q3": typed, "save": "3"})
    assert response.status_code == 302
    answer = AttemptAnswer.objects.get(attempt=attempt, position=3)
    assert answer.response == {"text": "บรรทัดหนึ่ง\nบรรทัดสอง\n\nย่อหน้าใหม่"}
    # The sheet shows it back in the textarea, escaped.
    client.post(url, {"present": ["3"], "q3": "<b>หนา</b>\nต่อ"})
    page = client.get(url).content.decode()
    assert "&lt;b&gt;หนา&lt;/b&gt;\nต่อ</textarea>" in page


def test_essay_autosaves_and_a_too_long_essay_is_refused_with_its_message(client, enrolled, quiz):
    client.force_login(enrolled)
    client.post(f"/quizzes/{quiz.pk}/start/")
    attempt = QuizAttempt.objects.get(user=enrolled)
    url = f"/quizzes/attempts/{attempt.pk}/autosave/"
    ok = client.post(url, {"present": "3", "q3": "หนึ่ง\nสอง"})
    assert ok.json() == {"ok": True, "saved": [3]}
    assert AttemptAnswer.objects.get(attempt=attempt, position=3).response == {"text": "หนึ่ง\nสอง"}
    refused = client.post(url, {"present": "3", "q3": "ข" * (MAX_ESSAY_ANSWER + 5)})
    assert refused.status_code == 400
    assert "10,000" in refused.json()["errors"]["3"]
    assert AttemptAnswer.objects.get(attempt=attempt, position=3).response == {"text": "หนึ่ง\nสอง"}


def test_sheet_numbers_questions_without_the_description(client, enrolled, quiz):
    client.force_login(enrolled)
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    response = client.get(url)
    page = response.content.decode()
    # Three questions to answer; the description posts nothing and has no save button.
    assert page.count('name="present"') == 3
    assert page.count('name="save"') == 3
    assert page.count('class="quiz-map__item') == 3
    assert page.count("question--description") == 1
    assert response.context["total"] == 3
    numbers = [q.number for q in response.context["sheet"]]
    assert numbers == [None, 1, 2, 3]
    assert f'maxlength="{MAX_ESSAY_ANSWER}"' in page and "<textarea" in page


def test_progress_and_the_unanswered_warning_skip_descriptions(client, enrolled, quiz):
    attempt = attempt_start(user=enrolled, quiz=quiz).attempt
    attempt_answers_save(user=enrolled, attempt=attempt, answers=answers_for(attempt))
    assert attempt_progress(attempt) == (3, 3)
    client.force_login(enrolled)
    response = client.get(f"/quizzes/attempts/{attempt.pk}/submit/")
    assert (response.context["answered"], response.context["total"]) == (3, 3)
    assert "callout--warning" not in response.content.decode()


# --- Submitting: the attempt waits for the trainer ------------------------------------------


def test_a_written_essay_leaves_the_attempt_waiting_without_a_result(enrolled, quiz, lessons):
    attempt = submitted(enrolled, quiz)
    attempt.refresh_from_db()
    assert attempt.awaits_grading
    assert (attempt.score, attempt.percent, attempt.passed, attempt.graded_at) == (
        None,
        None,
        None,
        None,
    )
    rows = {a.position: a for a in attempt.answers.all()}
    assert rows[2].points == 1 and rows[4].points == 1  # graded on submission
    assert rows[3].points is None and rows[3].response == {"text": ESSAY_TEXT}
    # The description has no points to give and is neither right nor wrong.
    assert rows[1].points == 0 and rows[1].is_correct is None
    # The lesson is not done while the result is unknown.
    assert not LessonProgress.objects.filter(lesson=lessons[0], completed_at__isnull=False).exists()


def test_an_empty_essay_scores_nothing_and_nothing_waits(enrolled, quiz):
    attempt = attempt_start(user=enrolled, quiz=quiz).attempt
    answers = answers_for(attempt)
    del answers[3]
    attempt_answers_save(user=enrolled, attempt=attempt, answers=answers)
    attempt = attempt_submit(user=enrolled, attempt=attempt).attempt
    attempt.refresh_from_db()
    assert not attempt.awaits_grading
    assert (attempt.score, attempt.max_score) == (Decimal(2), Decimal(5))  # description adds 0
    assert attempt.passed is False


def test_waiting_has_its_own_status_with_no_percent_and_no_new_attempt(enrolled, quiz, lessons):
    attempt = submitted(enrolled, quiz)
    panel = lesson_quiz_panel(user=enrolled, lesson=lessons[0])
    assert panel["status"] == "awaiting_grade" and panel["awaiting_grade"]
    assert panel["best_percent"] is None and panel["last_percent"] is None
    assert panel["url"] == f"/quizzes/attempts/{attempt.pk}/review/"
    overview = quiz_overview(user=enrolled, quiz=quiz, course=lessons[0].get_parent().specific)
    assert overview["status"] == "awaiting_grade" and not overview["can_start"]
    with pytest.raises(AttemptError) as error:
        attempt_start(user=enrolled, quiz=quiz)
    assert error.value.code == "awaiting_grade"


def test_right_answers_are_never_revealed_for_a_waiting_attempt(enrolled, quiz):
    attempt = submitted(enrolled, quiz)
    attempts = list(QuizAttempt.objects.filter(user=enrolled))
    assert quiz.reveal_answers == RevealAnswers.AFTER_EACH_ATTEMPT
    assert answers_revealed(quiz=quiz, attempt=attempt, attempts=attempts) is False


def test_pages_after_submitting_say_waiting_and_show_no_percent(client, enrolled, quiz):
    client.force_login(enrolled)
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    attempt = QuizAttempt.objects.get(user=enrolled)
    client.post(url, post_data(answers_for(attempt)))
    review = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", follow=True)
    page = review.content.decode()
    assert "result--waiting" in page and "result__score" not in page
    assert review.context["revealed"] is False
    assert "review-essay__waiting" in page
    # The essay is shown as written, paragraph by paragraph, escaped.
    assert "<p>วางสินค้าข้างหน้าต่าง<br>ใช้ผ้าขาวเป็นฉากหลัง</p>" in page
    assert "รอวิทยากรให้คะแนน" in page and "แจ้งให้ทราบ" in page  # told they will hear
    assert "review-right" not in page and "is-correct" not in page
    quiz_page = client.get(f"/quizzes/{quiz.pk}/")
    html = quiz_page.content.decode()
    # The status and the attempt's row both say it waits; no percent anywhere.
    assert html.count("รอวิทยากรให้คะแนน") == 2
    assert quiz_page.context["overview"]["best_percent"] is None
    assert "None%" not in html


def test_the_sheet_of_a_quiz_without_essays_is_unchanged(client, enrolled, lessons):
    quiz = make_quiz(lesson=lessons[0], questions=[short_text(), numeric()])
    attempt = submitted(enrolled, quiz)
    attempt.refresh_from_db()
    assert not attempt.awaits_grading and attempt.passed and attempt.graded_at is not None


# --- Review: feedback with the answers ---------------------------------------------------------


def weighted_short_answer() -> Question:
    question = Question(
        kind=QuestionKind.SHORT_TEXT,
        prompt="<p>ส่งอะไรให้ลูกค้าหลังส่งพัสดุ</p>",
        points=2,
        general_feedback="<p>เลขพัสดุช่วยให้ลูกค้า<b>ติดตามของ</b>ได้เอง</p>",
    )
    question.accepted_answers = [
        AcceptedAnswer(text="เลขพัสดุ", weight=100, feedback="ถูกต้อง"),
        AcceptedAnswer(text="ใบเสร็จ", weight=50, feedback="ใบเสร็จก็ดี แต่เลขพัสดุสำคัญกว่า"),
    ]
    question.save()
    return question


@pytest.mark.parametrize("reveal", [RevealAnswers.AFTER_EACH_ATTEMPT, RevealAnswers.NEVER])
def test_review_shows_general_and_matched_answer_feedback_only_when_answers_are_shown(
    client, enrolled, lessons, reveal
):
    short = weighted_short_answer()
    quiz = make_quiz(lesson=lessons[0], questions=[short], reveal_answers=reveal)
    attempt = attempt_start(user=enrolled, quiz=quiz).attempt
    attempt_answers_save(user=enrolled, attempt=attempt, answers={1: RawAnswer(values=["ใบเสร็จ"])})
    attempt_submit(user=enrolled, attempt=attempt)
    client.force_login(enrolled)
    response = client.get(f"/quizzes/attempts/{attempt.pk}/review/")
    (item,) = response.context["review"]
    page = response.content.decode()
    if reveal == RevealAnswers.NEVER:
        assert (item.answer_feedback, item.general_feedback, item.points_awarded) == ("", "", None)
        assert "เลขพัสดุสำคัญกว่า" not in page and "ติดตามของ" not in page
        return
    # Half the marks: partly right, with the feedback written for the answer matched.
    assert item.points_awarded == 1 and item.is_partial
    assert item.answer_feedback == "ใบเสร็จก็ดี แต่เลขพัสดุสำคัญกว่า"
    assert "is-partial" in page and "ใบเสร็จก็ดี แต่เลขพัสดุสำคัญกว่า" in page
    assert "<b>ติดตามของ</b>" in page  # the general feedback, as rich text


def test_an_essays_general_feedback_shows_once_graded_and_revealed(client, enrolled, quiz):
    question = quiz.items.get(question__kind="essay").question
    question.general_feedback = "<p>คำตอบที่ดีพูดถึงแสงธรรมชาติ</p>"
    question.save()
    attempt = submitted(enrolled, quiz)
    client.force_login(enrolled)
    waiting = client.get(f"/quizzes/attempts/{attempt.pk}/review/").content.decode()
    assert "แสงธรรมชาติ" not in waiting  # nothing is revealed while the essay waits
    national = UserFactory(username="national-grader")
    national.groups.add(Group.objects.get(name=roles.NATIONAL_ADMINS))
    essay_grade(
        grader=national,
        attempt=attempt,
        grades={attempt.answers.get(question=question).pk: (Decimal(3), "")},
    )
    graded = client.get(f"/quizzes/attempts/{attempt.pk}/review/").content.decode()
    assert "แสงธรรมชาติ" in graded


def test_descriptions_are_never_among_the_questions_learners_get_wrong(enrolled, course, lessons):
    trainer = UserFactory(username="course-owner")
    course.owner = trainer
    course.save_revision().publish()
    quiz = make_quiz(lesson=lessons[0], questions=[description(), true_false()])
    submitted(enrolled, quiz, right=False)
    hard = trainer_dashboard(user=trainer).hard_questions
    assert [q.question_id for q in hard] == [quiz.items.all()[1].question_id]
