"""GET /offline/courses/<id>/download.json and the course page's download panel."""

import re

from django.test import Client

import pytest
import wagtail_factories

from tests.factories import LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def download(client, course):
    return client.get(f"/offline/courses/{course.pk}/download.json")


@pytest.fixture
def media(db):
    image = wagtail_factories.ImageFactory(title="ขวดน้ำพริก")
    step_image = wagtail_factories.ImageFactory(title="กล่องพัสดุ")
    handout = wagtail_factories.DocumentFactory(title="เช็กลิสต์", file__filename="checklist.pdf")
    linked = wagtail_factories.DocumentFactory(title="ตารางราคา", file__filename="prices.pdf")
    return image, step_image, handout, linked


def illustrated_body(media):
    image, step_image, handout, linked = media
    return [
        ("paragraph", f'<p>ดู<a linktype="document" id="{linked.pk}">ตารางราคา</a></p>'),
        ("image", {"image": image, "alt_text": "ขวดน้ำพริก", "caption": ""}),
        (
            "steps",
            {"title": "ขั้นตอน", "steps": [{"title": "แพ็ก", "text": "", "image": step_image}]},
        ),
        ("download", {"document": handout, "description": ""}),
    ]


def test_an_enrolled_learner_gets_every_page_picture_and_file(
    client, learner, course, lessons, offline_quiz, assignment, media
):
    lesson = lessons[0]
    lesson.body = illustrated_body(media)
    lesson.save_revision().publish()
    client.force_login(learner)
    response = download(client, course)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["course"] == course.pk and data["title"] == course.title
    urls = data["urls"]
    assert urls[0] == course.url
    for page in lessons:
        assert page.url in urls
    assert f"/offline/quizzes/{offline_quiz.pk}/paper/" in urls
    assert f"/offline/assignments/{assignment.pk}/draft/" in urls
    assert media[2].url in urls and media[3].url in urls
    # Every picture the lesson page shows, in each size its srcset offers.
    html = client.get(lesson.url).content.decode()
    shown = set(re.findall(r'<img[^>]+src="([^"]+)"', html))
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        shown.update(part.strip().split(" ")[0] for part in srcset.split(","))
    shown = {url for url in shown if "/media/" in url or url.startswith("/images/")}
    assert len(shown) == 4  # three srcset sizes and the step's picture
    assert shown <= set(urls)
    assert len(urls) == len(set(urls))
    assert data["bytes"] > 30_000 * 6
    assert re.fullmatch(r"[0-9a-f]{20}", data["version"])


def test_the_query_count_does_not_grow_with_the_lessons(
    client, learner, course, lessons, media, django_assert_max_num_queries
):
    client.force_login(learner)
    for page in lessons:
        page.body = illustrated_body(media)
        page.save_revision().publish()
    download(client, course)  # the first request makes the renditions
    with django_assert_max_num_queries(14) as small:
        assert download(client, course).status_code == 200
    for n in range(12):
        LessonPageFactory(parent=course, slug=f"extra-{n}", body=illustrated_body(media))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(download(client, course).json()["urls"]) > 15


def test_the_version_changes_when_a_lesson_is_republished_or_a_picture_changes(
    client, learner, course, lessons, media
):
    client.force_login(learner)
    lessons[0].body = illustrated_body(media)
    lessons[0].save_revision().publish()
    first = download(client, course).json()["version"]
    assert download(client, course).json()["version"] == first  # stable while nothing changes
    lessons[1].title = "บทเรียนที่ปรับปรุงแล้ว"
    lessons[1].save_revision().publish()
    republished = download(client, course).json()["version"]
    assert republished != first
    image = media[0]
    image.file = wagtail_factories.ImageFactory.build().file
    image._set_file_hash()
    image.save()
    assert download(client, course).json()["version"] != republished


def test_the_version_changes_when_the_offline_quiz_changes(client, learner, course, offline_quiz):
    client.force_login(learner)
    first = download(client, course).json()["version"]
    offline_quiz.pass_mark_percent = 80
    offline_quiz.save()
    assert download(client, course).json()["version"] != first


def test_not_enrolled_or_not_live_is_404(client, course, lessons, learner):
    client.force_login(UserFactory(username="stranger"))
    assert download(client, course).status_code == 404
    assert client.get("/offline/courses/999999/download.json").status_code == 404
    assert Client().get(f"/offline/courses/{course.pk}/download.json").status_code == 404
    client.force_login(learner)
    course.unpublish()
    assert download(client, course).status_code == 404


def test_the_course_page_offers_the_download_to_an_enrolled_learner(
    client, learner, course, lessons
):
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    section = re.search(r"<section class=\"offline-download[^>]*>", html).group(0)
    assert f'data-offline-course="{course.pk}"' in section
    assert f'data-download-url="/offline/courses/{course.pk}/download.json"' in section
    assert "hidden" in section
    assert "ดาวน์โหลดไว้เรียนแบบออฟไลน์" in html and "ลบออกจากเครื่อง" in html
    assert "data-offline-download" in html and "data-offline-remove hidden" in html
    assert 'data-offline-status aria-live="polite"' in html
    strings = re.search(
        r'<script id="offline-strings" type="application/json">(.*?)</script>', html
    )
    import json

    data = json.loads(strings.group(1))
    assert set(data) == {
        "downloading",
        "downloaded",
        "updating",
        "removed",
        "failed",
        "offline_banner",
        "queued",
        "sent",
        "refused_title",
        "saved_offline",
    }
    assert "{size}" in data["downloaded"] and "{count}" in data["queued"]
    assert not re.search(
        r"[A-Za-z]{3,}", "".join(data.values()).replace("{size}", "").replace("{count}", "")
    )


def test_no_panel_for_a_visitor_or_a_learner_not_enrolled(client, course, lessons):
    assert "offline-download" not in client.get(course.url).content.decode()
    client.force_login(UserFactory(username="visitor"))
    assert "offline-download" not in client.get(course.url).content.decode()


def test_the_lesson_done_form_carries_its_offline_action(client, learner, lessons):
    client.force_login(learner)
    html = client.get(lessons[0].url).content.decode()
    form = re.search(r'<form[^>]+data-offline-action="lesson.done"[^>]*>(.*?)</form>', html, re.S)
    assert form and f'name="lesson" value="{lessons[0].pk}"' in form.group(1)
    assert f'action="/learn/lessons/{lessons[0].pk}/done/"' in form.group(0)
