"""A new learner is welcomed (not welcomed back) and shown courses to start with: the
most taken first, those taken at the learner's own centre before all others."""

import pytest

from lms.learning.selectors import suggested_courses
from lms.learning.services import enrollment_create, enrollment_leave, lesson_complete
from lms.users.models import User
from tests.factories import CentreFactory, CoursePageFactory, LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(workforce_track):
    made = {}
    for slug in ("a", "b", "c", "d"):
        made[slug] = CoursePageFactory(parent=workforce_track, title=f"หลักสูตร {slug}", slug=slug)
        LessonPageFactory(parent=made[slug])
    return made


def enrol(users, course):
    for user in users:
        enrollment_create(user=user, course=course)


def test_most_taken_first_and_the_own_centre_before_the_rest(courses):
    here, there = CentreFactory(), CentreFactory()
    neighbours = [UserFactory(home_centre=here) for _ in range(2)]
    elsewhere = [UserFactory(home_centre=there) for _ in range(4)]
    enrol(elsewhere, courses["b"])
    enrol(elsewhere[:3], courses["c"])
    enrol(neighbours, courses["d"])
    # One who left does not count as taking the course.
    enrol(elsewhere, courses["a"])
    for user in elsewhere:
        enrollment_leave(user=user, course=courses["a"])

    learner = UserFactory(home_centre=here)
    assert [c.slug for c in suggested_courses(user=learner)] == ["d", "b", "c"]
    nowhere = UserFactory()
    assert [c.slug for c in suggested_courses(user=nowhere)] == ["b", "c", "d"]
    # A course the learner has taken is never suggested.
    enrollment_create(user=learner, course=courses["d"])
    assert "d" not in [c.slug for c in suggested_courses(user=learner)]


def test_a_new_learner_is_welcomed_and_shown_where_to_start(client, courses):
    learner = UserFactory(first_name="สมหญิง")
    client.force_login(learner)
    page = client.get("/learn/").content.decode()
    assert "ยินดีต้อนรับ คุณสมหญิง" in page and "ยินดีต้อนรับกลับมา" not in page
    assert "หลักสูตรแนะนำสำหรับเริ่มเรียน" in page
    assert page.count('class="card course-card"') == 3
    assert "ตอนนี้คุณยังไม่มีหลักสูตรที่กำลังเรียน" not in page  # no empty section for a new learner

    # Back after finishing a course: welcomed back, and told what to learn next.
    enrollment_create(user=learner, course=courses["a"])
    lesson_complete(user=learner, lesson=courses["a"].get_children().first().specific)
    page = client.get("/learn/").content.decode()
    assert "ยินดีต้อนรับกลับมา" in page and "เรียนอะไรต่อดี" in page
    assert f'href="{courses["a"].url}"' in page  # in the completed list, not suggested again


def test_sign_up_says_why_the_name_is_needed_and_asks_in_natural_thai(client):
    page = client.get("/accounts/signup/").content.decode()
    assert "ชื่อ-นามสกุลภาษาไทย ซึ่งจะพิมพ์บนเกียรติบัตรของคุณ" in page
    response = client.post("/accounts/signup/", {"username": "newcomer"})
    assert response.status_code == 200
    assert "กรุณากรอกช่องนี้" in response.content.decode()
    assert "ต้องระบุข้อมูลในเนื้อหานี้" not in response.content.decode()


def test_the_tracks_chosen_at_sign_up_come_first(client, courses, youth_track):
    chosen = CoursePageFactory(parent=youth_track, title="รู้ทันข่าวปลอม", slug="news")
    LessonPageFactory(parent=chosen)
    enrol([UserFactory() for _ in range(3)], courses["b"])  # popular, but not what she chose
    response = client.post(
        "/accounts/signup/",
        {
            "username": "kaew",
            "password1": "Photak-2569",
            "password2": "Photak-2569",
            "first_name": "แก้ว",
            "last_name": "ใจดี",
            "interests": ["youth"],
        },
    )
    assert response.status_code == 302
    learner = User.objects.get(username="kaew")
    assert learner.interests == ["youth"]
    assert [c.slug for c in suggested_courses(user=learner)][:2] == ["news", "b"]
    page = client.get("/learn/").content.decode()
    assert page.index("รู้ทันข่าวปลอม") < page.index("หลักสูตร b")
