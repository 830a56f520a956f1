"""Activity ids resolve: a browser is sent to the page, a program gets the definition."""

import pytest

from lms.xapi import statements

JSON = {"HTTP_ACCEPT": "application/json"}


def _path(kind, pk):
    return statements.activity_id(kind, pk).removeprefix(statements.site_url())


@pytest.mark.django_db
def test_a_browser_is_sent_to_the_course_and_the_lesson(client, course, lessons):
    response = client.get(_path("course", course.pk), HTTP_ACCEPT="text/html,*/*;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == course.url
    response = client.get(_path("lesson", lessons[0].pk))
    assert response.status_code == 302
    assert response["Location"] == lessons[0].url


@pytest.mark.django_db
def test_a_program_gets_the_activity_definition_in_json(client, course):
    response = client.get(_path("course", course.pk), **JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "Accept" in response["Vary"]
    body = response.json()
    assert body["type"] == "http://adlnet.gov/expapi/activities/course"
    assert body["name"]["th"] == "การขายสินค้าออนไลน์"
    assert body["moreInfo"] == statements.site_url() + course.url


@pytest.mark.django_db
def test_the_quiz_activity_resolves_to_the_quiz_page(client, quiz):
    response = client.get(_path("quiz", quiz.pk))
    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/{quiz.pk}/"
    body = client.get(_path("quiz", quiz.pk), **JSON).json()
    assert body["type"] == "http://adlnet.gov/expapi/activities/assessment"
    assert body["name"]["th"] == quiz.title


@pytest.mark.django_db
def test_unpublished_unknown_and_mismatched_ids_are_not_found(client, course, lessons, quiz):
    lessons[1].unpublish()
    quiz.is_live = False
    quiz.save(update_fields=["is_live"])
    for path in (
        _path("lesson", lessons[1].pk),
        _path("quiz", quiz.pk),
        _path("course", lessons[0].pk),  # a lesson's id is not a course
        _path("lesson", 999_999),
        _path("certificate", course.pk),
    ):
        assert client.get(path, **JSON).status_code == 404, path
