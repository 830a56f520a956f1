"""The whole-course review through the admin: the trainer submits the course once, the
national admin reads the whole change in one dialog and approves once."""

from django.contrib.auth.models import Group

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from curricula.models import CoursePage, LessonPage
from lms.users import roles
from tests.assessments.factories import make_quiz
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory


@pytest.fixture
def trainer(home):
    user = UserFactory(username="trainer-admin-review")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


@pytest.fixture
def reviewer(home):
    user = UserFactory(username="national-admin-review")
    user.groups.add(Group.objects.get(name=roles.NATIONAL_ADMINS))
    return user


@pytest.fixture
def drafts(workforce_track, trainer):
    course = CoursePageFactory(
        parent=workforce_track, title="ขายของออนไลน์", slug="khai-khong", live=False
    )
    course.save_revision(user=trainer)
    lessons = []
    for i, title in enumerate(["ถ่ายรูปสินค้า", "เขียนคำบรรยาย", "ตั้งราคา"], start=1):
        lesson = LessonPageFactory(parent=course, title=title, slug=f"lesson-{i}", live=False)
        lesson.save_revision(user=trainer)
        lessons.append(lesson)
    make_quiz(lesson=lessons[2], title="แบบทดสอบเรื่องราคา", is_live=False)
    return course, lessons


def course_form(course, **extra):
    return nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": "เรียนขายของออนไลน์ตั้งแต่ถ่ายรูปจนส่งของ",
            "description": rich_text("<p>หลักสูตรสำหรับผู้ผลิตในชุมชน</p>"),
            "level": "beginner",
            "estimated_hours": "3",
            "learning_outcomes": "",
            "tags": "",
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            **extra,
        }
    )


def modal_html(response) -> str:
    assert response.status_code == 200
    return response.json()["html"]


def test_trainer_submits_once_and_the_admin_approves_once(
    client, drafts, trainer, reviewer, django_assert_max_num_queries
):
    course, lessons = drafts
    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/{course.pk}/edit/", course_form(course, **{"action-submit": "ส่ง"})
    )
    assert response.status_code == 302
    for lesson in lessons:
        state = WorkflowState.objects.for_instance(lesson).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS

    course_state = WorkflowState.objects.for_instance(course).get()
    task_state = course_state.current_task_state
    approve_url = f"/admin/pages/workflow/action/{course.pk}/approve/{task_state.pk}/"

    # The trainer cannot decide on their own course.
    assert client.get(approve_url).status_code in (302, 403)

    client.force_login(reviewer)
    with django_assert_max_num_queries(60):
        html = modal_html(client.get(approve_url))
    assert "อนุมัติทั้งหลักสูตร" in html
    assert "ความเห็นถึงวิทยากร" in html
    assert "หลักสูตรนี้และบทเรียนที่ส่งมาด้วย 3 บท" in html
    for lesson in lessons:
        assert lesson.title in html
    assert "แบบทดสอบเรื่องราคา" in html
    assert "ยังไม่เปิดให้ผู้เรียนทำ" in html
    assert html.count("ใหม่") >= 4  # the course and its three lessons are all new
    for page in [course, *lessons]:
        assert f"/admin/pages/{page.pk}/revisions/" in html

    response = client.post(approve_url, {"comment": ""})
    assert response.status_code == 302

    for page in [course, *lessons]:
        page.refresh_from_db()
        assert page.live, page.title
    learner = UserFactory(username="learner-after-review")
    client.force_login(learner)
    for lesson in LessonPage.objects.child_of(CoursePage.objects.get(pk=course.pk)):
        assert client.get(lesson.url).status_code == 200


def test_request_changes_dialog_says_what_goes_back(client, drafts, trainer, reviewer):
    course, lessons = drafts
    course.get_workflow().start(course, trainer)
    task_state = WorkflowState.objects.for_instance(course).get().current_task_state
    client.force_login(reviewer)
    url = f"/admin/pages/workflow/action/{course.pk}/reject/{task_state.pk}/"

    html = modal_html(client.get(url))
    assert "จะถูกส่งกลับให้วิทยากรแก้ไข" in html

    assert client.post(url, {"comment": "เพิ่มรูปประกอบบทที่ 1"}).status_code == 302
    for page in [course, *lessons]:
        state = WorkflowState.objects.for_instance(page).get()
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        page.refresh_from_db()
        assert not page.live


def test_a_lesson_dialog_has_no_course_summary(client, drafts, trainer, reviewer):
    _course, lessons = drafts
    lesson = lessons[0]
    lesson.get_workflow().start(lesson, trainer)
    task_state = WorkflowState.objects.for_instance(lesson).get().current_task_state
    client.force_login(reviewer)
    html = modal_html(
        client.get(f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/")
    )
    assert "ทุกรายการที่ตรวจในครั้งนี้" not in html
    assert (
        client.post(
            f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/", {"comment": ""}
        ).status_code
        == 302
    )
    lesson.refresh_from_db()
    assert lesson.live


def test_prerequisites_field_in_the_editor_omits_the_course_and_its_translation(
    client, workforce_track, reviewer
):
    from wagtail.models import Locale

    course = CoursePageFactory(parent=workforce_track, title="หลักสูตรต่อยอด", slug="next-step")
    basic = CoursePageFactory(parent=workforce_track, title="หลักสูตรพื้นฐาน", slug="basics")
    english = course.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    client.force_login(reviewer)
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    field = response.context["form"]["prerequisites"]
    offered = {int(str(choice.data["value"])) for choice in field.subwidgets}
    assert offered == {basic.pk}
    assert english.pk not in offered

    # A posted id from outside the list is refused with a message, nothing saved.
    data = course_form(course)
    data["prerequisites"] = [str(english.pk)]
    response = client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert response.status_code == 200
    assert "prerequisites" in response.context["form"].errors
    assert not CoursePage.objects.get(pk=course.pk).prerequisites.exists()


def test_the_admin_approves_from_the_course_editor(client, drafts, trainer, reviewer):
    course, lessons = drafts
    course.get_workflow().start(course, trainer)
    client.force_login(reviewer)
    data = course_form(
        course,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"comment": "ดีมาก"}',
        },
    )
    response = client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert response.status_code == 302
    for page in [course, *lessons]:
        page.refresh_from_db()
        assert page.live, page.title


def test_autosave_cannot_carry_a_decision(client, drafts, trainer, reviewer):
    """The editor's background autosave posts the form and asks for JSON; a decision in
    it is refused, so only the reviewer's own submission decides."""
    course, lessons = drafts
    course.get_workflow().start(course, trainer)
    client.force_login(reviewer)
    data = course_form(
        course,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        },
    )
    response = client.post(
        f"/admin/pages/{course.pk}/edit/", data, headers={"accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "decision_in_autosave"
    course.refresh_from_db()
    assert not course.live
    assert WorkflowState.objects.for_instance(course).get().status == "in_progress"

    # A plain autosave (no decision) still saves a draft.
    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, summary="สรุปที่แก้ระหว่างตรวจ"),
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
