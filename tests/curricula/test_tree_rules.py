from django.core.exceptions import ValidationError

import pytest

from curricula.models import ActivityPage, CoursePage, HomePage, LessonPage, TrackPage
from tests.factories import ActivityPageFactory, CoursePageFactory, LessonPageFactory


def test_allowed_children_follow_the_curriculum_tree():
    assert HomePage.allowed_subpage_models() == [TrackPage]
    assert set(TrackPage.allowed_subpage_models()) == {CoursePage, ActivityPage}
    assert CoursePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []
    assert ActivityPage.allowed_subpage_models() == []


def test_lesson_under_a_course_is_accepted(course):
    lesson = LessonPageFactory(parent=course)
    assert lesson.get_parent().specific == course


@pytest.mark.django_db
def test_lesson_directly_under_a_track_is_refused(youth_track):
    with pytest.raises(ValidationError):
        LessonPageFactory(parent=youth_track)
    assert not LessonPage.objects.exists()


@pytest.mark.django_db
def test_course_under_a_course_is_refused(course):
    with pytest.raises(ValidationError):
        CoursePageFactory(parent=course)


def test_activity_plan_only_in_the_early_childhood_track(early_track, youth_track):
    assert ActivityPage.can_create_at(early_track)
    assert not ActivityPage.can_create_at(youth_track)
    ActivityPageFactory(parent=early_track)
    with pytest.raises(ValidationError):
        ActivityPageFactory(parent=youth_track)


def test_admin_refuses_to_add_a_lesson_to_a_track(admin_client, youth_track):
    url = f"/admin/pages/add/curricula/lessonpage/{youth_track.pk}/"
    response = admin_client.get(url)
    # Wagtail answers a forbidden page type with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    response = admin_client.post(url, {"title": "บทหลงทาง", "slug": "stray", "action-publish": "1"})
    assert response.status_code == 302
    assert not LessonPage.objects.filter(slug="stray").exists()


def test_admin_offers_only_lessons_inside_a_course(admin_client, course):
    response = admin_client.get(f"/admin/pages/{course.pk}/add_subpage/", follow=True)
    assert response.status_code == 200
    # A course has one allowed child type, so Wagtail goes straight to the lesson form.
    assert response.redirect_chain[-1][0].endswith(
        f"/admin/pages/add/curricula/lessonpage/{course.pk}/"
    )


@pytest.mark.django_db
def test_activity_age_range_must_be_ordered(early_track):
    with pytest.raises(ValidationError) as error:
        ActivityPageFactory(parent=early_track, age_min=5, age_max=3)
    assert "age_max" in error.value.message_dict
