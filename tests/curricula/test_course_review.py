"""One review for a whole course: the course's changed lessons go with it, and the
reviewer's single decision applies to all of them (curricula.review)."""

from types import SimpleNamespace

from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import (
    GroupApprovalTask,
    Locale,
    PageLogEntry,
    Task,
    Workflow,
    WorkflowState,
    WorkflowTask,
)

import pytest

from curricula.forms import CoursePageForm
from curricula.models import CoursePage, CourseReviewLesson, CourseReviewTask
from curricula.review import (
    CHANGED,
    NEW,
    UNCHANGED,
    course_review_decide,
    course_review_lessons_include,
    course_review_summary,
)
from lms.users import roles
from tests.assessments.factories import make_quiz
from tests.assignments.factories import AssignmentFactory
from tests.curricula.conftest import draft
from tests.factories import CoursePageFactory, LessonPageFactory


@pytest.fixture
def new_course(workforce_track, trainer):
    course = draft(
        CoursePageFactory(parent=workforce_track, title="ขายของออนไลน์ รุ่น 1", live=False),
        trainer,
    )
    lessons = [
        draft(LessonPageFactory(parent=course, title=f"บทที่ {i}", live=False), trainer)
        for i in (1, 2, 3)
    ]
    return course, lessons


def submit(page, user) -> WorkflowState:
    return page.get_workflow().start(page, user)


def state_of(page) -> WorkflowState | None:
    return WorkflowState.objects.for_instance(page).order_by("-pk").first()


def test_the_workflow_step_is_a_course_review(home):
    task = Workflow.objects.get(name="การตรวจหลักสูตร").tasks.get().specific
    assert isinstance(task, CourseReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == [roles.NATIONAL_ADMINS]


def test_submitting_a_course_takes_its_changed_lessons_along(new_course, trainer):
    course, lessons = new_course
    settled = LessonPageFactory(parent=course, title="บทที่เผยแพร่แล้ว")  # live, no changes

    state = submit(course, trainer)

    linked = CourseReviewLesson.objects.filter(course_review=state)
    assert sorted(int(link.lesson_review.object_id) for link in linked) == [
        lesson.pk for lesson in lessons
    ]
    for lesson in lessons:
        assert state_of(lesson).status == WorkflowState.STATUS_IN_PROGRESS
    assert state_of(settled) is None
    entry = PageLogEntry.objects.get(page=course, action="curricula.course_review.include")
    assert [row["id"] for row in entry.data["lessons"]] == [lesson.pk for lesson in lessons]


def test_one_approval_publishes_the_course_and_every_lesson(new_course, trainer, reviewer):
    course, lessons = new_course
    state = submit(course, trainer)

    decided = course_review_decide(
        task_state=state.current_task_state, user=reviewer, action="approve", comment="ดีมาก"
    )

    assert [lesson.pk for lesson in decided] == [lesson.pk for lesson in lessons]
    for page in [course, *lessons]:
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
        assert state_of(page).status == WorkflowState.STATUS_APPROVED
    assert PageLogEntry.objects.filter(
        page=course, action="curricula.course_review.approve", user=reviewer
    ).exists()
    assert PageLogEntry.objects.filter(page=lessons[0], action="wagtail.publish").exists()


def test_requesting_changes_sends_everything_back_and_resubmitting_resumes(
    new_course, trainer, reviewer
):
    course, lessons = new_course
    state = submit(course, trainer)

    course_review_decide(
        task_state=state.current_task_state, user=reviewer, action="reject", comment="แก้บทที่ 2"
    )

    for page in [course, *lessons]:
        page.refresh_from_db()
        assert not page.live
        assert state_of(page).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state_of(lessons[1]).current_task_state.comment == "แก้บทที่ 2"

    # "Resubmit" in the course's editor resumes the course's review, and with it the lessons'.
    state.refresh_from_db()
    state.resume(user=trainer)
    for lesson in lessons:
        assert state_of(lesson).status == WorkflowState.STATUS_IN_PROGRESS
    state.refresh_from_db()
    course_review_decide(task_state=state.current_task_state, user=reviewer, action="approve")
    for page in [course, *lessons]:
        page.refresh_from_db()
        assert page.live


def test_a_lesson_decided_on_its_own_keeps_that_decision(new_course, trainer, reviewer):
    course, lessons = new_course
    state = submit(course, trainer)
    first = state_of(lessons[0])
    first.current_task_state.reject(user=reviewer, comment="ยังไม่พร้อม")

    course_review_decide(task_state=state.current_task_state, user=reviewer, action="approve")

    for page in (course, lessons[1], lessons[2]):
        page.refresh_from_db()
        assert page.live
    lessons[0].refresh_from_db()
    assert not lessons[0].live
    assert state_of(lessons[0]).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_lesson_can_still_be_reviewed_alone(course, trainer, reviewer):
    lesson = draft(LessonPageFactory(parent=course, title="บทเสริม", live=False), trainer)
    state = submit(lesson, trainer)
    task_state = state.current_task_state

    task_state.task.specific.on_action(task_state, reviewer, "approve", comment="")

    lesson.refresh_from_db()
    assert lesson.live
    assert not CourseReviewLesson.objects.exists()
    assert not PageLogEntry.objects.filter(action__startswith="curricula.course_review").exists()


def test_a_trainer_cannot_decide(new_course, trainer):
    course, lessons = new_course
    state = submit(course, trainer)
    task = state.current_task_state.task.specific
    assert task.get_actions(course, trainer) == []


def test_the_reviewer_decides_a_course_in_a_dialog(new_course, trainer, reviewer):
    course, lessons = new_course
    state = submit(course, trainer)
    task = state.current_task_state.task.specific
    assert [(name, modal) for name, _label, modal in task.get_actions(course, reviewer)] == [
        ("reject", True),
        ("approve", True),
    ]
    # A lesson keeps Wagtail's usual actions (quick approve without a dialog).
    assert ("approve", False) in [
        (name, modal) for name, _label, modal in task.get_actions(lessons[0], reviewer)
    ]


def test_unknown_action_is_refused(new_course, trainer, reviewer):
    course, _lessons = new_course
    state = submit(course, trainer)
    with pytest.raises(ValueError):
        course_review_decide(task_state=state.current_task_state, user=reviewer, action="publish")
    assert state_of(course).status == WorkflowState.STATUS_IN_PROGRESS


def test_summary_says_what_is_new_and_what_changed(workforce_track, trainer, reviewer):
    course = CoursePageFactory(parent=workforce_track, title="หลักสูตรเดิม")
    course.save_revision(user=trainer).publish(user=reviewer)
    changed = LessonPageFactory(parent=course, title="บทเดิม")
    changed.save_revision(user=trainer).publish(user=reviewer)
    unchanged = LessonPageFactory(parent=course, title="บทที่ไม่แก้")
    changed.title = "บทเดิม ฉบับแก้"
    draft(changed, trainer)
    added = draft(LessonPageFactory(parent=course, title="บทใหม่", live=False), trainer)
    course.refresh_from_db()
    course.summary = "สรุปใหม่"
    draft(course, trainer)
    make_quiz(lesson=added, title="แบบทดสอบบทใหม่")
    AssignmentFactory(lesson=changed, title="งานถ่ายรูป")

    state = submit(course, trainer)
    summary = course_review_summary(course_review=state)

    assert summary.course.change == CHANGED
    assert f"/admin/pages/{course.pk}/revisions/compare/live..." in summary.course.compare_url
    by_title = {item.page.title: item for item in summary.lessons}
    assert set(by_title) == {"บทเดิม", "บทใหม่"}  # live titles; the drafts are what is reviewed
    assert by_title["บทเดิม"].change == CHANGED
    assert by_title["บทเดิม"].compare_url.endswith(f"live...{changed.get_latest_revision().pk}/")
    assert by_title["บทใหม่"].change == NEW
    assert by_title["บทใหม่"].compare_url == ""
    assert by_title["บทใหม่"].view_url
    assert [(p.title, p.change) for p in by_title["บทใหม่"].parts] == [("แบบทดสอบบทใหม่", NEW)]
    assert [(p.title, p.change) for p in by_title["บทเดิม"].parts] == [("งานถ่ายรูป", NEW)]
    assert [page.pk for page in summary.unchanged_lessons] == [unchanged.pk]
    assert UNCHANGED not in {item.change for item in summary.items}


def test_summary_is_only_for_courses(course, trainer):
    lesson = draft(LessonPageFactory(parent=course, live=False), trainer)
    assert course_review_summary(course_review=submit(lesson, trainer)) is None


def test_including_twice_links_each_lesson_once(new_course, trainer):
    course, lessons = new_course
    state = submit(course, trainer)
    course_review_lessons_include(course_review=state, user=trainer)
    assert CourseReviewLesson.objects.filter(course_review=state).count() == 3


# --- prerequisites -------------------------------------------------------------------


def prerequisite_choices(course) -> set[int]:
    form_class = CoursePage.get_edit_handler().get_form_class()
    form = form_class(instance=course, for_user=None, parent_page=course.get_parent())
    return set(form.fields["prerequisites"].queryset.values_list("pk", flat=True))


def test_prerequisites_offer_other_courses_in_the_same_language_only(workforce_track, home):
    course = CoursePageFactory(parent=workforce_track, title="หลักสูตรหลัก")
    other = CoursePageFactory(parent=workforce_track, title="หลักสูตรพื้นฐาน")
    english = Locale.objects.get(language_code="en")
    course_en = course.copy_for_translation(english, copy_parents=True)
    other_en = other.copy_for_translation(english)

    assert issubclass(CoursePage.get_edit_handler().get_form_class(), CoursePageForm)
    assert prerequisite_choices(course) == {other.pk}
    assert prerequisite_choices(CoursePage.objects.get(pk=course_en.pk)) == {other_en.pk}


def test_a_posted_translation_is_refused_as_prerequisite(workforce_track):
    course = CoursePageFactory(parent=workforce_track, title="หลักสูตรหลัก")
    english = Locale.objects.get(language_code="en")
    course_en = course.copy_for_translation(english, copy_parents=True)
    form_class = CoursePage.get_edit_handler().get_form_class()
    form = form_class(
        {"prerequisites": [course_en.pk]},
        instance=course,
        for_user=None,
        parent_page=course.get_parent(),
    )
    form.is_valid()
    assert "prerequisites" in form.errors


# --- the data migration --------------------------------------------------------------


def test_migration_turns_the_existing_approval_step_into_a_course_review(db):
    migration = __import__(
        "curricula.migrations.0005_curriculum_review_reviews_whole_courses", fromlist=["x"]
    )
    group = Group.objects.create(name="ผู้อนุมัติ")
    workflow = Workflow.objects.create(name="Curriculum review")
    task = GroupApprovalTask.objects.create(name="National admin approval")
    task.groups.add(group)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    migration.to_course_review(global_apps, None)
    converted = Task.objects.get(pk=task.pk).specific
    assert isinstance(converted, CourseReviewTask)
    assert list(converted.groups.all()) == [group]

    migration.to_group_approval(
        global_apps, SimpleNamespace(connection=SimpleNamespace(alias="default"))
    )
    restored = Task.objects.get(pk=task.pk).specific
    assert type(restored) is GroupApprovalTask
    assert list(restored.groups.all()) == [group]


def test_migration_gives_the_review_thai_names_an_editor_reads_on_the_submit_button(db):
    migration = __import__("curricula.migrations.0007_thai_workflow_names", fromlist=["x"])
    Workflow.objects.create(name="Curriculum review")
    GroupApprovalTask.objects.create(name="National admin approval")
    migration.rename(global_apps, None)
    assert Workflow.objects.filter(name="การตรวจหลักสูตร").exists()
    assert GroupApprovalTask.objects.filter(name="ผู้ดูแลระดับประเทศอนุมัติ").exists()
    assert not Workflow.objects.filter(name="Curriculum review").exists()
    with translation.override("th"):
        label = gettext("Submit to %(workflow_name)s") % {"workflow_name": "การตรวจหลักสูตร"}
    assert label == "ส่งเข้าสู่การตรวจหลักสูตร"
