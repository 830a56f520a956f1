"""Slugs in the admin and in code: a Thai title always ends with a good, unique slug."""

from django.contrib.auth.models import Group

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from curricula.models import CoursePage, LessonPage
from lms.core.slugs import slug_is_good
from lms.users import roles
from tests.factories import LessonPageFactory, UserFactory


@pytest.fixture
def trainer(home):
    user = UserFactory(username="slug-trainer")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


def lesson_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "สรุป",
            "estimated_minutes": "10",
            "body": streamfield([]),
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
        }
    )


def add_lesson(client, course, title, slug):
    return client.post(
        f"/admin/pages/add/curricula/lessonpage/{course.pk}/", lesson_form(title, slug)
    )


@pytest.mark.parametrize("junk", ["", "-", "-1", "-h1", "12", " "])
def test_junk_slug_from_the_browser_is_replaced_by_the_romanised_title(
    client, trainer, course, junk
):
    client.force_login(trainer)
    response = add_lesson(client, course, "บทที่ 1 จัดแสงและมุมกล้อง", junk)
    assert response.status_code == 302
    assert LessonPage.objects.child_of(course).get().slug == "bot-thi-1-chat-saeng-lae-mum-klong"


def test_the_same_thai_title_twice_gets_2_instead_of_an_english_error(client, trainer, course):
    client.force_login(trainer)
    for _ in range(3):
        assert add_lesson(client, course, "จัดแสง และมุมกล้อง", "-").status_code == 302
    slugs = sorted(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    assert slugs == [
        "chat-saeng-lae-mum-klong",
        "chat-saeng-lae-mum-klong-2",
        "chat-saeng-lae-mum-klong-3",
    ]


def test_a_slug_typed_in_thai_is_romanised(client, trainer, course):
    client.force_login(trainer)
    assert add_lesson(client, course, "บทเรียนแรก", "แนะนำ").status_code == 302
    assert LessonPage.objects.child_of(course).get().slug == "naenam"


def test_a_typed_slug_that_is_taken_is_refused_in_thai(client, trainer, course):
    LessonPageFactory(parent=course, slug="intro")
    client.force_login(trainer)
    response = add_lesson(client, course, "บทนำอีกบท", "intro")
    assert response.status_code == 200
    assert LessonPage.objects.child_of(course).count() == 1
    errors = " ".join(response.context["form"].errors["slug"])
    assert "intro" in errors and "ถูกใช้แล้ว" in errors


def test_pages_made_in_code_get_the_same_slugs(course):
    for slug in ["", "-", "-1"]:
        course.add_child(instance=LessonPage(title="บทที่ 1 จัดแสง", slug=slug))
    slugs = sorted(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    assert slugs == ["bot-thi-1-chat-saeng", "bot-thi-1-chat-saeng-2", "bot-thi-1-chat-saeng-3"]
    # A good slug given in code is kept exactly.
    course.add_child(instance=LessonPage(title="บทที่ 2", slug="lesson-two"))
    assert LessonPage.objects.child_of(course).filter(slug="lesson-two").exists()


def test_the_endpoint_answers_the_slug_the_form_would_give(client, trainer, course):
    LessonPageFactory(parent=course, slug="bot-thi-1-chat-saeng")
    client.force_login(trainer)
    url = "/admin/curricula/slug/"
    answer = client.get(url, {"title": "บทที่ 1 จัดแสง", "parent": course.pk}).json()
    assert answer == {"slug": "bot-thi-1-chat-saeng-2"}
    tidy = client.get(url, {"title": "บทที่ 1 จัดแสง", "slug": "แนะนำ", "parent": course.pk})
    assert tidy.json() == {"slug": "naenam"}
    assert client.get(url, {"title": "", "parent": course.pk}).json() == {"slug": ""}


def test_the_endpoint_refuses_bad_input_with_4xx(client, trainer, course):
    client.force_login(trainer)
    url = "/admin/curricula/slug/"
    assert client.get(url, {"title": "ก", "parent": "abc"}).status_code == 404
    assert client.get(url, {"title": "ก", "parent": 987654}).status_code == 404
    too_long = client.get(url, {"title": "ก" * 300, "parent": course.pk})
    assert too_long.status_code == 400 and "ตัวอักษร" in too_long.json()["error"]
    assert client.post(url, {"title": "ก", "parent": course.pk}).status_code == 405


def test_the_endpoint_is_for_people_who_may_add_or_edit_there(client, home, course):
    learner = UserFactory(username="slug-learner")
    client.force_login(learner)
    response = client.get("/admin/curricula/slug/", {"title": "ก", "parent": course.pk})
    assert response.status_code in (302, 403)
    root = Page.get_first_root_node()
    trainer = UserFactory(username="slug-trainer-2")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(trainer)
    # Trainers add pages under the tracks, not next to the home pages.
    assert (
        client.get("/admin/curricula/slug/", {"title": "ก", "parent": root.pk}).status_code == 404
    )


def test_a_copy_with_a_junk_slug_is_repaired(client, home, course):
    admin = UserFactory(username="slug-admin", is_superuser=True)
    client.force_login(admin)
    track = course.get_parent()
    response = client.post(
        f"/admin/pages/{course.pk}/copy/",
        {"new_title": "การขายสินค้าออนไลน์ รุ่น 2", "new_slug": "-2", "new_parent_page": track.pk},
    )
    assert response.status_code == 302
    copy = CoursePage.objects.child_of(track).get(title="การขายสินค้าออนไลน์ รุ่น 2")
    assert copy.slug == "kan-khai-sinkha-onlai-run-2"
    assert copy.url_path.endswith("/kan-khai-sinkha-onlai-run-2/")
    assert slug_is_good(copy.slug)


@pytest.fixture
def lesson(course):
    return LessonPageFactory(parent=course, title="บทที่ 1 จัดแสงและมุมกล้อง", slug="light")


def copy_form_as_sent(client, page) -> dict:
    """The copy form's fields as the page offers them, posted without JavaScript."""
    response = client.get(f"/admin/pages/{page.pk}/copy/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {name: form[name].value() for name in ("new_title", "new_slug", "new_parent_page")}
    return {name: "" if value is None else value for name, value in data.items()}


def test_a_copy_posted_as_it_is_gets_a_unique_slug(client, trainer, lesson):
    client.force_login(trainer)
    data = copy_form_as_sent(client, lesson)
    assert data["new_slug"] == "light"
    response = client.post(f"/admin/pages/{lesson.pk}/copy/", data)
    assert response.status_code == 302
    slugs = sorted(LessonPage.objects.child_of(lesson.get_parent()).values_list("slug", flat=True))
    assert slugs == ["light", "light-2"]


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("light", "bot-thi-2-chat-saeng"),  # the original's, left under a new title
        ("", "bot-thi-2-chat-saeng"),
        ("-", "bot-thi-2-chat-saeng"),
        ("-2", "bot-thi-2-chat-saeng"),
        ("๒", "bot-thi-2-chat-saeng"),
        ("แสงธรรมชาติ", "saeng-thammachat"),  # typed by hand in Thai
        ("my-light", "my-light"),
    ],
)
def test_a_copy_under_a_new_title_gets_a_readable_slug(client, trainer, lesson, slug, expected):
    client.force_login(trainer)
    data = {**copy_form_as_sent(client, lesson), "new_title": "บทที่ 2 จัดแสง", "new_slug": slug}
    response = client.post(f"/admin/pages/{lesson.pk}/copy/", data)
    assert response.status_code == 302
    copy = LessonPage.objects.child_of(lesson.get_parent()).get(title="บทที่ 2 จัดแสง")
    assert copy.slug == expected
    assert slug_is_good(copy.slug) and copy.url_path.endswith(f"/{expected}/")


def test_a_copy_with_a_clashing_slug_typed_by_hand_is_refused_in_thai(client, trainer, lesson):
    LessonPageFactory(parent=lesson.get_parent(), title="อื่น", slug="taken")
    client.force_login(trainer)
    data = {**copy_form_as_sent(client, lesson), "new_title": "บทที่ 2", "new_slug": "taken"}
    response = client.post(f"/admin/pages/{lesson.pk}/copy/", data, HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 200
    assert "ถูกใช้แล้ว" in response.content.decode()
    assert not LessonPage.objects.filter(title="บทที่ 2").exists()


def test_the_copy_form_hands_the_slug_to_the_editor_script(client, trainer, lesson):
    client.force_login(trainer)
    html = client.get(f"/admin/pages/{lesson.pk}/copy/").content.decode()
    assert 'data-controller="lms-slug"' in html
    assert 'data-lms-slug-title-field-value="new_title"' in html
    assert "js/admin-slug.js" in html
