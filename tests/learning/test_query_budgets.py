"""Learner pages use the same number of queries for a course of 5 lessons and of 200,
and a dashboard of 1 enrolment and of 30."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from lms.learning.services import enrollment_create, lesson_complete, lesson_visit
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory


def make_course(track, lessons: int):
    course = CoursePageFactory(parent=track)
    made = [LessonPageFactory(parent=course) for _ in range(lessons)]
    return course, made


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.fixture
def learner(db):
    return UserFactory(username="budget")


def test_course_and_lesson_pages_do_not_grow_with_the_course(client, learner, workforce_track):
    small, small_lessons = make_course(workforce_track, 5)
    large, large_lessons = make_course(workforce_track, 200)
    client.force_login(learner)
    for course, lessons in ((small, small_lessons), (large, large_lessons)):
        enrollment_create(user=learner, course=course)
        for lesson in lessons[:3]:
            lesson_complete(user=learner, lesson=lesson)
    # Warm per-process caches (site root paths, content types) on a third page.
    client.get(small.url)

    def cold_and_warm(url):
        cache.clear()  # the outline is built and cached on the first request
        return count_queries(client, url), count_queries(client, url)

    for small_url, large_url in [
        (small.url, large.url),
        (small_lessons[3].url, large_lessons[3].url),
    ]:
        cold_small, warm_small = cold_and_warm(small_url)
        cold_large, warm_large = cold_and_warm(large_url)
        assert cold_small == cold_large
        assert warm_small == warm_large
        # The cached outline spares the lessons and their quiz and assignment lookups.
        assert warm_small <= cold_small - 3
    # One query routes the whole path (curricula/routing.py); the rest is a fixed set of reads.
    # A revisit reads the enrolment once for the visit and the outline, and the visit's
    # read needs no transaction around it. The outline was dropped from the cache by the
    # last round, so it is rebuilt here: one query per lesson requirement provider
    # (H5P activities, quizzes, assignments, SCORM packages); H5P's reads which of the
    # lesson's blocks finish it from the lesson's body, once per page whatever its size.
    # And one looks for the lesson's SCORM package, which plays even where it does not
    # decide the lesson.
    assert count_queries(client, small_lessons[3].url) <= 19


def test_dashboard_does_not_grow_with_enrolments(client, learner, workforce_track):
    courses = [make_course(workforce_track, 3) for _ in range(30)]
    client.force_login(learner)
    enrollment_create(user=learner, course=courses[0][0])
    lesson_visit(user=learner, lesson=courses[0][1][0])
    client.get("/learn/")
    one = count_queries(client, "/learn/")
    for course, lessons in courses[1:]:
        enrollment_create(user=learner, course=course)
        lesson_complete(user=learner, lesson=lessons[0])
    thirty = count_queries(client, "/learn/")
    assert one == thirty
    assert thirty <= 15
