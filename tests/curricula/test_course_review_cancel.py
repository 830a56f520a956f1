"""Cancelling a course's review cancels the lessons' reviews it started or resumed
(curricula.review.course_review_cancel); lessons sent on their own or already decided
keep their review."""

from django.apps import apps as global_apps
from django.utils import translation

from wagtail.log_actions import registry as log_actions
from wagtail.models import PageLogEntry, TaskState, WorkflowState

import pytest

from curricula.models import CourseReviewLesson
from curricula.review import course_review_decide
from tests.curricula.conftest import draft
from tests.curricula.test_course_review_admin import course_form
from tests.factories import CoursePageFactory, LessonPageFactory


@pytest.fixture
def new_course(workforce_track, trainer):
    course = draft(
        CoursePageFactory(
            parent=workforce_track, title="ถ่ายรูปสินค้าขายออนไลน์", slug="photo", live=False
        ),
        trainer,
    )
    lessons = [
        draft(
            LessonPageFactory(parent=course, title=f"บทที่ {i}", slug=f"lesson-{i}", live=False),
            trainer,
        )
        for i in (1, 2, 3)
    ]
    return course, lessons


def submit(page, user) -> WorkflowState:
    return page.get_workflow().start(page, user)


def state_of(page) -> WorkflowState:
    return WorkflowState.objects.for_instance(page).order_by("-pk").first()


def waiting_for(reviewer) -> set[int]:
    """The pages in the reviewer's queue."""
    return {
        int(state.workflow_state.object_id)
        for state in TaskState.objects.reviewable_by(reviewer).select_related("workflow_state")
    }


def test_cancelling_the_course_cancels_the_lessons_taken_along(new_course, trainer, reviewer):
    course, lessons = new_course
    state = submit(course, trainer)
    assert waiting_for(reviewer) == {course.pk, *(lesson.pk for lesson in lessons)}
    assert lessons[0].get_lock().for_user(trainer)

    state.cancel(user=trainer)

    for page in [course, *lessons]:
        assert state_of(page).status == WorkflowState.STATUS_CANCELLED, page.title
        page.refresh_from_db()
        assert page.get_lock() is None
        assert not page.live
    assert waiting_for(reviewer) == set()
    for lesson in lessons:
        assert PageLogEntry.objects.filter(
            page=lesson, action="wagtail.workflow.cancel", user=trainer
        ).exists()
    entry = PageLogEntry.objects.get(page=course, action="curricula.course_review.cancel")
    assert entry.user == trainer
    assert [row["id"] for row in entry.data["lessons"]] == [lesson.pk for lesson in lessons]


def test_a_lesson_sent_on_its_own_before_stays_in_review(new_course, trainer, reviewer):
    course, lessons = new_course
    own = submit(lessons[0], trainer)
    state = submit(course, trainer)
    assert CourseReviewLesson.objects.filter(course_review=state).count() == 3

    state.cancel(user=trainer)

    own.refresh_from_db()
    assert own.status == WorkflowState.STATUS_IN_PROGRESS
    assert own.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert waiting_for(reviewer) == {lessons[0].pk}
    for lesson in lessons[1:]:
        assert state_of(lesson).status == WorkflowState.STATUS_CANCELLED
    entry = PageLogEntry.objects.get(page=course, action="curricula.course_review.cancel")
    assert [row["id"] for row in entry.data["lessons"]] == [lessons[1].pk, lessons[2].pk]


def test_a_lesson_already_decided_keeps_its_decision(new_course, trainer, reviewer):
    course, lessons = new_course
    state = submit(course, trainer)
    state_of(lessons[0]).current_task_state.reject(user=reviewer, comment="เพิ่มรูป")
    state_of(lessons[1]).current_task_state.approve(user=reviewer, comment="")

    state.cancel(user=trainer)

    assert state_of(lessons[0]).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state_of(lessons[0]).current_task_state.comment == "เพิ่มรูป"
    assert state_of(lessons[1]).status == WorkflowState.STATUS_APPROVED
    lessons[1].refresh_from_db()
    assert lessons[1].live
    assert state_of(lessons[2]).status == WorkflowState.STATUS_CANCELLED
    entry = PageLogEntry.objects.get(page=course, action="curricula.course_review.cancel")
    assert [row["id"] for row in entry.data["lessons"]] == [lessons[2].pk]


def test_a_lesson_sent_back_and_resubmitted_on_its_own_keeps_its_new_review(
    new_course, trainer, reviewer
):
    course, lessons = new_course
    state = submit(course, trainer)
    lesson_review = state_of(lessons[0])
    lesson_review.current_task_state.reject(user=reviewer, comment="")
    lesson_review.refresh_from_db()
    lesson_review.resume(user=trainer)  # the trainer resubmits the lesson from its editor

    state.cancel(user=trainer)

    assert state_of(lessons[0]).status == WorkflowState.STATUS_IN_PROGRESS
    assert waiting_for(reviewer) == {lessons[0].pk}


def test_lessons_resumed_with_the_course_are_cancelled_with_it(new_course, trainer, reviewer):
    course, lessons = new_course
    own = submit(lessons[0], trainer)  # linked as it was at first
    state = submit(course, trainer)
    course_review_decide(
        task_state=state.current_task_state, user=reviewer, action="reject", comment="แก้ทั้งหมด"
    )
    own.refresh_from_db()
    assert own.status == WorkflowState.STATUS_NEEDS_CHANGES
    state.refresh_from_db()
    state.resume(user=trainer)  # "Resubmit" resumes the course and the lessons sent back

    state.refresh_from_db()
    state.cancel(user=trainer)

    for page in [course, *lessons]:
        assert state_of(page).status == WorkflowState.STATUS_CANCELLED, page.title
    assert waiting_for(reviewer) == set()


def test_cancelling_a_lessons_own_review_touches_nothing_else(new_course, trainer, reviewer):
    course, lessons = new_course
    state = submit(course, trainer)
    state_of(lessons[0]).cancel(user=trainer)

    assert state_of(lessons[0]).status == WorkflowState.STATUS_CANCELLED
    assert state_of(lessons[1]).status == WorkflowState.STATUS_IN_PROGRESS
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not PageLogEntry.objects.filter(action="curricula.course_review.cancel").exists()


def test_submitting_the_course_again_takes_the_lessons_along_again(new_course, trainer):
    course, lessons = new_course
    first = submit(course, trainer)
    first.cancel(user=trainer)

    second = submit(course, trainer)

    for lesson in lessons:
        assert state_of(lesson).status == WorkflowState.STATUS_IN_PROGRESS
    assert CourseReviewLesson.objects.filter(course_review=second).count() == 3


def test_publishing_the_course_outside_the_review_cancels_its_lessons_too(
    new_course, trainer, reviewer
):
    # Wagtail ends a page's review when the page is published directly (and warns so in
    # the editor); the lessons sent with the course were not published, so they return
    # to draft with it rather than stay in the queue of a review that no longer exists.
    course, lessons = new_course
    submit(course, trainer)

    course.get_latest_revision().publish(user=reviewer)

    assert state_of(course).status == WorkflowState.STATUS_CANCELLED
    for lesson in lessons:
        assert state_of(lesson).status == WorkflowState.STATUS_CANCELLED
        lesson.refresh_from_db()
        assert not lesson.live
    assert waiting_for(reviewer) == set()
    assert (
        PageLogEntry.objects.get(page=course, action="curricula.course_review.cancel").user
        == reviewer
    )


def test_the_trainer_cancels_from_the_course_editor(client, new_course, trainer, reviewer):
    course, lessons = new_course
    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/{course.pk}/edit/", course_form(course, **{"action-submit": "ส่ง"})
    )
    assert response.status_code == 302
    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    for lesson in lessons:
        assert f"/admin/pages/{lesson.pk}/edit/" in dashboard

    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, **{"action-cancel-workflow": "ยกเลิก"}),
    )
    # The course is locked to the trainer while in review, so Wagtail cancels and shows
    # the editor again rather than saving the form.
    assert response.status_code == 200
    assert f"ยกเลิกการขออนุมัติหน้า '{course.title}' แล้ว" in [
        str(message).split("\n")[0].replace("&#x27;", "'")
        for message in response.context["messages"]
    ]

    for page in [course, *lessons]:
        assert state_of(page).status == WorkflowState.STATUS_CANCELLED, page.title
    assert waiting_for(reviewer) == set()
    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    for page in [course, *lessons]:
        assert f"/admin/pages/{page.pk}/edit/" not in dashboard
    # The trainer can edit the lessons again.
    client.force_login(trainer)
    editor = client.get(f"/admin/pages/{lessons[0].pk}/edit/")
    assert editor.status_code == 200
    assert editor.context["locked_for_user"] is False


def test_the_history_reads_the_cancel_in_thai(home):
    with translation.override("th"):
        assert log_actions.get_action_label("curricula.course_review.cancel") == (
            "ยกเลิกการตรวจหลักสูตร"
        )


def test_migration_remembers_which_lessons_the_course_took_along(new_course, trainer):
    migration = __import__(
        "curricula.migrations.0010_course_review_lesson_started_step", fromlist=["x"]
    )
    course, lessons = new_course
    submit(lessons[0], trainer)
    state = submit(course, trainer)
    CourseReviewLesson.objects.update(started_task_state=None)  # links made before the field

    migration.fill(global_apps, None)

    started = {
        int(link.lesson_review.object_id): link.started_task_state_id
        for link in CourseReviewLesson.objects.filter(course_review=state)
    }
    assert started[lessons[0].pk] is None
    for lesson in lessons[1:]:
        assert started[lesson.pk] == state_of(lesson).current_task_state_id
