"""Trainers write assignments in the Wagtail admin; the rules of a sound assignment are
enforced there and by the database."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from lms.assignments.models import Assignment, Grading
from lms.assignments.services import Work, submission_hand_in
from lms.users import roles
from tests.factories import UserFactory

from .factories import SIMPLE_RUBRIC, AssignmentFactory


@pytest.fixture
def author(home):
    user = UserFactory(username="author")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


def levels(*items):
    return {
        "count": str(len(items)),
        **{
            str(i): {
                "value": {"label": label, "points": str(points), "description": ""},
                "deleted": "",
                "order": str(i),
                "id": "",
            }
            for i, (label, points) in enumerate(items)
        },
    }


def form(**overrides):
    data = {
        "title": "ถ่ายรูปสินค้าและเขียนประกาศขาย",
        "lesson": "",
        "course": "",
        "instructions": rich_text("<p>ถ่ายรูปสินค้า 2 รูป</p>"),
        "accepts_text": "on",
        "text_label": "ประกาศขาย",
        "accepts_images": "on",
        "min_images": "2",
        "file_types": "",
        "max_files": "5",
        "max_file_mb": "15",
        "grading": Grading.RUBRIC,
        "rubric": streamfield(
            [
                (
                    "criterion",
                    {
                        "title": "แสง",
                        "description": "",
                        "levels": levels(("ต้องปรับปรุง", 0), ("ดี", 2)),
                    },
                )
            ]
        ),
        "pass_points": "2",
        "due_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_trainer_writes_an_assignment_with_a_rubric(client, author, lessons):
    client.force_login(author)
    add_url = reverse("assignment_admin:add")
    page = client.get(add_url)
    assert page.status_code == 200
    response = client.post(add_url, form(lesson=str(lessons[1].pk)))
    assert response.status_code == 302, response.context["form"].errors
    assignment = Assignment.objects.get()
    assert assignment.lesson_id == lessons[1].pk
    assert [c.title for c in assignment.criteria] == ["แสง"]
    assert assignment.max_points == 2 and assignment.min_images == 2
    assert client.get(reverse("assignment_admin:index")).status_code == 200


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({}, "lesson"),  # neither a lesson nor a course
        ({"pass_points": "9"}, "pass_points"),  # more than the rubric gives
        ({"accepts_files": "on", "file_types": "exe, pdf"}, "file_types"),
        ({"accepts_text": "", "accepts_images": "", "min_images": "0"}, "accepts_text"),
    ],
)
def test_unsound_assignments_are_refused_with_a_message(client, author, lessons, overrides, field):
    client.force_login(author)
    data = {"lesson": str(lessons[1].pk), **overrides} if field != "lesson" else overrides
    response = client.post(reverse("assignment_admin:add"), form(**data))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Assignment.objects.exists()


def test_lesson_and_course_both_is_refused(client, author, course, lessons):
    client.force_login(author)
    response = client.post(
        reverse("assignment_admin:add"), form(lesson=str(lessons[1].pk), course=str(course.pk))
    )
    assert response.status_code == 200
    assert not Assignment.objects.exists()


def test_database_holds_one_owner_and_one_assignment_per_lesson(course, lessons):
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(lesson=lessons[0], course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(lesson=None, course=None)
    AssignmentFactory(lesson=lessons[0])
    with pytest.raises(ValidationError):
        Assignment(title="ซ้ำ", instructions="<p>x</p>", lesson=lessons[0]).full_clean()


def test_english_lesson_is_recorded_as_its_thai_original(lessons):
    english = lessons[1].copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    assignment = Assignment(
        title="x", instructions="<p>x</p>", lesson=english, grading=Grading.PASS_REDO
    )
    assignment.full_clean()
    assert assignment.lesson_id == lessons[1].pk


def test_assignment_with_handed_in_work_is_not_deleted(client, author, learner, assignment):
    submission_hand_in(user=learner, assignment=assignment, work=Work(text="งาน"))
    client.force_login(author)
    response = client.post(reverse("assignment_admin:delete", args=[assignment.pk]))
    assert response.status_code == 302
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_lesson_with_handed_in_work_is_not_deleted(client, learner, assignment):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    submission_hand_in(user=learner, assignment=assignment, work=Work(text="งาน"))
    client.force_login(admin)
    lesson = assignment.lesson
    response = client.post(f"/admin/pages/{lesson.pk}/delete/")
    assert response.status_code == 302
    assert type(lesson).objects.filter(pk=lesson.pk).exists()


def test_rubric_block_values_keep_their_criterion_ids(lessons):
    assignment = AssignmentFactory(
        lesson=lessons[0], grading=Grading.RUBRIC, rubric=SIMPLE_RUBRIC, pass_points=2
    )
    ids = [c.id for c in assignment.criteria]
    assignment.refresh_from_db()
    assert [c.id for c in assignment.criteria] == ids and all(ids)
